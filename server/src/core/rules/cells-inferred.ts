import { rowTitle, tableNames } from '../labels';
import type { Locale, Row, Table } from '../model';
import { defineRule, Draft, RuleContext } from '../rule';

const messages = {
  rows: {
    'zh-CN': '{table}有{count}行没有写出空白单元格，各数所在的列是推定的（凡符合本表勾稽关系的摆法，数值都相同）：{rows}',
    en: '{count} row(s) of {table} do not write their blank cells; the column of each number was worked out (every placement that keeps the table’s sums gives the same numbers): {rows}',
  },
  faulty: {
    'zh-CN':
      '{table}有{count}行没有写出空白单元格，且没有一种摆法能让本表勾稽关系全部成立；已按破坏勾稽关系最少的摆法推定各数所在的列（此类摆法数值都相同），所报勾稽错误以此为前提：{rows}',
    en: '{count} row(s) of {table} do not write their blank cells, and no placement keeps every sum of the table; the columns were worked out from the placements that break the fewest sums (all give the same numbers), and the sum findings assume them: {rows}',
  },
  cut: {
    'zh-CN': '{table}有{count}行的数字连在一起（单元格之间没有分隔），各数的分法和所在的列是推定的（凡符合本表勾稽关系的分法，数值都相同）：{rows}',
    en: '{count} row(s) of {table} run their numbers together (no separator between cells); how they split and which column each belongs to was worked out (every split that keeps the table’s sums gives the same numbers): {rows}',
  },
  wrapped: {
    'zh-CN': '{table}有{count}行的数字在单元格内折行，折到下一行的数字属于哪一格是按本表勾稽关系推定的（只有一种归法能让勾稽关系全部成立）：{rows}',
    en: '{count} row(s) of {table} have a number wrapped in its cell; which cell the wrapped digits end was worked out from the table’s sums (one way keeps them all): {rows}',
  },
  inOrder: {
    'zh-CN': '{table}的行名与数字在文本中是分开写的（PDF 转成文本而不保留版面时常见），各数是按先后顺序逐行归入各行的（共{count}行，本表勾稽关系全部成立）',
    en: '{table} writes its row labels apart from its numbers (as pdftotext does without -layout); the numbers were dealt out to the rows in order ({count} rows, every sum of the table holding)',
  },
  row: { 'zh-CN': '「{row}」按勾稽关系定列', en: '“{row}” placed by the sums' },
};

type MessageId = keyof typeof messages;

export const cellsInferred = defineRule({
  code: 'cells-inferred',
  defaultSeverity: 'information',
  description: { 'zh-CN': '说明哪些行的列位置是按勾稽关系推定的', en: 'Says which rows had their columns worked out from the sums' },
  docs: {
    'zh-CN':
      '文本浏览器和一些网页转文本工具会把空白单元格整个丢掉，一行只剩下有数字的格子，看不出哪个数属于哪一列。这时检查器试遍所有保持先后顺序的摆法，只保留让本表全部勾稽关系（本行总计、（七）总计、“一＋二＝（七）总计＋四”、表四各组总计）都成立的摆法；只有当这些摆法给出的数字完全一致时才采用，并用这条提示说明。报告本身有勾稽错误时没有一种摆法能让全部关系成立，这时改用破坏关系最多三处、且最少的摆法（同样须数字一致），并注明所报勾稽错误以此为前提；这些错误的修复只作为建议，不自动应用。不能唯一确定的行仍按 table-unparsed 报告，不做算术检查；若空白的具体位置仍不确定，cell-empty 只报告空白的个数。有的转换工具还会把一行的数字连写在一起（如“088521”），这时每种分法（不拆出以0开头的多位数）也都按同样的办法试过，但只在本表勾稽关系全部成立时才采用，结果另用一条提示说明。pdftotext 不带 -layout 时常把行名与数字分开写（合并单元格的文字跑到别处，行名绕着数字折行）：按行名读不出来、而本表数字的个数恰好等于某一格式全部单元格的个数时，各数按先后顺序逐行归入各行，同样只在本表勾稽关系全部成立时才采用，并另用一条提示说明。',
    en: 'Text browsers and some HTML-to-text converters drop blank cells altogether, leaving only the cells that hold numbers, so it is not visible which number belongs to which column. The checker then tries every order-keeping placement and keeps those under which every sum of the table holds (row totals, （七）总计, 一 + 二 = （七）总计 + 四, the group totals of table 四); it uses them only when they all give the same numbers, and says so with this note. When the report itself has a sum error, no placement keeps every sum; the placements breaking the fewest (at most three) are used instead, again only when they agree, and the note says the sum findings assume them; their fixes are offered as suggestions only, never applied in bulk. A row that cannot be placed uniquely is still reported by table-unparsed and not checked; when where the blanks stand is still open, cell-empty gives only their count. Some converters also run a row’s digits together (`088521`): every way of cutting them (no number of several digits starting with 0) is tried the same way, but used only when every sum of the table holds, and a note of its own says so. pdftotext without -layout often writes row labels apart from their numbers (a merged cell’s text elsewhere, a label wrapping round the numbers): when the labels leave the table unread and it holds exactly as many numbers as one format has cells, the numbers are dealt out to the rows in order, again only when every sum holds, with a note of its own.',
  },
  example: {
    valid: '| 一、本年新收政府信息公开申请数量 | 7 | 3 | 0 | 0 | 0 | 1 | 11 |',
    flagged: '| 一、本年新收政府信息公开申请数量 | 7 | 3 | 1 | 11 |',
  },
  messages,
  check(ctx) {
    const drafts: Draft<MessageId>[] = [];
    for (const table of Object.values(ctx.report.tables)) {
      for (const how of ['placed', 'cut', 'wrapped', 'inOrder'] as const) {
        const rows = [...table.rows.values()].filter((r) => r.inferred && howOf(r) === how);
        if (rows.length > 0) drafts.push(draftFor(ctx, table, rows, how));
      }
    }
    return drafts;
  },
});

const howOf = (r: Row) => (r.inferred?.inOrder ? 'inOrder' : r.inferred?.wrapped ? 'wrapped' : r.inferred?.cut ? 'cut' : 'placed');

/** One note for the rows of a table placed by its sums, whose digits were cut apart, or whose wrapped number was put back. */
function draftFor(ctx: RuleContext, table: Table, rows: Row[], how: 'placed' | 'cut' | 'wrapped' | 'inOrder'): Draft<MessageId> {
  const titles = rows.map((r) => rowTitle(table.id, r.key, ctx.format));
  const name = (t: (typeof titles)[number], locale: Locale) => (typeof t === 'string' ? t : t[locale]);
  const list = (locale: Locale) => {
    const named = titles.slice(0, LISTED).map((t) => (locale === 'zh-CN' ? `「${name(t, locale)}」` : `“${name(t, locale)}”`));
    const more = titles.length > LISTED ? (locale === 'zh-CN' ? '等' : ', …') : '';
    return named.join(locale === 'zh-CN' ? '' : ', ') + more;
  };
  const faulty = rows.some((r) => r.inferred!.faulty);
  return {
    messageId: how === 'placed' ? (faulty ? 'faulty' : 'rows') : how,
    params: { table: tableNames(table.id), count: rows.length, rows: { 'zh-CN': list('zh-CN'), en: list('en') } },
    range: rows[0].labelRange,
    related: rows.map((r, i) => ({ range: r.labelRange, messageId: 'row', params: { row: titles[i] } })),
    target: `${table.id}.${how === 'placed' ? 'inferred' : how}`,
  };
}

/** Rows named in the message; the rest are in its related locations. */
const LISTED = 3;
