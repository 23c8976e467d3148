import { rowName, tableNames } from '../labels';
import { defineRule, Draft } from '../rule';
import { rowsOf } from '../schema/formats';

const messages = {
  missing: { 'zh-CN': '{table}缺少「{row}」行', en: '{table} lacks the row “{row}”' },
  unread: {
    'zh-CN': '{table}中有「{row}」的行名，但这一行与其他文字连在一起，未能读出，请对照原文',
    en: 'The label “{row}” stands in {table}, but run together with other text, so the row could not be read: check the original',
  },
  notFound: {
    'zh-CN': '{table}中没有找到「{row}」行；本表有{count}个数字未能归入任何一行，表格可能在转换中被打乱，请对照原文',
    en: 'The row “{row}” was not found in {table}; {count} number(s) of the table fit no row, so the table may have been scrambled in conversion: check the original',
  },
};

type MessageId = keyof typeof messages;

export const rowMissing = defineRule({
  code: 'row-missing',
  defaultSeverity: 'error',
  description: { 'zh-CN': '表格不缺少官方格式中的行', en: 'No official row is missing from a table' },
  docs: {
    'zh-CN':
      '表二、表三存在时，须包含其所用格式（2019或2021年格式）中的每一行。行按官方行名识别（忽略全半角、空格和引号差异）。表中有数字未能归入任何一行时（表格在转换中被打乱），或行名在表中出现但与其他文字连在一起、未能读出时，找不到的行只作警告，请对照原文。',
    en: 'When table 2 or 3 is present it carries every row of its format (2019 or 2021). Rows are found by their official labels, ignoring width, spaces and quote style. When some numbers of the table fit no row (the table was scrambled in conversion), or a row’s label stands in the table but run together with other text, a row not found is only a warning: check the original.',
  },
  messages,
  check(ctx) {
    const drafts: Draft<MessageId>[] = [];
    const format = ctx.report.format ?? ctx.expectedFormat;
    if (!format) return drafts;
    for (const id of ['T2', 'T3'] as const) {
      const table = ctx.report.tables[id];
      if (!table || table.rows.size === 0) continue;
      const official = rowsOf(id, format);
      official.forEach((spec, i) => {
        if (table.rows.has(spec.key)) return;
        const neighbour =
          official
            .slice(i + 1)
            .map((r) => table.rows.get(r.key))
            .find(Boolean) ??
          official
            .slice(0, i)
            .reverse()
            .map((r) => table.rows.get(r.key))
            .find(Boolean);
        // A table with numbers no row took is not understood: its rows may be there, unrecognised.
        const unread = table.unreadRows.includes(spec.key);
        const unsure = table.strayValues > 0;
        drafts.push({
          messageId: unsure ? 'notFound' : unread ? 'unread' : 'missing',
          severity: unread || unsure ? 'warning' : undefined,
          params: { table: tableNames(id), row: rowName(id, spec.key, format), count: table.strayValues },
          range: neighbour ? neighbour.labelRange : table.range,
          target: `${id}.${spec.key}`,
        });
      });
    }
    return drafts;
  },
});
