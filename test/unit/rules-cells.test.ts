/**
 * Per-rule tests for the cell and arithmetic rules: cell-empty, cell-invalid, row-total,
 * column-total, balance, review-total, table-unparsed and plausibility — in encodings A, B, C and
 * Markdown, the arithmetic ones also in PDF text (values chosen so a fixed number keeps its width).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { ARITHMETIC_CODES } from '../../server/src/core/schema/invariants';
import { base, lineWith, totalsOnly } from '../support/cases';
import { ReportModel, withCells, zeroModel } from '../support/model';
import { Encoding, render } from '../support/render';
import { ruleTester } from '../support/rule-tester';

const ABCM: Encoding[] = ['A', 'B', 'C', 'md'];
const ABCMP: Encoding[] = ['A', 'B', 'C', 'md', 'pdf'];

const z19 = zeroModel('2019');
const z21 = zeroModel('2021');
const set = (mm: ReportModel, cells: Parameters<typeof withCells>[1]) => withCells(mm, cells);

// ------------------------------------------------------------------ cell-empty

ruleTester(
  'cell-empty',
  {
    valid: [
      { name: 'every cell filled', model: z19 },
      { name: 'every cell filled, 2021', model: z21 },
    ],
    invalid: [
      {
        name: 'two blanks in a 表三 row',
        model: set(z19, { 'T3.R3_1.NP': null, 'T3.R3_1.OT': null }),
        errors: [
          {
            at: 'label:T3.R3_1',
            target: 'T3.R3_1',
            severity: 'warning',
            message: '表三「（一）予以公开」有2个空白单元格：自然人、其他',
            en: 'Table 3 “（一）予以公开” has 2 blank cell(s): 自然人, 其他',
            related: ['T3.R3_1.NP', 'T3.R3_1.OT'].map((k) => k),
            fixed: z19,
          },
        ],
      },
      {
        name: 'a blank in 表二',
        model: set(z19, { 'T2.REG.NEW_PUB': null }),
        errors: [{ at: 'label:T2.REG', target: 'T2.REG', message: '表二「规章」有1个空白单元格：本年新公开数量', fixed: z19 }],
      },
      {
        name: 'a blank in the 表四 data row (no label: the finding spans the row)',
        model: set(z21, { 'T4.R.LD_OTH': null }),
        errors: [{ at: 'T4.R.RV_KEEP', exact: false, target: 'T4.R', message: '表四「数据行」有1个空白单元格：未经复议直接起诉·其他结果', fixed: z21 }],
      },
    ],
  },
  { encodings: ['A', 'A|', 'B', 'C', 'md', 'D1', 'tsv'] },
);

describe('cell-empty on a table with only 总计 filled (seeds 002/004)', () => {
  for (const enc of ['A', 'B', 'C', 'md'] as Encoding[]) {
    it(`one finding per row; fill-0 offered only where 0 keeps the row total true [${enc}]`, () => {
      const r = render(totalsOnly('2019'), enc);
      const a = analyze(r.text);
      const empty = a.findings.filter((f) => f.code === 'cell-empty');
      assert.equal(empty.length, 23, '23 rows of the 2019 表三');
      assert.deepEqual(
        a.findings.filter((f) => ARITHMETIC_CODES.includes(f.code)),
        [],
        'sums with blank details are not broken sums',
      );
      const byRow = new Map(empty.map((f) => [f.target, f]));
      for (const key of ['R1', 'R2', 'R3_1', 'R3_2', 'R3_4_1', 'R3_5_2', 'R3_7', 'R4']) {
        assert.equal(byRow.get(`T3.${key}`)?.fix, undefined, `T3.${key} has a non-zero 总计: 0s would break it`);
      }
      const zeroRow = byRow.get('T3.R3_3_1')!;
      assert.equal(zeroRow.message, '表三「（三）不予公开1.属于国家秘密」有6个空白单元格：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他');
      assert.equal(zeroRow.fix?.edits.length, 6);
      assert.equal(zeroRow.range.start.line, r.at('label:T3.R3_3_1').line);
      for (const e of zeroRow.fix!.edits) assert.equal(e.newText, '0');
    });
  }
});

// ------------------------------------------------------------------ cell-invalid

ruleTester(
  'cell-invalid',
  {
    valid: [
      { name: 'plain numbers', model: base('2019') },
      { name: '2019 本年增/减 may be negative or signed', model: set(z19, { 'T2.PUN.CHANGE': '-3', 'T2.ENF.CHANGE': '+1036' }) },
      { name: 'amounts may have decimals', model: set(z21, { 'T2.FEE.FEE_AMOUNT': '96171.6' }) },
      { name: '2019 采购总金额 with decimals', model: set(z19, { 'T2.PROC.AMOUNT': '12.5' }) },
      { name: 'thousands separators and full-width digits', model: set(z19, { 'T2.REG.TOTAL_PUB': 1200 }), variant: { thousands: true, fullwidth: true } },
    ],
    invalid: [
      {
        name: '/ for nothing',
        model: set(z19, { 'T3.R3_1.NP': '/' }),
        absent: ARITHMETIC_CODES,
        errors: [
          {
            at: 'T3.R3_1.NP',
            target: 'T3.R3_1.NP',
            severity: 'warning',
            message: '「（一）予以公开」自然人写作「/」，应填数字（没有请填0）',
            en: '“（一）予以公开” 自然人 holds “/”; write a number (0 if none)',
            fixed: z19,
          },
        ],
      },
      {
        name: '— and 无 in 表三',
        model: set(z19, { 'T3.R3_2.CE': '—', 'T3.R3_3_1.RI': '无' }),
        absent: ARITHMETIC_CODES,
        errors: [
          {
            at: 'T3.R3_2.CE',
            message: '「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」商业企业写作「—」，应填数字（没有请填0）',
            fixed: set(z19, { 'T3.R3_3_1.RI': '无' }),
          },
          { at: 'T3.R3_3_1.RI', message: '「（三）不予公开1.属于国家秘密」科研机构写作「无」，应填数字（没有请填0）', fixed: set(z19, { 'T3.R3_2.CE': '—' }) },
        ],
      },
      {
        name: 'a count with the unit 件',
        encodings: ABCM,
        model: set(z21, { 'T2.REG.ISSUED': '3件', 'T2.REG.VALID': 3 }),
        errors: [
          {
            at: 'T2.REG.ISSUED',
            target: 'T2.REG.ISSUED',
            message: '「规章」本年制发件数「3件」带有单位“件”，单元格只填数字',
            fixed: set(z21, { 'T2.REG.ISSUED': 3, 'T2.REG.VALID': 3 }),
          },
        ],
      },
      {
        name: 'an amount with the unit 万元 (the column unit)',
        model: set(z21, { 'T2.FEE.FEE_AMOUNT': '96171.6万元' }),
        errors: [
          {
            at: 'T2.FEE.FEE_AMOUNT',
            message: '「行政事业性收费」本年收费金额（单位：万元）「96171.6万元」带有单位“万元”，单元格只填数字',
            fixed: set(z21, { 'T2.FEE.FEE_AMOUNT': 96171.6 }),
          },
        ],
      },
      {
        name: 'a count with the unit 元 (not the column unit: no fix)',
        model: set(z21, { 'T2.NORM.VALID': '5元' }),
        errors: [{ at: 'T2.NORM.VALID', message: '「行政规范性文件」现行有效件数「5元」带有单位“元”，单元格只填数字', fixed: null }],
      },
      {
        name: 'a negative count',
        model: set(z19, { 'T3.R3_4_1.PW': '-1' }),
        absent: ARITHMETIC_CODES,
        errors: [{ at: 'T3.R3_4_1.PW', message: '「（四）无法提供1.本机关不掌握相关政府信息」社会公益组织为负数「-1」，件数不能为负', fixed: null }],
      },
      {
        name: 'a decimal count',
        model: set(z19, { 'T3.R3_4_2.LS': '1.5' }),
        absent: ARITHMETIC_CODES,
        errors: [{ at: 'T3.R3_4_2.LS', message: '「（四）无法提供2.没有现成信息需要另行制作」法律服务机构「1.5」是小数，件数应为整数', fixed: null }],
      },
      {
        name: 'a signed count in 表四',
        model: set(z19, { 'T4.R.LR_OTH': '+2' }),
        errors: [{ at: 'T4.R.LR_OTH', target: 'T4.R.LR_OTH', message: '复议后起诉·其他结果「+2」带有正负号，件数只填非负整数', fixed: null }],
      },
    ],
  },
  { encodings: ABCMP },
);

// ------------------------------------------------------------------ the four arithmetic rules

const B19 = base('2019');
const B21 = base('2021');
const T19 = totalsOnly('2019');

ruleTester(
  'row-total',
  {
    valid: [
      { name: 'a balanced table', model: B19, encodings: ['A', 'A|', 'B', 'C', 'md', 'D1', 'D2', 'pdf', 'tsv'] },
      { name: 'a balanced table, 2021', model: B21 },
      { name: 'only 总计 filled: reported as blanks, not as broken sums', model: T19, encodings: ABCM },
    ],
    invalid: [
      {
        name: 'one wrong applicant cell: the culprit alone',
        model: set(B19, { 'T3.R3_1.NP': 5 }),
        absent: ['column-total', 'balance'],
        errors: [
          {
            at: 'T3.R3_1.NP',
            target: 'T3.R3_1.NP',
            severity: 'error',
            message: '「（一）予以公开」自然人为5，与本行总计、（七）总计都不符，应为3',
            en: '“（一）予以公开” 自然人 is 5, which breaks its row total and the （七）总计 row; it should be 3',
            // The totals it breaks, nothing else: the cell itself is where the finding is.
            related: ['T3.R3_1.TOT', 'T3.R3_7.NP'],
            relatedCount: 2,
            fixed: B19,
          },
        ],
      },
      {
        name: 'one wrong row total: the culprit is the total',
        model: set(B19, { 'T3.R3_2.TOT': 4 }),
        absent: ['column-total', 'balance'],
        errors: [
          {
            at: 'T3.R3_2.TOT',
            target: 'T3.R3_2.TOT',
            message: '「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」总计为4，与本行总计、（七）总计都不符，应为1',
            fixed: B19,
          },
        ],
      },
      {
        name: 'a wrong 一 cell breaks its row and the balance: the culprit',
        model: set(B19, { 'T3.R1.NP': 9 }),
        absent: ['column-total', 'balance'],
        errors: [
          {
            at: 'T3.R1.NP',
            target: 'T3.R1.NP',
            message: '「一、本年新收政府信息公开申请数量」自然人为9，与本行总计、“一＋二＝（七）总计＋四”都不符，应为7',
            fixed: B19,
          },
        ],
      },
      {
        // No cell explains all four broken sums: no fix, only the totals that trust their addends
        // (trusting a total leaves two cells that could each absorb the difference).
        name: 'two wrong cells in different rows and columns: each broken sum, suggestions only',
        model: set(B19, { 'T3.R3_1.NP': 4, 'T3.R3_2.CE': 1 }),
        errors: [
          {
            at: 'T3.R3_1.TOT',
            target: 'T3.R3_1.TOT',
            message: '表三「（一）予以公开」：总计为5，但六类申请人之和为6',
            fixed: null,
            suggested: [{ title: '假设各项正确：将总计改为6', fixed: set(B19, { 'T3.R3_1.NP': 4, 'T3.R3_2.CE': 1, 'T3.R3_1.TOT': 6 }) }],
          },
          {
            at: 'T3.R3_2.TOT',
            target: 'T3.R3_2.TOT',
            message: '表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」：总计为1，但六类申请人之和为2',
            fixed: null,
            suggested: [{ title: '假设各项正确：将总计改为2', fixed: set(B19, { 'T3.R3_1.NP': 4, 'T3.R3_2.CE': 1, 'T3.R3_2.TOT': 2 }) }],
          },
          {
            code: 'column-total',
            at: 'T3.R3_7.NP',
            target: 'T3.R3_7.NP',
            message: '表三「自然人」列：（七）总计为8，但各办理结果之和为9',
            fixed: null,
            suggested: [{ title: '假设各办理结果正确：将「（七）总计」改为9', fixed: set(B19, { 'T3.R3_1.NP': 4, 'T3.R3_2.CE': 1, 'T3.R3_7.NP': 9 }) }],
          },
          {
            code: 'column-total',
            at: 'T3.R3_7.CE',
            target: 'T3.R3_7.CE',
            message: '表三「商业企业」列：（七）总计为2，但各办理结果之和为3',
            fixed: null,
            suggested: [{ title: '假设各办理结果正确：将「（七）总计」改为3', fixed: set(B19, { 'T3.R3_1.NP': 4, 'T3.R3_2.CE': 1, 'T3.R3_7.CE': 3 }) }],
          },
        ],
      },
      {
        // The brief's two typos in one row: 自然人2 and 商业企业3 where both are 0. No fix (it would
        // make the totals agree with the typos); trusting 总计 sets both back to 0.
        name: 'two typos in one row: no fix, two suggestions that say what they assume',
        model: set(B19, { 'T3.R3_3_1.NP': 2, 'T3.R3_3_1.CE': 3 }),
        // PDF text right-aligns its columns: a wider number moves the column, not just the cell.
        encodings: ABCM,
        errors: [
          {
            at: 'T3.R3_3_1.TOT',
            target: 'T3.R3_3_1.TOT',
            message: '表三「（三）不予公开1.属于国家秘密」：总计为0，但六类申请人之和为5',
            en: 'Table 3 “（三）不予公开1.属于国家秘密”: 总计 is 0, but the six applicant columns add up to 5',
            fixed: null,
            suggested: [
              { title: '假设各项正确：将总计改为5', fixed: set(B19, { 'T3.R3_3_1.NP': 2, 'T3.R3_3_1.CE': 3, 'T3.R3_3_1.TOT': 5 }) },
              { title: '假设总计正确：将自然人、商业企业改为0', fixed: B19 },
            ],
          },
          {
            code: 'column-total',
            at: 'T3.R3_7.NP',
            target: 'T3.R3_7.NP',
            message: '表三「自然人」列：（七）总计为8，但各办理结果之和为10',
            fixed: null,
            suggested: [
              { title: '假设各办理结果正确：将「（七）总计」改为10', fixed: set(B19, { 'T3.R3_3_1.NP': 2, 'T3.R3_3_1.CE': 3, 'T3.R3_7.NP': 10 }) },
              { title: '假设（七）总计正确：将「（三）不予公开1.属于国家秘密」改为0', fixed: set(B19, { 'T3.R3_3_1.CE': 3 }) },
            ],
          },
          {
            code: 'column-total',
            at: 'T3.R3_7.CE',
            target: 'T3.R3_7.CE',
            message: '表三「商业企业」列：（七）总计为2，但各办理结果之和为5',
            fixed: null,
            suggested: [
              { title: '假设各办理结果正确：将「（七）总计」改为5', fixed: set(B19, { 'T3.R3_3_1.NP': 2, 'T3.R3_3_1.CE': 3, 'T3.R3_7.CE': 5 }) },
              { title: '假设（七）总计正确：将「（三）不予公开1.属于国家秘密」改为0', fixed: set(B19, { 'T3.R3_3_1.NP': 2 }) },
            ],
          },
        ],
      },
      {
        name: 'a blank operand: blank counts as 0, the finding says so and is a warning',
        model: set(B19, { 'T3.R3_1.NP': null }),
        encodings: ABCM,
        errors: [
          {
            at: 'T3.R3_1.NP',
            exact: false,
            severity: 'warning',
            message: '「（一）予以公开」自然人为□，与本行总计、（七）总计都不符，应为3（空白按0计算）',
            fixed: B19,
          },
        ],
      },
      {
        name: 'a placeholder operand reads as written',
        model: set(B19, { 'T3.R3_1.NP': '/' }),
        encodings: ABCM,
        errors: [
          { at: 'T3.R3_1.NP', severity: 'warning', message: '「（一）予以公开」自然人为“/”，与本行总计、（七）总计都不符，应为3（空白按0计算）', fixed: B19 },
        ],
      },
    ],
  },
  { encodings: ABCMP },
);

ruleTester(
  'column-total',
  {
    valid: [{ name: 'a balanced table', model: B21 }],
    invalid: [
      {
        name: 'only 总计 filled, （七）总计 wrong: the culprit',
        model: set(T19, { 'T3.R3_7.TOT': 19 }),
        encodings: ABCM,
        absent: ['row-total', 'balance'],
        errors: [
          {
            at: 'T3.R3_7.TOT',
            target: 'T3.R3_7.TOT',
            severity: 'error',
            message: '「（七）总计」总计为19，与（七）总计、“一＋二＝（七）总计＋四”都不符，应为11',
            fixed: T19,
          },
        ],
      },
      {
        name: 'only 总计 filled, a result row total wrong: （七）总计 disagrees, a suggestion only',
        model: set(T19, { 'T3.R3_1.TOT': 7 }),
        encodings: ABCM,
        absent: ['row-total', 'balance'],
        errors: [
          {
            at: 'T3.R3_7.TOT',
            target: 'T3.R3_7.TOT',
            message: '表三「总计」列：（七）总计为11，但各办理结果之和为13',
            en: 'Table 3, column “总计”: （七）总计 is 11, but the result rows add up to 13',
            // The addends folded into one location over the column.
            related: ['T3.R3_1.TOT', 'T3.R3_2.TOT', 'T3.R3_4_1.TOT'],
            relatedCount: 1,
            fixed: null,
            suggested: [{ title: '假设各办理结果正确：将「（七）总计」改为13', fixed: set(T19, { 'T3.R3_1.TOT': 7, 'T3.R3_7.TOT': 13 }) }],
          },
        ],
      },
      {
        // A new 2021 （六）2 row adds up in its own row, but （七）总计 was not updated: no single cell
        // explains it (each candidate's row total holds), and the 总计 column only echoes it.
        name: '2021: the three （六） sub-rows count in （七）总计',
        model: set(B21, { 'T3.R3_6_2.NP': 1, 'T3.R3_6_2.TOT': 1 }),
        absent: ['row-total', 'balance'],
        errors: [
          {
            at: 'T3.R3_7.NP',
            target: 'T3.R3_7.NP',
            message: '表三「自然人」列：（七）总计为8，但各办理结果之和为9',
            related: ['T3.R3_6_2.NP', 'T3.R3_6_1.NP', 'T3.R3_6_3.NP'],
            relatedCount: 1,
            fixed: null,
            suggested: [{ title: '假设各办理结果正确：将「（七）总计」改为9', fixed: set(B21, { 'T3.R3_6_2.NP': 1, 'T3.R3_6_2.TOT': 1, 'T3.R3_7.NP': 9 }) }],
          },
        ],
      },
    ],
  },
  { encodings: ABCMP },
);

ruleTester(
  'balance',
  {
    valid: [
      { name: 'a balanced table', model: B19 },
      { name: 'carried over and received', model: set(B19, { 'T3.R2.NP': 5, 'T3.R2.TOT': 5, 'T3.R1.NP': 4, 'T3.R1.TOT': 8 }) },
    ],
    invalid: [
      {
        name: 'two 一 cells swapped inside one row: each column is off',
        model: set(B19, { 'T3.R1.NP': 8, 'T3.R1.CE': 2 }),
        absent: ['row-total', 'column-total'],
        errors: [
          {
            at: 'T3.R4.NP',
            target: 'T3.R4.NP',
            severity: 'error',
            message: '表三「自然人」列：一＋二＝10，但（七）总计＋四＝9',
            en: 'Table 3, column “自然人”: 一 + 二 = 10, but （七）总计 + 四 = 9',
            related: ['T3.R1.NP', 'T3.R2.NP', 'T3.R3_7.NP'],
            relatedCount: 3,
            fixed: null,
          },
          { at: 'T3.R4.CE', target: 'T3.R4.CE', message: '表三「商业企业」列：一＋二＝2，但（七）总计＋四＝3', fixed: null },
        ],
      },
      {
        name: 'only 总计 filled, 四 wrong: no fix, a suggestion',
        model: set(T19, { 'T3.R4.TOT': 5 }),
        encodings: ABCM,
        errors: [
          {
            at: 'T3.R4.TOT',
            message: '表三「总计」列：一＋二＝13，但（七）总计＋四＝16',
            fixed: null,
            suggested: [{ title: '假设一、二和（七）总计正确：将「四、结转下年度继续办理」改为2', fixed: T19 }],
          },
        ],
      },
      {
        // 一 or 二 could be the wrong cell as well: filling 四 is a suggestion, not a fix.
        name: 'only 总计 filled, 四 blank: suggest 四 = 一 + 二 − （七）',
        model: set(T19, { 'T3.R4.TOT': null }),
        encodings: ABCM,
        errors: [
          {
            at: 'T3.R4.TOT',
            exact: false,
            severity: 'warning',
            message: '表三「总计」列：一＋二＝13，但（七）总计＋四＝11（空白按0计算）',
            fixed: null,
            suggested: [{ title: '假设一、二和（七）总计正确：将「四、结转下年度继续办理」改为2', fixed: T19 }],
          },
        ],
      },
    ],
  },
  { encodings: ABCMP },
);

ruleTester(
  'review-total',
  {
    valid: [
      { name: 'balanced groups', model: B19 },
      {
        name: 'a total beside blank details is a blank-cell matter',
        model: set(B19, { 'T4.R.LD_KEEP': null, 'T4.R.LD_CORR': null, 'T4.R.LD_OTH': null, 'T4.R.LD_PEND': null }),
        encodings: ABCM,
      },
    ],
    invalid: [
      {
        name: 'a wrong detail: the group total disagrees (one relation cannot tell which cell is wrong)',
        model: set(B19, { 'T4.R.RV_KEEP': 4 }),
        errors: [
          {
            at: 'T4.R.RV_TOT',
            target: 'T4.R.RV_TOT',
            severity: 'error',
            message: '表四「行政复议」：总计为3，但维持＋纠正＋其他＋尚未审结＝5',
            en: 'Table 4 “行政复议 (administrative review)”: 总计 is 3, but 维持 + 纠正 + 其他 + 尚未审结 = 5',
            related: ['T4.R.RV_KEEP', 'T4.R.RV_CORR', 'T4.R.RV_OTH', 'T4.R.RV_PEND'],
            relatedCount: 1,
            fixed: null,
            suggested: [
              { title: '假设各项正确：将行政复议·总计改为5', fixed: set(B19, { 'T4.R.RV_KEEP': 4, 'T4.R.RV_TOT': 5 }) },
              { title: '假设总计正确：将行政复议·结果维持改为2', fixed: B19 },
            ],
          },
        ],
      },
      {
        name: 'a wrong total in 复议后起诉',
        model: set(B19, { 'T4.R.LR_TOT': 2 }),
        errors: [
          {
            at: 'T4.R.LR_TOT',
            target: 'T4.R.LR_TOT',
            message: '表四「行政诉讼·复议后起诉」：总计为2，但维持＋纠正＋其他＋尚未审结＝0',
            fixed: null,
            suggested: [{ title: '假设各项正确：将复议后起诉·总计改为0', fixed: B19 }],
          },
        ],
      },
      {
        name: 'two groups wrong: two findings',
        model: set(B19, { 'T4.R.RV_KEEP': 4, 'T4.R.LD_TOT': 2 }),
        errors: [
          { at: 'T4.R.RV_TOT', message: '表四「行政复议」：总计为3，但维持＋纠正＋其他＋尚未审结＝5' },
          {
            at: 'T4.R.LD_TOT',
            message: '表四「行政诉讼·未经复议直接起诉」：总计为2，但维持＋纠正＋其他＋尚未审结＝3',
            fixed: null,
            suggested: [
              { title: '假设各项正确：将未经复议直接起诉·总计改为3', fixed: set(B19, { 'T4.R.RV_KEEP': 4 }) },
              { title: '假设总计正确：将未经复议直接起诉·尚未审结改为2', fixed: set(B19, { 'T4.R.RV_KEEP': 4, 'T4.R.LD_TOT': 2, 'T4.R.LD_PEND': 2 }) },
            ],
          },
        ],
      },
      {
        name: 'a blank detail beside filled ones: a warning',
        model: set(B19, { 'T4.R.LD_PEND': null }),
        encodings: ABCM,
        errors: [
          { at: 'T4.R.LD_TOT', severity: 'warning', message: '表四「行政诉讼·未经复议直接起诉」：总计为3，但维持＋纠正＋其他＋尚未审结＝0（空白按0计算）' },
        ],
      },
    ],
  },
  { encodings: ABCMP },
);

// ------------------------------------------------------------------ table-unparsed

const glued = (cells: Record<string, (number | string | null)[]>, format: '2019' | '2021' = '2019') => {
  const mm = zeroModel(format);
  Object.assign(mm.t3, cells);
  return mm;
};

ruleTester(
  'table-unparsed',
  {
    valid: [
      { name: 'a well-formed table', model: z19, encodings: ['A', 'B', 'C', 'md', 'pdf', 'tsv', 'D1'] },
      { name: 'glued digits with exactly one split (one digit per cell)', model: glued({ R1: ['7000007'], R4: [7, 0, 0, 0, 0, 0, 7] }), encodings: ['B', 'C'] },
      {
        name: 'PDF text: a row with blanks is read by the columns of the complete rows',
        model: set(B19, { 'T3.R3_1.RI': null, 'T3.R3_1.PW': null }),
        encodings: ['pdf'],
      },
    ],
    invalid: [
      {
        name: 'glued digits that split two ways (11|0|0|0|0|0|11 or 1|10|0|0|0|0|11)',
        model: glued({ R1: ['11000011'] }),
        absent: ARITHMETIC_CODES,
        errors: [
          {
            at: 'T3.R1.NP',
            exact: false,
            target: 'T3.R1',
            severity: 'warning',
            message: /^表三「一、本年新收政府信息公开申请数量」的单元格无法可靠拆分（读到：11000011( □)?），本行不做算术检查$/,
            en: /^Cannot tell the cells of Table 3 “一、本年新收政府信息公开申请数量” apart \(read: 11000011( □)?\); no arithmetic is checked on this row$/,
            fixed: null,
          },
        ],
      },
      {
        name: 'eight numbers in a seven-column row',
        model: glued({ R2: [1, 0, 0, 0, 0, 0, 1, 1] }),
        absent: ARITHMETIC_CODES,
        errors: [{ at: 'T3.R2.NP', exact: false, target: 'T3.R2', message: /（读到：1 0 0 0 0 0 1 1( □)?），本行不做算术检查$/ }],
      },
      {
        name: 'PDF text loses where the blank cells were, and the sums allow more than one placement',
        model: (() => {
          // Every row: 自然人 = 总计, the rest blank. Under 商业企业 instead, every sum would hold too.
          const m = set(B19, {});
          for (const k of Object.keys(m.t3)) m.t3[k] = m.t3[k].map((_, c, row) => (c === 6 || c === 0 ? row[6] : null));
          return m;
        })(),
        encodings: ['pdf'],
        absent: ARITHMETIC_CODES,
        errors: [
          {
            at: 'T3.R1.TOT',
            exact: false,
            target: 'T3.unparsed',
            message: /^表三有\d+行的单元格无法可靠拆分（如 PDF 导出看不出空白单元格的位置），这些行不做算术检查$/,
          },
        ],
      },
      {
        name: 'a table of numbers whose rows cannot be recognised',
        model: (() => {
          const mm = zeroModel('2019');
          mm.labels = Object.fromEntries(Object.keys(mm.t3).map((k, i) => [`T3.${k}`, `第${i + 1}行数据说明`]));
          return mm;
        })(),
        encodings: ['A', 'B', 'C', 'md'],
        absent: ARITHMETIC_CODES,
        errors: [
          {
            at: (r) => lineWith(r, '本列数据的勾稽关系'),
            target: 'T3',
            message: '表三中有数字，但无法识别出任何一行',
            en: 'Table 3 holds numbers, but no row could be recognised',
          },
        ],
      },
    ],
  },
  { encodings: ABCM },
);

describe('glued digits: a unique split is read, not guessed', () => {
  for (const enc of ['B', 'C'] as Encoding[]) {
    it(`“7000007” is 7|0|0|0|0|0|7 and “120000012” is 12|0|0|0|0|0|12 [${enc}]`, () => {
      const a = analyze(render(glued({ R1: ['7000007'], R2: ['120000012'] }), enc).text);
      const t3 = a.report!.tables.T3!;
      assert.deepEqual(
        t3.rows.get('R1')!.cells.map((c) => c.value),
        [7, 0, 0, 0, 0, 0, 7],
      );
      assert.deepEqual(
        t3.rows.get('R2')!.cells.map((c) => c.value),
        [12, 0, 0, 0, 0, 0, 12],
      );
    });
  }
  it('digits glued to the label (a web crawl without cell borders) [A]', () => {
    const mm = glued({ R1: [], R4: [7, 0, 0, 0, 0, 0, 7] });
    mm.labels = { 'T3.R1': '一、本年新收政府信息公开申请数量7000007' };
    const a = analyze(render(mm, 'A').text);
    assert.deepEqual(
      a.report!.tables.T3!.rows.get('R1')!.cells.map((c) => c.value),
      [7, 0, 0, 0, 0, 0, 7],
    );
    assert.deepEqual(
      a.findings.filter((f) => [...ARITHMETIC_CODES, 'table-unparsed'].includes(f.code)),
      [],
    );
  });
  it("a single glued value followed by the row's pad cell splits as in B and C [A]", () => {
    const a = analyze(render(glued({ R1: ['120000012'] }), 'A').text);
    assert.deepEqual(
      a.report!.tables.T3!.rows.get('R1')!.cells.map((c) => c.value),
      [12, 0, 0, 0, 0, 0, 12],
    );
  });
});

// ------------------------------------------------------------------ plausibility

ruleTester(
  'plausibility',
  {
    valid: [
      { name: 'zeros', model: z19 },
      { name: '2019 新公开 = 总数', model: set(z19, { 'T2.REG.NEW_PUB': 3, 'T2.REG.TOTAL_PUB': 3 }) },
      { name: '2021 制发 ≤ 现行有效', model: set(z21, { 'T2.NORM.ISSUED': 2, 'T2.NORM.VALID': 9 }) },
      { name: '2021 has no 三列 copy-fill check', model: set(z21, { 'T2.LIC.DECISIONS': 9 }) },
    ],
    invalid: [
      {
        name: '9/9/9 copy-fill (seed 003)',
        model: set(z19, { 'T2.OTHER_SVC.PREV': 9, 'T2.OTHER_SVC.CHANGE': 9, 'T2.OTHER_SVC.DECISIONS': 9 }),
        errors: [
          {
            at: 'T2.OTHER_SVC.PREV',
            exact: false,
            target: 'T2.OTHER_SVC',
            severity: 'information',
            message: '表二「其他对外管理服务事项」三列数值都是9，请核对是否为复制填充',
            en: 'Table 2 “其他对外管理服务事项”: all three columns are 9; check for copy-fill',
            fixed: null,
          },
        ],
      },
      {
        name: '2019 本年新公开数量 above 对外公开总数量',
        model: set(z19, { 'T2.REG.NEW_PUB': 5, 'T2.REG.TOTAL_PUB': 3 }),
        errors: [{ at: 'T2.REG.NEW_PUB', target: 'T2.REG.NEW_PUB', message: '「规章」本年新公开数量（5）大于「规章」对外公开总数量（3），请核对' }],
      },
      {
        name: '2021 本年制发件数 above 现行有效件数',
        model: set(z21, { 'T2.NORM.ISSUED': 4, 'T2.NORM.VALID': 2 }),
        errors: [
          { at: 'T2.NORM.ISSUED', target: 'T2.NORM.ISSUED', message: '「行政规范性文件」本年制发件数（4）大于「行政规范性文件」现行有效件数（2），请核对' },
        ],
      },
    ],
  },
  { encodings: ABCMP },
);
