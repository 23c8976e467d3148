import { relationsOfCell } from '../arithmetic';
import { cellFixEdit } from '../edits';
import { columnName, rowTitle, tableNames } from '../labels';
import { defineRule, Draft, FixEdit } from '../rule';

const messages = {
  blank: { 'zh-CN': '{table}「{row}」有{count}个空白单元格：{columns}', en: '{table} “{row}” has {count} blank cell(s): {columns}' },
  blankUnplaced: {
    'zh-CN': '{table}「{row}」有{count}个空白单元格（原文未标出空白的位置，无法确定是哪几列）',
    en: '{table} “{row}” has {count} blank cell(s) (the text does not show where, so the columns are unknown)',
  },
  blankCell: { 'zh-CN': '空白：{column}', en: 'blank: {column}' },
  fix: { 'zh-CN': '空白填0（{count}处）', en: 'Fill {count} blank cell(s) with 0' },
};

type MessageId = keyof typeof messages;

export const cellEmpty = defineRule({
  code: 'cell-empty',
  defaultSeverity: 'warning',
  fixKind: 'blanks',
  description: { 'zh-CN': '数字单元格不留空白', en: 'Number cells are not left blank' },
  docs: {
    'zh-CN':
      '表格中的数字单元格不应空白（常见于只填“总计”列的报告）。每行报告一次，列出空白的列。空白在算术检查中按0计算。原文没写出空白单元格、空白位置不确定时（各数所在的列由勾稽关系推定而空白位置仍有几种可能，见 cells-inferred；或本行无法拆分，见 table-unparsed），只报告空白的个数，不提供修复。修复：在不破坏本行所涉勾稽关系时，把空白填为0。',
    en: 'Number cells should not be blank (common where only the 总计 column was filled). One finding per row, naming the blank columns; in the arithmetic checks a blank counts as 0. When the text did not write its blank cells and where they stand is open (the sums placed the numbers but left several places for the blanks, see cells-inferred; or the row could not be read, see table-unparsed), only their count is given, with no fix. Fix: fill the blanks with 0 when that keeps every sum the row takes part in true.',
  },
  example: {
    valid: '| 行政许可 | 0 |',
    flagged: '| 行政许可 |  |',
    fixed: '| 行政许可 | 0 |',
  },
  messages,
  check(ctx) {
    const drafts: Draft<MessageId>[] = [];
    const format = ctx.format;
    for (const table of Object.values(ctx.report.tables)) {
      for (const row of table.rows.values()) {
        if (row.unparsed?.blanks) {
          drafts.push({
            messageId: 'blankUnplaced',
            params: { table: tableNames(table.id), row: rowTitle(table.id, row.key, format), count: row.unparsed.blanks },
            range: row.label ? row.labelRange : row.unparsed.range,
            target: `${table.id}.${row.key}`,
          });
          continue;
        }
        const blanks = row.cells.filter((c) => c.state === 'blank');
        if (blanks.length === 0) continue;
        const names = blanks.map((c) => columnName(table.id, c.column, format, row.key));
        const params = {
          table: tableNames(table.id),
          row: rowTitle(table.id, row.key, format),
          count: blanks.length,
          columns: { 'zh-CN': names.join('、'), en: names.join(', ') },
        };
        if (row.inferred && !row.inferred.blanksKnown) {
          const first = row.cells[0];
          drafts.push({
            messageId: 'blankUnplaced',
            params: { table: params.table, row: params.row, count: params.count },
            range: row.label ? row.labelRange : first.range,
            target: `${table.id}.${row.key}`,
          });
          continue;
        }
        const keepsSums = blanks.every((c) => relationsOfCell(ctx.arithmetic, c).every((r) => r.ok));
        const edits = blanks.map((c) => cellFixEdit(ctx.doc, c, '0', format));
        const fixable = keepsSums && edits.every((e): e is FixEdit => e !== undefined);
        const first = row.cells[0];
        drafts.push({
          messageId: 'blank',
          params,
          range: row.label ? row.labelRange : { start: first.range.start, end: row.cells[row.cells.length - 1].range.end },
          related: blanks.flatMap((c, i) => (c.present ? [{ range: c.range, messageId: 'blankCell', params: { column: names[i] } }] : [])),
          fix: fixable ? { messageId: 'fix', params, edits: edits as FixEdit[] } : undefined,
          target: `${table.id}.${row.key}`,
        });
      }
    }
    return drafts;
  },
});
