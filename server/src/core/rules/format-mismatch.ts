import { defineRule, Draft } from '../rule';
import { otherFormat } from '../schema/formats';

const messages = {
  wrongYear: {
    'zh-CN': '{year}年度报告应使用{expected}年格式，表格却是{actual}年格式（如「{text}」）',
    en: 'A report for {year} uses the {expected} format, but the tables are in the {actual} format (e.g. “{text}”)',
  },
  mixed: {
    'zh-CN': '混用新旧格式：「{text}」属于{minority}年格式，表格其余部分为{majority}年格式',
    en: 'Mixed formats: “{text}” belongs to the {minority} format while the rest of the tables use the {majority} format',
  },
  legacy: {
    'zh-CN': '报告年度{year}早于2019年，适用旧版格式，未检查表格',
    en: 'The report year {year} is before 2019; the old format applies and the tables were not checked',
  },
  evidence: { 'zh-CN': '{version}年格式：「{text}」', en: '{version} format: “{text}”' },
};

type MessageId = keyof typeof messages;

export const formatMismatch = defineRule({
  code: 'format-mismatch',
  defaultSeverity: 'error',
  description: { 'zh-CN': '表格格式与报告年度相符，不混用新旧格式', en: 'The table format fits the report year and is not mixed' },
  docs: {
    'zh-CN':
      '2019、2020年度报告使用2019年格式（国办公开办函〔2019〕60号），2021年度起使用2021年格式（国办公开办函〔2021〕30号）。格式按表二的列名、行名和表三“（六）其他处理”的结构判断。报告年度早于2019年时，适用旧条例的格式，不检查表格。',
    en: 'Reports for 2019 and 2020 use the 2019 format (国办公开办函〔2019〕60号); from 2021 on, the 2021 format (国办公开办函〔2021〕30号). The format is read from the column and row labels of table 2 and the shape of （六）其他处理 in table 3. Reports for years before 2019 follow the old regulations and their tables are not checked.',
  },
  messages,
  check(ctx) {
    const { report } = ctx;
    const drafts: Draft<MessageId>[] = [];
    if (report.year !== undefined && report.year < 2019 && report.title) {
      return [{ messageId: 'legacy', params: { year: report.year }, range: report.title.range, severity: 'information', target: 'format' }];
    }
    const actual = report.format;
    if (!actual) return drafts;
    const minority = otherFormat(actual);
    const expected = ctx.expectedFormat;
    const ofActual = report.formatEvidence.filter((e) => e.version === actual);
    if (expected && expected !== actual && ofActual.length) {
      drafts.push({
        messageId: 'wrongYear',
        params: { year: report.year ?? '—', expected, actual, text: ofActual[0].text },
        range: ofActual[0].range,
        related: ofActual.slice(1).map((e) => ({ range: e.range, messageId: 'evidence', params: { version: e.version, text: e.text } })),
        target: 'format',
      });
      return drafts;
    }
    const stray = report.formatEvidence.filter((e) => e.version === minority);
    if (stray.length) {
      drafts.push({
        messageId: 'mixed',
        params: { text: stray[0].text, minority, majority: actual },
        range: stray[0].range,
        related: stray.slice(1).map((e) => ({ range: e.range, messageId: 'evidence', params: { version: e.version, text: e.text } })),
        target: 'format.mixed',
      });
    }
    return drafts;
  },
});
