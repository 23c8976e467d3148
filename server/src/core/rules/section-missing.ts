import type { Draft, Rule } from '../rule';
import { SECTIONS } from '../schema/sections';

export const sectionMissing: Rule = {
  code: 'section-missing',
  defaultSeverity: 'error',
  description: { 'zh-CN': '六个法定部分缺一不可', en: 'All six required sections are present' },
  docs: {
    'zh-CN': '年度报告须包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项（《条例》第五十条及国家统一格式）。标题按关键词识别，编号写错的部分由 section-numbering 报告，不算缺失。修复：在应有的位置插入该部分标题。',
    en: 'A report has six sections (Art. 50 of the Regulations and the national format). Headings are recognised by keyword; a misnumbered heading is reported by section-numbering, not as missing. Fix: insert the heading where the section belongs.',
  },
  messages: {
    missing: { 'zh-CN': '缺少第{numeral}部分「{numeral}、{title}」', en: 'Section {numeral} “{numeral}、{title}” is missing' },
    fix: { 'zh-CN': '插入标题「{numeral}、{title}」', en: 'Insert the heading “{numeral}、{title}”' },
  },
  check(ctx) {
    const { report, doc } = ctx;
    if (report.sections.length === 0) return [];
    const present = new Set(report.sections.map((s) => s.heading.section));
    const drafts: Draft[] = [];
    for (const spec of SECTIONS) {
      if (present.has(spec.index)) continue;
      const next = report.sections.find((s) => s.heading.section > spec.index);
      const params = { numeral: spec.numeral, title: spec.title };
      const heading = `${spec.numeral}、${spec.title}`;
      let range;
      let newText;
      if (next) {
        range = doc.range(next.heading.line, 0, 0);
        newText = `${heading}\n`;
      } else {
        const last = doc.lines.length - 1;
        range = doc.range(last, doc.lines[last].length, doc.lines[last].length);
        newText = doc.lines[last].length ? `\n${heading}\n` : `${heading}\n`;
      }
      drafts.push({
        messageId: 'missing',
        params,
        range: next ? next.heading.range : range,
        fix: { messageId: 'fix', params, edits: [{ range, newText }] },
        target: `section.${spec.index}`,
      });
    }
    return drafts;
  },
};
