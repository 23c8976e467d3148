import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { readFixture } from '../support/fixtures';

/**
 * A PDF text export shows no blank cells: a row with blanks has fewer numbers than columns. They are
 * read by where they stand, under the columns the table's complete rows occupy.
 */
it('PDF: the numbers of a row with blanks are placed under their columns; the blanks are named', () => {
  const lines = readFixture('encodings', '000.pdf.txt').split('\n');
  const i = lines.findIndex((l) => l.includes('（一）予以公开'));
  const cells = [...lines[i].matchAll(/\d+/g)];
  // 自然人 3, 商业企业 and 科研机构 blank, 总计 3 — written where a PDF export would put them.
  const chars = [...lines[i]];
  const at = (k: number) => cells[k].index!;
  chars[at(0)] = '3';
  chars[at(1)] = ' ';
  chars[at(2)] = ' ';
  chars[at(6)] = '3';
  lines[i] = chars.join('');
  // Keep the report balanced: one application received, one disclosed.
  const r1 = lines.findIndex((l) => l.includes('一、本年新收'));
  const r7 = lines.findIndex((l) => l.includes('（七）总计'));
  for (const j of [r1, r7]) {
    const nums = [...lines[j].matchAll(/\d+/g)];
    const c = [...lines[j]];
    c[nums[nums.length - 7].index!] = '3';
    c[nums[nums.length - 1].index!] = '3';
    lines[j] = c.join('');
  }
  const a = analyze(lines.join('\n'));
  const row = a.report!.tables.T3!.rows.get('R3_1')!;
  assert.equal(row.unparsed, undefined);
  assert.deepEqual(
    row.cells.map((c) => (c.state === 'blank' ? null : c.value)),
    [3, null, null, 0, 0, 0, 3],
  );
  assert.deepEqual(
    a.findings.map((f) => f.code),
    ['cell-empty'],
  );
  assert.equal(a.findings[0].message, '表三「（一）予以公开」有2个空白单元格：商业企业、科研机构');
});
