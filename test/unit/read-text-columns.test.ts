import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/source';
import type { Block, SourceCell } from '../../server/src/core/read/document';
import { columnsReader, runTogetherReader } from '../../server/src/core/read/text-columns';
import { LineIndex } from '../../server/src/core/text';
import { readFixture } from '../support/fixtures';

/**
 * pdftotext output (with and without -layout) read by the columns shape reader: rows found by their
 * numbers, labels gathered by the official wording, blanks placed under the page's columns. And
 * html-to-text's borderless cells read by the run-together reader: digits cut by the table's sums.
 */

const corpus = (report: string, file: string) => readFixture('corpus', report, file);
const cellText = (c: SourceCell) => c.pieces.map((p) => p.text).join(' ');
const tables = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
/** The table row whose cells include one that starts with `label`. */
function rowOf(blocks: Block[], label: string): string[] {
  for (const t of tables(blocks)) {
    for (const row of t.rows) if (row.some((c) => cellText(c).startsWith(label))) return row.map(cellText);
  }
  throw new Error(`no row ${label}`);
}
const shown = (text: string) =>
  analyzeText(text)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code} ${f.target ?? ''}`)
    .sort();

/** A -layout line: `label` at `indent`, each number ending at its column's right edge (blank: null). */
function layoutRow(indent: number, label: string, numbers: (number | null)[], ends: number[]): string {
  let line = ' '.repeat(indent) + label;
  numbers.forEach((n, c) => {
    if (n === null) return;
    const s = String(n);
    line = line.padEnd(Math.max(line.length + 1, ends[c] - s.length)) + s;
  });
  return line;
}

const ENDS = [44, 51, 58, 65, 72, 79, 86];
function table3(rows: [string, (number | null)[]][]): string {
  return [
    '某县人民政府办公室2024年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    ...rows.map(([label, numbers]) => layoutRow(2, label, numbers, ENDS)),
    '',
    '                                      - 1 -',
    '\f',
  ].join('\n');
}

describe('columns reader: which texts it reads', () => {
  it('reads pdftotext output (pages end with a form feed) and nothing else', () => {
    assert.ok(columnsReader.read(new LineIndex(corpus('gen-2021-big', 'libreoffice-pdf.pdftotext-layout.txt'))));
    assert.ok(columnsReader.read(new LineIndex(corpus('gen-2021-big', 'chromium-pdf.pdftotext.txt'))));
    for (const other of ['lynx.txt', 'w3m.txt', 'pandoc-plain.txt', 'libreoffice.txt', 'canonical.txt']) {
      assert.equal(columnsReader.read(new LineIndex(corpus('gen-2021-big', other))), undefined, other);
    }
    // Without -layout LibreOffice's tables come column by column, a number a line: no row can be told.
    assert.equal(columnsReader.read(new LineIndex(corpus('gen-2021-big', 'libreoffice-pdf.pdftotext.txt'))), undefined);
    // A form feed alone is not enough: no section heading, not a report.
    assert.equal(columnsReader.read(new LineIndex('第一页\n\f第二页 1 2 3\n')), undefined);
  });
});

describe('columns reader: -layout rows', () => {
  const text = table3([
    ['一、本年新收政府信息公开申请数量', [36, 112, 3594, 107, 147, 13, 4009]],
    ['二、上年结转政府信息公开申请数量', [0, 0, null, 0, 0, null, null]],
    ['（七）总计', [35, 112, 3594, 107, 147, 10, 4005]],
  ]);

  it("places a short row's numbers under the columns of the complete rows; the gaps are blank cells", () => {
    const blocks = columnsReader.read(new LineIndex(text))!;
    assert.deepEqual(rowOf(blocks, '二、上年结转'), ['二、上年结转政府信息公开申请数量', '0', '0', '', '0', '0', '', '']);
    assert.deepEqual(rowOf(blocks, '一、本年新收'), ['一、本年新收政府信息公开申请数量', '36', '112', '3594', '107', '147', '13', '4009']);
    // The page number is page furniture: no paragraph holds it.
    assert.ok(!blocks.some((b) => b.kind === 'paragraph' && b.pieces.some((p) => p.text.includes('- 1 -'))));
  });

  it("names the blank cells and places the finding on the row in the user's text", () => {
    const a = analyzeText(text);
    const blank = a.findings.find((f) => f.code === 'cell-empty' && f.target === 'T3.R2')!;
    assert.equal(blank.message, '表三「二、上年结转政府信息公开申请数量」有3个空白单元格：科研机构、其他、总计');
    assert.equal(blank.range.start.line, 3);
  });

  it('leaves a number that stands under no column (or two) unread: table-unparsed, not a guess', () => {
    const shifted = text.replace(/^( {2}二、上年结转政府信息公开申请数量.*)$/m, (line) => `${line.padEnd(95)}9`);
    const blocks = columnsReader.read(new LineIndex(shifted))!;
    assert.deepEqual(rowOf(blocks, '二、上年结转').slice(1), ['0', '0', '0', '0', '9']);
    assert.ok(shown(shifted).includes('table-unparsed T3.R2'));
  });
});

describe('columns reader: corpus outputs', () => {
  it('LibreOffice PDF, -layout: wrapped labels are one cell, group labels a cell of their own, blanks in place', () => {
    const blocks = columnsReader.read(new LineIndex(corpus('gen-2021-big', 'libreoffice-pdf.pdftotext-layout.txt')))!;
    // The rest of the group label 三、本年度办理结果 leads the next row, as a rowspan cell would.
    assert.deepEqual(rowOf(blocks, '度办理结'), [
      '度办理结 果',
      '（二）部分公开（区分处理的， 只计这一情形，不计其他情形）',
      '7',
      '0',
      '9',
      '0',
      '43',
      '7',
      '66',
    ]);
    assert.deepEqual(rowOf(blocks, '三、本年'), ['三、本年', '（一）予以公开', '0', '0', '', '5', '', '0', '5']);
    assert.deepEqual(rowOf(blocks, '2.申请人逾期'), [
      '（六） 其他处 理',
      '2.申请人逾期未按收费 通知要求缴纳费用、行 政机关不再处理其政府 信息公开申请',
      '0',
      '38',
      '0',
      '0',
      '',
      '0',
      '38',
    ]);
    // Table 四's headings wrapped in their columns are one cell each; its 15 numbers one row.
    assert.deepEqual(rowOf(blocks, '结果 维持').slice(0, 4), ['结果 维持', '结果 纠正', '其他 结果', '尚未 审结']);
  });

  it('LibreOffice PDF, -layout: the same findings as the canonical text, and the injected faults found', () => {
    assert.deepEqual(shown(corpus('gen-2021-big', 'libreoffice-pdf.pdftotext-layout.txt')), shown(corpus('gen-2021-big', 'canonical.txt')));
    assert.deepEqual(shown(corpus('gen-2019-plain', 'libreoffice-pdf.pdftotext-layout.txt')), shown(corpus('gen-2019-plain', 'canonical.txt')));
    const fault = shown(corpus('gen-2019-plain-cell', 'libreoffice-pdf.pdftotext-layout.txt'));
    assert.ok(fault.includes('row-total T3.R3_3_1.NP'));
    assert.deepEqual(fault, shown(corpus('gen-2019-plain-cell', 'canonical.txt')));
    const blank = shown(corpus('gen-2021-big-blank', 'libreoffice-pdf.pdftotext-layout.txt'));
    assert.ok(blank.includes('cell-empty T3.R1') && blank.includes('row-total T3.R1.NP'));
  });

  it('Chromium PDF, -layout: two numbers run together are split where the row sum allows one reading', () => {
    const text = corpus('gen-2021-big', 'chromium-pdf.pdftotext-layout.txt');
    const blocks = columnsReader.read(new LineIndex(text))!;
    assert.deepEqual(rowOf(blocks, '一、本年新收').slice(1), ['36', '112', '3594', '107', '147', '13', '4009']);
    assert.deepEqual(rowOf(blocks, '（七）总计').slice(1), ['35', '112', '3594', '107', '147', '10', '4005']);
    // The split cells point into the run: 13 and 4009 of 134009.
    const run = text.indexOf('134009');
    const r1 = tables(blocks)
      .flatMap((t) => t.rows)
      .find((r) => r.some((c) => cellText(c).startsWith('一、本年新收')))!;
    assert.deepEqual(
      r1.slice(-2).map((c) => c.pieces[0].origin.source),
      [
        { start: run, end: run + 2 },
        { start: run + 2, end: run + 6 },
      ],
    );
    // Chromium's columns do not line up, so the 18 rows short of numbers are placed by the table's sums:
    // the findings are the page's own.
    assert.deepEqual(shown(text), shown(corpus('gen-2021-big', 'canonical.txt')));
    const inferred = analyzeText(text).findings.find((f) => f.code === 'cells-inferred')!;
    assert.equal(inferred.related?.length, 18);
  });

  it('Chromium PDF, -layout: a heading beside the page menu is read as the section heading', () => {
    const findings = shown(corpus('gen-2019-plain', 'chromium-pdf.pdftotext-layout.txt'));
    assert.ok(!findings.includes('section-missing section.1'));
  });

  it('Chromium PDF without -layout: numbers on the lines after a label stay on their lines, for the recognizer to join; a row short of numbers is not guessed', () => {
    const text = corpus('gen-2021-big', 'chromium-pdf.pdftotext.txt');
    const blocks = columnsReader.read(new LineIndex(text))!;
    // （七）总计 stands alone; its numbers (two run together) are on the next line.
    assert.deepEqual(rowOf(blocks, '（七）总计'), ['（七）总计', '35', '112', '3594', '107', '147', '10', '4005']);
    // 1 0 0 / 0 3 4: the second line a row of numbers of its own, for the recognizer to join (six
    // numbers for seven columns, the blank's place unknown).
    assert.deepEqual(rowOf(blocks, '四、结转下年度'), ['四、结转下年度继续办理', '1', '0', '0']);
    const rows = tables(blocks).flatMap((t) => t.rows.map((r) => r.map(cellText)));
    const carry = rows.findIndex((r) => r[0] === '四、结转下年度继续办理');
    assert.deepEqual(rows[carry + 1], ['0', '3', '4']);
    const findings = shown(text);
    assert.ok(findings.includes('table-unparsed T3.unparsed'));
    assert.ok(!findings.some((k) => /^(row-total|column-total|balance|row-missing)/.test(k)), findings.join(', '));
  });
});

describe('columns reader: numbers over several lines without -layout', () => {
  it("a row whose lines take in another row's numbers breaks its sums: left unread, never a sum error", () => {
    const text = readFixture('holdout', 'gen-2021-big.chromium-pdf.pdftotext.txt');
    assert.match(text, /6\.属于四类过程性信息 0 0\n\n5 9 23\n0 0\n/);
    const analysis = analyzeText(text);
    assert.ok(analysis.report!.tables.T3!.rows.get('R3_3_6')!.unparsed);
    assert.ok(!analysis.findings.some((f) => f.severity === 'error'), analysis.findings.map((f) => f.code).join(', '));
  });
});

describe('columns reader: 表二 without -layout, a column header between label and number', () => {
  it('行政许可 / 本年处理决定数量 / 0: the number is the row’s, not a blank cell', () => {
    const text = readFixture('holdout', 'seed-001.chromium-pdf.pdftotext.txt');
    const { report, findings } = analyzeText(text);
    const lic = report!.tables.T2!.rows.get('LIC')!;
    assert.deepEqual(
      lic.cells.map((c) => c.raw),
      ['0'],
    );
    assert.deepEqual(
      findings.filter((f) => f.target?.startsWith('T2')),
      [],
    );
  });
});

describe('a section with no grid in a text read by a shape reader', () => {
  it("is read from its lines: reStructuredText's simple 表二 beside grid tables (pandoc -t rst)", () => {
    const text = readFixture('holdout', 'gen-2021-blanks-grand-total.pandoc.rst');
    assert.match(text, /\n +={10,} =+/);
    assert.match(text, /\n +\+-------\+/);
    const analysis = analyzeText(text);
    assert.deepEqual([...analysis.report!.tables.T2!.rows.keys()].slice(0, 2), ['REG', 'NORM']);
    assert.deepEqual(
      analysis.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.target}`),
      ['row-total T3.R3_7.NP'],
    );
  });
});

