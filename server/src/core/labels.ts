import type { FormatVersion, Locale, TableId } from './model';
import { type ColumnSpec, columnsOf, otherFormat, rowSpec, TABLE3, T3_COLUMNS, T4_COLUMNS } from './schema/formats';

/** Human names of tables, rows and columns, from the schema. */

const TABLE_NAMES: Record<TableId, Record<Locale, string>> = {
  T2: { 'zh-CN': '表二', en: 'Table 2' },
  T3: { 'zh-CN': '表三', en: 'Table 3' },
  T4: { 'zh-CN': '表四', en: 'Table 4' },
};

export function tableName(id: TableId, locale: Locale): string {
  return TABLE_NAMES[id][locale];
}

/** A table's name in both languages, as a message parameter. */
export function tableNames(id: TableId): Record<Locale, string> {
  return TABLE_NAMES[id];
}

const GROUP_OF_SUBROW: Record<string, string> = { R3_3: 'G3_3', R3_4: 'G3_4', R3_5: 'G3_5', R3_6: 'G3_6' };

const ROW_NAMES = new Map<string, string>();

export function rowName(table: TableId, rowKey: string, format: FormatVersion = '2021'): string {
  if (table === 'T4') return '';
  const id = `${table}:${format}:${rowKey}`;
  let name = ROW_NAMES.get(id);
  if (name === undefined) ROW_NAMES.set(id, (name = officialRowName(table, rowKey, format)));
  return name;
}

function officialRowName(table: TableId, rowKey: string, format: FormatVersion): string {
  const spec = rowSpec(table, format, rowKey) ?? rowSpec(table, otherFormat(format), rowKey);
  if (!spec) return rowKey;
  const group = /^(R3_\d)_\d$/.exec(rowKey);
  const groupLabel = group ? TABLE3.groups.find((g) => g.key === GROUP_OF_SUBROW[group[1]])?.label : undefined;
  return groupLabel ? `${groupLabel}${spec.label}` : spec.label;
}

/** 表二's columns for a row: its format's first, then the other format's. */
const T2_POOLS = new Map<string, ColumnSpec[]>();

function table2Columns(format: FormatVersion, rowKey: string): ColumnSpec[] {
  const id = `${format}:${rowKey}`;
  let pool = T2_POOLS.get(id);
  if (!pool) T2_POOLS.set(id, (pool = [...columnsOf('T2', format, rowKey), ...columnsOf('T2', otherFormat(format), rowKey)]));
  return pool;
}

export function columnName(table: TableId, column: string, format: FormatVersion = '2021', rowKey = ''): string {
  const pool = table === 'T3' ? T3_COLUMNS : table === 'T4' ? T4_COLUMNS : table2Columns(format, rowKey);
  return pool.find((c) => c.key === column)?.label ?? column;
}

/** A row's name for messages: its official label, or “数据行” for 表四's unlabelled row. */
export function rowTitle(table: TableId, rowKey: string, format?: FormatVersion): Record<Locale, string> | string {
  return rowName(table, rowKey, format) || { 'zh-CN': '数据行', en: 'data row' };
}

type CellRef = { table: TableId; row: string; column: string };

/**
 * A cell's name: `「（一）予以公开」自然人`; with `inTable`, `表三「（二）部分公开」自然人` (the row's
 * 区分处理 note left out, the table saying where).
 */
export function cellName(ref: CellRef, locale: Locale, format?: FormatVersion, options: { inTable?: boolean } = {}): string {
  let row = rowName(ref.table, ref.row, format);
  if (options.inTable) row = row.replace(/（区分处理的[^）]*）$/, '');
  const col = columnName(ref.table, ref.column, format, ref.row);
  const space = locale === 'zh-CN' ? '' : ' ';
  const quote = (s: string) => (locale === 'zh-CN' ? `「${s}」` : `“${s}”`);
  const name = row ? `${quote(row)}${space}${col}` : col;
  return options.inTable ? `${tableName(ref.table, locale)}${space}${name}` : name;
}

/** `cellName` in both languages, as a message parameter. */
export function cellNames(ref: CellRef, format?: FormatVersion, options: { inTable?: boolean } = {}): Record<Locale, string> {
  return { 'zh-CN': cellName(ref, 'zh-CN', format, options), en: cellName(ref, 'en', format, options) };
}
