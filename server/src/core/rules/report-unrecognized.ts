import { defineRule } from '../rule';
import { isBlank } from '../text';

/** A file checked and found clean must be told from one that was not understood: the latter is an error. */
export const reportUnrecognized = defineRule({
  code: 'report-unrecognized',
  defaultSeverity: 'error',
  description: { 'zh-CN': '文件须能识别为年度报告', en: 'The file is recognized as an annual report' },
  docs: {
    'zh-CN':
      '空文件，或找不到任何一个部分标题（如「一、总体情况」「三、收到和处理政府信息公开申请情况」）的文件，无法检查。此时不报“0个问题”，而是报告这一错误，说明没有识别到什么。常见原因：粘贴时丢了标题，标题写法与官方相差太远，或文件根本不是年度报告。',
    en: 'An empty file, or one in which no section heading (such as 一、总体情况 or 三、收到和处理政府信息公开申请情况) is found, cannot be checked. Instead of “0 problems” it gets this error, saying what was not found. Usual causes: the headings were lost in a copy, are worded too far from the official titles, or the file is not an annual report.',
  },
  messages: {
    empty: { 'zh-CN': '文件为空，没有可检查的内容', en: 'The file is empty: nothing to check' },
    noSections: {
      'zh-CN': '未识别到年度报告的章节结构：找不到「一、总体情况」至「六、其他需要报告的事项」中任何一个部分的标题，未做检查',
      en: 'No report structure recognized: none of the section headings 一、总体情况 to 六、其他需要报告的事项 was found; nothing was checked',
    },
  },
  check({ report, doc }) {
    if (report.sections.length > 0) return [];
    if (doc.lines.every((line) => isBlank(line))) return [{ messageId: 'empty', range: doc.range(0, 0, 0), target: 'report' }];
    return [{ messageId: 'noSections', range: doc.lineRange(0), target: 'report' }];
  },
});
