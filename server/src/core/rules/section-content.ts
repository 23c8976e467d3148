import type { Range, Report } from '../model';
import { cellNames } from '../labels';
import { cellOf } from '../narrative/metrics';
import { signatureOrgan } from '../narrative/organ';
import { proseSentences } from '../narrative/sentences';
import { cleanLine, isTableLine } from '../parse/tokens';
import { defineRule, Draft } from '../rule';
import type { LineIndex } from '../text';

const messages = {
  empty5: { 'zh-CN': '第五部分没有内容', en: 'Section 五 is empty' },
  none5: {
    'zh-CN': '第五部分只写了“{text}”，应说明存在的主要问题及改进情况',
    en: 'Section 五 only says “{text}”; it should state the main problems and the improvements',
  },
  short5: {
    'zh-CN': '第五部分过短（{count}个字），难以说明存在的问题及改进情况',
    en: 'Section 五 is very short ({count} characters) to state problems and improvements',
  },
  empty6: { 'zh-CN': '第六部分没有内容（没有其他事项时应写明“无”）', en: 'Section 六 is empty (write “无” when there is nothing else to report)' },
  noneWithFees: {
    'zh-CN': '第六部分只写了“{text}”，但{name}为{value}；请说明收费情况',
    en: 'Section 六 only says “{text}”, but {name} is {value}; state how fees were handled',
  },
  noFeeStatement: {
    'zh-CN': '第六部分没有说明信息处理费的收取情况（2021年度起的报告）',
    en: 'Section 六 does not state whether information-processing fees (信息处理费) were charged (reports from 2021 on)',
  },
  fees: { 'zh-CN': '{name}：{value}', en: '{name}: {value}' },
};

type MessageId = keyof typeof messages;

/** Fewer characters than this (punctuation and numbering aside) cannot state a problem and a remedy. */
export const MIN_SECTION5_CHARS = 20;

const NONE = /^(?:无|暂无|没有|无其他(?:需要)?(?:报告|说明)的?事项|本(?:年度|机关|单位)?无其他需要报告的事项|无需要报告的事项|不涉及)$/;
const INFO_FEE = /处理费|收费|收取|费用/;

/** The content of a section's body: its prose lines, without the signature, numbering or punctuation. */
function body(ctx: { doc: LineIndex }, from: number, to: number, skip: Set<number>): { text: string; range?: Range } {
  const { doc } = ctx;
  let text = '';
  let first: number | undefined;
  let last: number | undefined;
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    const line = cleanLine(doc.lines[i]);
    if (!line.trim() || isTableLine(line)) continue;
    if (/^\s*-\s*(?:发布日期|浏览次数|来源|作者)/.test(line)) continue;
    first ??= i;
    last = i;
    text += line;
  }
  const content = text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]?)/, '')
    .replace(/[。，,；;：:！!？?、""“”‘’'()（）《》\-—…·.]/g, '');
  if (first === undefined || last === undefined) return { text: content };
  const start = doc.lines[first].search(/\S/);
  return { text: content, range: { start: { line: first, character: Math.max(start, 0) }, end: { line: last, character: doc.lines[last].trimEnd().length } } };
}

/** A report that states the 信息处理费 elsewhere (often under 三 or in 一) has said it. */
function mentionedElsewhere(report: Report, doc: LineIndex): boolean {
  return proseSentences(report, doc, { skipSignature: true }).some((s) => /信息处理费|处理费/.test(s.text));
}

export const sectionContent = defineRule({
  code: 'section-content',
  defaultSeverity: 'warning',
  description: { 'zh-CN': '五、六部分有实际内容', en: 'Sections 五 and 六 say something' },
  docs: {
    'zh-CN':
      '“五、存在的主要问题及改进情况”不应空白、只写“无”或过短（少于20个字）。“六、其他需要报告的事项”不应空白；只写“无”而表二第二十条第（八）项显示有收费时提示说明。2021年度起的报告，第六部分应说明信息处理费收取情况（国办函〔2020〕109号，提示级别；报告其他部分已说明的不提示）。',
    en: 'Section 五 (problems and improvements) should not be empty, just “无”, or too short (fewer than 20 characters). Section 六 (other matters) should not be empty; just “无” while 表二 item (八) shows fees is reported. From the 2021 report year on, section 六 should state whether information-processing fees (信息处理费, 国办函〔2020〕109号) were charged (information; not reported when another part of the report says it).',
  },
  example: {
    valid: '（一）存在的主要问题\n公开内容的深度和广度有待加强。\n（二）改进措施\n进一步完善信息公开工作制度。',
    flagged: '无。',
  },
  messages,
  check(ctx) {
    const { report, doc } = ctx;
    const drafts: Draft<MessageId>[] = [];
    const skip = new Set<number>();
    if (report.signature) {
      skip.add(report.signature.range.start.line);
      const organ = signatureOrgan(report, doc);
      if (organ) skip.add(organ.line);
    }
    const five = report.sections.find((s) => s.heading.section === 5);
    if (five) {
      const b = body(ctx, five.bodyStart, five.bodyEnd, skip);
      const range = b.range ?? five.heading.range;
      if (!b.text) drafts.push({ messageId: 'empty5', range: five.heading.range, target: 'section.5' });
      else if (NONE.test(b.text)) drafts.push({ messageId: 'none5', params: { text: b.text }, range, target: 'section.5' });
      else if ([...b.text].length < MIN_SECTION5_CHARS) drafts.push({ messageId: 'short5', params: { count: [...b.text].length }, range, target: 'section.5' });
    }
    const six = report.sections.find((s) => s.heading.section === 6);
    if (six) {
      const b = body(ctx, six.bodyStart, six.bodyEnd, skip);
      const range = b.range ?? six.heading.range;
      const format = ctx.format;
      const feeCell = format === '2021' ? cellOf(report, 'T2', 'FEE', 'FEE_AMOUNT') : cellOf(report, 'T2', 'FEE', 'PREV');
      const fees = feeCell?.state === 'number' && (feeCell.value ?? 0) > 0 ? feeCell : undefined;
      const recent = (report.year ?? (report.format === '2021' ? 2021 : 0)) >= 2021;
      if (!b.text) {
        drafts.push({ messageId: 'empty6', range: six.heading.range, target: 'section.6' });
      } else if (NONE.test(b.text) && fees) {
        const name = cellNames(fees, format, { inTable: true });
        drafts.push({
          messageId: 'noneWithFees',
          params: { text: b.text, name, value: fees.value! },
          range,
          related: [{ range: fees.range, messageId: 'fees', params: { name, value: fees.value! } }],
          target: 'section.6',
        });
      } else if (recent && !INFO_FEE.test(b.text) && !mentionedElsewhere(report, doc)) {
        drafts.push({ messageId: 'noFeeStatement', range, severity: 'information', target: 'section.6.fee' });
      }
    }
    return drafts;
  },
});
