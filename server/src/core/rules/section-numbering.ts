import type { SubHeading } from '../model';
import { defineRule, Draft } from '../rule';
import { headingNumber } from '../parse/sections';
import { SECTION_NUMERALS } from '../schema/sections';
import { headingNumberSubject, SUBHEADING_NUMBER } from './shared/subjects';

const isArabic = (s: string) => /^[0-9０-９]+$/.test(s);

const messages = {
  wrongNumber: { 'zh-CN': '「{title}」是第{expected}部分，编号却写作“{actual}”', en: '“{title}” is section {expected} but is numbered “{actual}”' },
  arabic: {
    'zh-CN': '部分标题应使用汉字编号“{expected}、”，此处写作“{actual}”',
    en: 'Section headings are numbered with Chinese numerals (“{expected}、”), not “{actual}”',
  },
  unnumbered: { 'zh-CN': '「{title}」缺少编号“{expected}、”', en: '“{title}” lacks its number “{expected}、”' },
  mixedSub: {
    'zh-CN': '小标题编号混用：此处为（{actual}），同一部分其他小标题用汉字编号，应为（{expected}）',
    en: 'Sub-heading numbering is mixed: （{actual}） here while the others use Chinese numerals; expected （{expected}）',
  },
  topLevelSub: {
    'zh-CN': '总体情况中的小标题用了部分的编号“{actual}”，与六个部分的编号混为两套，宜改为“（{numeral}）”',
    en: 'A sub-heading of 总体情况 is numbered like a section (“{actual}”), a second numbering system beside the six sections; use “（{numeral}）”',
  },
  fix: { 'zh-CN': '改为“{expected}”', en: 'Change to “{expected}”' },
};

type MessageId = keyof typeof messages;

export const sectionNumbering = defineRule({
  code: 'section-numbering',
  defaultSeverity: 'warning',
  fixKind: 'headings',
  description: { 'zh-CN': '部分标题用一、二、三……依次编号', en: 'Section headings are numbered 一、 to 六、' },
  docs: {
    'zh-CN':
      '六个部分的标题应依次编号为“一、”至“六、”。报告阿拉伯数字编号（如“4、”代替“四、”）、编号与内容不符（整段编号错位）、缺少编号，以及同一部分中小标题混用（1）与（二）两套编号。修复：把编号改为应有的写法。',
    en: 'The six section headings are numbered 一、 to 六、. Reports Arabic numbers (4、 for 四、), numbers that do not match the section (a shifted block), missing numbers, and sub-headings of one section that mix （1） and （二）. Fix: rewrite the number.',
  },
  example: {
    valid: '## 五、存在的主要问题及改进情况',
    flagged: '## 5、存在的主要问题及改进情况',
    fixed: '## 五、存在的主要问题及改进情况',
  },
  messages,
  check(ctx) {
    const { report, doc } = ctx;
    const drafts: Draft<MessageId>[] = [];
    for (const { heading } of report.sections) {
      const expected = SECTION_NUMERALS[heading.section - 1];
      const number = headingNumber(heading.numberText);
      const prefix = doc.lines[heading.line].slice(heading.prefixRange.start.character, heading.prefixRange.end.character).trim();
      const params = { title: heading.title, expected, actual: prefix };
      let messageId: MessageId | undefined;
      if (!heading.numberText) messageId = 'unnumbered';
      else if (number !== heading.section) messageId = 'wrongNumber';
      else if (isArabic(heading.numberText)) messageId = 'arabic';
      if (!messageId) continue;
      drafts.push({
        messageId,
        params,
        range: heading.numberText ? heading.numberRange : heading.range,
        fix: {
          messageId: 'fix',
          params: { expected: `${expected}、` },
          edits: [{ range: heading.prefixRange, newText: `${expected}、`, subject: headingNumberSubject(expected, heading.section) }],
        },
        target: `section.${heading.section}`,
      });
    }
    // 总体情况 whose sub-headings are numbered 一、二、… like the sections themselves.
    for (const sub of report.subHeadings.filter((s) => s.style === 'sectionLike')) {
      const { start, end } = sub.numberRange;
      const range = { start, end: { line: end.line, character: end.character + 1 } }; // with its 、
      const expected = `（${sub.numberText}）`;
      drafts.push({
        messageId: 'topLevelSub',
        params: { actual: `${sub.numberText}、`, numeral: sub.numberText },
        range,
        fix: { messageId: 'fix', params: { expected }, edits: [{ range, newText: expected, subject: SUBHEADING_NUMBER }] },
        target: subheadingTarget(report.subHeadings, sub),
      });
    }
    const parenthesized = report.subHeadings.filter((s) => s.style === 'parenthesized');
    for (const section of new Set(parenthesized.map((s) => s.section))) {
      const subs = parenthesized.filter((s) => s.section === section);
      if (!subs.some((s) => isArabic(s.numberText)) || subs.every((s) => isArabic(s.numberText))) continue;
      for (const sub of subs.filter((s) => isArabic(s.numberText))) {
        const n = Number(sub.numberText.normalize('NFKC'));
        if (n < 1 || n > 10) continue;
        const expected = n === 10 ? '十' : ['一', '二', '三', '四', '五', '六', '七', '八', '九'][n - 1];
        drafts.push({
          messageId: 'mixedSub',
          params: { actual: sub.numberText, expected },
          range: sub.numberRange,
          fix: { messageId: 'fix', params: { expected }, edits: [{ range: sub.numberRange, newText: expected, subject: SUBHEADING_NUMBER }] },
          target: subheadingTarget(report.subHeadings, sub),
        });
      }
    }
    return drafts;
  },
});

/**
 * A sub-heading's target: its ordinal within its section (`section.3.subheading.2`), the same whichever
 * reader laid out the lines, so an ignore entry holds for the report as text, web page, DOCX or PDF.
 */
function subheadingTarget(subs: readonly SubHeading[], sub: SubHeading): string {
  const ordinal = subs.filter((s) => s.section === sub.section && s.line <= sub.line).length;
  return `section.${sub.section}.subheading.${ordinal}`;
}
