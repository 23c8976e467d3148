import { defineRule } from '../rule';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from './shared/arithmetic';

export const balance = defineRule({
  code: 'balance',
  defaultSeverity: 'error',
  fixKind: 'sums',
  description: { 'zh-CN': '表三每列：一＋二＝（七）总计＋四', en: 'Table 3, every column: 一 + 二 = （七）总计 + 四' },
  docs: {
    'zh-CN':
      '表三表头写明的勾稽关系：“第一项加第二项之和，等于第三项加第四项之和”，每一列都须成立。只有一个单元格能解释所有不符时才自动修复；否则只给出写明假设的建议，如假设一、二和（七）总计正确，则将“四、结转下年度继续办理”改为一＋二－（七）总计。',
    en: 'The relation printed in the header of table 3: “第一项加第二项之和，等于第三项加第四项之和” must hold in every column. Only when one cell explains every broken sum is it fixed automatically; otherwise the suggestions say what they assume, e.g. trusting 一, 二 and （七）总计 sets 四、结转下年度继续办理 to 一 + 二 − （七）总计.',
  },
  example: {
    valid: '| 四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |',
    flagged: '| 四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 1 | 3 |',
  },
  messages: {
    mismatch: {
      'zh-CN': '表三「{name}」列：一＋二＝{total}，但（七）总计＋四＝{sum}{blank}',
      en: 'Table 3, column “{name}”: 一 + 二 = {total}, but （七）总计 + 四 = {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
    assumeParts: { 'zh-CN': '假设一、二和（七）总计正确：将{cells}改为{expected}', en: 'Assuming 一, 二 and （七）总计 are right: set {cells} to {expected}' },
    assumeTotal: { 'zh-CN': '假设（七）总计和四正确：将{cells}改为{expected}', en: 'Assuming （七）总计 and 四 are right: change {cells} to {expected}' },
  },
  check: (ctx) => arithmeticDrafts(ctx, 'balance'),
});
