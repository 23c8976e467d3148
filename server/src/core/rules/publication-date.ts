import { signatureOrgan } from '../narrative/organ';
import { defineRule } from '../rule';

/** 县级以上人民政府 themselves publish by 31 March; their departments and other bodies by 31 January (条例第四十九条). */
const GOVERNMENT = /人民政府$|(?<!办公室|办公厅|管委会|部门)政府$/;

const messages = {
  early: {
    'zh-CN': '落款日期{date}早于{year}年度结束',
    en: 'The signature date {date} is before the end of {year}',
  },
  late: {
    'zh-CN': '落款日期{date}晚于法定公布期限{deadline}（《条例》第四十九条）',
    en: 'The signature date {date} is after the legal deadline {deadline} (Art. 49 of the Regulations)',
  },
  title: { 'zh-CN': '报告年度：{year}年', en: 'Report year: {year}' },
};

export const publicationDate = defineRule({
  code: 'publication-date',
  defaultSeverity: 'information',
  description: { 'zh-CN': '落款日期在法定期限内', en: 'The signature date is within the legal deadline' },
  docs: {
    'zh-CN':
      '《条例》第四十九条：县级以上人民政府部门应在每年1月31日前公布上一年度报告，县级以上地方人民政府的报告在3月31日前公布。落款日期早于报告年度结束（报告写于年度之内），或晚于次年1月31日（机关名称以“人民政府”结尾时为3月31日），给出提示。报告年度只能从正文推断时不检查。',
    en: "Art. 49 of the Regulations: government departments publish last year's report by 31 January, local people's governments by 31 March. Reported when the signature date is before the report year ended, or after 31 January of the next year (31 March when the body is a 人民政府). Not checked when the year can only be guessed from the text.",
  },
  example: {
    valid: '2023年1月20日',
    flagged: '2022年12月20日',
  },
  messages,
  check(ctx) {
    const { report, doc } = ctx;
    const sig = report.signature;
    const year = report.year;
    if (!sig || year === undefined || report.yearSource === undefined || report.yearSource === 'text') return [];
    const { month, day } = sig;
    if (month < 1 || month > 12 || day < 1 || day > 31) return [];
    const date = sig.year * 10000 + month * 100 + day;
    const related = report.title ? [{ range: report.title.range, messageId: 'title' as const, params: { year } }] : undefined;
    const shown = `${sig.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (date <= year * 10000 + 1231) {
      return [{ messageId: 'early', params: { date: shown, year }, range: sig.range, related, target: 'signature.date' }];
    }
    const organ = report.organ ?? signatureOrgan(report, doc)?.text ?? '';
    const government = GOVERNMENT.test(organ.replace(/\s+/g, ''));
    const deadline = (year + 1) * 10000 + (government ? 331 : 131);
    if (date > deadline) {
      const d = `${year + 1}-${government ? '03-31' : '01-31'}`;
      return [{ messageId: 'late', params: { date: shown, deadline: d }, range: sig.range, related, target: 'signature.date' }];
    }
    return [];
  },
});
