import type { Analysis } from './analyze';
import type { Operand, Relation } from './arithmetic';
import { relationsOfCell } from './arithmetic';
import { EditorMessageId, editorText } from './editor-messages';
import { cellName, columnName, rowName } from './labels';
import { format as formatText } from './rule';
import type { Cell, FormatVersion, Locale, Position, Range, Report, Row, TableId } from './model';
import { blockOf, columnsOf, effectiveFormat, expectedFormat, otherFormat, rowSpec, T3_COLUMNS } from './schema/formats';
import { ARTICLE_20_ITEMS, blockOfCaption } from './schema/regulation';
import { SECTIONS } from './schema/sections';
import { comparePositions, normalizeLabel } from './text';

/** Hover texts: what a heading, row or cell is, its legal basis, and the live sums a cell is part of. */

export interface HoverText {
  markdown: string;
  range: Range;
}

const MAX_LISTED_PARTS = 8;

export function contains(range: Range, p: Position): boolean {
  return comparePositions(range.start, p) <= 0 && comparePositions(p, range.end) <= 0;
}

/** Markdown-escapes text taken from the document or the schema. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

const TABLE_MESSAGE: Record<TableId, EditorMessageId> = { T2: 'table2', T3: 'table3', T4: 'table4' };

export function hoverAt(analysis: Analysis, position: Position, locale: Locale): HoverText | undefined {
  const report = analysis.report;
  if (!report) return undefined;
  return (
    titleHover(report, position, locale) ??
    headingHover(report, position, locale) ??
    captionHover(report, analysis.format ?? effectiveFormat(report), position, locale) ??
    cellOrLabelHover(analysis, report, position, locale) ??
    columnHeaderHover(report, position, locale)
  );
}

function titleHover(report: Report, p: Position, locale: Locale): HoverText | undefined {
  const title = report.title;
  if (!title || !contains(title.range, p)) return undefined;
  const t = (id: EditorMessageId, params = {}) => editorText(id, locale, params);
  const lines = [`**${t('reportTitle')}**`, ''];
  if (report.organ) lines.push(`- ${md(t('titleOrgan', { organ: report.organ }))}`);
  if (report.year !== undefined) {
    const source: Record<string, EditorMessageId> = { title: 'yearFromTitle', period: 'yearFromPeriod', signature: 'yearFromSignature', text: 'yearFromText' };
    lines.push(`- ${t('titleYear', { year: report.year, source: t(source[report.yearSource ?? 'text']) })}`);
  }
  if (report.format) lines.push(`- ${t('titleFormat', { format: t(report.format === '2019' ? 'format2019' : 'format2021') })}`);
  const expected = expectedFormat(report.year);
  if (expected) lines.push(`- ${t('titleExpected', { format: t(expected === '2019' ? 'format2019' : 'format2021') })}`);
  return { markdown: lines.join('\n'), range: title.range };
}

function headingHover(report: Report, p: Position, locale: Locale): HoverText | undefined {
  const section = report.sections.find((s) => s.heading.line === p.line && contains(s.heading.range, p));
  if (!section) return undefined;
  const spec = SECTIONS[section.heading.section - 1];
  const markdown = [
    `**${spec.numeral}、${spec.title}**`,
    '',
    editorText('sectionHeading', locale, { index: spec.index, title: spec.title }),
    '',
    md(spec.doc[locale]),
  ].join('\n');
  return { markdown, range: section.heading.range };
}

function captionHover(report: Report, format: FormatVersion, p: Position, locale: Locale): HoverText | undefined {
  const t2 = report.tables.T2;
  if (!t2) return undefined;
  for (const [item, range] of t2.captions) {
    if (!contains(range, p)) continue;
    const block = blockOfCaption(format, item);
    const article = ARTICLE_20_ITEMS[item];
    const lines = [`**${md(block?.caption ?? `第二十条第（${item}）项`)}**`, ''];
    if (article) lines.push(md(editorText('caption', locale, article)), '');
    if (block) lines.push(md(editorText('blockColumns', locale, { columns: block.columns.map((c) => c.label).join(locale === 'zh-CN' ? '、' : ', ') })));
    return { markdown: lines.join('\n').trimEnd(), range };
  }
  return undefined;
}

function findCell(report: Report, p: Position): { row: Row; cell?: Cell } | undefined {
  for (const table of Object.values(report.tables)) {
    if (p.line < table.range.start.line || p.line > table.range.end.line) continue;
    for (const row of table.rows.values()) {
      const cell = row.cells.find((c) => c.present && contains(c.range, p));
      if (cell) return { row, cell };
      if (row.label && contains(row.labelRange, p)) return { row };
    }
  }
  return undefined;
}

function cellOrLabelHover(analysis: Analysis, report: Report, p: Position, locale: Locale): HoverText | undefined {
  const found = findCell(report, p);
  if (!found) return undefined;
  const { row, cell } = found;
  const format = analysis.format ?? effectiveFormat(report);
  const table = editorText(TABLE_MESSAGE[row.table], locale);
  const lines: string[] = [];
  const relations = analysis.arithmetic
    ? cell
      ? relationsOfCell(analysis.arithmetic, cell)
      : analysis.arithmetic.relations.filter((r) => r.spec.table === row.table && r.spec.eachRow && r.instance === row.key)
    : [];
  // A broken sum first: it is what the person came for; what the cell is and every sum follow.
  if (cell) for (const rel of relations.filter((r) => !r.ok)) lines.push(brokenLine(rel, format, locale), '');
  if (cell) lines.push(`**${md(`${table}${locale === 'zh-CN' ? '' : ' '}${cellName(cell, locale, format)}`)}**`, '');
  else
    lines.push(`**${md(`${table}${locale === 'zh-CN' ? `「${rowName(row.table, row.key, format)}」` : ` “${rowName(row.table, row.key, format)}”`}`)}**`, '');
  lines.push(...rowFacts(row, format, locale));
  if (cell) lines.push(...cellFacts(cell, format, locale));
  if (cell && analysis.arithmetic?.tables.includes(row.table)) lines.push(...equationLines(relations, cell, format, locale));
  else if (!cell && relations.length) lines.push(...equationLines(relations, undefined, format, locale));
  return { markdown: lines.join('\n').trimEnd(), range: cell ? cell.range : row.labelRange };
}

function rowFacts(row: Row, format: FormatVersion, locale: Locale): string[] {
  const lines: string[] = [];
  if (row.table === 'T2') {
    const block = blockOf(format, row.key) ?? blockOf(otherFormat(format), row.key);
    const item = block ? ARTICLE_20_ITEMS[/（(.)）/.exec(block.caption)?.[1] ?? ''] : undefined;
    if (item) lines.push(md(editorText('caption', locale, item)), '');
    return lines;
  }
  const spec = rowSpec(row.table, format, row.key) ?? rowSpec(row.table, otherFormat(format), row.key);
  if (spec?.doc) lines.push(md(spec.doc[locale]), '');
  if (spec?.basis) lines.push(md(editorText('basis', locale, { basis: spec.basis })), '');
  return lines;
}

function cellFacts(cell: Cell, format: FormatVersion, locale: Locale): string[] {
  const lines: string[] = [];
  const column = columnsOf(cell.table, format, cell.row).find((c) => c.key === cell.column);
  if (column?.doc) lines.push(md(`${column.label}：${column.doc[locale]}`), '');
  if (cell.state === 'blank') lines.push(editorText('cellBlank', locale), '');
  else if (cell.state === 'invalid' || cell.state === 'placeholder') lines.push(md(editorText('cellProblem', locale, { raw: cell.raw })), '');
  return lines;
}

function operandName(rel: Relation, o: Operand, format: FormatVersion): string {
  // Within a row's sum a column reads without its group (表四 `行政复议·结果维持` → `结果维持`).
  if (rel.spec.eachRow) return columnName(o.ref.table, o.ref.column, format, o.ref.row).split('·').pop()!;
  return o.ref.table === 'T3' ? shortT3RowName(o.ref.row, format) : rowName(o.ref.table, o.ref.row, format);
}

const GROUP_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七'];
const SHORT_T3_ROWS: Record<string, string> = { R1: '一、本年新收', R2: '二、上年结转', R4: '四、结转下年度' };

/** `（三）1` for a sub-row, `（一）予以公开` for a result row, `一、本年新收` for the rows 一/二/四. */
function shortT3RowName(key: string, format: FormatVersion): string {
  if (SHORT_T3_ROWS[key]) return SHORT_T3_ROWS[key];
  const sub = /^R3_(\d)_(\d)$/.exec(key);
  if (sub) return `（${GROUP_NUMERALS[Number(sub[1])]}）${sub[2]}`;
  const label = rowName('T3', key, format);
  return /^（[^）]+）[^（(]*/.exec(label)?.[0] ?? label;
}

/** The relation's title from the schema: `{column}` is the column a sum runs down, `{group}` its total's column group. */
function relationTitle(rel: Relation, format: FormatVersion, locale: Locale): string {
  const total = rel.total[0].ref;
  const column = rel.spec.eachColumn ? columnName(rel.spec.table, rel.instance, format) : '';
  const group =
    columnsOf(total.table, format, total.row)
      .find((c) => c.key === total.column)
      ?.label.split('·')[0] ?? '';
  return formatText(rel.spec.relation.title[locale], { column, group }, locale);
}

const sameCell = (o: Operand, cell: Cell | undefined) => cell !== undefined && o.ref.row === cell.row && o.ref.column === cell.column;

function side(rel: Relation, operands: Operand[], cell: Cell | undefined, format: FormatVersion, locale: Locale): string {
  const term = (o: Operand) => {
    const text = md(`${operandName(rel, o, format)} ${o.blank ? '□' : o.value}`);
    return sameCell(o, cell) ? `**${text}**` : text;
  };
  if (operands.length <= MAX_LISTED_PARTS) return operands.map(term).join(' + ');
  const shown = operands.filter((o) => o.value !== 0 || o.blank || sameCell(o, cell));
  const rest = operands.length - shown.length;
  return [...shown.map(term), ...(rest ? [editorText('others', locale, { count: rest })] : [])].join(' + ');
}

const valueOf = (o: Operand) => (o.blank ? '□' : String(o.value));

/**
 * `✗ （七）总计 =（一）至（六）之和 · 自然人：**（七）总计 20 ≠ 6+6+4+3+3+4 = 26**`: a broken sum in
 * one line with the live numbers; a long sum shows its addends that are not 0.
 */
function brokenLine(rel: Relation, format: FormatVersion, locale: Locale): string {
  const sideText = (operands: Operand[], sum: number) => {
    if (operands.length <= 2) return operands.map((o) => `${operandName(rel, o, format)} ${valueOf(o)}`).join(' + ');
    const listed = operands.length > MAX_LISTED_PARTS ? operands.filter((o) => o.value !== 0 || o.blank) : operands;
    return `${listed.map(valueOf).join('+') || '0'} = ${sum}`;
  };
  const equation = `${sideText(rel.total, rel.totalSum)} ≠ ${sideText(rel.parts, rel.partsSum)}`;
  return `✗ ${md(relationTitle(rel, format, locale))}${locale === 'zh-CN' ? '：' : ': '}**${md(equation)}**`;
}

/** `- 本行总计：总计 3 = 自然人 1 + 商业企业 2 + … ✓` for every relation, the hovered cell in bold. */
function equationLines(relations: Relation[], cell: Cell | undefined, format: FormatVersion, locale: Locale): string[] {
  if (relations.length === 0) return cell ? [editorText('noEquations', locale)] : [];
  const lines = [`**${editorText('equations', locale)}**`, ''];
  for (const rel of relations) {
    const status = rel.ok ? editorText('ok', locale) : editorText('off', locale, { diff: Math.abs(rel.totalSum - rel.partsSum) });
    const equation = `${side(rel, rel.total, cell, format, locale)} = ${side(rel, rel.parts, cell, format, locale)} ${status}`;
    lines.push(`- ${md(relationTitle(rel, format, locale))}${locale === 'zh-CN' ? '：' : ': '}${equation}`);
  }
  if (relations.some((r) => r.blankOperands)) lines.push('', editorText('blankNote', locale));
  return lines;
}

function columnHeaderHover(report: Report, p: Position, locale: Locale): HoverText | undefined {
  const t3 = report.tables.T3;
  const header = t3?.headers.find((h) => contains(h.range, p));
  if (!header) return undefined;
  const column = T3_COLUMNS.find((c) => normalizeLabel(c.label) === normalizeLabel(header.text));
  if (!column?.doc) return undefined;
  return {
    markdown: `**${md(`${editorText('table3', locale)}${locale === 'zh-CN' ? '' : ' '}${column.label}`)}**\n\n${md(column.doc[locale])}`,
    range: header.range,
  };
}
