import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/source';
import type { Block, SourceCell } from '../../server/src/core/read/document';
import { cellsReader } from '../../server/src/core/read/text-cells';
import { LineIndex } from '../../server/src/core/text';
import { readFixture } from '../support/fixtures';

/**
 * lynx's dump of Word-made pages: every cell paragraph centred on a line of its own, blank lines
 * between, long paragraphs wrapped. Read by the cells reader; rows whose blank cells vanished are
 * placed by the table's sums where only one placement fits.
 */

const corpus = (report: string, file: string) => readFixture('corpus', report, file);
const cellText = (c: SourceCell) => c.pieces.map((p) => p.text).join('');
const shown = (text: string) =>
  analyzeText(text)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code} ${f.target ?? ''}`)
    .sort();
function rowOf(blocks: Block[], label: string): string[] {
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    for (const row of b.rows) if (row.some((c) => cellText(c) === label)) return row.map(cellText);
  }
  throw new Error(`no row ${label}`);
}

describe('cells reader: lynx dumps of Word-made pages', () => {
  it('reads a centred cell a line as the table rows, a label wrapped over two paragraphs in its row', () => {
    const blocks = cellsReader.read(new LineIndex(corpus('gen-2021-word', 'lynx.txt')))!;
    assert.ok(blocks);
    assert.deepEqual(rowOf(blocks, '行政规范性文件'), ['行政规范性文件', '26', '0', '26']);
    assert.deepEqual(rowOf(blocks, '二、上年结转政府信息公开申请数量'), ['二、上年结转政府信息公开申请数量', '0', '0', '4', '3', '2', '4', '13']);
    assert.deepEqual(rowOf(blocks, '只计这一情形，不计其他情形）'), [
      '（二）部分公开（区分处理的，',
      '只计这一情形，不计其他情形）',
      '8',
      '0',
      '1',
      '0',
      '8',
      '0',
      '17',
    ]);
  });

  it('gives a correct report no finding and finds a wrong row total', () => {
    assert.deepEqual(shown(corpus('gen-2021-word', 'lynx.txt')), []);
    assert.deepEqual(shown(corpus('gen-2021-word-row-total', 'lynx.txt')), ['row-total T3.R3_1.TOT']);
  });

  it('keeps a wrapped paragraph whole, so subheadings keep their place', () => {
    const blocks = cellsReader.read(new LineIndex(corpus('seed-004', 'lynx.txt')))!;
    const para = blocks.find((b) => b.kind === 'paragraph' && b.pieces[0].text.startsWith('按照政务公开要求'));
    assert.ok(para && para.kind === 'paragraph');
    assert.ok(
      para.pieces
        .map((p) => p.text)
        .join('')
        .endsWith('辖区企业获得的各类荣誉信息28条。'),
    );
  });

  it('places the numbers of rows whose blank cells vanished where only one placement keeps the sums, and says where the blanks are unknown', () => {
    const findings = analyzeText(corpus('seed-004', 'lynx.txt')).findings;
    const found = shown(corpus('seed-004', 'lynx.txt'));
    assert.deepEqual(
      found.filter((k) => k.startsWith('table-unparsed')),
      [],
    );
    // Only the 总计 column is filled (all 0): every row has blanks, which columns the text does not show.
    const blanks = findings.filter((f) => f.code === 'cell-empty');
    assert.equal(blanks.length, 6 + 23 + 1);
    assert.equal(blanks.find((f) => f.target === 'T2.REG')?.message, '表二「规章」有2个空白单元格（原文未标出空白的位置，无法确定是哪几列）');
    assert.ok(blanks.every((f) => !f.fix));
    assert.deepEqual(
      findings.filter((f) => f.code === 'cells-inferred').map((f) => `${f.severity} ${f.target} ${f.related?.length}`),
      ['information T2.inferred 6', 'information T3.inferred 23', 'information T4.inferred 1'],
    );
    assert.deepEqual(
      found.filter((k) => k.startsWith('section-numbering')),
      [
        'section-numbering section.1.subheading.1',
        'section-numbering section.1.subheading.3',
        'section-numbering section.1.subheading.5',
        'section-numbering section.4',
      ],
    );
  });

  it('a group label written down the first column, one character a line, ends on the first row: that row keeps its own label', () => {
    const text = corpus('seed-003', 'lynx.txt');
    assert.match(text, /^ +果 （一）予以公开 0 0 0 0 0 0 0$/m);
    const findings = analyzeText(text).findings;
    assert.deepEqual(
      findings.filter((f) => f.code === 'row-label' || f.code === 'row-missing').map((f) => f.target),
      [],
    );
    assert.equal(analyzeText(text).report?.tables.T3?.rows.get('R3_1')?.labelMatch, 'exact');
  });

  it('reads a row broken at its blank cells over several lines, and finds each blank column where one placement fits', () => {
    const findings = analyzeText(corpus('gen-2021-big', 'lynx.txt')).findings;
    assert.deepEqual(
      findings.filter((f) => f.code === 'table-unparsed' || f.severity === 'error').map((f) => f.target),
      [],
    );
    // 3. 危及“三安全一稳定”: 8 7 … 15 over two lines; the sums put 8 and 7 under 自然人 and 商业企业.
    assert.equal(
      findings.find((f) => f.code === 'cell-empty' && f.target === 'T3.R3_3_3')?.message,
      '表三「（三）不予公开3.危及“三安全一稳定”」有4个空白单元格：科研机构、社会公益组织、法律服务机构、其他',
    );
  });
});

describe('cell-joined text: a trailing pipe before an empty last cell', () => {
  const text = readFixture('broken', 'trailing-pipe-empty-cell.txt');

  it('reads `… | 0 | ` among rows that end without a pipe as a blank last cell, not a short row', () => {
    assert.deepEqual(shown(text), ['cell-empty T3.R3_6_1']);
  });

  it('the same rows with the last cell written have no finding; form A rows closed by pipes keep their cells', () => {
    assert.deepEqual(shown(text.replace(/ \| $/m, ' | 0')), []);
    assert.deepEqual(shown(corpus('gen-2021-word', 'canonical.txt')), []);
  });
});
