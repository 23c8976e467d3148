import type { Rule } from '../rule';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from './shared/arithmetic';

export const rowTotal: Rule = {
  code: 'row-total',
  defaultSeverity: 'error',
  description: { 'zh-CN': '表三每行的总计应等于六类申请人之和', en: 'Each table-3 row total equals its six applicant columns' },
  docs: {
    'zh-CN': '表三“总计”列是自然人与五类法人或其他组织之和（由“总计”列名所隐含）。只有总计列填写、其余为空白时不在此报告，见 cell-empty。修复：把总计改为各列之和；若只有一个单元格同时使本行和（七）总计出错，则只报告这个单元格并建议改回正确的值。',
    en: 'The 总计 column of table 3 is the sum of 自然人 and the five kinds of legal persons (implied by the column name). A row that fills only 总计 and leaves the rest blank is reported by cell-empty instead. Fix: set the total to the sum; when one cell breaks both its row and the （七）总计 row, only that cell is reported, with its correct value.',
  },
  messages: {
    mismatch: {
      'zh-CN': '表三「{name}」：总计为{total}，但六类申请人之和为{sum}{blank}',
      en: 'Table 3 “{name}”: 总计 is {total}, but the six applicant columns add up to {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
  },
  check: (ctx) => arithmeticDrafts(ctx, 'row-total'),
};
