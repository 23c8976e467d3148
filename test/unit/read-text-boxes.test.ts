/**
 * The boxes shape reader: tables as text browsers and pandoc draw them — box drawing (w3m, elinks),
 * ASCII boxes counted one column a character (links), pandoc grid, simple and multiline tables —
 * read into cells with their spans, on small texts of each kind and on the corpus outputs
 * (test/fixtures/corpus/<report>/{w3m,elinks,links}.txt, pandoc-plain.txt, pandoc-markdown.md).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SHAPE_READERS } from '../../server/src/core/read/text';
import { boxesReader } from '../../server/src/core/read/text-boxes';
import type { Block } from '../../server/src/core/read/document';
import { applyEdits } from '../../server/src/core/edits';
import { looksLikeHtml } from '../../server/src/core/read/html';
import { analyzeDocument } from '../../server/src/core/analyze';
import { buildView } from '../../server/src/core/read/document';
import { analyzeText } from '../../server/src/core/source';
import { LineIndex } from '../../server/src/core/text';
import { faultFindings, ManifestOutput, ManifestReport } from '../corpus/score';
import { ROOT } from '../support/fixtures';

const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { reports: ManifestReport[]; outputs: ManifestOutput[] };
const corpusText = (file: string) => fs.readFileSync(path.join(CORPUS, file), 'utf8');
const keys = (findings: { code: string; target?: string; severity: string }[]) =>
  findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code} ${f.target ?? ''}`)
    .sort();
const MINE = new Set(['w3m', 'elinks', 'links', 'pandoc-plain', 'pandoc-markdown']);
const squeeze = (text: string) => text.replace(/\s+/g, '');
/**
 * An output the converter made whole: the report's title as the page has it (elinks garbles some
 * GBK pages), no table dropped (pandoc's [TABLE]), not Markdown carrying raw HTML tables (read as HTML).
 */
const whole = (output: { file: string; report: string }, text: string) =>
  squeeze(text).includes(squeeze(corpusText(manifest.reports.find((r) => r.id === output.report)!.canonical).split('\n')[0])) &&
  !text.includes('[TABLE]') &&
  !looksLikeHtml(text);
const truths = new Map<string, string[]>();
const canonicalKeys = (id: string) => {
  if (!truths.has(id)) truths.set(id, keys(analyzeText(corpusText(manifest.reports.find((r) => r.id === id)!.canonical)).findings));
  return truths.get(id)!;
};

/** Blocks as plain data: a paragraph's text; a table's rows of [text, rowSpan, colSpan], a blank cell with what its origin covers. */
function shape(text: string): unknown[] | undefined {
  return boxesReader.read(new LineIndex(text))?.map((b: Block) =>
    b.kind === 'paragraph'
      ? b.pieces.map((p) => p.text).join('')
      : b.rows.map((row) =>
          row.map((c) => {
            const cell = [c.pieces.map((p) => p.text).join('+'), c.rowSpan ?? 1, c.colSpan ?? 1];
            return c.pieces.length ? cell : [...cell, JSON.stringify(text.slice(c.origin.source!.start, c.origin.source!.end))];
          }),
        ),
  );
}

