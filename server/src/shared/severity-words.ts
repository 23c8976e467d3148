import type { Severity } from '../core/model';
import type { Localized } from '../core/rule';

/**
 * Severity words, one vocabulary for the CLI's text output and the editor's settings: 提示 (not 信息,
 * which here reads as 政府信息) for information, 建议 for hint.
 */
export const SEVERITY_WORDS: Record<Severity, Localized> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  information: { 'zh-CN': '提示', en: 'information' },
  hint: { 'zh-CN': '建议', en: 'hint' },
};
