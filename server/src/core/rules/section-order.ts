import { defineRule, Draft } from '../rule';
import { SECTION_NUMERALS } from '../schema/sections';

const messages = {
  outOfOrder: { 'zh-CN': '第{numeral}部分出现在第{after}部分之后', en: 'Section {numeral} comes after section {after}' },
};

type MessageId = keyof typeof messages;

export const sectionOrder = defineRule({
  code: 'section-order',
  defaultSeverity: 'warning',
  description: { 'zh-CN': '六个部分按一至六的顺序排列', en: 'Sections appear in the order 一 to 六' },
  docs: {
    'zh-CN': '国家统一格式规定了六个部分的顺序。某部分出现在编号更大的部分之后时报告。',
    en: 'The national format fixes the order of the six sections. Reported when a section comes after one with a higher number.',
  },
  example: {
    valid:
      '## 五、存在的主要问题及改进情况\n\n（一）存在的主要问题\n公开内容的深度和广度有待加强。\n（二）改进措施\n进一步完善信息公开工作制度。\n\n## 六、其他需要报告的事项\n\n本年度未收取政府信息处理费，无其他需要报告的事项。',
    flagged:
      '## 六、其他需要报告的事项\n\n本年度未收取政府信息处理费，无其他需要报告的事项。\n\n## 五、存在的主要问题及改进情况\n\n（一）存在的主要问题\n公开内容的深度和广度有待加强。\n（二）改进措施\n进一步完善信息公开工作制度。',
  },
  messages,
  check(ctx) {
    const drafts: Draft<MessageId>[] = [];
    let highest = 0;
    for (const { heading } of ctx.report.sections) {
      if (heading.section < highest) {
        drafts.push({
          messageId: 'outOfOrder',
          params: { numeral: SECTION_NUMERALS[heading.section - 1], after: SECTION_NUMERALS[highest - 1] },
          range: heading.range,
          target: `section.${heading.section}`,
        });
      }
      highest = Math.max(highest, heading.section);
    }
    return drafts;
  },
});
