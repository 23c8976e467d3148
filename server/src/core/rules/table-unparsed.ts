import { rowTitle, tableNames } from '../labels';
import type { Row } from '../model';
import { defineRule, Draft } from '../rule';

const messages = {
  row: {
    'zh-CN': '{table}「{row}」的单元格无法可靠拆分（读到：{text}），本行不做算术检查',
    en: 'Cannot tell the cells of {table} “{row}” apart (read: {text}); no arithmetic is checked on this row',
  },
  rows: {
    'zh-CN': '{table}有{count}行的单元格无法可靠拆分（如 PDF 导出看不出空白单元格的位置），这些行不做算术检查',
    en: 'Cannot tell the cells apart in {count} rows of {table} (a PDF export, for one, does not show where blank cells are); no arithmetic is checked on them',
  },
  rowNone: {
    'zh-CN': '{table}「{row}」没有读到数字，而本表有{count}个数字未能归入任何一行，本行不做算术检查',
    en: 'No number was read for {table} “{row}”, while {count} number(s) of the table fit no row; no arithmetic is checked on this row',
  },
  rowRead: { 'zh-CN': '「{row}」读到：{text}', en: '“{row}” read: {text}' },
  rowReadNone: { 'zh-CN': '「{row}」没有读到数字', en: '“{row}”: no number read' },
  table: { 'zh-CN': '{table}中有数字，但无法识别出任何一行', en: '{table} holds numbers, but no row could be recognised' },
};

type MessageId = keyof typeof messages;

export const tableUnparsed = defineRule({
  code: 'table-unparsed',
  defaultSeverity: 'warning',
  description: { 'zh-CN': '无法可靠地拆分单元格时如实说明', en: 'Says so when cells cannot be told apart' },
  docs: {
    'zh-CN':
      '从网页复制时单元格边界可能丢失（如“7000007”），PDF 导出的空白单元格也看不出位置。解析器无法唯一确定各列数值时，只给出这条提示，并且不对该行做任何算术检查，绝不臆造勾稽错误。',
    en: 'Copies from web pages can lose cell borders (7000007), and PDF exports do not show where blank cells are. When the parser cannot tell the cells of a row apart uniquely, it says so here and runs no arithmetic on that row, rather than invent an error.',
  },
  example: {
    valid: '| 行政处罚 | 0 |',
    flagged: '| 行政处罚 | 0 | 0 | 0 |',
  },
  messages,
  check(ctx) {
    const drafts: Draft<MessageId>[] = [];
    const format = ctx.format;
    for (const table of Object.values(ctx.report.tables)) {
      const name = tableNames(table.id);
      if (table.rows.size === 0 && table.valueCount > 0) {
        drafts.push({ messageId: 'table', params: { table: name }, range: table.range, target: table.id });
        continue;
      }
      const unparsed = [...table.rows.values()].filter((r) => r.unparsed);
      const params = (row: Row) => ({ table: name, row: rowTitle(table.id, row.key, format), text: row.unparsed!.reason });
      if (unparsed.length >= MANY_ROWS) {
        // One finding for the table, not a wall of identical notes.
        drafts.push({
          messageId: 'rows',
          params: { table: name, count: unparsed.length },
          range: unparsed[0].unparsed!.range,
          related: unparsed.map((row) => ({ range: row.unparsed!.range, messageId: row.unparsed!.reason ? 'rowRead' : 'rowReadNone', params: params(row) })),
          target: `${table.id}.unparsed`,
        });
        continue;
      }
      for (const row of unparsed) {
        const none = row.unparsed!.reason === '';
        drafts.push({
          messageId: none ? 'rowNone' : 'row',
          params: none ? { ...params(row), count: table.strayValues } : params(row),
          range: row.unparsed!.range,
          target: `${table.id}.${row.key}`,
        });
      }
    }
    return drafts;
  },
});

/** From this many unreadable rows in one table on, they are reported together. */
const MANY_ROWS = 3;
