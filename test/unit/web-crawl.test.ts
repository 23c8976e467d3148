import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { readSeed } from '../support/fixtures';

/** A web crawl that lost every cell border in 表三: labels, group labels and numbers run together. */
function crawled(edit: (t: string) => string = (t) => t): string {
  const lines = readSeed('s001').split('\n');
  return edit(lines.map((l, i) => (i >= 32 && i <= 56 ? l.replace(/\s*\|\s*/g, '') : l)).join('\n'));
}

describe('web crawls that glued cells together', () => {
  it('one digit per cell splits uniquely, also behind a glued group label: the seed reads as before', () => {
    const a = analyze(crawled());
    assert.equal(a.doc.lines[34], '三、本年度办理结果(一)予以公开0000000');
    assert.deepEqual(
      a.findings.map((f) => f.code),
      ['title-incomplete', 'text-table-mismatch'],
    );
    const t3 = a.report!.tables.T3!;
    assert.deepEqual(
      t3.rows.get('R1')!.cells.map((c) => c.value),
      [1, 0, 0, 0, 0, 0, 1],
    );
    assert.deepEqual(t3.rows.get('R3_1')!.cells[0].range, { start: { line: 34, character: 16 }, end: { line: 34, character: 17 } });
  });

  it('a wrong glued digit is found at its cell, and the suggestion edits that one digit', () => {
    const a = analyze(crawled((t) => t.replace('(一)予以公开0000000', '(一)予以公开1000001')));
    const f = a.findings.find((x) => x.code === 'column-total')!;
    assert.equal(f.message, '表三「自然人」列：（七）总计为0，但各办理结果之和为1');
    // Only one broken sum (the 总计 column echoes it): no cell is certain, so suggestions, not a fix.
    assert.equal(f.fix, undefined);
    assert.deepEqual(
      f.suggestions?.map((s) => [s.title, s.edits]),
      [
        [
          '假设各办理结果正确：将「（七）总计」改为1',
          [{ range: { start: { line: 55, character: 5 }, end: { line: 55, character: 6 } }, newText: '1', subject: '表三「（七）总计」自然人' }],
        ],
        // A （七）总计 of 0 leaves every result row 0.
        [
          '假设（七）总计正确：将「（一）予以公开」改为0',
          [{ range: { start: { line: 34, character: 16 }, end: { line: 34, character: 17 } }, newText: '0', subject: '表三「（一）予以公开」自然人' }],
        ],
      ],
    );
  });

  it('digits that split more than one way are not guessed at: table-unparsed, no arithmetic', () => {
    const a = analyze(crawled((t) => t.replace('一、本年新收政府信息公开申请数量1000001', '一、本年新收政府信息公开申请数量120000012')));
    assert.deepEqual(
      a.report!.tables.T3!.rows.get('R1')!.cells.map((c) => c.value),
      [12, 0, 0, 0, 0, 0, 12],
      'the one split whose last number is the sum',
    );
    const b = analyze(crawled((t) => t.replace('一、本年新收政府信息公开申请数量1000001', '一、本年新收政府信息公开申请数量1111111111')));
    const unparsed = b.findings.find((x) => x.code === 'table-unparsed')!;
    assert.match(unparsed.message, /^表三「一、本年新收政府信息公开申请数量」的单元格无法可靠拆分（读到：1111111111）/);
    assert.equal(b.findings.filter((x) => ['row-total', 'column-total', 'balance'].includes(x.code)).length, 0);
  });
});
