/**
 * Rows whose blank cells the text did not write: their numbers are placed under the columns only
 * where every placement that keeps the table's sums gives the same numbers.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/source';
import { ARITHMETIC_CODES } from '../../server/src/core/schema/invariants';
import { readFixture } from '../support/fixtures';

const corpus = (report: string, file: string) => readFixture('corpus', report, file);
const row = (text: string, table: 'T2' | 'T3' | 'T4', key: string) => analyzeText(text).report!.tables[table]!.rows.get(key)!;
const numbers = (text: string, table: 'T2' | 'T3' | 'T4', key: string) => row(text, table, key).cells.map((c) => (c.state === 'blank' ? '_' : c.raw));

describe('placing the numbers of rows that lost their blank cells', () => {
  const lynx = corpus('gen-2021-big', 'lynx.txt');

  it('one placement fits the sums: the numbers and the blank columns are known', () => {
    // 8 7 … 15: 8 + 7 = 15 leaves 8 and 7 under any two of the six columns, the column sums only under the first two.
    assert.deepEqual(numbers(lynx, 'T3', 'R3_3_3'), ['8', '7', '_', '_', '_', '_', '15']);
    assert.deepEqual(row(lynx, 'T3', 'R3_3_3').inferred, { blanksKnown: true, faulty: false, cut: false, wrapped: false });
    assert.deepEqual(numbers(lynx, 'T3', 'R3_4_1'), ['9', '4', '0', '0', '17', '_', '30']);
  });

  it('several placements give the same numbers: read, with the blank columns left open', () => {
    // 0 0 5 0 5 (truly 0 0 □ 5 □ 0 5): the sums fix 5 under 公益组织; which zero is blank they cannot tell.
    const r = row(lynx, 'T3', 'R3_1');
    assert.deepEqual(
      r.cells.map((c) => c.value ?? 0),
      [0, 0, 0, 5, 0, 0, 5],
    );
    assert.deepEqual(r.inferred, { blanksKnown: false, faulty: false, cut: false, wrapped: false });
    const f = analyzeText(lynx).findings.find((x) => x.code === 'cell-empty' && x.target === 'T3.R3_1')!;
    assert.equal(f.message, '表三「（一）予以公开」有2个空白单元格（原文未标出空白的位置，无法确定是哪几列）');
    assert.equal(f.fix, undefined);
  });

  it('placements that give different numbers: the row stays unread, with a warning', () => {
    const text = corpus('gen-2021-blanks', 'lynx.txt');
    // 9 2 3 14 (truly □ 9 2 3 □ □ 14): 9, 2 and 3 fit under more than one set of columns.
    assert.equal(row(text, 'T3', 'R3_3_3').unparsed?.reason, '9 2 3 14');
    const findings = analyzeText(text).findings.filter((f) => f.target === 'T3.R3_3_3');
    assert.deepEqual(
      findings.map((f) => f.code),
      ['cell-empty', 'table-unparsed'],
    );
    // Four numbers in seven columns: three blank cells, wherever they stand.
    assert.equal(findings[0].message, '表三「（三）不予公开3.危及“三安全一稳定”」有3个空白单元格（原文未标出空白的位置，无法确定是哪几列）');
    assert.equal(findings[0].fix, undefined);
  });

  it('表四 unread for want of its blank cells: their count is still reported', () => {
    // 7 0 7 0 0 0 1 2 3: nine numbers in fifteen columns.
    const text = corpus('gen-2021-blanks', 'lynx.txt');
    assert.equal(row(text, 'T4', 'R').unparsed?.blanks, 6);
    const f = analyzeText(text).findings.find((x) => x.code === 'cell-empty' && x.target === 'T4.R')!;
    assert.equal(f.message, '表四「数据行」有6个空白单元格（原文未标出空白的位置，无法确定是哪几列）');
  });

  it('a fault leaves no placement that keeps every sum: the placement breaking the fewest is used, its sum findings only suggest', () => {
    // 自然人 of 一、本年新收 blanked: □ 112 3594 107 147 13 4009.
    const findings = analyzeText(corpus('gen-2021-big-blank', 'lynx.txt')).findings;
    const sum = findings.filter((f) => ARITHMETIC_CODES.includes(f.code));
    assert.deepEqual(
      sum.map((f) => `${f.code} ${f.target}`),
      ['row-total T3.R1.NP'],
    );
    assert.equal(sum[0].fix, undefined, 'a culprit found on assumed columns is no safe fix');
    assert.equal(sum[0].message, '「一、本年新收政府信息公开申请数量」自然人为□，与本行总计、“一＋二＝（七）总计＋四”都不符，应为36（空白按0计算）');
    const note = findings.find((f) => f.code === 'cells-inferred')!;
    assert.match(note.message, /^表三有19行没有写出空白单元格，且没有一种摆法能让本表勾稽关系全部成立；已按破坏勾稽关系最少的摆法推定/);
  });

  it('a 表三 cell mistyped in a placed row: found on its cell, the fix only a suggestion', () => {
    const text = lynx.replace('“三安全一稳定” 8 7', '“三安全一稳定” 9 7');
    const sum = analyzeText(text).findings.filter((f) => ARITHMETIC_CODES.includes(f.code));
    assert.deepEqual(
      sum.map((f) => `${f.code} ${f.target}`),
      ['row-total T3.R3_3_3.NP'],
    );
    assert.equal(sum[0].message, '「（三）不予公开3.危及“三安全一稳定”」自然人为9，与本行总计、（七）总计都不符，应为8（空白按0计算）');
    assert.equal(sum[0].fix, undefined);
    assert.deepEqual(
      sum[0].suggestions?.flatMap((x) => x.edits.map((e) => e.newText)),
      ['8'],
    );
  });

  it('a sum finding that may take in a blank whose column is not known is a warning, as with blanks', () => {
    // （七）总计 商业企业 mistyped 23 (22); the rows placed by the sums leave some blank columns open.
    const sum = analyzeText(corpus('gen-2021-blanks-grand-total', 'lynx.txt')).findings.filter((f) => ARITHMETIC_CODES.includes(f.code));
    assert.deepEqual(
      sum.map((f) => `${f.severity} ${f.code} ${f.target}`),
      ['warning row-total T3.R3_7.CE'],
    );
  });

  it('no placement breaks few enough sums: the rows stay unread, no sum is reported on a guess', () => {
    // Two cells mistyped in two placed rows: every placement breaks four sums or more.
    const text = lynx.replace('“三安全一稳定” 8 7', '“三安全一稳定” 9 7').replace('本机关不掌握相关政府信息 9 4 0 0 17', '本机关不掌握相关政府信息 9 5 0 0 17');
    const findings = analyzeText(text).findings;
    assert.ok(findings.some((f) => f.code === 'table-unparsed' && f.target === 'T3.unparsed'));
    assert.deepEqual(
      findings.filter((f) => f.code === 'cells-inferred').map((f) => f.target),
      [],
    );
  });

  it('pdftotext without -layout runs the table down its columns: rows put together from several lines break the sums and are not trusted', () => {
    const text = corpus('gen-2021-big', 'libreoffice-pdf.pdftotext.txt');
    const findings = analyzeText(text).findings;
    assert.deepEqual(
      findings.filter((f) => ARITHMETIC_CODES.includes(f.code)).map((f) => f.target),
      [],
    );
    assert.ok(findings.some((f) => f.code === 'table-unparsed' && f.target === 'T3.unparsed'));
  });

  it('a table whose numbers do not all fall to rows is not understood: no blank, no missing row, no sum is asserted', () => {
    // pdftotext without -layout: labels wrapped among each other, numbers in column order.
    const findings = analyzeText(corpus('gen-2021-big', 'libreoffice-pdf.pdftotext.txt')).findings;
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.deepEqual(
      findings.filter((f) => f.code === 'cell-empty'),
      [],
    );
    const missing = findings.filter((f) => f.code === 'row-missing');
    assert.deepEqual(
      missing.map((f) => `${f.severity} ${f.target}`),
      ['warning T3.R3_6_2'],
    );
    assert.equal(
      missing[0].message,
      '表三中没有找到「（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」行；本表有73个数字未能归入任何一行，表格可能在转换中被打乱，请对照原文',
    );
    const unread = findings.find((f) => f.code === 'table-unparsed' && f.target === 'T3.unparsed')!;
    assert.ok(unread.related?.some((r) => /^「.+」没有读到数字$/.test(r.message)));
  });

  it('html-to-text: a no-break space is a blank cell (规章, two blanks, 0)', () => {
    const text = readFixture('holdout', 'seed-004.html-to-text.txt');
    assert.match(text, /对外公开总数量 规章\u00a0\u00a00 规范性文件\u00a0\u00a00 第二十条/);
    const analysis = analyzeText(text);
    assert.deepEqual(numbers(text, 'T2', 'REG'), ['_', '_', '0']);
    assert.deepEqual(numbers(text, 'T3', 'R1'), ['_', '_', '_', '_', '_', '_', '0']);
    assert.ok(!analysis.findings.some((f) => ['row-missing', 'table-unparsed', 'table-missing'].includes(f.code)));
  });

  it('a row whose label the table holds, run together with other text, is a row not read: a warning, never row-missing as an error', () => {
    // The same text with its no-break spaces made plain spaces: the rows of 表二 cannot be read.
    const text = readFixture('holdout', 'seed-004.html-to-text.txt').replace(/\u00a0/g, ' ');
    assert.match(text, /对外公开总数量 规章 {2}0 规范性文件 {2}0 第二十条/);
    const missing = analyzeText(text).findings.filter((f) => f.code === 'row-missing' && f.target?.startsWith('T2.'));
    assert.ok(missing.length > 0);
    assert.ok(missing.every((f) => f.severity === 'warning'));
    assert.equal(missing.find((f) => f.target === 'T2.REG')!.message, '表二中有「规章」的行名，但这一行与其他文字连在一起，未能读出，请对照原文');
  });

  it('a table of 表二 with no sums: only rows whose numbers are all 0 are placed', () => {
    const text = corpus('seed-004', 'lynx.txt');
    assert.deepEqual(row(text, 'T2', 'REG').inferred, { blanksKnown: false, faulty: false, cut: false, wrapped: false });
    assert.deepEqual(
      row(text, 'T2', 'REG').cells.map((c) => c.value ?? 0),
      [0, 0, 0],
    );
  });
});

describe('cutting digits that ran together (html-to-text)', () => {
  it('runs of digits are cut where every cut that keeps the sums gives the same numbers', () => {
    const text = corpus('gen-2019-blanks', 'html-to-text.txt');
    // 3.危及“三安全一稳定”088521: truly 0 □ □ 8 8 5 21, its blank cells dropped and its digits run together.
    assert.match(text, /3\.危及“三安全一稳定”088521 /);
    assert.deepEqual(numbers(text, 'T3', 'R3_3_3'), ['0', '_', '_', '8', '8', '5', '21']);
    assert.deepEqual(row(text, 'T3', 'R3_3_3').inferred, { blanksKnown: false, faulty: false, cut: true, wrapped: false });
    // （七）总计40629855129: seven cells, no blank.
    assert.deepEqual(numbers(text, 'T3', 'R3_7'), ['4', '0', '6', '29', '85', '5', '129']);
    const findings = analyzeText(text).findings;
    assert.ok(!findings.some((f) => f.target?.startsWith('T3.') && f.code === 'table-unparsed'));
    const note = findings.find((f) => f.code === 'cells-inferred')!;
    assert.equal(note.target, 'T3.cut');
    assert.match(note.message, /^表三有19行的数字连在一起（单元格之间没有分隔），各数的分法和所在的列是推定的/);
  });

  it('with a sum broken anyway, runs of digits are not cut on the fewest broken sums: they stay unread', () => {
    const text = corpus('gen-2019-plain-cell', 'html-to-text.txt');
    // 1.属于国家秘密1011046 (自然人 0 made 1) breaks two sums; 660000066 would cut as 66 0 0 0 0 0 66 or 6 60 0 0 0 0 66.
    assert.match(text, /1\.属于国家秘密1011046 2\.其他法律行政法规禁止公开660000066 /);
    assert.equal(row(text, 'T3', 'R3_3_2').unparsed?.reason, '660000066');
    const findings = analyzeText(text).findings;
    assert.ok(findings.some((f) => f.code === 'table-unparsed' && f.target === 'T3.R3_3_2'));
    // The broken row sum is still reported, without a culprit (the column sums are not all known).
    assert.deepEqual(
      findings.filter((f) => ARITHMETIC_CODES.includes(f.code)).map((f) => `${f.code} ${f.target}`),
      ['row-total T3.R3_3_1.TOT'],
    );
  });

  it('a fault in a row of digits is not cut away: no reading breaking a sum is taken for it', () => {
    const crawl = corpus('gen-2019-blanks', 'html-to-text.txt').replace('3.危及“三安全一稳定”088521', '3.危及“三安全一稳定”088531');
    assert.equal(row(crawl, 'T3', 'R3_3_3').unparsed?.reason, '088531');
    assert.ok(!analyzeText(crawl).findings.some((f) => f.code === 'cell-empty' && f.target === 'T3.R3_3_3'));
  });

  it('a digit per column is not taken when the row sum breaks in a text that also drops blank cells', () => {
    const text = readFixture('holdout', 'gen-2019-blanks.html-to-text.txt');
    assert.match(text, /4\.保护第三方合法权益7494996 /);
    assert.deepEqual(numbers(text, 'T3', 'R3_3_4'), ['74', '9', '_', '4', '_', '9', '96']);
    assert.deepEqual(row(text, 'T3', 'R3_3_4').inferred, { blanksKnown: true, faulty: false, cut: true, wrapped: false });
    assert.ok(!analyzeText(text).findings.some((f) => f.severity === 'error'));
  });

  it('a short row of numbers in a text that does not run cells together is not cut', () => {
    // lynx writes cells apart: 8 7 15 is three numbers, never 8 / 7 / 1 / 5.
    const text = corpus('gen-2021-big', 'lynx.txt');
    assert.equal(row(text, 'T3', 'R3_3_3').inferred?.cut, false);
  });
});

describe('tables whose labels stand apart from their numbers (pdftotext without -layout)', () => {
  it('the numbers are dealt out to the rows in order when every sum holds: seed 001 read whole', () => {
    const text = corpus('seed-001', 'chromium-pdf.pdftotext.txt');
    const { report, findings } = analyzeText(text);
    const t3 = report!.tables.T3!;
    assert.equal(t3.rows.size, 25);
    assert.ok([...t3.rows.values()].every((r) => !r.unparsed && r.inferred?.inOrder));
    assert.deepEqual(numbers(text, 'T3', 'R1'), ['1', '0', '0', '0', '0', '0', '1']);
    // The first number of the table is the 1 on its own line under 一、本年新收.
    assert.equal(t3.rows.get('R1')!.cells[0].range.start.line, text.split('\n').indexOf('1'));
    assert.deepEqual(
      findings.filter((f) => f.severity !== 'information').map((f) => `${f.code} ${f.target}`),
      ['text-table-mismatch text.allDone'],
      'the label pieces read among other labels (「开 2.其他法律行政法规禁」) are no wording warnings',
    );
    const note = findings.find((f) => f.code === 'cells-inferred')!;
    assert.equal(
      note.message,
      '表三的行名与数字在文本中是分开写的（PDF 转成文本而不保留版面时常见），各数是按先后顺序逐行归入各行的（共25行，本表勾稽关系全部成立）',
    );
  });

  it('a sum that breaks: the numbers are not dealt out, the table stays as its labels read it, unread but said so', () => {
    // 一、本年新收 自然人 1 → 2: no longer equal to its row's 总计 (1), so no order keeps every sum.
    const lines = corpus('seed-001', 'chromium-pdf.pdftotext.txt').split('\n');
    lines[lines.indexOf('1')] = '2';
    const { report, findings } = analyzeText(lines.join('\n'));
    assert.ok(![...report!.tables.T3!.rows.values()].some((r) => r.inferred?.inOrder));
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.ok(findings.some((f) => f.code === 'table-unparsed' && f.target === 'T3.unparsed'));
  });

  it('numbers out of order (Chromium’s PDF of a Word-made page): no order keeps the sums, the table stays unread', () => {
    const { report, findings } = analyzeText(corpus('gen-2021-word', 'chromium-pdf.pdftotext.txt'));
    assert.ok(![...report!.tables.T3!.rows.values()].some((r) => r.inferred?.inOrder));
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
  });
});

describe('a table whose numbers go on after the next heading (pdftotext without -layout)', () => {
  it('表四 with five numbers before 五 and ten after: not placed as a row of ten blank cells, but unread', () => {
    const text = readFixture('holdout', 'seed-003.libreoffice-pdf.pdftotext.txt');
    const { report, findings } = analyzeText(text);
    const r = report!.tables.T4!.rows.get('R')!;
    assert.equal(r.unparsed?.reason, '0 0 0 0 0');
    assert.equal(r.unparsed?.blanks, undefined);
    assert.deepEqual(
      findings.filter((f) => f.target?.startsWith('T4')).map((f) => `${f.severity} ${f.code}`),
      ['warning table-unparsed'],
    );
  });
});
