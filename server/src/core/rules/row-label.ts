import { tableNames } from '../labels';
import { defineRule, Draft } from '../rule';
import { otherFormat, rowSpec } from '../schema/formats';
import { normalizeLabel } from '../text';
import { rowLabelSubject } from './shared/subjects';

/** The official label in the punctuation width the report itself uses. */
function styled(official: string, written: string): string {
  if (/[（）：，]/.test(written) || !/[()]/.test(written)) return official;
  return official.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',');
}

const messages = {
  differs: { 'zh-CN': '{table}行名「{written}」与官方格式「{official}」不一致', en: '{table} row label “{written}” differs from the official “{official}”' },
  fix: { 'zh-CN': '改为「{official}」', en: 'Change to “{official}”' },
};

type MessageId = keyof typeof messages;

export const rowLabel = defineRule({
  code: 'row-label',
  defaultSeverity: 'warning',
  fixKind: 'labels',
  description: { 'zh-CN': '行名与官方格式一致', en: 'Row labels use the official wording' },
  docs: {
    'zh-CN':
      '行名与官方措辞不同（错字、漏字，如“2.其他法律行政止公开”）时，按相似度识别出对应行并提示；2021年格式的表格把“行政规范性文件”写成2019年格式的“规范性文件”（或反之）也在此提示，不算混用格式。全半角、空格、引号以及序号后的“、”与“.”的差异不算错误。修复：改为官方行名。',
    en: 'A row label that differs from the official wording (a typo or a dropped character, e.g. 2.其他法律行政止公开) is matched to its row by similarity and reported; a 2021 table that writes the 2019 wording 规范性文件 for 行政规范性文件 (or the reverse) is reported here too, not as mixed formats. Width, spaces, quote style and 、 or . after a row number do not count. Fix: use the official label.',
  },
  example: {
    valid: '| 行政许可 | 0 |',
    flagged: '| 行政许可事项 | 0 |',
    fixed: '| 行政许可 | 0 |',
  },
  messages,
  check(ctx) {
    const drafts: Draft<MessageId>[] = [];
    const format = ctx.format;
    for (const table of Object.values(ctx.report.tables)) {
      for (const row of table.rows.values()) {
        const other = rowSpec(table.id, otherFormat(format), row.key);
        const spec = rowSpec(table.id, format, row.key) ?? other;
        if (!spec) continue;
        // The other format's wording of the same row (规范性文件 in a 2021 table): a wording slip, not another template.
        const otherWording =
          row.labelMatch === 'alias' &&
          other !== undefined &&
          other !== spec &&
          normalizeLabel(row.label) === normalizeLabel(other.label) &&
          normalizeLabel(other.label) !== normalizeLabel(spec.label);
        if (row.labelMatch !== 'fuzzy' && !otherWording) continue;
        const official = styled(spec.label, row.label);
        const params = { table: tableNames(table.id), written: row.label, official };
        drafts.push({
          messageId: 'differs',
          params,
          range: row.labelRange,
          fix: { messageId: 'fix', params, edits: [{ range: row.labelRange, newText: official, subject: rowLabelSubject(table.id) }] },
          target: `${table.id}.${row.key}`,
        });
      }
    }
    return drafts;
  },
});
