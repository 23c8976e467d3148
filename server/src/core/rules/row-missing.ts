import { rowName, tableNames } from '../labels';
import { defineRule, Draft } from '../rule';
import { rowsOf } from '../schema/formats';

const messages = {
  missing: { 'zh-CN': '{table}缺少「{row}」行', en: '{table} lacks the row “{row}”' },
};

type MessageId = keyof typeof messages;

export const rowMissing = defineRule({
  code: 'row-missing',
  defaultSeverity: 'error',
  description: { 'zh-CN': '表格不缺少官方格式中的行', en: 'No official row is missing from a table' },
  docs: {
    'zh-CN': '表二、表三存在时，须包含其所用格式（2019或2021年格式）中的每一行。行按官方行名识别（忽略全半角、空格和引号差异）。',
    en: 'When table 2 or 3 is present it carries every row of its format (2019 or 2021). Rows are found by their official labels, ignoring width, spaces and quote style.',
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
        drafts.push({
          messageId: 'missing',
          params: { table: tableNames(id), row: rowName(id, spec.key, format) },
          range: neighbour ? neighbour.labelRange : table.range,
          target: `${id}.${spec.key}`,
        });
      });
    }
    return drafts;
  },
});
