import type { Analysis, Finding } from './analyze';
import { hoverAt } from './hover';
import { rowName, tableName } from './labels';
import type { Cell, Locale, Range, Severity, TableId } from './model';
import { effectiveFormat, rowsOf, T3_COLUMNS, T4_COLUMNS, TABLE2 } from './schema/formats';
import { ARITHMETIC_CODES } from './schema/invariants';
import type { SourceAnalysis } from './source';

/**
 * The recognized tables as the official grids, for drawing (the review report, the editor's table
 * preview): each block with its header rows, each row with its official label and its cells, each
 * cell with what it holds and the worst finding about it.
 */

export type CellMark = Cell['state'] | 'missing';

export interface CellView {
  /** `T3.R3_1.TOT`: what findings name. */
  target: string;
  text: string;
  state: CellMark;
  range?: Range;
  severity?: Severity;
  /** The one cell that explains a broken sum. */
  culprit?: boolean;
  /** The findings about this cell, as messages. */
  messages: string[];
  /** The editor's hover on this cell (Markdown): what it counts, its sums with the live numbers. */
  hover?: string;
}

export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface RowView {
  key: string;
  label: string;
  /** Where the row's label is written. */
  range?: Range;
  cells: CellView[];
}

export interface BlockView {
  caption?: string;
  /** Rows of header cells above the data rows; the first column is the row labels'. */
  header: HeaderCell[][];
  rows: RowView[];
}

export interface TableView {
  id: TableId;
  title: string;
  blocks: BlockView[];
}

const ARITHMETIC = new Set(ARITHMETIC_CODES);
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The tables of an analysis, drawn in the format the report uses (or the one its year expects). */
export function tablesView(analysis: Analysis, locale: Locale): TableView[] {
  const report = analysis.report;
  if (!report) return [];
  const format = analysis.format ?? effectiveFormat(report);
  const byTarget = new Map<string, Finding[]>();
  for (const f of analysis.findings) {
    if (!f.target) continue;
    const list = byTarget.get(f.target) ?? [];
    list.push(f);
    byTarget.set(f.target, list);
  }
  const cellOf = (table: TableId, rowKey: string, column: string): CellView => {
    const target = `${table}.${rowKey}.${column}`;
    const cell = report.tables[table]?.rows.get(rowKey)?.cells.find((c) => c.column === column);
    // Findings about the cell itself, and row findings (cell-empty names the row) when the cell is blank.
    const own = byTarget.get(target) ?? [];
    const ofRow = cell && cell.state !== 'number' ? (byTarget.get(`${table}.${rowKey}`) ?? []) : [];
    const findings = [...own, ...ofRow];
    const worst = findings.reduce<Severity | undefined>((w, f) => (w === undefined || RANK[f.severity] < RANK[w] ? f.severity : w), undefined);
    const view: CellView = {
      target,
      text: cell?.raw ?? '',
      state: cell ? (cell.present ? cell.state : 'blank') : 'missing',
      messages: findings.map((f) => f.message),
    };
    if (cell?.present) view.range = cell.range;
    if (worst) view.severity = worst;
    if (own.some((f) => ARITHMETIC.has(f.code))) view.culprit = true;
    return view;
  };
  const rowOf = (table: TableId, key: string, text: string, cells: CellView[]): RowView => {
    const written = report.tables[table]?.rows.get(key);
    return { key, label: text, cells, ...(written?.label ? { range: written.labelRange } : {}) };
  };
  const views: TableView[] = [];
  const label = (table: TableId, key: string) => rowName(table, key, format);
  if (report.tables.T2) {
    views.push({
      id: 'T2',
      title: tableName('T2', locale),
      blocks: TABLE2[format].map((block) => ({
        caption: block.caption,
        header: [[{ text: '信息内容' }, ...block.columns.map((c) => ({ text: c.label }))]],
        rows: block.rows.map((r) =>
          rowOf(
            'T2',
            r.key,
            r.label,
            block.columns.map((c) => cellOf('T2', r.key, c.key)),
          ),
        ),
      })),
    });
  }
  if (report.tables.T3) {
    views.push({
      id: 'T3',
      title: tableName('T3', locale),
      blocks: [
        {
          header: [
            [
              { text: '', rowSpan: 3 },
              { text: '申请人情况', colSpan: 7 },
            ],
            [
              { text: '自然人', rowSpan: 2 },
              { text: '法人或其他组织', colSpan: 5 },
              { text: '总计', rowSpan: 2 },
            ],
            T3_COLUMNS.slice(1, 6).map((c) => ({ text: c.label })),
          ],
          rows: rowsOf('T3', format).map((r) =>
            rowOf(
              'T3',
              r.key,
              label('T3', r.key),
              T3_COLUMNS.map((c) => cellOf('T3', r.key, c.key)),
            ),
          ),
        },
      ],
    });
  }
  if (report.tables.T4) {
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    views.push({
      id: 'T4',
      title: tableName('T4', locale),
      blocks: [
        {
          header: [
            [
              { text: '', rowSpan: 3 },
              { text: '行政复议', colSpan: 5 },
              { text: '行政诉讼', colSpan: 10 },
            ],
            [...results.map((text) => ({ text, rowSpan: 2 })), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
            [...results, ...results].map((text) => ({ text })),
          ],
          rows: [
            rowOf(
              'T4',
              'R',
              '',
              T4_COLUMNS.map((c) => cellOf('T4', 'R', c.key)),
            ),
          ],
        },
      ],
    });
  }
  return views;
}

/**
 * The tables of what the user edits, for the editor's table preview: each written cell with the
 * editor's hover text, every range in the document's own coordinates (for HTML and shaped text the
 * tables are read from a view of it; PDF and Word views are the document).
 */
export function tablesInSource(analysis: SourceAnalysis, locale: Locale): TableView[] {
  const view = analysis.view;
  const inView: Analysis = view ? { ...analysis, doc: view.doc } : analysis;
  const place = (r: Range) => (view ? view.toSource(r) : r);
  const tables = tablesView(inView, locale);
  for (const table of tables) {
    for (const block of table.blocks) {
      for (const row of block.rows) {
        if (row.range) row.range = place(row.range);
        for (const cell of row.cells) {
          if (!cell.range) continue;
          const hover = hoverAt(inView, cell.range.start, locale);
          if (hover) cell.hover = hover.markdown;
          cell.range = place(cell.range);
        }
      }
    }
  }
  return tables;
}
