/**
 * Shape readers for Markdown (pandoc-gfm, node-html-markdown, html2text, raw `<table>` blocks) and
 * for text that writes a cell a line or paragraph (LibreOffice, turndown, Chromium's innerText):
 * the grids they read from small texts of each variant, what they leave to other readers, and the
 * findings they give on the converter corpus (test/fixtures/corpus/) against the canonical text.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Analysis } from '../../server/src/core/analyze';
import { analyzeText } from '../../server/src/core/source';
import { Block, buildView, SourceCell } from '../../server/src/core/read/document';
import { looksLikeHtml } from '../../server/src/core/read/html';
import { SHAPE_READERS } from '../../server/src/core/read/text';
import { cellsReader } from '../../server/src/core/read/text-cells';
import { markdownReader } from '../../server/src/core/read/text-markdown';
import { LineIndex } from '../../server/src/core/text';
import { readFixture } from '../support/fixtures';

const VALUES = (v: string) => Array(7).fill(v).join(' | ');

/** A cell as `text`, blank as `□`, with its spans: `text⟷2` (columns), `text↕3` (rows). */
function cellShape(cell: SourceCell): string {
  const text =
    cell.pieces
      .map((p) => p.text)
      .join('')
      .trim() || '□';
  return `${text}${(cell.colSpan ?? 1) > 1 ? `⟷${cell.colSpan}` : ''}${(cell.rowSpan ?? 1) > 1 ? `↕${cell.rowSpan}` : ''}`;
}

const tables = (blocks: Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table').map((t) => t.rows.map((r) => r.map(cellShape)));
const paragraphs = (blocks: Block[]) => blocks.filter((b) => b.kind === 'paragraph').map((b) => b.pieces.map((p) => p.text).join(''));

/** Every piece of the blocks is the text at its offsets. */
function assertExact(text: string, blocks: Block[]): void {
  const pieces = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.pieces : b.rows.flat().flatMap((c) => c.pieces)));
  for (const p of pieces) {
    if (!p.origin.exact || !p.origin.source) continue;
    assert.equal(text.slice(p.origin.source.start, p.origin.source.end), p.text);
  }
}

function readWith(reader: typeof markdownReader, text: string): Block[] {
  const blocks = reader.read(new LineIndex(text));
  assert.ok(blocks, `${reader.name} reads the text`);
  assertExact(text, blocks);
  return blocks;
}

