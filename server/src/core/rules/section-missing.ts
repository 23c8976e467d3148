import { defineRule, Draft, RuleContext } from '../rule';
import { isBlank } from '../text';
import { SECTIONS } from '../schema/sections';
import { headingSubject } from './shared/subjects';

const messages = {
  missing: { 'zh-CN': '缺少第{numeral}部分「{numeral}、{title}」', en: 'Section {numeral} “{numeral}、{title}” is missing' },
  insert: { 'zh-CN': '插入标题「{numeral}、{title}」（内容仍需补写）', en: 'Insert the heading “{numeral}、{title}” (its text is still to be written)' },
};

type MessageId = keyof typeof messages;

export const sectionMissing = defineRule({
  code: 'section-missing',
  defaultSeverity: 'error',
  description: { 'zh-CN': '六个法定部分缺一不可', en: 'All six required sections are present' },
  docs: {
    'zh-CN':
      '年度报告须包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项（《条例》第五十条及国家统一格式）。标题按关键词识别，编号写错的部分由 section-numbering 报告，不算缺失。建议（不自动修复）：在应有的位置插入该部分标题；插入的只是标题，该部分的内容仍需补写，故 --fix 与全部修复不会应用它。',
    en: 'A report has six sections (Art. 50 of the Regulations and the national format). Headings are recognised by keyword; a misnumbered heading is reported by section-numbering, not as missing. Suggestion (never applied by --fix or fix-all): insert the heading where the section belongs; it brings the heading only, the text of the section is still to be written.',
  },
  messages,
  check(ctx) {
    const { report, doc } = ctx;
    if (report.sections.length === 0) return [];
    const present = new Set(report.sections.map((s) => s.heading.section));
    // Headings written as Markdown (`## 一、…`) get the same marker.
    const first = report.sections[0].heading;
    const lead = doc.lines[first.line].slice(0, first.numberRange.start.character).trim();
    const marker = lead.startsWith('#') ? `${lead} ` : '';
    const drafts: Draft<MessageId>[] = [];
    for (const spec of SECTIONS) {
      if (present.has(spec.index)) continue;
      const next = report.sections.find((s) => s.heading.section > spec.index);
      const params = { numeral: spec.numeral, title: spec.title };
      const heading = `${marker}${spec.numeral}、${spec.title}`;
      let at: number;
      let newText: string;
      if (next) {
        at = next.heading.line;
        newText = `${heading}${doc.eol}`;
      } else {
        const block = signatureBlock(ctx);
        if (block !== undefined) {
          at = block;
          newText = `${heading}${doc.eol}`;
        } else {
          at = doc.lines.length - 1;
          const last = doc.lines[at];
          newText = isBlank(last) ? `${heading}${doc.eol}` : `${doc.eol}${heading}${doc.eol}`;
        }
      }
      const insertAt = next || signatureBlock(ctx) !== undefined ? doc.range(at, 0, 0) : doc.range(at, doc.lines[at].length, doc.lines[at].length);
      drafts.push({
        messageId: 'missing',
        params,
        range: next ? next.heading.range : insertAt,
        // A heading alone does not supply the section: offered, never applied in bulk.
        suggestions: [{ messageId: 'insert', params, edits: [{ range: insertAt, newText, subject: headingSubject(spec.numeral, spec.index) }] }],
        target: `section.${spec.index}`,
      });
    }
    return drafts;
  },
});

/** The first line of the closing 落款 (issuing body and date) after the last section's text, if any. */
function signatureBlock(ctx: RuleContext): number | undefined {
  const { report, doc } = ctx;
  const sig = report.signature;
  if (!sig) return undefined;
  const lastHeading = report.sections[report.sections.length - 1].heading.line;
  let start = sig.range.start.line;
  for (let i = start - 1, taken = 0; i > lastHeading + 1 && taken < 2; i--) {
    const line = doc.lines[i].trim();
    if (!line) continue;
    if (line.length > 30 || /[。；;，,：:]/.test(line)) break;
    start = i;
    taken++;
  }
  return start > lastHeading + 1 ? start : undefined;
}