describe('columns reader: a number wrapped in its narrow cell', () => {
  it('joins its digits from the lines above and below its row into one cell', () => {
    const text = corpus('gen-2021-word', 'libreoffice-pdf.pdftotext-layout.txt');
    // 102 printed as 10 (beside 果 of 结果) over the row and 2 under it, right before a page break.
    assert.match(text, /果 +10\n +5\.属于三类内部事务信息 +0 +2 +0 +4 +96 +0\n +2\n\f/);
    // 269 printed as 26 over the numbers and 9 under them, the label wrapped around all three.
    assert.match(text, /\n +26\n +86 +0 +4 +75 +95 +9\n +9\n/);
    const blocks = columnsReader.read(new LineIndex(text))!;
    // 果 (of the group label 三、本年度办理结果 set down its cell) leads the row, as a rowspan cell would.
    assert.deepEqual(rowOf(blocks, '5.属于三类内部事务信息'), ['果', '5.属于三类内部事务信息', '0', '2', '0', '4', '96', '0', '10 2']);
    const r355 = tables(blocks)
      .flatMap((t) => t.rows)
      .find((r) => r.some((c) => cellText(c).startsWith('5.属于三类')))!;
    const total = r355[r355.length - 1];
    assert.equal(total.glued, true);
    assert.deepEqual(
      total.pieces.map((p) => text.slice(p.origin.source!.start, p.origin.source!.end)),
      ['10', '2'],
    );
    assert.deepEqual(shown(text), []);
  });

  it('a sum error on such a cell is found, and no fix is offered: its edit would cross the row between the pieces', () => {
    const text = corpus('gen-2021-word-row-total', 'libreoffice-pdf.pdftotext-layout.txt');
    assert.match(text, / +19\n +（一）予以公开 +93 +7 +5 +0 +0 +83\n三 +0\n/);
    const findings = analyzeText(text).findings.filter((f) => f.code === 'row-total');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].target, 'T3.R3_1.TOT');
    assert.match(findings[0].message, /总计为190，.*应为188/);
    assert.equal(findings[0].fix, undefined);
    assert.equal(findings[0].suggestions, undefined);
  });
});

