import type { Rule } from '../rule';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from './shared/arithmetic';

export const balance: Rule = {
  code: 'balance',
  defaultSeverity: 'error',
  description: { 'zh-CN': '表三每列：一＋二＝（七）总计＋四', en: 'Table 3, every column: 一 + 二 = （七）总计 + 四' },
  docs: {
    'zh-CN': '表三表头写明的勾稽关系：“第一项加第二项之和，等于第三项加第四项之和”，每一列都须成立。“四、结转下年度继续办理”为空白时，修复为一＋二－（七）总计。',
    en: 'The relation printed in the header of table 3: “第一项加第二项之和，等于第三项加第四项之和” must hold in every column. When 四、结转下年度继续办理 is blank, the fix fills it with 一 + 二 − （七）总计.',
  },
  messages: {
    mismatch: {
      'zh-CN': '表三「{name}」列：一＋二＝{total}，但（七）总计＋四＝{sum}{blank}',
      en: 'Table 3, column “{name}”: 一 + 二 = {total}, but （七）总计 + 四 = {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
  },
  check: (ctx) => arithmeticDrafts(ctx, 'balance'),
};
