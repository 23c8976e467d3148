import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Analysis, analyze, analyzeDocument } from '../../server/src/core/analyze';
import { ReadDocument, ReadResult, SourceMap, ViewCell } from '../../server/src/core/read/document';
import { readPdf } from '../../server/src/core/read/pdf';
import { layoutPage, Run } from '../../server/src/core/read/pdf-layout';
import { FIXTURES, ROOT } from '../support/fixtures';
import { mulberry32 } from '../support/random';

/** PDFs printed from report pages by Chromium and LibreOffice (test/fixtures/pdf/make.mjs). */
const PDFS = [
  '000-chromium',
  '000-libreoffice',
  '001-chromium',
  '004-chromium',
  '004-libreoffice',
  'big-numbers',
  'page-break',
  'site-chrome-chromium',
  'short-lines-libreoffice',
];

const bytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, 'pdf', name)));
const documents = new Map<string, Promise<ReadDocument>>();

function read(name: string): Promise<ReadDocument> {
  let document = documents.get(name);
  if (!document) {
    document = readPdf(bytes(`${name}.pdf`)).then((r) => {
      assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
      return r.document;
    });
    documents.set(name, document);
  }
  return document;
}

/** The grid row whose cells include `label`, as cell texts. */
function row(document: ReadDocument, label: string): ViewCell[] {
  const found = document.grids.flatMap((g) => g.rows).find((r) => r.cells.some((c) => c.text === label));
  assert.ok(found, `a row with ${label}`);
  return found.cells;
}

const texts = (cells: ViewCell[]) => cells.map((c) => c.text);
const lines = (document: ReadDocument) => document.text.split('\n');

