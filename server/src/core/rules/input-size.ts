import { defineRule } from '../rule';

/** On a file over the size limit: this one finding instead of a check. */
export const inputSize = defineRule({
  code: 'input-size',
  defaultSeverity: 'information',
  description: { 'zh-CN': '超过大小上限的文件不检查', en: 'Files over the size limit are not checked' },
  docs: {
    'zh-CN':
      '一份年度报告通常不到100 KB。超过上限（默认2,000,000字符，可在设置 xxgk.maxFileSize 或命令行 --max-file-size 中修改）的文件只给出这一条提示，不做检查，以免编辑器卡顿。',
    en: 'An annual report is usually under 100 KB. A file over the limit (2,000,000 characters by default; setting xxgk.maxFileSize or --max-file-size) gets only this notice and is not checked, so the editor stays responsive.',
  },
  messages: {
    tooLarge: {
      'zh-CN': '文件有{size}个字符，超过检查上限{limit}，未检查',
      en: 'The file has {size} characters, over the limit of {limit}; not checked',
    },
  },
  check: () => [],
  checkInput({ text, maxFileSize }) {
    if (text.length <= maxFileSize) return [];
    const start = { line: 0, character: 0 };
    return [{ messageId: 'tooLarge', params: { size: text.length, limit: maxFileSize }, range: { start, end: start } }];
  },
});
