import type { Rule } from '../rule';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from './shared/arithmetic';

export const columnTotal: Rule = {
  code: 'column-total',
  defaultSeverity: 'error',
  description: { 'zh-CN': '表三（七）总计应等于各办理结果之和', en: 'Table 3 （七）总计 equals the sum of the result rows' },
  docs: {
    'zh-CN': '表三“三、本年度办理结果”下（一）至（六）各行（含“不予公开”“无法提供”“不予处理”“其他处理”的全部子项）之和等于（七）总计，逐列检查。修复：把（七）总计改为各行之和。',
    en: 'In every column of table 3, rows （一） to （六） of 三、本年度办理结果 (with all sub-rows of 不予公开, 无法提供, 不予处理 and 其他处理) add up to （七）总计. Fix: set （七）总计 to the sum.',
  },
  messages: {
    mismatch: {
      'zh-CN': '表三「{name}」列：（七）总计为{total}，但各办理结果之和为{sum}{blank}',
      en: 'Table 3, column “{name}”: （七）总计 is {total}, but the result rows add up to {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
  },
  check: (ctx) => arithmeticDrafts(ctx, 'column-total'),
};