describe('boxes reader: small texts', () => {
  it('is registered among the shape readers', () => {
    assert.ok(SHAPE_READERS.some((r) => r.name === 'boxes'));
  });

  it('box drawing: a spanning heading, labels wrapped over three lines as one cell, a blank cell, a number wrapped in a merged cell', () => {
    const text = [
      '二、主动公开政府信息情况',
      '',
      '┌────────────────────┐',
      '│第二十条第（一）项  │',
      '├──────┬──────┬──────┤',
      '│信息内│本年新│对外公│',
      '│容    │制作数│开总数│',
      '│      │量    │量    │',
      '├──────┼──────┼──────┤',
      '│规章  │      │12    │',
      '├──────┼──────┴──────┤',
      '│合计  │345          │',
      '│      │67           │',
      '└──────┴─────────────┘',
    ].join('\n');
    assert.deepEqual(shape(text), [
      '二、主动公开政府信息情况',
      [
        [['第二十条第（一）项', 1, 3]],
        [
          ['信息内+容', 1, 1],
          ['本年新+制作数+量', 1, 1],
          ['对外公+开总数+量', 1, 1],
        ],
        [
          ['规章', 1, 1],
          ['', 1, 1, '"      "'],
          ['12', 1, 1],
        ],
        [
          ['合计', 1, 1],
          ['34567', 1, 2],
        ],
      ],
    ]);
    // Pieces point at the text itself: a wrapped label's second line, exactly.
    const table = boxesReader.read(new LineIndex(text))![1] as Extract<Block, { kind: 'table' }>;
    const second = table.rows[1][0].pieces[1];
    assert.equal(text.slice(second.origin.source!.start, second.origin.source!.end), '容');
    assert.equal(second.origin.exact, true);
  });

  it('a cell whose bottom border is missing spans the rows beside it, its text read across the rule lines (elinks)', () => {
    const text = ['┌──────┬────┬──┐', '│      │甲  │1 │', '│三、本├────┼──┤', '│年度  │乙  │2 │', '└──────┴────┴──┘'].join('\n');
    assert.deepEqual(shape(text), [
      [
        [
          ['三、本+年度', 2, 1],
          ['甲', 1, 1],
          ['1', 1, 1],
        ],
        [
          ['乙', 1, 1],
          ['2', 1, 1],
        ],
      ],
    ]);
  });

  it('ASCII boxes laid out one column a character (links): CJK labels do not shift the borders', () => {
    const text = [
      '   +----------+',
      '   |信息内容|数量   |',
      '   |----+-----|',
      '   |规章  |3    |',
      '   |----------|',
      '   |第（五）项     |',
      '   +----------+',
    ].join('\n');
    assert.deepEqual(shape(text), [
      [
        [
          ['信息内容', 1, 1],
          ['数量', 1, 1],
        ],
        [
          ['规章', 1, 1],
          ['3', 1, 1],
        ],
        [['第（五）项', 1, 2]],
      ],
    ]);
  });

  it('dashes in an ASCII cell are text ("-", "--" filling the cell), dashes under a merged cell a rule', () => {
    const text = [
      '+------------+',
      '|规章 |- |1  |',
      '|-----+--+---|',
      '|减   |--|-12|',
      '|额   |  |   |',
      '|-----+--+---|',
      '|三、 |甲|1  |',
      '|     |--|---|',
      '|     |乙|2  |',
      '+------------+',
    ].join('\n');
    assert.deepEqual(shape(text), [
      [
        [
          ['规章', 1, 1],
          ['-', 1, 1],
          ['1', 1, 1],
        ],
        [
          ['减+额', 1, 1],
          ['--', 1, 1],
          ['-12', 1, 1],
        ],
        [
          ['三、', 2, 1],
          ['甲', 1, 1],
          ['1', 1, 1],
        ],
        [
          ['乙', 1, 1],
          ['2', 1, 1],
        ],
      ],
    ]);
  });

  it('w3m -no-graph and links as they write a merged label and a merged row', () => {
    const w3m = [
      '+-------------------------+',
      '|                   |甲|1 |',
      '|三、本年度办理结果 |--+--|',
      '|                   |乙|  |',
      '|----------------------+--|',
      '|四、结转              |-3|',
      '+-------------------------+',
    ];
    const links = [
      '   +--------------------+',
      '   |           | 甲 | 1  |',
      '   | 三、本年度办理结果 |---+----|',
      '   |           | 乙 |    |',
      '   |---------------+----|',
      '   | 四、结转          | -3 |',
      '   +--------------------+',
    ];
    for (const text of [w3m.join('\n'), links.join('\n')]) {
      const table = shape(text)![0] as unknown[][][];
      assert.deepEqual(
        table.map((row) => row.map((c) => c.slice(0, 3))),
        [
          [
            ['三、本年度办理结果', 2, 1],
            ['甲', 1, 1],
            ['1', 1, 1],
          ],
          [
            ['乙', 1, 1],
            ['', 1, 1],
          ],
          [
            ['四、结转', 1, 2],
            ['-3', 1, 1],
          ],
        ],
      );
    }
  });

  it('pandoc grid tables: header rule =, a label wrapped over three lines', () => {
    const text = ['+------+-----+', '| 规章 | 3   |', '+======+=====+', '| 规范 | 4   |', '| 性文 |     |', '| 件   |     |', '+------+-----+'].join('\n');
    assert.deepEqual(shape(text), [
      [
        [
          ['规章', 1, 1],
          ['3', 1, 1],
        ],
        [
          ['规范+性文+件', 1, 1],
          ['4', 1, 1],
        ],
      ],
    ]);
  });

  it("pandoc Markdown grid cells: a span's attribute wrapped over the cell's lines is left out", () => {
    const text = [
      '::: content',
      '**二、主动公开政府信息情况**',
      '',
      '+-----------------+-----------------+',
      '| [规章           | [               |',
      '| ]{style="font-  | 0]{style="font- |',
      '| size:10.5pt;fon | size:10.5pt;fon |',
      '| t-family:宋体"} | t-family:宋体"} |',
      '+-----------------+-----------------+',
    ].join('\n');
    assert.deepEqual(shape(text), [
      '二、主动公开政府信息情况',
      [
        [
          ['规章', 1, 1],
          ['0', 1, 1],
        ],
      ],
    ]);
  });

  it('pandoc simple tables: columns from the dash runs, a cell the line ends before is blank', () => {
    const text = ['  ------ ------ ------', '  规章   0', '  规范   1      2', '  ------ ------ ------'].join('\n');
    assert.deepEqual(shape(text), [
      [
        [
          ['规章', 1, 1],
          ['0', 1, 1],
          ['', 1, 1, '""'],
        ],
        [
          ['规范', 1, 1],
          ['1', 1, 1],
          ['2', 1, 1],
        ],
      ],
    ]);
  });

  it("pandoc multiline tables: rows parted by blank lines, a row's lines one cell per column", () => {
    const text = ['  ------ ------', '  信息   本年新', '  内容   制作', '', '  规章   3', '  ------ ------'].join('\n');
    assert.deepEqual(shape(text), [
      [
        [
          ['信息+内容', 1, 1],
          ['本年新+制作', 1, 1],
        ],
        [
          ['规章', 1, 1],
          ['3', 1, 1],
        ],
      ],
    ]);
  });

  it('pandoc plain: a blank cell holding a no-break space or an ideographic space is blank in its place; a label wrapped over lines is one cell', () => {
    const text = [
      '  ------------ ---- ---- ----',
      '  （一）予以   3    \u00a0    3',
      '  公开',
      '',
      '  （二）部分   \u3000   1    1',
      '  公开',
      '  ------------ ---- ---- ----',
    ].join('\n');
    assert.deepEqual(shape(text), [
      [
        [
          ['（一）予以+公开', 1, 1],
          ['3', 1, 1],
          ['', 1, 1, '"\u00a0"'],
          ['3', 1, 1],
        ],
        [
          ['（二）部分+公开', 1, 1],
          ['', 1, 1, '"\u3000"'],
          ['1', 1, 1],
          ['1', 1, 1],
        ],
      ],
    ]);
  });

  it('pandoc tables with a header: simple (ends at a blank line) and multiline (between full rules)', () => {
    const simple = [
      '一、总体情况',
      '',
      '  信息内容     本年新制作数量',
      '  ------------ ----------------',
      '  规章         3',
      '  规范性文件',
      '',
      '二、主动公开',
    ].join('\n');
    assert.deepEqual(shape(simple), [
      '一、总体情况',
      [
        [
          ['信息内容', 1, 1],
          ['本年新制作数量', 1, 1],
        ],
        [
          ['规章', 1, 1],
          ['3', 1, 1],
        ],
        [
          ['规范性文件', 1, 1],
          ['', 1, 1, '""'],
        ],
      ],
      '二、主动公开',
    ]);
    const multiline = [
      '  -------------------------',
      '  信息内容     本年新',
      '               制作数量',
      '  ------------ ------------',
      '  规章         3',
      '  和其他',
      '',
      '  规范性文件   4',
      '  -------------------------',
    ].join('\n');
    assert.deepEqual(shape(multiline), [
      [
        [
          ['信息内容', 1, 1],
          ['本年新+制作数量', 1, 1],
        ],
        [
          ['规章+和其他', 1, 1],
          ['3', 1, 1],
        ],
        [
          ['规范性文件', 1, 1],
          ['4', 1, 1],
        ],
      ],
    ]);
  });

  it('a box too large to map is read in linear time, its lines as rows', () => {
    const width = 1200;
    const text = `┌${'─'.repeat(width)}┐\n${`│${' '.repeat(width - 2)}1 │\n`.repeat(1000)}└${'─'.repeat(width)}┘`;
    const table = shape(text)![0] as unknown[][];
    assert.equal(table.length, 1000);
    assert.deepEqual(table[0], [['1', 1, 1]]);
  });

  it('a box whose borders do not close cells is not read as a grid: its lines stand as rows', () => {
    const text = ['┌───┬───┐', '│a  │b  │', '│c   d  │', '└───┴───┘'].join('\n');
    assert.deepEqual(shape(text), [
      [
        [
          ['a', 1, 1],
          ['b', 1, 1],
        ],
        [['c   d', 1, 1]],
      ],
    ]);
  });

  it('claims no text without its tables: prose, a pipe table, a lone rule, an unclosed box', () => {
    assert.equal(shape('一、总体情况\n本年度……\n'), undefined);
    assert.equal(shape('| 规章 | 3 |\n| --- | --- |\n| 规范 | 4 |\n'), undefined);
    assert.equal(shape('一、总体情况\n\n----------\n\n二、主动公开\n'), undefined);
    assert.equal(shape('┌───┬───┐\n│a  │b  │\n'), undefined);
  });

  it('pandoc Markdown: heading marks and attributes, bold, links, spans, escapes and divs are left out of the pieces', () => {
    const text = [
      '::: header',
      '-   [首页](/)',
      ':::',
      '**某局2020年政府信息公开工作年度报告**',
      '',
      '## 一、 总体情况 {#一-总体情况 style="font-size:16px"}',
      '',
      '  ------------------------------- -----------',
      '  [规章]{style="font-size:10.5pt"} [本年新\\',
      '                                  制作]',
      '',
      '  \\*规范\\*                        0',
      '  ------------------------------- -----------',
    ].join('\n');
    assert.deepEqual(shape(text), [
      '某局2020年政府信息公开工作年度报告',
      '一、 总体情况',
      [
        [
          ['规章', 1, 1],
          ['本年新+制作', 1, 1],
        ],
        [
          ['*规范+*', 1, 1],
          ['0', 1, 1],
        ],
      ],
    ]);
  });
});

