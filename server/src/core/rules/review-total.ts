import { defineRule } from '../rule';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from './shared/arithmetic';

export const reviewTotal = defineRule({
  code: 'review-total',
  defaultSeverity: 'error',
  fixKind: 'sums',
  description: { 'zh-CN': '表四每组总计＝维持＋纠正＋其他＋尚未审结', en: 'Each table-4 group total equals its four result columns' },
  docs: {
    'zh-CN':
      '表四的行政复议、未经复议直接起诉、复议后起诉三组，每组“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。三组之间没有数量关系。一组只有一个等式，无法确定哪个单元格有误，因此从不自动修复，只给出写明假设的建议：假设各项正确则改总计，假设总计正确则改能确定的那一项。',
    en: 'In each of the three groups of table 4 (行政复议, 未经复议直接起诉, 复议后起诉), 总计 is the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结. No relation links the groups. A group is a single sum, so no cell is ever certain: nothing is fixed automatically, and the suggestions say what they assume (trusting the four columns sets 总计, trusting 总计 changes the one column the numbers single out).',
  },
  example: {
    valid: '| 2 | 1 | 0 | 0 | 3 |',
    flagged: '| 2 | 1 | 0 | 0 | 4 |',
  },
  messages: {
    mismatch: {
      'zh-CN': '表四「{name}」：总计为{total}，但维持＋纠正＋其他＋尚未审结＝{sum}{blank}',
      en: 'Table 4 “{name}”: 总计 is {total}, but 维持 + 纠正 + 其他 + 尚未审结 = {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
  },
  check: (ctx) => arithmeticDrafts(ctx, 'review-total'),
});
