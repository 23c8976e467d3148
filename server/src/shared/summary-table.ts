import type { Locale } from '../core/model';
import type { Localized } from '../core/rule';
import { format } from '../core/rule';
import { displayWidth } from '../core/text';
import type { ReportStatus } from '../core/report-digest';
import type { SummaryRow } from '../core/workspace';

/** The summary's rows as a text table and as CSV, for the CLI's `summary` and the editor's summary view. */

const TOTAL: Localized = { 'zh-CN': '合计（{count}份）', en: 'total ({count})' };

type Column = { key: keyof SummaryRow; numeric: boolean; title: Record<Locale, string> };

export const SUMMARY_COLUMNS: Column[] = [
  { key: 'file', numeric: false, title: { 'zh-CN': '文件', en: 'file' } },
  { key: 'organ', numeric: false, title: { 'zh-CN': '机关', en: 'organ' } },
  { key: 'year', numeric: false, title: { 'zh-CN': '年度', en: 'year' } },
  { key: 'format', numeric: false, title: { 'zh-CN': '格式', en: 'format' } },
  { key: 'status', numeric: false, title: { 'zh-CN': '状态', en: 'status' } },
  { key: 'errors', numeric: true, title: { 'zh-CN': '错误', en: 'errors' } },
  { key: 'warnings', numeric: true, title: { 'zh-CN': '警告', en: 'warnings' } },
  { key: 'information', numeric: true, title: { 'zh-CN': '提示', en: 'info' } },
  { key: 'received', numeric: true, title: { 'zh-CN': '新收', en: 'received' } },
  { key: 'concluded', numeric: true, title: { 'zh-CN': '办结', en: 'concluded' } },
  { key: 'carriedOut', numeric: true, title: { 'zh-CN': '结转', en: 'carried over' } },
  { key: 'review', numeric: true, title: { 'zh-CN': '复议', en: 'reviews' } },
  { key: 'litigation', numeric: true, title: { 'zh-CN': '诉讼', en: 'lawsuits' } },
];

export const STATUS: Record<ReportStatus, Record<Locale, string>> = {
  checked: { 'zh-CN': '已检查', en: 'checked' },
  unrecognized: { 'zh-CN': '未识别', en: 'not recognized' },
  unchecked: { 'zh-CN': '未检查', en: 'not checked' },
};

/** A row's values as printed: the status in words. */
function printable(row: SummaryRow, locale: Locale): Record<string, SummaryRow[keyof SummaryRow]> {
  return { ...row, status: STATUS[row.status][locale] };
}

const show = (v: SummaryRow[keyof SummaryRow]) => (v === null || v === undefined ? '' : String(v));

export function toSummaryText(rows: SummaryRow[], locale: Locale): string {
  const total: Record<string, string> = { file: format(TOTAL[locale], { count: rows.length }, locale) };
  for (const c of SUMMARY_COLUMNS.filter((x) => x.numeric)) {
    const values = rows.map((r) => r[c.key]).filter((v): v is number => typeof v === 'number');
    total[c.key] = values.length ? String(values.reduce((a, b) => a + b, 0)) : '';
  }
  const table = [
    SUMMARY_COLUMNS.map((c) => c.title[locale]),
    ...rows.map((r) => printable(r, locale)).map((r) => SUMMARY_COLUMNS.map((c) => show(r[c.key]) || (c.numeric ? '-' : ''))),
    SUMMARY_COLUMNS.map((c) => total[c.key] ?? ''),
  ];
  const widths = SUMMARY_COLUMNS.map((_, i) => Math.max(...table.map((row) => displayWidth(row[i]))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - displayWidth(s));
    return SUMMARY_COLUMNS[i].numeric ? fill + s : s + fill;
  };
  const line = (row: string[]) => row.map(pad).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return `${[line(table[0]), rule, ...table.slice(1, -1).map(line), rule, line(table[table.length - 1])].join('\n')}\n`;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** RFC 4180, CRLF line ends; empty fields for figures a report does not give. */
export function toSummaryCsv(rows: SummaryRow[], locale: Locale, bom = false): string {
  const lines = [
    SUMMARY_COLUMNS.map((c) => csvField(c.title[locale])).join(','),
    ...rows.map((r) => printable(r, locale)).map((r) => SUMMARY_COLUMNS.map((c) => csvField(show(r[c.key]))).join(',')),
  ];
  return `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** What the editor's summary command answers: the rows with their shown paths, the columns, text and CSV. */
export function summaryResponse(rows: SummaryRow[], shownPath: (file: string) => string, locale: Locale) {
  const shown = rows.map((r) => ({ ...r, file: shownPath(r.file) }));
  return {
    rows: rows.map((r, i) => ({ ...r, path: shown[i].file, statusName: STATUS[r.status][locale] })),
    columns: SUMMARY_COLUMNS.map((c) => ({ key: c.key, numeric: c.numeric, title: c.title[locale] })),
    text: toSummaryText(shown, locale),
    csv: toSummaryCsv(shown, locale, true),
  };
}
