import { defineRule } from '../rule';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from './shared/arithmetic';

export const columnTotal = defineRule({
  code: 'column-total',
  defaultSeverity: 'error',
  fixKind: 'sums',
  description: { 'zh-CN': '表三（七）总计应等于各办理结果之和', en: 'Table 3 （七）总计 equals the sum of the result rows' },
  docs: {
    'zh-CN':
      '表三“三、本年度办理结果”下（一）至（六）各行（含“不予公开”“无法提供”“不予处理”“其他处理”的全部子项）之和等于（七）总计，逐列检查。只有一个单元格能解释所有不符时才自动修复；否则只给出写明假设的建议（假设各办理结果正确则改（七）总计，假设（七）总计正确则改能确定的那一行）。',
    en: 'In every column of table 3, rows （一） to （六） of 三、本年度办理结果 (with all sub-rows of 不予公开, 无法提供, 不予处理 and 其他处理) add up to （七）总计. Only when one cell explains every broken sum is it fixed automatically; otherwise the suggestions say what they assume (trusting the result rows sets （七）总计, trusting （七）总计 changes the one row the numbers single out).',
  },
  example: {
    valid: '| （七）总计 | 8 | 2 | 0 | 0 | 0 | 1 | 11 |\n| 四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |',
    flagged: '| （七）总计 | 9 | 2 | 0 | 0 | 0 | 1 | 12 |\n| 四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |',
  },
  messages: {
    mismatch: {
      'zh-CN': '表三「{name}」列：（七）总计为{total}，但各办理结果之和为{sum}{blank}',
      en: 'Table 3, column “{name}”: （七）总计 is {total}, but the result rows add up to {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
    assumeParts: { 'zh-CN': '假设各办理结果正确：将{cells}改为{expected}', en: 'Assuming the result rows are right: set {cells} to {expected}' },
    assumeTotal: { 'zh-CN': '假设（七）总计正确：将{cells}改为{expected}', en: 'Assuming （七）总计 is right: change {cells} to {expected}' },
  },
  check: (ctx) => arithmeticDrafts(ctx, 'column-total'),
});
