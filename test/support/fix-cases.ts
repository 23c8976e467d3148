/**
 * Broken reports for the fix tests, each with the report the fixes should turn it into — both as
 * models, so the expected text is written by the renderer (not by the engine under test).
 * scripts/make-fixtures.mjs writes them to test/fixtures/broken/ and test/fixtures/fixed/.
 */
import { LineIndex } from '../../server/src/core/text';
import { base, totalsOnly } from './cases';
import { clone, ReportModel, setCells, withCells } from './model';
import type { Encoding, Variant } from './render';

export interface FixCase {
  name: string;
  enc: Encoding;
  variant?: Variant;
  broken: ReportModel;
  fixed: ReportModel;
  /** What is broken, for the reader of the fixture. */
  about: string;
  /**
   * The errors and arithmetic findings left after fixing (`code|target`): broken sums that no single
   * cell explains get suggestions, never a fix.
   */
  left?: string[];
}

function build(): FixCase[] {
  const cases: FixCase[] = [];

  // 1. Encoding A, 2019: a wrong applicant cell, a wrong 表四 total (one sum: any of its cells could be
  //    wrong, so it stays), 4、 for 四、, a mistyped row label, a `/` placeholder, a unit in a 表二 cell,
  //    and a title without the year.
  {
    const good = withCells(base('2019'), { 'T2.REG.NEW_MADE': 3, 'T2.REG.TOTAL_PUB': 3 });
    const broken = withCells(good, { 'T3.R3_1.NP': 5, 'T4.R.LR_TOT': 2, 'T3.R3_5_1.CE': '/', 'T2.REG.NEW_MADE': '3件' });
    broken.sections = { number: { 4: '4、 ' } };
    broken.labels = { 'T3.R3_3_2': '2.其他法律行政止公开' };
    broken.title = `${broken.organ}政府信息公开工作年度报告`;
    const fixed = withCells(good, { 'T4.R.LR_TOT': 2 });
    fixed.labels = { 'T3.R3_3_2': '2.其他法律行政法规禁止公开' };
    cases.push({
      name: 'a-2019-mixed',
      enc: 'A',
      variant: { spacedHeadings: false },
      broken,
      fixed,
      about: 'A: culprit cell, 表四 total, 4、, label typo, /, 3件, title without year',
      left: ['review-total|T4.R.LR_TOT'],
    });
  }

  // 2. Encoding B (seed 002 style), only 总计 filled and 四 left blank: 四 stays blank (一 or 二 could be
  //    the wrong cell as well), rows whose 总计 is 0 get their blanks filled with 0, the others keep theirs.
  {
    const broken = withCells(totalsOnly('2019'), { 'T3.R4.TOT': null });
    const fixed = clone(broken);
    for (const row of Object.values(fixed.t3)) if (row[6] === 0) row.fill(0, 0, 6);
    cases.push({ name: 'b-2020-totals-only', enc: 'B', broken, fixed, about: 'B: only 总计 filled, 四 blank', left: ['balance|T3.R4.TOT'] });
  }

  // 3. Encoding C (seed 004 style), 2019: misnumbered heading, mixed sub-headings, blanks in zero rows.
  {
    const good = base('2019');
    const broken = withCells(good, { 'T3.R3_3_5.NP': null, 'T3.R3_3_5.CE': null, 'T2.LIC.PREV': null, 'T4.R.LR_CORR': null });
    const body = (a: string, c: string) => ({
      1: [`（${a}）主动公开`, '依法主动公开政府信息。', '（二）依申请公开', '依法办理申请。', `（${c}）政府信息管理`, '完善制度。'],
    });
    broken.sections = { number: { 4: '4、 ' }, body: body('1', '3') };
    const fixed = clone(good);
    fixed.sections = { body: body('一', '三') };
    cases.push({ name: 'c-2020-numbering-blanks', enc: 'C', broken, fixed, about: 'C: 4、, （1）/（二）/（3）, blank cells in zero rows' });
  }

  // 4. Markdown, 2021: a wrong （七）总计 cell, a wrong 表四 detail, a shifted block of headings.
  {
    const good = base('2021');
    const broken = withCells(good, { 'T3.R3_7.CE': 5, 'T4.R.LD_KEEP': 2 });
    broken.sections = { number: { 5: '六、', 6: '七、' } };
    const fixed = withCells(good, { 'T4.R.LD_KEEP': 2 });
    cases.push({
      name: 'md-2022-shifted',
      enc: 'md',
      broken,
      fixed,
      about: 'Markdown: wrong （七）总计 cell, 表四 detail, 五六 numbered 六七',
      left: ['review-total|T4.R.LD_TOT'],
    });
  }

  // 5. PDF text, 2019: a wrong row total and a wrong 表四 detail (fixed numbers keep their width).
  {
    const good = base('2019');
    const broken = withCells(good, { 'T3.R3_2.TOT': 4, 'T4.R.RV_KEEP': 4 });
    const fixed = withCells(good, { 'T4.R.RV_KEEP': 4 });
    cases.push({ name: 'pdf-2020-arithmetic', enc: 'pdf', broken, fixed, about: 'PDF text: wrong row total, 表四 detail', left: ['review-total|T4.R.RV_TOT'] });
  }

  // 6. Encoding A with a leading pipe, 2021: one wrong 一 cell breaks its row and the balance.
  {
    const good = base('2021');
    const broken = withCells(good, { 'T3.R1.CE': 7 });
    cases.push({ name: 'alead-2022-balance', enc: 'A|', broken, fixed: good, about: 'A with leading pipes: one wrong 一 cell' });
  }

  // 7. TSV, 2019: a blank 四 cell in one column (fill 四 = 一 + 二 − （七）), placeholders in zero cells.
  {
    const good = base('2019');
    const broken = withCells(good, { 'T3.R4.CE': null, 'T3.R3_3_2.LS': '—', 'T3.R3_5_4.OT': '无' });
    setCells(broken, {});
    cases.push({ name: 'tsv-2020-carry-over', enc: 'tsv', broken, fixed: good, about: 'TSV: blank 四 cell, — and 无' });
  }
  return cases;
}

export const FIX_CASES: FixCase[] = build();

/** Whether `piece` stands at `position` in `text` (where a fix log says an edit is). */
export function at(text: string, position: { line: number; character: number }, piece: string): boolean {
  const doc = new LineIndex(text);
  if (position.line >= doc.lines.length || position.character > doc.lines[position.line].length) return false;
  return text.startsWith(piece, doc.starts[position.line] + position.character);
}