describe('columns reader: table 四 under a header wrapped in narrow cells', () => {
  it('skips a line holding only a piece of a header word (纠正 of 结果纠正) and reads the row under it', () => {
    const text = corpus('gen-2019-plain', 'chromium-pdf.pdftotext-layout.txt');
    assert.match(
      text,
      /维持 纠正 结果 审结 计 维持 结果 +其他 尚未 总 结果 结果 其他 尚未 总\n +纠正 结果 审结 计 维持 纠正 结果 审结 计\n +0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n/,
    );
    const analysis = analyzeText(text);
    assert.deepEqual(shown(text), []);
    const t4 = analysis.report!.tables.T4!;
    assert.deepEqual(
      [...t4.rows.values()][0].cells.map((c) => c.value),
      Array(15).fill(0),
    );
  });
});

describe('columns reader: 表二 rows with every cell blank', () => {
  it("a label alone on its line is a row of blanks, and the numbers above keep their own line's label", () => {
    const text = corpus('seed-003', 'chromium-pdf.pdftotext-layout.txt');
    assert.match(text, /行政强制 +0 +0 +0\n +第二十条第（八）项\n.*\n +行政事业性收费\n/);
    const blocks = columnsReader.read(new LineIndex(text))!;
    assert.deepEqual(rowOf(blocks, '行政强制'), ['行政强制', '0', '0', '0']);
    assert.deepEqual(rowOf(blocks, '行政事业性收费'), ['行政事业性收费']);
    assert.deepEqual(rowOf(blocks, '政府集中采购'), ['政府集中采购']);
    const found = shown(text).filter((k) => k.includes('T2'));
    assert.deepEqual(found, ['cell-empty T2.FEE', 'cell-empty T2.PROC']);
  });
});

