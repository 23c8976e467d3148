import { rowName, tableNames } from '../labels';
import type { Draft, Rule } from '../rule';

export const tableUnparsed: Rule = {
  code: 'table-unparsed',
  defaultSeverity: 'information',
  description: { 'zh-CN': '无法可靠地拆分单元格时如实说明', en: 'Says so when cells cannot be told apart' },
  docs: {
    'zh-CN': '从网页复制时单元格边界可能丢失（如“7000007”），PDF 导出的空白单元格也看不出位置。解析器无法唯一确定各列数值时，只给出这条提示，并且不对该行做任何算术检查，绝不臆造勾稽错误。',
    en: 'Copies from web pages can lose cell borders (7000007), and PDF exports do not show where blank cells are. When the parser cannot tell the cells of a row apart uniquely, it says so here and runs no arithmetic on that row, rather than invent an error.',
  },
  messages: {
    row: { 'zh-CN': '{table}「{row}」的单元格无法可靠拆分（读到：{text}），本行不做算术检查', en: 'Cannot tell the cells of {table} “{row}” apart (read: {text}); no arithmetic is checked on this row' },
    table: { 'zh-CN': '{table}中有数字，但无法识别出任何一行', en: '{table} holds numbers, but no row could be recognised' },
  },
  check(ctx) {
    const drafts: Draft[] = [];
    const format = ctx.report.format ?? ctx.expectedFormat;
    for (const table of Object.values(ctx.report.tables)) {
      const name = tableNames(table.id);
      if (table.rows.size === 0 && table.valueCount > 0) {
        drafts.push({ messageId: 'table', params: { table: name }, range: table.range, target: table.id });
        continue;
      }
      for (const row of table.rows.values()) {
        if (!row.unparsed) continue;
        drafts.push({
          messageId: 'row',
          params: { table: name, row: rowName(table.id, row.key, format) || '—', text: row.unparsed.reason },
          range: row.unparsed.range,
          target: `${table.id}.${row.key}`,
        });
      }
    }
    return drafts;
  },
};