describe('boxes reader: the corpus', () => {
  it("w3m, elinks, links, pandoc plain and Markdown: every output the converter made whole gives its canonical text's findings", () => {
    let compared = 0;
    for (const output of manifest.outputs.filter((o) => MINE.has(o.converter))) {
      const text = corpusText(output.file);
      if (!whole(output, text)) continue;
      const analysis = analyzeText(text);
      assert.equal(analysis.read?.kind, 'text', `${output.file} read by a shape reader`);
      assert.deepEqual(keys(analysis.findings), canonicalKeys(output.report), output.file);
      compared++;
    }
    // w3m 17, elinks 17, links 17, pandoc plain 11, pandoc Markdown 17 (its raw <table> blocks read too).
    assert.equal(compared, 79);
  });

  it('every injected fault is found in the outputs made whole', () => {
    const byId = new Map(manifest.reports.map((r) => [r.id, r]));
    for (const report of manifest.reports.filter((r) => r.fault)) {
      const fault = faultFindings(report, byId);
      assert.ok(fault.length > 0, report.id);
      for (const output of manifest.outputs.filter((o) => o.report === report.id && MINE.has(o.converter))) {
        const text = corpusText(output.file);
        if (!whole(output, text)) continue;
        const found = keys(analyzeText(text).findings);
        for (const key of fault) assert.ok(found.includes(key), `${output.file}: ${key}`);
      }
    }
  });

  it('pandoc Markdown with raw HTML tables (the tables pandoc cannot draw): read, the canonical findings', () => {
    // main still sends these texts to the HTML reader (looksLikeHtml); the boxes reader reads them whole.
    for (const id of ['gen-2019-wrapped-misnumbered-4', 'gen-2021-word-row-total', 'seed-003', 'seed-004']) {
      const text = corpusText(`${id}/pandoc-markdown.md`);
      const blocks = boxesReader.read(new LineIndex(text))!;
      assert.equal(blocks.filter((b) => b.kind === 'table').length, 3, id);
      assert.deepEqual(keys(analyzeDocument(buildView('text', blocks)).findings), canonicalKeys(id), id);
    }
  });

  it('pandoc plain, 表三 with a cell blanked by a no-break space, an ideographic space or a space: that cell is reported blank, nothing else', () => {
    const lines = corpusText('gen-2019-plain/pandoc-plain.txt').split('\n');
    const row = lines.findIndex((l) => l.includes('1.属于国家秘密'));
    // The row's first value, 0 under 自然人.
    const at = lines[row].search(/ 0 /) + 1;
    assert.deepEqual(keys(analyzeText(lines.join('\n')).findings), []);
    for (const blank of ['\u00a0', '\u3000', ' ']) {
      const text = [...lines.slice(0, row), lines[row].slice(0, at) + blank + lines[row].slice(at + 1), ...lines.slice(row + 1)].join('\n');
      assert.deepEqual(keys(analyzeText(text).findings), ['cell-empty T3.R3_3_1'], JSON.stringify(blank));
    }
  });

  it("pandoc plain writes [TABLE] for a table it cannot draw (cells of several paragraphs): 表三 is not in the text, and is reported missing, the rest as the canonical text's", () => {
    for (const id of ['gen-2019-wrapped', 'gen-2021-word', 'seed-003']) {
      const text = corpusText(`${id}/pandoc-plain.txt`);
      assert.equal(text.match(/^\[TABLE\]$/gm)?.length, 1, id);
      const findings = analyzeText(text).findings;
      assert.deepEqual(keys(findings), [...canonicalKeys(id), 'table-missing T3'].sort(), id);
      const missing = findings.find((f) => f.code === 'table-missing')!;
      assert.equal(missing.message, '第三部分中的表三在转换时被换成了「[TABLE]」，表格没有保留下来，请用原网页或原文档检查');
      assert.equal(text.split(/\r?\n/)[missing.range.start.line], '[TABLE]');
    }
  });

  it('a wrong number is reported on its digit inside the box, and the fix writes the right one there', () => {
    const text = corpusText('gen-2019-plain-cell/w3m.txt');
    const doc = new LineIndex(text);
    const wrong = analyzeText(text).findings.find((f) => f.code === 'row-total' && f.target === 'T3.R3_3_1.NP')!;
    assert.equal(text.slice(doc.offsetAt(wrong.range.start), doc.offsetAt(wrong.range.end)), '1');
    assert.match(doc.lines[wrong.range.start.line], /^│ +│ +│1\.属于国家秘密 +│1 +│0 +│1 +│1 +│0 +│4 │6 +│$/);
    assert.deepEqual(
      wrong.fix!.edits.map((e) => e.newText),
      ['0'],
    );
    const fixed = analyzeText(applyEdits(text, wrong.fix!.edits));
    assert.ok(!keys(fixed.findings).some((k) => k.startsWith('row-total T3.R3_3_1')));
  });

  it("a blank cell: cell-empty names the row, the fix fills the white space inside the cell's borders", () => {
    const text = corpusText('gen-2021-big-blank/w3m.txt');
    const doc = new LineIndex(text);
    const findings = analyzeText(text).findings;
    assert.ok(keys(findings).includes('cell-empty T3.R1'));
    const total = findings.find((f) => f.code === 'row-total' && f.target === 'T3.R1.NP')!;
    const edit = total.fix!.edits[0];
    const line = doc.lines[edit.range.start.line];
    assert.ok(line.startsWith('│一、本年新收政府信息公开申请数量'));
    assert.equal(line.slice(edit.range.start.character - 1, edit.range.end.character + 1), '│  │');
  });

  it("a filled blank cell reads back in its place: its row's findings go, no new one comes (box and dashed columns)", () => {
    for (const file of ['gen-2021-big-blank/w3m.txt', 'gen-2021-big-blank/pandoc-plain.txt']) {
      const text = corpusText(file);
      const before = analyzeText(text);
      const total = before.findings.find((f) => f.code === 'row-total' && f.target === 'T3.R1.NP')!;
      assert.deepEqual(
        total.fix!.edits.map((e) => e.newText.trim()),
        ['36'],
        file,
      );
      const after = keys(analyzeText(applyEdits(text, total.fix!.edits)).findings);
      assert.deepEqual(
        keys(before.findings).filter((k) => !after.includes(k)),
        ['cell-empty T3.R1', 'row-total T3.R1.NP'],
        file,
      );
      assert.deepEqual(
        after.filter((k) => !keys(before.findings).includes(k)),
        [],
        file,
      );
    }
  });

  it('links lays CJK out one column a character: 表三 rows keep their label and seven numbers', () => {
    const analysis = analyzeText(corpusText('seed-000/links.txt'));
    const rows = analysis.read!.grids.flatMap((g) => g.rows.map((r) => r.cells.map((c) => c.text)));
    assert.deepEqual(
      rows.find((r) => r[0].startsWith('（二）部分公开')),
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '0', '0', '0', '0', '0', '0', '0'],
    );
    assert.deepEqual(
      rows.find((r) => r[0] === '（三）不予公开'),
      ['（三）不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'],
    );
  });

  it('the report starts at its title: menus and breadcrumbs before it are left out, wrapped prose is one paragraph', () => {
    const view = analyzeText(corpusText('seed-000/w3m.txt')).read!.text.split('\n');
    assert.equal(view[0], '中国(云南)自贸易区昆明片区(昆明经开区)招商合作局2020年政府信息公开工作年度报告');
    assert.equal(view[1], '一、总体情况');
    assert.ok(view[2].startsWith('2020年,我局按照中央') && view[2].endsWith('努力扩大招商引资工作的社会影响力。'));
  });

  it("claims no other converter's output", () => {
    for (const output of manifest.outputs) {
      if (MINE.has(output.converter) || !/\.(txt|md)$/.test(output.file)) continue;
      assert.equal(boxesReader.read(new LineIndex(corpusText(output.file))), undefined, output.file);
    }
  });
});