describe('run-together reader (html-to-text): cells without borders', () => {
  const report = (rows: string) =>
    ['某县人民政府办公室2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', rows, '四、政府信息公开行政复议、行政诉讼情况', ''].join('\n');

  it('reads only text with official labels glued to their numbers', () => {
    assert.ok(runTogetherReader.read(new LineIndex(corpus('gen-2021-big', 'html-to-text.txt'))));
    for (const other of ['lynx.txt', 'chromium-pdf.pdftotext-layout.txt', 'pandoc-plain.txt', 'canonical.txt']) {
      assert.equal(runTogetherReader.read(new LineIndex(corpus('gen-2021-big', other))), undefined, other);
    }
  });

  it('cuts digits into cells where the row sum leaves one reading; a line of white space is a blank cell', () => {
    const text = report('一、本年新收政府信息公开申请数量1111105 二、上年结转政府信息公开申请数量1\n\n \n\n000\n\n \n\n1 （七）总计1111105');
    const blocks = runTogetherReader.read(new LineIndex(text))!;
    assert.deepEqual(rowOf(blocks, '一、本年新收'), ['一、本年新收政府信息公开申请数量', '1', '1', '1', '1', '1', '0', '5']);
    assert.deepEqual(rowOf(blocks, '二、上年结转'), ['二、上年结转政府信息公开申请数量', '1', '', '0', '0', '0', '', '1']);
    const r2 = tables(blocks)[0].rows.find((r) => cellText(r[0]).startsWith('二、上年结转'))!;
    // Each number points at its digit in the run; the blank at its line of white space.
    const zeros = text.indexOf('000');
    assert.deepEqual(
      r2.slice(3, 6).map((c) => c.pieces[0].origin.source),
      [0, 1, 2].map((d) => ({ start: zeros + d, end: zeros + d + 1 })),
    );
    assert.equal(text[r2[2].origin.source!.start], ' ');
  });

  it('leaves digits that no reading fits as written: table-unparsed, not a guess', () => {
    const text = report('一、本年新收政府信息公开申请数量11000011 二、上年结转政府信息公开申请数量0000000 （七）总计0000000');
    const blocks = runTogetherReader.read(new LineIndex(text))!;
    assert.deepEqual(rowOf(blocks, '一、本年新收'), ['一、本年新收政府信息公开申请数量', '11000011']);
    assert.ok(shown(text).includes('table-unparsed T3.R1'));
  });

  it("reads a row its own sum leaves in two readings by the table's column sums, when exactly one combination adds up", () => {
    const text = corpus('gen-2019-plain', 'html-to-text.txt');
    // 660000066 is 66 0 0 0 0 0 66 or 6 60 0 0 0 0 66: only the first makes the columns add up to （七）总计.
    assert.ok(text.includes('2.其他法律行政法规禁止公开660000066'));
    const blocks = runTogetherReader.read(new LineIndex(text))!;
    assert.deepEqual(rowOf(blocks, '2.其他法律行政法规禁止公开'), ['2.其他法律行政法规禁止公开', '66', '0', '0', '0', '0', '0', '66']);
    assert.deepEqual(
      shown(text).filter((k) => !k.startsWith('table-unparsed T2')),
      shown(corpus('gen-2019-plain', 'canonical.txt')),
    );
  });

  it('leaves such rows unread when a changed cell lets no combination add up', () => {
    const found = shown(corpus('gen-2019-plain-cell', 'html-to-text.txt'));
    assert.ok(found.includes('table-unparsed T3.R3_3_2'));
    assert.ok(found.includes('table-unparsed T3.R3_3_4'));
  });

  it("corpus: group labels lead their rows, table 四 is cut by its three sums, the findings are the canonical text's", () => {
    const text = corpus('gen-2021-big', 'html-to-text.txt');
    const blocks = runTogetherReader.read(new LineIndex(text))!;
    assert.deepEqual(rowOf(blocks, '三、本年度办理结果'), ['三、本年度办理结果', '（一）予以公开', '0', '0', '', '5', '', '0', '5']);
    assert.deepEqual(rowOf(blocks, '（六）其他处理'), [
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    const t4 = tables(blocks)
      .flatMap((t) => t.rows)
      .find((r) => r.length === 15)!;
    assert.deepEqual(t4.map(cellText), ['0', '0', '0', '19', '19', '0', '13', '0', '0', '13', '0', '20', '0', '18', '38']);
    assert.deepEqual(shown(text), shown(corpus('gen-2021-big', 'canonical.txt')));
  });
});
