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
    assert.deepEqual(row(lynx, 'T3', 'R3_3_3').inferred, { blanksKnown: true });
    assert.deepEqual(numbers(lynx, 'T3', 'R3_4_1'), ['9', '4', '0', '0', '17', '_', '30']);
  });

  it('several placements give the same numbers: read, with the blank columns left open', () => {
    // 0 0 5 0 5 (truly 0 0 □ 5 □ 0 5): the sums fix 5 under 公益组织; which zero is blank they cannot tell.
    const r = row(lynx, 'T3', 'R3_1');
    assert.deepEqual(
      r.cells.map((c) => c.value ?? 0),
      [0, 0, 0, 5, 0, 0, 5],
    );
    assert.deepEqual(r.inferred, { blanksKnown: false });
    const f = analyzeText(lynx).findings.find((x) => x.code === 'cell-empty' && x.target === 'T3.R3_1')!;
    assert.equal(f.message, '表三「（一）予以公开」有2个空白单元格（原文未标出空白的位置，无法确定是哪几列）');
    assert.equal(f.fix, undefined);
  });

  it('placements that give different numbers: the row stays unread, with a warning', () => {
    const text = corpus('gen-2021-blanks', 'lynx.txt');
    // 9 2 3 14 (truly □ 9 2 3 □ □ 14): 9, 2 and 3 fit under more than one set of columns.
    assert.equal(row(text, 'T3', 'R3_3_3').unparsed?.reason, '9 2 3 14');
    assert.ok(analyzeText(text).findings.some((f) => f.code === 'table-unparsed' && f.target === 'T3.R3_3_3'));
  });

  it('a fault leaves no placement that keeps every sum: the short rows stay unread, no sum is reported on a guess', () => {
    const findings = analyzeText(corpus('gen-2021-big-blank', 'lynx.txt')).findings;
    assert.deepEqual(
      findings.filter((f) => f.code === 'table-unparsed').map((f) => f.target),
      ['T3.unparsed'],
    );
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

  it('a table of 表二 with no sums: only rows whose numbers are all 0 are placed', () => {
    const text = corpus('seed-004', 'lynx.txt');
    assert.deepEqual(row(text, 'T2', 'REG').inferred, { blanksKnown: false });
    assert.deepEqual(
      row(text, 'T2', 'REG').cells.map((c) => c.value ?? 0),
      [0, 0, 0],
    );
  });
});
