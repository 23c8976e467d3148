import { defineRule } from '../rule';

export const inputEncoding = defineRule({
  code: 'input-encoding',
  defaultSeverity: 'warning',
  description: { 'zh-CN': '文本能正确解码', en: 'The text decodes cleanly' },
  docs: {
    'zh-CN':
      '文件含有替换字符（�）或 NUL 等控制字符时，多半是用错了编码打开（如把 GB18030/GBK 文件当作 UTF-8），或根本不是文本文件。此时的检查结果不可靠。请以正确的编码重新打开。',
    en: 'Replacement characters (�) or NUL and other control characters mean the file was most likely opened in the wrong encoding (GB18030/GBK read as UTF-8) or is not text at all; findings on it are unreliable. Reopen it with the right encoding.',
  },
  example: {
    valid: '本机关依法主动公开政府信息，',
    flagged: '本机关\ufffd\ufffd\ufffd主动公开政府信息，',
  },
  messages: {
    garbled: {
      'zh-CN': '文件中有{count}个无法解码的字符，可能不是 UTF-8 编码（如 GB18030/GBK），请以正确编码重新打开',
      en: '{count} characters could not be decoded; the file may not be UTF-8 (e.g. GB18030/GBK). Reopen it with the right encoding',
    },
    binary: { 'zh-CN': '文件含有二进制控制字符，可能不是文本文件', en: 'The file contains binary control characters; it may not be a text file' },
  },
  check(ctx) {
    const text = ctx.doc.text;
    const garbled = text.match(/\ufffd/g)?.length ?? 0;
    const firstLine = (i: number) =>
      ctx.doc.range(
        ctx.doc.lines.findIndex((l) => l.includes(text[i])),
        0,
        0,
      );
    if (/[\u0000-\u0008\u000e-\u001a]/.test(text)) {
      const i = text.search(/[\u0000-\u0008\u000e-\u001a]/);
      return [{ messageId: 'binary', range: firstLine(i), target: 'input' }];
    }
    if (garbled >= 3) return [{ messageId: 'garbled', params: { count: garbled }, range: firstLine(text.indexOf('\ufffd')), target: 'input' }];
    return [];
  },
});