/** Errors and warnings as `code target`, the way the corpus scorer compares them. */
const shown = (a: Analysis) =>
  a.findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code} ${f.target ?? ''}`.trim())
    .sort();
const corpus = (report: string, file: string) => readFixture('corpus', report, file);
const truth = (report: string) => shown(analyze(corpus(report, 'canonical.txt')));

const REPORT_HEAD = ['# 某局2023年政府信息公开工作年度报告', '', '**一、总体情况**', '', '本机关依法公开政府信息。', ''];

describe('Markdown reader', () => {
  it("is registered, before the cells reader (a Markdown table's text would read as cells)", () => {
    const names = SHAPE_READERS.map((r) => r.name);
    assert.ok(names.includes('markdown') && names.indexOf('markdown') < names.indexOf('cells'), names.join(' '));
  });

  it('GFM pipe rows, packed (node-html-markdown): cells as written, blanks kept, bold headings without their marks', () => {
    const text = [
      ...REPORT_HEAD,
      '**三、收到和处理政府信息公开申请情况**',
      '',
      '| 申请人情况 |  |  |',
      '| --- | --- | --- |',
      '| 三、本年度办理结果 | （一）予以公开 | 1 |  | 0 | 0 | 0 | 0 | 1 |',
      '| （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 2 | 0 | 0 | 0 | 0 | 2 |  |',
      '',
      '## 四、 政府信息公开行政复议、行政诉讼情况',
      '',
      '1\\. 无',
    ].join('\n');
    const blocks = readWith(markdownReader, text);
    assert.deepEqual(tables(blocks), [
      [
        ['申请人情况', '□', '□'],
        ['三、本年度办理结果', '（一）予以公开', '1', '□', '0', '0', '0', '0', '1'],
        ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '□', '2', '0', '0', '0', '0', '2', '□'],
      ],
    ]);
    assert.deepEqual(paragraphs(blocks), [
      '某局2023年政府信息公开工作年度报告',
      '一、总体情况',
      '本机关依法公开政府信息。',
      '三、收到和处理政府信息公开申请情况',
      '四、 政府信息公开行政复议、行政诉讼情况',
      '1. 无',
    ]);
  });

  it('a full grid (pandoc-gfm): empty slots of merged cells become spans, value slots stay blank cells; inline HTML left out', () => {
    const span = (s: string) => `<span style="font-size:10.5pt">${s}</span>`;
    const text = [
      ...REPORT_HEAD,
      '三、收到和处理政府信息公开申请情况',
      '',
      '|  |  |  |  |  |  |  |  |  |  |',
      '|---|---|---|---|---|---|---|---|---|---|',
      `| ${span('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')} |  |  | ${span('申请人情况')} |  |  |  |  |  |  |`,
      `| ${span('一、本年新收政府信息公开申请数量')} |  |  | 3 | 22 | 3 | 19 | 28 | 37 | 112 |`,
      `| ${span('三、本年度办理结果')} | ${span('（一）予以公开')} |  |  | 0 | 0 | 0 |  | 0 | 0 |`,
      `|  | ${span('（三）不予公开')} | ${span('1.属于国家秘密')} |  | 0 |  | 0 |  |  | 0 |`,
      `|  |  | ${span('2.其他法律行政法规禁止公开')} | 0 | 0 | 0 |  | 0 | 0 | 0 |`,
      `|  | ${span('（七）总计')} |  | 5 | 22 | 3 | 19 | 28 | 38 | 115 |`,
    ].join('\n');
    assert.deepEqual(tables(readWith(markdownReader, text)), [
      [
        ['□⟷10'],
        ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）⟷3', '申请人情况⟷7'],
        ['一、本年新收政府信息公开申请数量⟷3', '3', '22', '3', '19', '28', '37', '112'],
        ['三、本年度办理结果↕4', '（一）予以公开⟷2', '□', '0', '0', '0', '□', '0', '0'],
        ['（三）不予公开↕2', '1.属于国家秘密', '□', '0', '□', '0', '□', '□', '0'],
        ['2.其他法律行政法规禁止公开', '0', '0', '0', '□', '0', '0', '0'],
        ['（七）总计⟷2', '5', '22', '3', '19', '28', '38', '115'],
      ],
    ]);
  });

  it('a merged cell whose text a converter repeats in every slot it covers is one cell with its span', () => {
    const text = [
      ...REPORT_HEAD,
      '三、收到和处理政府信息公开申请情况',
      '',
      '| 申请人情况 | 申请人情况 | 申请人情况 | 自然人 |',
      '| --- | --- | --- | --- |',
      `| 三、本年度办理结果 | （一）予以公开 | （一）予以公开 | 3 | ${VALUES('0').slice(4)} |`,
      `| 三、本年度办理结果 | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`,
    ].join('\n');
    assert.deepEqual(tables(readWith(markdownReader, text)), [
      [
        ['申请人情况⟷3', '自然人'],
        ['三、本年度办理结果↕2', '（一）予以公开⟷2', '3', '0', '0', '0', '0', '0', '0'],
        ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）⟷2', '0', '0', '0', '0', '0', '0', '0'],
      ],
    ]);
    const a = analyzeText(text);
    assert.equal(a.read?.kind, 'text');
    assert.deepEqual(
      a.report?.tables.T3?.rows.get('R3_1')?.cells.map((c) => c.raw),
      ['3', '0', '0', '0', '0', '0', '0'],
    );
  });

  it('html2text: `a| b` rows ended by a hard break, blank cells as `| |`, a row of paragraphs between `|` lines, vertical text', () => {
    const text = [
      ...REPORT_HEAD,
      '三、收到和处理政府信息公开申请情况',
      '',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '',
      '|',
      '',
      '申请人情况  ',
      '  ',
      '---|---  ',
      '  ',
      '一、本年新收政府信息公开申请数量| 7| 0| 6| 29| 82| 3| 127  ',
      '三  ',
      '、  ',
      '本  ',
      '果| （一）予以公开| 0| | 0| 0| 0| 0| 0  ',
      '（三）不',
      '',
      '予公开',
      '',
      '| 1.属于国家秘密| 0| 0| | 0| | |  ',
      '  ',
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
    const blocks = readWith(markdownReader, text);
    assert.deepEqual(tables(blocks), [
      [
        ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
        ['一、本年新收政府信息公开申请数量', '7', '0', '6', '29', '82', '3', '127'],
        ['三 、 本 果', '（一）予以公开', '0', '□', '0', '0', '0', '0', '0'],
        ['（三）不 予公开', '1.属于国家秘密', '0', '0', '□', '0', '□', '□', '□'],
      ],
    ]);
    assert.deepEqual(paragraphs(blocks).slice(-2), ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  });

  it("html2text: 表四's unlabelled row whose first cells are blank paragraphs starts at its first `|`", () => {
    const text = [
      ...REPORT_HEAD,
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '',
      '行政复议| 行政诉讼  ',
      '---|---  ',
      '结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉  ',
      '结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计  ',
      '  ',
      '',
      '',
      '|',
      '',
      '',
      '',
      '| 0| 0| 0| 10|',
      '',
      '',
      '',
      '|',
      '',
      '',
      '',
      '| 0| 10|',
      '',
      '',
      '',
      '| 4| 2| 0| 6  ',
      '  ',
      '## 五、存在的主要问题及改进情况',
    ].join('\n');
    const blocks = readWith(markdownReader, text);
    const t4 = tables(blocks)[0];
    assert.deepEqual(t4[t4.length - 1], ['□', '□', '0', '0', '0', '10', '□', '□', '0', '10', '□', '4', '2', '0', '6']);
    const a = analyzeText(text);
    assert.deepEqual(
      a.report!.tables.T4!.rows.get('R')!.cells.map((c) => c.value ?? null),
      [null, null, 0, 0, 0, 10, null, null, 0, 10, null, 4, 2, 0, 6],
    );
    assert.ok(!a.findings.some((f) => f.code === 'table-missing' || f.code === 'table-unparsed'));
  });

  it("raw <table> blocks among Markdown lines: read by the HTML reader's table code, the text around them as Markdown", () => {
    const rows = Array.from({ length: 8 }, (_, r) => `<tr><td>${r === 0 ? '规章' : `行${r}`}</td><td>${r}</td><td>0</td><td>${r}</td></tr>`).join('\n');
    const text = [
      ...REPORT_HEAD,
      '**二、主动公开政府信息情况**',
      '',
      '<table>',
      '<tr><td colspan="4">第二十条第（一）项</td></tr>',
      rows,
      '</table>',
      '',
      '**三、收到和处理政府信息公开申请情况**',
    ].join('\n');
    assert.equal(looksLikeHtml(text), false, 'Markdown carrying tables is not a page');
    assert.equal(looksLikeHtml(`<div>\n<p>标题</p>\n<table>\n${rows}\n</table>\n</div>`), true, 'markup with tables is');
    const blocks = readWith(markdownReader, text);
    assert.deepEqual(tables(blocks)[0].slice(0, 2), [['第二十条第（一）项⟷4'], ['规章', '0', '0', '0']]);
    assert.deepEqual(paragraphs(blocks).slice(-2), ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']);
    const cell = (blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>).rows[1][0];
    assert.equal(text.slice(cell.pieces[0].origin.source!.start, cell.pieces[0].origin.source!.end), '规章');
  });

  it("leaves other shapes alone: plain text, ASCII boxes (links), pandoc's dashed tables, text with no table", () => {
    const boxes = ['+------+', '|第二十条|', '|------|', '|规章 |0 |', '|------|', '|规范 |0 |', '+------+'].join('\n');
    const dashed = ['  -------- ------', '  规章     0', '  -------- ------', '', '| a | b |', '| --- | --- |', '| 1 | 2 |'].join('\n');
    for (const text of [readFixture('corpus', 'seed-000', 'canonical.txt'), boxes, dashed, '一、总体情况\n本机关…\n']) {
      assert.equal(markdownReader.read(new LineIndex(text)), undefined);
    }
  });

  it('the site navigation above the title is left out of the view', () => {
    const text = ['* [首页](/)', '当前位置：[首页](/) > 年度报告', '', ...REPORT_HEAD, '| a | b |', '| --- | --- |', '| 1 | 2 |'].join('\n');
    assert.deepEqual(buildView('text', readWith(markdownReader, text)).text.split('\n').slice(0, 2), ['某局2023年政府信息公开工作年度报告', '一、总体情况']);
  });

  it('on the corpus: the canonical findings, the injected fault found and placed in the Markdown', () => {
    assert.deepEqual(shown(analyzeText(corpus('gen-2021-blanks', 'node-html-markdown.md'))), truth('gen-2021-blanks'));
    assert.deepEqual(shown(analyzeText(corpus('seed-001', 'pandoc-gfm.md'))), truth('seed-001'));
    assert.deepEqual(shown(analyzeText(corpus('gen-2019-wrapped', 'pandoc-gfm.md'))), truth('gen-2019-wrapped'), 'raw <table> blocks');
    assert.deepEqual(shown(analyzeText(corpus('seed-003', 'html2text.md'))), truth('seed-003'), 'vertical text and rows of paragraphs');

    const md = corpus('gen-2021-word-row-total', 'html2text.md');
    const fault = analyzeText(md).findings.find((f) => f.code === 'row-total' && f.target === 'T3.R3_1.TOT');
    assert.ok(fault, 'the wrong total of （一）予以公开 is found');
    const lines = new LineIndex(md).lines;
    assert.equal(lines[fault.range.start.line].slice(fault.range.start.character, fault.range.end.character), '190');
    assert.equal(fault.message, '「（一）予以公开」总计为190，与本行总计、（七）总计都不符，应为188');

    const gfm = corpus('gen-2021-big-blank', 'pandoc-gfm.md');
    const blank = analyzeText(gfm).findings.find((f) => f.code === 'cell-empty' && f.target === 'T3.R1');
    assert.ok(blank, 'the blank cells of row 一 are found');
    const gfmLines = new LineIndex(gfm).lines;
    assert.equal(gfmLines[blank.range.start.line].slice(blank.range.start.character, blank.range.end.character), '一、本年新收政府信息公开申请数量');
    assert.equal(blank.message, '表三「一、本年新收政府信息公开申请数量」有1个空白单元格：自然人');
    const [cell] = blank.related!;
    assert.match(
      gfmLines[cell.range.start.line].slice(cell.range.start.character - 2, cell.range.end.character + 2),
      /^ \| [\u00a0 ]+\| $/,
      'the blank cell (a non-breaking space) between two pipes',
    );
  });
});

describe('Cells reader', () => {
  const SECTIONS_2_4 = (two: string[], three: string[], four: string[]) => [
    '某局2023年政府信息公开工作年度报告',
    '一、总体情况',
    '本机关依法公开政府信息。',
    '二、主动公开政府信息情况',
    ...two,
    '三、收到和处理政府信息公开申请情况',
    ...three,
    '四、政府信息公开行政复议、行政诉讼情况',
    ...four,
    '五、存在的主要问题及改进情况',
    '无。',
  ];

  it('a cell a line (LibreOffice): rows by their labels, blank lines are blank cells, trailing slots left to the columns', () => {
    const text = SECTIONS_2_4(
      ['第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '1', '', '1'],
      ['一、本年新收政府信息公开申请数量', '7', '0', '6', '29', '82', '3', '127', '三、本年度办理结果', '（一）予以公开', '0', '', '0', '0', '0', '0', '0', ''],
      ['行政复议', '行政诉讼', ...Array(15).fill('0')],
    ).join('\n');
    const blocks = readWith(cellsReader, text);
    assert.deepEqual(tables(blocks), [
      [['第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '1', '□', '1']],
      [
        ['一、本年新收政府信息公开申请数量', '7', '0', '6', '29', '82', '3', '127'],
        ['三、本年度办理结果', '（一）予以公开', '0', '□', '0', '0', '0', '0', '0', '□'],
      ],
      [['行政复议', '行政诉讼', ...Array(15).fill('0')]],
    ]);
    const a = analyzeText(text);
    assert.deepEqual(
      a.report?.tables.T3?.rows.get('R3_1')?.cells.map((c) => c.state),
      ['number', 'blank', 'number', 'number', 'number', 'number', 'number'],
    );
    const empty = a.findings.find((f) => f.code === 'cell-empty' && f.target === 'T2.NORM');
    assert.equal(empty, undefined, 'the blank of 规章 belongs to 规章');
    assert.ok(a.findings.some((f) => f.code === 'cell-empty' && f.target === 'T2.REG'));
  });

  it('a cell a paragraph (turndown): a row that lost its blank cells is not guessed at but left unread', () => {
    const paragraphs = (cells: string[]) => cells.flatMap((c) => [c, '']);
    const text = paragraphs(
      SECTIONS_2_4(
        ['第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '1', '0', '1'],
        ['一、本年新收政府信息公开申请数量', '7', '0', '6', '29', '82', '127', '二、上年结转政府信息公开申请数量', ...Array(7).fill('0')],
        ['行政复议', '行政诉讼', ...Array(15).fill('0')],
      ),
    )
      .map((l) => (l.startsWith('二、主动') ? `**${l}**` : l))
      .join('\n');
    const a = analyzeText(text);
    assert.equal(a.read?.kind, 'text');
    assert.ok(
      a.report?.sections.some((s) => s.heading.section === 2),
      'the bold heading is read',
    );
    assert.deepEqual(a.report?.tables.T3?.rows.get('R1')?.unparsed?.reason, '7 0 6 29 82 127');
    assert.deepEqual(
      a.report?.tables.T3?.rows.get('R2')?.cells.map((c) => c.value),
      Array(7).fill(0),
    );
    assert.deepEqual(
      a.findings.filter((f) => f.code === 'table-unparsed').map((f) => [f.target, f.severity]),
      [['T3.R1', 'warning']],
    );
  });

  it('tabbed (Chromium): a row a line, or paragraphs between tab lines with rows parted by blank lines; a non-breaking space is a blank cell', () => {
    const text = SECTIONS_2_4(
      ['第二十条第（一）项', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', '规章\t1\t\t1'],
      [
        '一、本年新收政府信息公开申请数量',
        '',
        '\t',
        '',
        '7',
        '',
        '\t\t',
        '',
        '6',
        '',
        '\t',
        '',
        '29\t82\t3\t',
        '',
        '\u00a0',
        '',
        '\t127',
        '',
        '',
        '',
        '（三）不',
        '',
        '予公开',
        '',
        '\t',
        '',
        '1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
      ],
      ['行政复议\t行政诉讼', Array(15).fill('0').join('\t')],
    ).join('\n');
    assert.deepEqual(tables(readWith(cellsReader, text)), [
      [['第二十条第（一）项'], ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', '1', '□', '1']],
      [
        ['一、本年新收政府信息公开申请数量', '7', '□', '6', '29', '82', '3', '□', '127'],
        ['（三）不 予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'],
      ],
      [['行政复议', '行政诉讼'], Array(15).fill('0')],
    ]);
  });

  it("leaves other shapes alone: pdftotext pages, numbers set side by side, a word processor's tab-led lines, centred cells, pipe-parted cells", () => {
    const base = (three: string[]) => SECTIONS_2_4(['规章', '1', '0', '1'], three, ['行政复议', ...Array(15).fill('0')]);
    const lone = ['一、本年新收政府信息公开申请数量', '7', '0', '6', '29', '82', '3', '127'];
    const texts = [
      base(lone).join('\n').replace('五、', '\f五、'),
      base(['一、本年新收政府信息公开申请数量', '7  0  6  29  82  3  127', ...lone]).join('\n'),
      base(lone.map((c) => `\t${c}`)).join('\n'),
      base(lone)
        .map((l) => `          ${l}`)
        .join('\n'),
      base(lone).join('\n|\n'),
      readFixture('corpus', 'seed-000', 'canonical.txt'),
    ];
    for (const text of texts) assert.equal(cellsReader.read(new LineIndex(text)), undefined, text.slice(0, 80));
    assert.ok(cellsReader.read(new LineIndex(base(lone).join('\n'))), 'the same text a cell a line is read');
  });

  it('bad input: long runs of blank or tab lines and rows of many thousand cells are read in linear time', () => {
    const tabs = [
      '二、主动公开政府信息情况',
      ...Array(100_000).fill('\t\n'),
      '三、收到和处理政府信息公开申请情况',
      '1\t2',
      '四、政府信息公开行政复议、行政诉讼情况',
      '0',
    ].join('\n');
    const started = Date.now();
    const rows = tables(readWith(cellsReader, tabs));
    assert.deepEqual(
      rows.map((t) => t.length),
      [1, 1, 1],
    );
    assert.equal(rows[0][0].length, 100_001, 'one row of blank cells parted by tabs');
    const view = buildView('text', readWith(cellsReader, tabs));
    assert.equal(view.grids[0].rows[0].cells.length, 100_001);
    assert.equal(cellsReader.read(new LineIndex(`二、主动公开政府信息情况${'\n '.repeat(200_000)}\n三、收到和处理政府信息公开申请情况\n1`)), undefined);
    assert.ok(Date.now() - started < 20_000, 'seconds, not minutes');
  });

  it('on the corpus: the canonical findings for LibreOffice, Chromium and turndown, faults found', () => {
    assert.deepEqual(shown(analyzeText(corpus('gen-2021-blanks', 'libreoffice.txt'))), truth('gen-2021-blanks'));
    assert.deepEqual(
      shown(analyzeText(corpus('gen-2021-big-blank', 'chromium-innertext.txt'))),
      truth('gen-2021-big-blank'),
      'blank paragraphs among tabbed cells',
    );
    assert.deepEqual(shown(analyzeText(corpus('gen-2021-word', 'chromium-innertext.txt'))), truth('gen-2021-word'), 'cells of paragraphs');
    assert.deepEqual(shown(analyzeText(corpus('gen-2019-wrapped-misnumbered-4', 'turndown.md'))), truth('gen-2019-wrapped-misnumbered-4'));
    assert.ok(shown(analyzeText(corpus('gen-2019-blanks-no-section-5', 'libreoffice.txt'))).includes('section-missing section.5'));

    // turndown drops blank cells: 表三's rows are placed by the table's sums; 表四's numbers fit its
    // three group totals in more than one way, so its row is left unread, never read into wrong columns.
    const turndown = analyzeText(corpus('gen-2019-blanks', 'turndown.md'));
    const errors = turndown.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.target}`);
    assert.deepEqual(
      errors.filter((e) => !truth('gen-2019-blanks').includes(e)),
      [],
    );
    assert.deepEqual(
      turndown.findings.filter((f) => f.code === 'table-unparsed' || f.code === 'cells-inferred').map((f) => f.target),
      ['T3.inferred', 'T4.R'],
    );
  });
});
