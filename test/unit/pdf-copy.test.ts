/**
 * Text pasted from a PDF viewer (PDF.js's text items, a line where an item ends a line:
 * scripts/pdf-copy-text.mjs): table 四's header a word a line, and numbers wrapped in their narrow
 * cells (radicals for ideographs: radicals.test.ts).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/source';
import { readFixture } from '../support/fixtures';

const shown = (text: string) =>
  analyzeText(text)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code} ${f.target ?? ''}`);

describe('text copied from a PDF viewer', () => {
  it('reads the report as its text: 表四 under a header a word a line', () => {
    const text = readFixture('pdf', '000-chromium.copy.txt');
    assert.match(text, /\n总\n计\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n/);
    const analysis = analyzeText(text);
    assert.deepEqual(shown(text), shown(readFixture('pdf', '000-chromium.txt')));
    assert.deepEqual(
      [...analysis.report!.tables.T4!.rows.values()][0].cells.map((c) => c.value),
      Array(15).fill(0),
    );
  });

  it("a group label's 、 alone on a line (三 / 、 / 本 …) is no number of the table", () => {
    const text = readFixture('pdf', 'gen-2021-word-libreoffice.copy.txt');
    assert.match(text, /\n三\n、\n本\n/);
    assert.equal(analyzeText(text).report!.tables.T3!.strayValues, 0);
  });

  it('a row label behind the head of its group label, the rest of which wrapped below, is the row itself', () => {
    // （四） 1.本机关不掌握相关 … / 无法提 / 供 / 政府信息: LibreOffice's PDF of seed 000.
    const text = [
      '某县人民政府办公室2019年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '（三） 1.属于国家秘密 0 0 1 1 0 4 6',
      '不予公',
      '开',
    ].join('\n');
    const row = analyzeText(text).report!.tables.T3!.rows.get('R3_3_1')!;
    assert.equal(row.labelMatch, 'exact');
    assert.deepEqual(
      row.cells.map((c) => c.value),
      [0, 0, 1, 1, 0, 4, 6],
    );
    assert.ok(!analyzeText(text).findings.some((f) => f.code === 'row-label'));
  });

  it('a full row followed by a lone number (710 wrapped as 71 / 0): the sums tell which number it ends, never checked as 71', () => {
    const text = readFixture('pdf', 'gen-2021-word-libreoffice.copy.txt');
    assert.match(text, /一、本年新收政府信息公开申请数量 241 26 61 76 215 91 71\n0\n/);
    const analysis = analyzeText(text);
    const r1 = analysis.report!.tables.T3!.rows.get('R1')!;
    assert.deepEqual(
      r1.cells.map((c) => c.raw),
      ['241', '26', '61', '76', '215', '91', '710'],
    );
    assert.equal(r1.inferred?.wrapped, true);
    assert.deepEqual(shown(text), []);
    const note = analysis.findings.find((f) => f.code === 'cells-inferred')!;
    assert.equal(note.target, 'T3.wrapped');
    assert.match(note.message, /^表三有5行的数字在单元格内折行/);
  });

  it('with a sum broken anyway (a wrong total), such rows are not read: a warning, never a guessed error', () => {
    const text = readFixture('pdf', 'gen-2021-word-libreoffice.copy.txt').replace('（一）予以公开 93 7 5 0 0 83 18\n8', '（一）予以公开 93 7 5 0 0 83 19\n0');
    assert.match(text, /83 19\n0\n/);
    const analysis = analyzeText(text);
    assert.ok(analysis.report!.tables.T3!.rows.get('R3_1')!.unparsed);
    assert.deepEqual(
      analysis.findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.ok(shown(text).includes('table-unparsed T3.unparsed'));
  });
});
