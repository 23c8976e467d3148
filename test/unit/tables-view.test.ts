/** The table preview's model: the official grids with findings, hover texts and ranges in the edited text. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/source';
import { CellView, tablesInSource, tablesView, TableView } from '../../server/src/core/tables-view';
import { readFixture, readSeed } from '../support/fixtures';

function cellOf(tables: TableView[], target: string): CellView {
  for (const t of tables) for (const b of t.blocks) for (const r of b.rows) for (const c of r.cells) if (c.target === target) return c;
  throw new Error(`no cell ${target}`);
}

const textAt = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const lines = text.split('\n');
  assert.equal(r.start.line, r.end.line);
  return lines[r.start.line].slice(r.start.character, r.end.character);
};

/** Seed 000 (all zeros) with 表三「（一）予以公开」自然人 (line 39) changed to 3. */
function brokenSeed000(): { text: string; line: number; character: number } {
  const lines = readSeed('s000').split('\n');
  const line = 38;
  const character = lines[line].indexOf('| 0 |', lines[line].indexOf('予以公开')) + 2;
  lines[line] = `${lines[line].slice(0, character)}3${lines[line].slice(character + 1)}`;
  return { text: lines.join('\n'), line, character };
}

describe('tablesInSource (the table preview)', () => {
  it('a wrong 表三 cell: error, the culprit, its range, and the hover with the broken sums first', () => {
    const { text, line, character } = brokenSeed000();
    const tables = tablesInSource(analyzeText(text), 'zh-CN');
    assert.deepEqual(
      tables.map((t) => t.id),
      ['T2', 'T3', 'T4'],
    );
    const cell = cellOf(tables, 'T3.R3_1.NP');
    assert.equal(cell.text, '3');
    assert.equal(cell.severity, 'error');
    assert.equal(cell.culprit, true);
    assert.deepEqual(cell.range, { start: { line, character }, end: { line, character: character + 1 } });
    assert.deepEqual(cell.messages, ['「（一）予以公开」自然人为3，与本行总计、（七）总计都不符，应为0']);
    const hover = cell.hover!.split('\n');
    assert.equal(hover[0], '✗ 本行总计：**总计 0 ≠ 3+0+0+0+0+0 = 3**');
    assert.equal(hover[2], '✗ （七）总计＝（一）至（六）之和·自然人：**（七）总计 0 ≠ 3 = 3**');
    assert.equal(hover[4], '**表三「（一）予以公开」自然人**');
    assert.ok(cell.hover!.includes('- 本行总计：总计 0 = **自然人 3** + 商业企业 0'), cell.hover);
    // The rest of the row is fine: no colour, no hover lines about a broken sum.
    const total = cellOf(tables, 'T3.R3_1.TOT');
    assert.equal(total.severity, undefined);
    assert.equal(total.culprit, undefined);
    assert.match(total.hover!, /^✗ 本行总计：\*\*总计 0 ≠ 3\+0\+0\+0\+0\+0 = 3\*\*/);
    const t3 = tables.find((t) => t.id === 'T3')!;
    assert.equal(t3.blocks[0].rows[0].label, '一、本年新收政府信息公开申请数量');
    assert.equal(t3.blocks[0].rows[0].range?.start.line, 36);
    assert.equal(t3.blocks[0].rows.flatMap((r) => r.cells).filter((c) => c.severity).length, 1);
  });

  it('in English', () => {
    const { text } = brokenSeed000();
    const cell = cellOf(tablesInSource(analyzeText(text, { locale: 'en' }), 'en'), 'T3.R3_1.NP');
    assert.match(cell.hover!, /^✗ Row total: \*\*总计 0 ≠ 3\+0\+0\+0\+0\+0 = 3\*\*/);
    assert.match(cell.messages[0], /it should be 0$/);
  });

  it('blank cells (seed 004 fills only 总计): marked blank, hover says so, range between the separators', () => {
    const text = readSeed('s004');
    const tables = tablesInSource(analyzeText(text), 'zh-CN');
    const blank = cellOf(tables, 'T3.R3_1.NP');
    assert.equal(blank.state, 'blank');
    assert.equal(blank.severity, 'warning', 'cell-empty names the row; a blank cell of that row shows it');
    assert.ok(
      blank.messages.some((m) => /空白单元格/.test(m)),
      blank.messages.join('\n'),
    );
    if (blank.range) assert.equal(textAt(text, blank.range).trim(), '');
  });

  it('a web page: the cell ranges are in the HTML source (through the view), the hover is the editor’s', () => {
    const html = readFixture('corpus', 'gen-2021-word-row-total', 'page.html');
    const analysis = analyzeText(html, {}, 'html');
    assert.ok(analysis.view, 'read through a view');
    const tables = tablesInSource(analysis, 'zh-CN');
    const culprit = tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells))).filter((c) => c.culprit);
    assert.deepEqual(
      culprit.map((c) => [c.target, c.text]),
      [['T3.R3_1.TOT', '190']],
    );
    assert.equal(textAt(html, culprit[0].range!), '190');
    const finding = analysis.findings.find((f) => f.code === 'row-total')!;
    assert.deepEqual(culprit[0].range, finding.range, 'where the diagnostic is');
    assert.match(culprit[0].hover!, /^✗ 本行总计：\*\*总计 190 ≠ /);
    // Every written cell's range holds its text in the page.
    const written = tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells))).filter((c) => c.range && c.state === 'number');
    assert.ok(written.length > 100, `${written.length}`);
    for (const c of written) assert.equal(textAt(html, c.range!), c.text, c.target);
  });

  it('tablesView (the review report) is unchanged: no hover texts', () => {
    const { text } = brokenSeed000();
    const cell = cellOf(tablesView(analyzeText(text), 'zh-CN'), 'T3.R3_1.NP');
    assert.equal(cell.hover, undefined);
    assert.equal(cell.culprit, true);
  });
});