describe('PDF reader: cells', () => {
  it('表三 （一）予以公开: the seven numbers, blanks where the report has none (four-digit numbers)', async () => {
    const d = await read('big-numbers');
    assert.deepEqual(texts(row(d, '（一）予以公开')), ['三、本年度办理结果', '（一）予以公开', '1003', '250', '', '', '12', '', '1265']);
    assert.deepEqual(texts(row(d, '一、本年新收政府信息公开申请数量')).slice(1), ['1208', '312', '', '', '17', '', '1537']);
  });

  it('表三 of seed 000 (2019, all zeros), from Chromium and from LibreOffice', async () => {
    for (const name of ['000-chromium', '000-libreoffice']) {
      const d = await read(name);
      assert.deepEqual(texts(row(d, '（一）予以公开')), ['三、本年度办理结果', '（一）予以公开', '0', '0', '0', '0', '0', '0', '0'], name);
      // Under （三）不予公开 a row has its item label, then the numbers.
      assert.deepEqual(texts(row(d, '2.其他法律行政法规禁止公开')), ['2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0'], name);
    }
  });

  it('seed 004: the blank cells are blank cells, the totals 0', async () => {
    for (const name of ['004-chromium', '004-libreoffice']) {
      const d = await read(name);
      const r1 = row(d, '一、本年新收政府信息公开申请数量');
      assert.deepEqual(texts(r1), ['一、本年新收政府信息公开申请数量', '', '', '', '', '', '', '0'], name);
      assert.deepEqual(
        r1.map((c) => c.blank),
        [false, true, true, true, true, true, true, false],
        name,
      );
      const t2 = row(d, '规章');
      assert.deepEqual(texts(t2), ['规章', '', '', '0'], name);
      // 表四: fifteen cells, only the three totals written.
      const t4 = d.grids[2].rows[d.grids[2].rows.length - 1].cells;
      assert.deepEqual(texts(t4), ['', '', '', '', '0', '', '', '', '', '0', '', '', '', '', '0'], name);
    }
  });

  it('a label wrapped in its cell and 三、本年度办理结果 written one character a line are one cell each', async () => {
    const d = await read('001-chromium');
    const r = row(d, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.equal(r.length, 8);
    assert.equal(texts(row(d, '（一）予以公开'))[0], '三、本年度办理结果');
    assert.equal(texts(row(d, '本年制发件数'))[0], '信息内容');
  });

  it('merged cells keep their slots: 表三 header rows and 表四 spans', async () => {
    const d = await read('000-chromium');
    const t3 = d.grids[1];
    assert.deepEqual(texts(t3.rows[0].cells), ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况']);
    assert.deepEqual(
      t3.rows[0].cells.map((c) => c.column),
      [0, 3],
    );
    assert.deepEqual(
      t3.rows[1].cells.map((c) => [c.text, c.column]),
      [
        ['自然人', 3],
        ['法人或其他组织', 4],
        ['总计', 9],
      ],
    );
    const t4 = d.grids[2];
    assert.deepEqual(t4.rows[1].cells.map((c) => [c.text, c.column]).slice(4), [
      ['总计', 4],
      ['未经复议直接起诉', 5],
      ['复议后起诉', 10],
    ]);
  });
});

describe('PDF reader: a printed site page, short lines', () => {
  it("two numbers that one string sets across a cell's edge are two cells (4581 | 13080, Chromium)", async () => {
    const d = await read('site-chrome-chromium');
    assert.deepEqual(texts(row(d, '一、本年新收政府信息公开申请数量')).slice(-7), ['104', '138', '99', '4344', '3814', '4581', '13080']);
  });

  it("the site's menu beside the article is not read into its lines: 一、总体情况 is a line of its own", async () => {
    const d = await read('site-chrome-chromium');
    assert.ok(lines(d).includes('一、总体情况'), lines(d).slice(0, 16).join('\n'));
  });

  it('a heading is not run on into the next line when few lines fill the measure (LibreOffice)', async () => {
    const d = await read('short-lines-libreoffice');
    const at = lines(d).indexOf('六、其他需要报告的事项');
    assert.ok(at >= 0);
    assert.equal(lines(d)[at + 1], '本年度未收取政府信息处理费，无其他需要报告的事项。');
  });
});

describe('PDF reader: pages', () => {
  it('page numbers and the running header are gone', async () => {
    for (const name of ['000-chromium', '001-chromium', '004-chromium', 'big-numbers']) {
      const d = await read(name);
      const found = lines(d).filter((l) => /^\s*(?:[-－]\s*\d+\s*[-－]|第\s*\d+\s*页.*)\s*$/.test(l) || l === '政府信息公开工作年度报告');
      assert.deepEqual(found, [], name);
    }
  });

  it('表三 over a page break is one table: one header, every row, cells from both pages', async () => {
    const d = await read('page-break');
    assert.equal(d.grids.length, 3);
    const t3 = d.grids[1];
    const map = new SourceMap(d);
    const pageOf = (c: ViewCell) => map.location(c.range)?.page;
    assert.equal(lines(d).filter((l) => l.includes('申请人情况')).length, 1);
    assert.equal(t3.rows.length, 28);
    assert.equal(pageOf(row(d, '（一）予以公开')[2]), 2);
    assert.equal(pageOf(row(d, '（七）总计')[1]), 3);
    assert.deepEqual(texts(row(d, '四、结转下年度继续办理')), ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('a page break between two numbered rows under one merged label keeps them two rows (LibreOffice)', async () => {
    // Page 3 ends with 1.属于国家秘密 and page 4 starts with 2.其他法律… under the rest of （三）不予公开; each
    // number column is blank on one side, so only the numbered label tells the rows apart.
    const result = await readPdf(new Uint8Array(readFileSync(path.join(FIXTURES, 'corpus', 'gen-2019-blanks-no-section-5', 'libreoffice.pdf'))));
    assert.ok(result.ok);
    const d = result.document;
    assert.deepEqual(texts(row(d, '1.属于国家秘密')), ['（三） 不予公开', '1.属于国家秘密', '0', '0', '', '0', '', '', '']);
    assert.deepEqual(texts(row(d, '2.其他法律行政法规禁止公开')), ['2.其他法律行政法规禁止公开', '', '', '0', '', '0', '0', '0']);
    const map = new SourceMap(d);
    assert.equal(map.location(row(d, '1.属于国家秘密')[1].range)?.page, 3);
    assert.equal(map.location(row(d, '2.其他法律行政法规禁止公开')[0].range)?.page, 4);
  });

  it('表二 over a page break is one table', async () => {
    const d = await read('000-chromium');
    assert.equal(d.grids.length, 3);
    const map = new SourceMap(d);
    assert.equal(map.location(row(d, '规章')[0].range)?.page, 1);
    assert.equal(map.location(row(d, '政府集中采购')[0].range)?.page, 2);
  });

  it('every piece has its page and box, headings their own line', async () => {
    const d = await read('004-chromium');
    for (const s of d.segments) {
      const { page, box } = s.origin.location ?? {};
      assert.ok(page && page >= 1 && page <= d.pages!, JSON.stringify(s));
      assert.ok(box && box[0] <= box[2] && box[1] <= box[3] && box[3] <= 842, JSON.stringify(s));
    }
    const heading = lines(d).indexOf('三、收到和处理政府信息公开申请情况');
    assert.ok(heading > 0);
    const location = new SourceMap(d).location({ start: { line: heading, character: 0 }, end: { line: heading, character: 1 } });
    assert.equal(location?.page, 2);
    assert.ok(lines(d).includes('一、总体情况'));
    assert.ok(lines(d).includes('（二）依申请公开办理情况'));
  });
});

/** Findings as code and target (a sub-heading's target is its ordinal in its section, the same in every source). */
function findings(text: string, analysis: Analysis = analyze(text)): string[] {
  return analysis.findings.map((f) => `${f.code}:${f.target ?? ''}`).sort();
}

describe('PDF reader: the engine finds in a PDF what it finds in the report as text', () => {
  for (const name of PDFS) {
    it(name, async () => {
      const d = await read(name);
      const expected = findings(readFileSync(path.join(FIXTURES, 'pdf', `${name}.txt`), 'utf8'));
      assert.deepEqual(findings(d.text), expected);
      // As the CLI checks it: the grids' cells taken as they are.
      assert.deepEqual(findings(d.text, analyzeDocument(d)), expected);
    });
  }

  it('the fixtures do have findings to compare', () => {
    const count = (name: string) => findings(readFileSync(path.join(FIXTURES, 'pdf', `${name}.txt`), 'utf8')).length;
    assert.ok(count('004-chromium') >= 30);
    assert.equal(count('001-chromium'), 2);
  });
});

describe('PDF reader: bad input', () => {
  const problem = (r: ReadResult) => (r.ok ? 'ok' : r.problem);

  it('a scan (pictures, no text) is "scanned"; an encrypted PDF is "encrypted"', async () => {
    assert.equal(problem(await readPdf(bytes('scanned.pdf'))), 'scanned');
    assert.equal(problem(await readPdf(bytes('encrypted.pdf'))), 'encrypted');
  });

  it('not a PDF, nothing, or cut short is "corrupt"', async () => {
    assert.equal(problem(await readPdf(new TextEncoder().encode('二七区工业和信息化局2020年政府信息公开工作年度报告'))), 'corrupt');
    assert.equal(problem(await readPdf(new Uint8Array(0))), 'corrupt');
    assert.equal(problem(await readPdf(bytes('000-chromium.pdf').slice(0, 2000))), 'corrupt');
  });

  it('more pages than allowed is "too-large"', async () => {
    const r = await readPdf(bytes('000-chromium.pdf'), { maxPages: 2 });
    assert.deepEqual(r, { ok: false, problem: 'too-large', detail: '3 pages' });
  });

  it('cut or garbled bytes never crash or hang (bounded fuzz)', async () => {
    const random = mulberry32(20261205);
    const source = bytes('004-chromium.pdf');
    const started = Date.now();
    const seen = new Set<string>();
    for (let k = 0; k < 24; k++) {
      let input: Uint8Array;
      if (k % 2 === 0) input = source.slice(0, Math.floor(random() * source.length));
      else {
        input = source.slice();
        for (let n = 0; n < 20; n++) input[Math.floor(random() * input.length)] = Math.floor(random() * 256);
      }
      const r = await readPdf(input);
      seen.add(problem(r));
      if (r.ok) assert.equal(typeof r.document.text, 'string');
      else assert.ok(['corrupt', 'scanned', 'empty'].includes(r.problem), r.problem);
    }
    assert.ok(seen.has('corrupt') || seen.has('ok'));
    assert.ok(Date.now() - started < 60_000);
  });
});

describe('PDF layout: tables without lines (stream), lines that are no table', () => {
  /** Runs as a text export places them: one per word, 10 pt, rows 20 pt apart. */
  const run = (text: string, left: number, top: number): Run => ({
    text,
    size: 10,
    box: [left, top, left + 10 * [...text].length * (/^\d+$/.test(text) ? 0.55 : 1), top + 10],
  });

  it('columns come from the gaps the rows share; a blank cell is a column a row has no text in', () => {
    const runs = [
      run('行政许可事项', 50, 100),
      run('上年', 200, 100),
      run('本年', 260, 100),
      run('决定', 320, 100),
      run('行政许可', 50, 120),
      run('12', 205, 120),
      run('3', 265, 120),
      run('1024', 322, 120),
      run('行政处罚', 50, 140),
      run('7', 205, 140),
      run('0', 325, 140),
      run('行政强制', 50, 160),
      run('0', 205, 160),
      run('0', 265, 160),
      run('0', 325, 160),
    ];
    const items = layoutPage({ page: 1, width: 595, height: 842, runs: [run('二、主动公开政府信息情况', 50, 70), ...runs], rules: [] });
    assert.deepEqual(
      items.map((i) => i.kind),
      ['line', 'table'],
    );
    const table = items[1].kind === 'table' ? items[1].table : undefined;
    assert.ok(table);
    assert.equal(table.rowCount, 4);
    const rows = [0, 1, 2, 3].map((r) =>
      table.cells
        .filter((c) => c.r0 === r)
        .sort((a, b) => a.left - b.left)
        .map((c) => c.parts.map((p) => p.text).join('')),
    );
    assert.deepEqual(rows, [
      ['行政许可事项', '上年', '本年', '决定'],
      ['行政许可', '12', '3', '1024'],
      ['行政处罚', '7', '', '0'],
      ['行政强制', '0', '0', '0'],
    ]);
  });

  it('a frame around the page, parted by a line, is no table: its prose stays lines', () => {
    const frame = [
      { x0: 40, y0: 40, x1: 555, y1: 40 },
      { x0: 40, y0: 90, x1: 555, y1: 90 },
      { x0: 40, y0: 800, x1: 555, y1: 800 },
      { x0: 40, y0: 40, x1: 40, y1: 800 },
      { x0: 555, y0: 40, x1: 555, y1: 800 },
    ];
    const items = layoutPage({
      page: 1,
      width: 595,
      height: 842,
      runs: [run('某某市人民政府办公室', 50, 60), run('一、总体情况', 50, 100), run('本机关依法主动公开政府信息。', 50, 120)],
      rules: frame,
    });
    assert.deepEqual(
      items.map((i) => (i.kind === 'line' ? i.line.text : 'table')),
      ['某某市人民政府办公室', '一、总体情况', '本机关依法主动公开政府信息。'],
    );
  });

  it('prose lines are no table', () => {
    const items = layoutPage({
      page: 1,
      width: 595,
      height: 842,
      runs: [run('本机关依法主动公开政府信息。', 50, 100), run('及时更新政府信息公开专栏。', 50, 120), run('按时答复申请人。', 50, 140)],
      rules: [],
    });
    assert.deepEqual(
      items.map((i) => i.kind),
      ['line', 'line', 'line'],
    );
  });
});

describe('PDF reader in the bundled CLI', () => {
  it('reads a PDF with pdf.js and its worker bundled in (on the PDF thread), away from node_modules, quietly', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-pdf-cli-'));
    try {
      for (const bundle of ['cli.js', 'pdf-worker.js']) copyFileSync(path.join(ROOT, 'server', 'out', bundle), path.join(dir, bundle));
      const run = spawnSync(process.execPath, [path.join(dir, 'cli.js'), path.join(FIXTURES, 'pdf', 'big-numbers.pdf')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, LANG: 'zh_CN.UTF-8' },
      });
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /big-numbers\.pdf:第1页: 警告 cell-empty：表三「（一）予以公开」有3个空白单元格：科研机构、社会公益组织、其他\n/);
      assert.match(run.stdout, /共1个文件，5个问题/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
