import type { Rule } from '../rule';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from './shared/arithmetic';

export const reviewTotal: Rule = {
  code: 'review-total',
  defaultSeverity: 'error',
  description: { 'zh-CN': '表四每组总计＝维持＋纠正＋其他＋尚未审结', en: 'Each table-4 group total equals its four result columns' },
  docs: {
    'zh-CN': '表四的行政复议、未经复议直接起诉、复议后起诉三组，每组“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。三组之间没有数量关系。修复：把总计改为四项之和。',
    en: 'In each of the three groups of table 4 (行政复议, 未经复议直接起诉, 复议后起诉), 总计 is the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结 .No relation links the groups. Fix: set 总计 to the sum.',
  },
  messages: {
    mismatch: {
      'zh-CN': '表四「{name}」：总计为{total}，但维持＋纠正＋其他＋尚未审结＝{sum}{blank}',
      en: 'Table 4 “{name}”: 总计 is {total}, but 维持 + 纠正 + 其他 + 尚未审结 = {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
  },
  check: (ctx) => arithmeticDrafts(ctx, 'review-total'),
};
