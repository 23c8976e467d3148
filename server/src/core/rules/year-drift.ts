import type { Report } from '../model';
import { proseSentences } from '../narrative/sentences';
import { periodYears } from '../narrative/years';
import { defineRule, Draft, Localized } from '../rule';
import { PERIOD_YEAR } from './shared/subjects';

const SOURCES: Record<NonNullable<Report['yearSource']>, Localized> = {
  title: { 'zh-CN': '标题', en: 'the title' },
  period: { 'zh-CN': '统计期限', en: 'the statistics period' },
  signature: { 'zh-CN': '落款日期', en: 'the signature date' },
  text: { 'zh-CN': '正文', en: 'the text' },
};

const messages = {
  drift: {
    'zh-CN': '正文以{found}年为报告期，但报告年度为{year}年（据{source}）',
    en: 'The text treats {found} as the reporting period, but the report year is {year} (from {source})',
  },
  reportYear: { 'zh-CN': '报告年度：{year}年', en: 'Report year: {year}' },
  fix: { 'zh-CN': '改为{year}年', en: 'Change to {year}' },
};

type MessageId = keyof typeof messages;

export const yearDrift = defineRule({
  code: 'year-drift',
  defaultSeverity: 'warning',
  fixKind: 'years',
  description: { 'zh-CN': '正文所称报告期与报告年度一致', en: 'The reporting period named in the text is the report year' },
  docs: {
    'zh-CN':
      '报告年度取自标题（无标题年度时取统计期限或落款日期）。正文把另一个年度当作报告期时提示，多是套用往年报告未改年份：句首的“2024年，我局……”、“现将2024年……报告如下”、“2024年度政府信息公开工作年度报告”以及统计期限“2024年1月1日至2024年12月31日”。日期（2019年5月15日）、文件名（《2020年政务公开工作要点》）、计划（“2025年，我局将……”）和同比比较不算。报告年度只能从正文推断时不检查。年度取自标题时，修复为改成标题的年度。',
    en: "The report year comes from the title (else the statistics period or the signature date). Reported when the text names another year as the reporting period, usually a leftover from last year's report: an opening “2024年，我局…”, “现将2024年…报告如下”, “2024年度政府信息公开工作年度报告”, and a statistics period “2024年1月1日至2024年12月31日”. Dates, document names, plans (“2025年，我局将…”) and comparisons do not count. Not checked when the year can only be guessed from the text. When the year comes from the title, the fix writes the title's year.",
  },
  example: {
    valid: '本机关依法主动公开政府信息，',
    flagged: '2021年，本机关依法主动公开政府信息，',
    fixed: '2022年，本机关依法主动公开政府信息，',
  },
  messages,
  check(ctx) {
    const { report, doc } = ctx;
    const year = report.year;
    const source = report.yearSource;
    if (year === undefined || source === undefined || source === 'text') return [];
    const drafts: Draft<MessageId>[] = [];
    const anchor = source === 'title' ? report.title?.range : source === 'signature' ? report.signature?.range : undefined;
    for (const sentence of proseSentences(report, doc, { skipSignature: true })) {
      for (const p of periodYears(sentence, year)) {
        if (p.year === year) continue;
        const range = doc.range(sentence.line, sentence.start + p.start, sentence.start + p.end);
        drafts.push({
          messageId: 'drift',
          params: { found: p.year, year, source: SOURCES[source] },
          range,
          related: anchor ? [{ range: anchor, messageId: 'reportYear', params: { year } }] : undefined,
          fix:
            source === 'title' && p.digits
              ? { messageId: 'fix', params: { year }, edits: [{ range, newText: String(year), subject: PERIOD_YEAR }] }
              : undefined,
          target: `year.${p.year}`,
        });
      }
    }
    return drafts;
  },
});
