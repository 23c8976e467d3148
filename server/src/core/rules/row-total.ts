import { defineRule } from '../rule';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from './shared/arithmetic';

export const rowTotal = defineRule({
  code: 'row-total',
  defaultSeverity: 'error',
  fixKind: 'sums',
  description: { 'zh-CN': '表三每行的总计应等于六类申请人之和', en: 'Each table-3 row total equals its six applicant columns' },
  docs: {
    'zh-CN':
      '表三“总计”列是自然人与五类法人或其他组织之和（由“总计”列名所隐含）。只有总计列填写、其余为空白时不在此报告，见 cell-empty。若只有一个单元格同时使本行和（七）总计出错，则只报告这个单元格，修复为使各处都成立的值。否则无法确定哪个单元格有误，不自动修复，只在快速修复菜单中给出建议，并写明各自的假设：假设各项正确则改总计，假设总计正确则改能确定的那几项。',
    en: 'The 总计 column of table 3 is the sum of 自然人 and the five kinds of legal persons (implied by the column name). A row that fills only 总计 and leaves the rest blank is reported by cell-empty instead. When one cell breaks both its row and the （七）总计 row, only that cell is reported, and the fix writes the value that makes both hold. Otherwise no single cell is certain: nothing is fixed automatically, and the quick-fix menu offers suggestions that say what they assume: trusting the six columns sets the total, trusting the total changes the columns the numbers single out.',
  },
  example: {
    valid: '| （一）予以公开 | 3 | 2 | 0 | 0 | 0 | 0 | 5 |',
    flagged: '| （一）予以公开 | 3 | 2 | 0 | 0 | 0 | 0 | 6 |',
    fixed: '| （一）予以公开 | 3 | 2 | 0 | 0 | 0 | 0 | 5 |',
  },
  messages: {
    mismatch: {
      'zh-CN': '表三「{name}」：总计为{total}，但六类申请人之和为{sum}{blank}',
      en: 'Table 3 “{name}”: 总计 is {total}, but the six applicant columns add up to {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
  },
  check: (ctx) => arithmeticDrafts(ctx, 'row-total'),
});
