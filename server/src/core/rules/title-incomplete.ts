import { defineRule, Draft } from '../rule';
import { TITLE } from './shared/subjects';

const messages = {
  noTitle: { 'zh-CN': '没有找到报告标题（“……政府信息公开工作年度报告”）', en: 'No report title (“…政府信息公开工作年度报告”) found' },
  noYear: { 'zh-CN': '标题没有写明年度', en: 'The title does not state the year' },
  noOrgan: { 'zh-CN': '标题没有写明机关名称', en: 'The title does not name the issuing body' },
  noWork: {
    'zh-CN': '标题缺少“工作”二字，规范写法为“……政府信息公开工作年度报告”',
    en: 'The title lacks 工作: the official wording is “…政府信息公开工作年度报告”',
  },
  fixWork: { 'zh-CN': '改为“政府信息公开工作年度报告”', en: 'Change to “政府信息公开工作年度报告”' },
  fixYear: { 'zh-CN': '在标题中插入“{year}年”', en: 'Insert “{year}年” into the title' },
};

type MessageId = keyof typeof messages;

export const titleIncomplete = defineRule({
  code: 'title-incomplete',
  defaultSeverity: 'information',
  fixKind: 'headings',
  description: { 'zh-CN': '标题写明机关名称和年度', en: 'The title names the issuing body and the year' },
  docs: {
    'zh-CN':
      '标题通常写作“<机关名称><年份>年政府信息公开工作年度报告”。缺少年度、机关名称或“工作”二字时提示。年度可从统计期限或落款日期确定时，修复为在标题中插入年度。',
    en: 'The title is conventionally “<body><year>年政府信息公开工作年度报告”. Reported when the year, the issuing body or the word 工作 is missing. When the year is known from the statistics period or the signature date, the fix inserts it.',
  },
  example: {
    valid: '# 某某市某某局2022年政府信息公开工作年度报告',
    flagged: '# 某某市某某局2022年政府信息公开年度报告',
    fixed: '# 某某市某某局2022年政府信息公开工作年度报告',
  },
  messages,
  check(ctx) {
    const { report, doc } = ctx;
    const drafts: Draft<MessageId>[] = [];
    if (!report.title) {
      if (report.sections.length) drafts.push({ messageId: 'noTitle', range: doc.range(0, 0, doc.lines[0].length), target: 'title' });
      return drafts;
    }
    const { title } = report;
    if (report.yearSource !== 'title') {
      const at = title.text.search(/政府信息公开|年度报告/);
      const reliable = report.year !== undefined && (report.yearSource === 'period' || report.yearSource === 'signature');
      const pos = { line: title.range.start.line, character: title.range.start.character + Math.max(at, 0) };
      drafts.push({
        messageId: 'noYear',
        range: title.range,
        fix: reliable
          ? { messageId: 'fixYear', params: { year: report.year! }, edits: [{ range: { start: pos, end: pos }, newText: `${report.year}年`, subject: TITLE }] }
          : undefined,
        target: 'title.year',
      });
    }
    if (!report.organ) drafts.push({ messageId: 'noOrgan', range: title.range, target: 'title.organ' });
    const missingWork = title.text.indexOf('政府信息公开年度报告');
    if (missingWork >= 0) {
      const start = { line: title.range.start.line, character: title.range.start.character + missingWork };
      const range = { start, end: { line: start.line, character: start.character + '政府信息公开年度报告'.length } };
      drafts.push({
        messageId: 'noWork',
        range,
        fix: { messageId: 'fixWork', edits: [{ range, newText: '政府信息公开工作年度报告', subject: TITLE }] },
        target: 'title.wording',
      });
    }
    return drafts;
  },
});
