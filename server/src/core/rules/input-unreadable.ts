import type { ReadProblemKind } from '../read/document';
import { Draft, defineRule } from '../rule';

/** Reported by `analyzeSource` instead of every other rule, when a PDF or DOCX cannot be read (see `unreadableDraft`). */
export const inputUnreadable = defineRule({
  code: 'input-unreadable',
  defaultSeverity: 'error',
  description: { 'zh-CN': 'PDF、Word 文件能够读取', en: 'PDF and Word files can be read' },
  docs: {
    'zh-CN':
      '加密、损坏、扫描（没有文字层）或读取超时（默认30秒，命令行 --pdf-time-limit 或环境变量 XXGK_LINT_PDF_TIME_LIMIT 以毫秒计可改）的 PDF，以及不是 .docx 的文件（如旧版 .doc）无法读取，因此没有检查。这一错误说明原因，绝不报“0个问题”。扫描件请先做文字识别，.doc 请另存为 .docx。',
    en: 'An encrypted, corrupt or scanned (no text layer) PDF, one that takes too long to read (30 s by default; --pdf-time-limit or XXGK_LINT_PDF_TIME_LIMIT, in milliseconds, changes it), or a file that is not a .docx (such as a legacy .doc), cannot be read and so was not checked. This error says why, never “0 problems”. Run OCR on a scan; save a .doc as .docx.',
  },
  messages: {
    encrypted: { 'zh-CN': '文件已加密，无法读取，未检查', en: 'The file is encrypted and cannot be read; not checked' },
    corrupt: { 'zh-CN': '文件已损坏或格式不对，无法读取，未检查{detail}', en: 'The file is corrupt or not in the format its name says; not checked{detail}' },
    scanned: {
      'zh-CN': '这份 PDF 没有文字层（可能是扫描件），无法读取表格，未检查。请先做文字识别',
      en: 'This PDF has no text layer (a scan?), so its tables cannot be read; not checked. Run OCR on it first',
    },
    'not-docx': { 'zh-CN': '不是 Word（.docx）文件，无法读取，未检查{detail}', en: 'Not a Word (.docx) file; not checked{detail}' },
    'too-large': { 'zh-CN': '文件过大，未检查{detail}', en: 'The file is too large; not checked{detail}' },
    'too-slow': {
      'zh-CN': '读取这份 PDF 超过了时间限制，已停止，未检查（文件可能异常复杂或已损坏）',
      en: 'Reading this PDF took longer than the time limit and was stopped; not checked (the file may be abnormally complex or damaged)',
    },
    empty: { 'zh-CN': '文件中没有任何文字，未检查', en: 'The file holds no text; not checked' },
  },
  check: () => [],
});

/** The finding on a source that could not be read: why, at the start of the file. */
export function unreadableDraft(problem: ReadProblemKind, detail: string | undefined): Draft<ReadProblemKind> {
  const start = { line: 0, character: 0 };
  // The readers' details (a library's error, a part's name) are in English: Chinese output gives
  // only those that are numbers and file types, such as a page count.
  const zh = detail && PLAIN_DETAIL.test(detail) ? `（${detail.replace(/^(\d+) pages$/, '共$1页')}）` : '';
  const params = { detail: detail ? { 'zh-CN': zh, en: ` (${detail})` } : '' };
  return { messageId: problem, params, range: { start, end: start }, target: 'input' };
}

/** A detail Chinese output can show as it is. */
const PLAIN_DETAIL = /^(?:\d+ pages|Word 97–2003 \.doc)$/;
