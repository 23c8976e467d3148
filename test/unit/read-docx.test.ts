import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { analyze, analyzeDocument } from '../../server/src/core/analyze';
import type { ReadDocument, ReadResult } from '../../server/src/core/read/document';
import { readDocx } from '../../server/src/core/read/docx';
import { analyzeBytes, cellEdits } from '../../server/src/core/source';
import { formatNumber } from '../../server/src/core/read/docx-numbering';
import { MAX_PART_SIZE } from '../../server/src/core/read/docx-package';
import { CellEdit, writeDocxCells } from '../../server/src/core/read/docx-write';
import { FIXTURES, readSeed } from '../support/fixtures';
import { mulberry32 } from '../support/random';

const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'docx', name)));

function read(bytes: Uint8Array): ReadDocument {
  const result = readDocx(bytes);
  assert.ok(result.ok, `not read: ${JSON.stringify(result)}`);
  return result.document;
}

const lines = (doc: ReadDocument) => doc.text.split('\n');
const keysOf = (findings: { code: string; target?: string }[]) => findings.map((f) => `${f.code} ${f.target ?? ''}`).sort();
const keys = (text: string) => keysOf(analyze(text).findings);

/** The view cell at a 1-based table, row and column slot. */
function cellAt(doc: ReadDocument, table: number, row: number, column: number) {
  return doc.grids[table - 1].rows[row - 1].cells.find((c) => c.column === column - 1);
}

/** The origin of the view text that starts with `text`. */
function originOf(doc: ReadDocument, text: string) {
  const at = doc.text.indexOf(text);
  assert.ok(at >= 0, `no ${text} in the view`);
  return doc.segments.find((s) => s.from <= at && at < s.to)?.origin;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal .docx: the body's markup, and styles and numbering parts when given. */
function docx(body: string, parts: { styles?: string; numbering?: string } = {}): Uint8Array {
  const rels = [
    parts.styles ? '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : '',
    parts.numbering
      ? '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
      : '',
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (parts.styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0"?><w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0"?><w:numbering ${W}>${parts.numbering}</w:numbering>`);
  return zipSync(files);
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (inner: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
const numbered = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const level = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

describe('DOCX reader: reports converted by LibreOffice', () => {
  // The truth of each fixture is the same report as plain text (scripts/make-docx-fixtures.mjs).
  for (const name of ['seed-000', 'seed-001', 'seed-004', 'gen-2021-blanks']) {
    it(`${name}: the view gives the findings of the report's plain text`, () => {
      const doc = read(fixture(`${name}.docx`));
      const truth = fs.readFileSync(path.join(FIXTURES, 'docx', `${name}.txt`), 'utf8');
      assert.deepEqual(keys(doc.text), keys(truth));
      // Read as the CLI reads it: the view with the reader's grids.
      assert.deepEqual(keysOf(analyzeDocument(doc).findings), keys(truth));
    });
  }

  it('the seeds themselves give the same rules, and seed 001 its two findings', () => {
    const codes = (text: string) =>
      analyze(text)
        .findings.map((f) => f.code)
        .sort();
    assert.deepEqual(codes(read(fixture('seed-004.docx')).text), codes(readSeed('s004')));
    assert.deepEqual(codes(read(fixture('seed-000.docx')).text), []);
    assert.deepEqual(keys(read(fixture('seed-001.docx')).text), ['text-table-mismatch text.allDone', 'title-incomplete title.year']);
  });

  it('表三 of seed 000: the corner over three rows and columns, 申请人情况 over seven, values on the slots', () => {
    const doc = read(fixture('seed-000.docx'));
    const t3 = doc.grids[1];
    assert.deepEqual(
      t3.rows[0].cells.map((c) => [c.column, c.text]),
      [
        [0, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'],
        [3, '申请人情况'],
      ],
    );
    assert.deepEqual(
      t3.rows[1].cells.map((c) => [c.column, c.text]),
      [
        [3, '自然人'],
        [4, '法人或其他组织'],
        [9, '总计'],
      ],
    );
    assert.deepEqual(
      t3.rows[5].cells.slice(0, 3).map((c) => [c.column, c.text]),
      [
        [0, '三、本年度办理结果'],
        [1, '（一）予以公开'],
        [3, '0'],
      ],
    );
    // The vertical merge: rows under 三、本年度办理结果 have no cell in its slot.
    assert.equal(t3.rows[6].cells[0].column, 1);
    assert.equal(t3.rows[6].cells[0].text, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.equal(lines(doc)[t3.rows[0].line], '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） ||| 申请人情况 |||||||');
  });

  it('locations: a cell by table, row and column slot; a body paragraph by its number', () => {
    const doc = read(fixture('seed-001.docx'));
    const row = doc.grids[1].rows.findIndex((r) => r.cells[0]?.text === '四、结转下年度继续办理');
    assert.ok(row > 0);
    const total = doc.grids[1].rows[row].cells.find((c) => c.column === 9)!;
    assert.equal(total.text, '1');
    const at = doc.segments.find((s) => s.from === lines(doc).slice(0, total.range.start.line).join('\n').length + 1 + total.range.start.character);
    assert.deepEqual(at?.origin.location, { table: 2, row: row + 1, column: 10 });
    assert.deepEqual(originOf(doc, '一、总体情况')?.location, { paragraph: 2 });
  });
});

describe('DOCX reader: Word numbering', () => {
  it('headings numbered by numbering.xml read 一、 …; sub-headings numbered through a basedOn style chain', () => {
    const doc = read(fixture('numbered-headings.docx'));
    const headings = lines(doc).filter((l) => /^[一二三四五六]、 /.test(l));
    assert.deepEqual(headings, [
      '一、 总体情况',
      '二、 主动公开政府信息情况',
      '三、 收到和处理政府信息公开申请情况',
      '四、 政府信息公开行政复议、行政诉讼情况',
      '五、 存在的主要问题及改进情况',
      '六、 其他需要报告的事项',
    ]);
    // Level 2 restarts under each heading: 五's sub-headings count from （一） again.
    assert.deepEqual(
      lines(doc).filter((l) => /^（[一二三四五六七八九十]+）/.test(l)),
      ['（一）主动公开', '（二）依申请公开', '（一）存在的主要问题', '（二）改进措施'],
    );
    // The number is the paragraph's, not text of the document.
    const prefix = originOf(doc, '四、 ');
    assert.equal(prefix?.exact, undefined);
    assert.ok(prefix?.location?.paragraph);
    const truth = fs.readFileSync(path.join(FIXTURES, 'docx', 'gen-2021-blanks.txt'), 'utf8');
    assert.deepEqual(keys(doc.text), keys(truth));
  });

  const numbering =
    `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCountingThousand', '%1、')}${level(1, 'decimal', '%1.%2', '<w:isLgl/><w:suff w:val="nothing"/>')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${level(0, 'ideographTraditional', '（%1）', '<w:suff w:val="nothing"/>')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>';

  it('levels restart under a higher one; a legal level shows its parents in digits; a start override restarts the list; one definition counts on across instances', () => {
    const body = [
      p(r('甲'), numbered(1)),
      p(r('甲一'), numbered(1, 1)),
      p(r('甲二'), numbered(1, 1)),
      p(r('乙'), numbered(1)),
      p(r('乙一'), numbered(1, 1)),
      p(r('重新起'), numbered(2)),
      p(r('接着'), numbered(2)),
      p(r('天干'), numbered(3)),
      p(r('天干'), numbered(3)),
      p(r('不编号'), '<w:numPr><w:numId w:val="0"/></w:numPr>'),
    ].join('');
    assert.deepEqual(lines(read(docx(body, { numbering }))).slice(0, 10), [
      '一、 甲',
      '1.1甲一',
      '1.2甲二',
      '二、 乙',
      '2.1乙一',
      '九、 重新起',
      '十、 接着',
      '（甲）天干',
      '（乙）天干',
      '不编号',
    ]);
  });

  it('a level with lvlRestart 0 counts on under a new higher item', () => {
    const list = `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [p(r('甲'), numbered(1)), p(r('一'), numbered(1, 1)), p(r('乙'), numbered(1)), p(r('二'), numbered(1, 1))].join('');
    assert.deepEqual(lines(read(docx(body, { numbering: list }))).slice(0, 4), ['一、 甲', '1. 一', '二、 乙', '2. 二']);
  });

  it('a style gives the numbering, a paragraph its level; numId 0 takes the style’s numbering off', () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      `<w:style w:type="paragraph" w:styleId="List"><w:basedOn w:val="Normal"/><w:pPr>${numbered(1)}</w:pPr></w:style>` +
      '<w:style w:type="paragraph" w:styleId="ListChild"><w:basedOn w:val="List"/></w:style>';
    const body = [
      p(r('一'), '<w:pStyle w:val="ListChild"/>'),
      p(r('二'), '<w:pStyle w:val="ListChild"/><w:numPr><w:ilvl w:val="1"/></w:numPr>'),
      p(r('无'), '<w:pStyle w:val="ListChild"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      p(r('正文')),
    ].join('');
    assert.deepEqual(lines(read(docx(body, { styles, numbering }))).slice(0, 4), ['一、 一', '1.1二', '无', '正文']);
  });

  it('number formats', () => {
    const cases: [number, string, string][] = [
      [4, 'chineseCounting', '四'],
      [10, 'chineseCounting', '十'],
      [11, 'chineseCounting', '十一'],
      [20, 'chineseCounting', '二十'],
      [100, 'chineseCounting', '一〇〇'],
      [11, 'chineseCountingThousand', '十一'],
      [101, 'chineseCountingThousand', '一百零一'],
      [1010, 'chineseCountingThousand', '一千零一十'],
      [12, 'japaneseCounting', '十二'],
      [3, 'ideographTraditional', '丙'],
      [12, 'decimalFullWidth', '１２'],
      [5, 'decimalZero', '05'],
      [3, 'decimalEnclosedCircle', '③'],
      [11, 'chineseLegalSimplified', '壹拾壹'],
      [14, 'upperRoman', 'XIV'],
      [28, 'lowerLetter', 'bb'],
      [7, 'decimal', '7'],
      [3, 'none', ''],
    ];
    for (const [n, format, expected] of cases) assert.equal(formatNumber(n, format), expected, `${n} ${format}`);
  });
});

describe('DOCX reader: text as it prints', () => {
  it('tracked changes: insertions kept, deletions and moved-away text dropped, a deleted paragraph mark joins the next paragraph', () => {
    const body = [
      p(`${r('本年')}<w:del w:id="1" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${r('新收')}</w:ins>${r('申请')}`),
      p(`<w:moveFrom w:id="3" w:author="a">${r('移走')}</w:moveFrom>${r('留下')}<w:moveTo w:id="4" w:author="a">${r('移来')}</w:moveTo>`),
      p(r('前半'), '<w:rPr><w:del w:id="5" w:author="a"/></w:rPr>'),
      p(r('后半')),
    ].join('');
    assert.deepEqual(lines(read(docx(body))).slice(0, 3), ['本年新收申请', '留下移来', '前半后半']);
  });

  it('the tracked change in a 表三 cell reads as accepted; the report checks as without it', () => {
    const doc = read(fixture('tracked-change.docx'));
    const plain = read(fixture('gen-2021-blanks.docx'));
    const row = doc.grids[1].rows.findIndex((rw) => rw.cells.some((c) => c.text === '（一）予以公开'));
    assert.equal(cellAt(doc, 2, row + 1, 4)?.text, cellAt(plain, 2, row + 1, 4)?.text);
    assert.equal(cellAt(doc, 2, row + 1, 4)?.text, '6');
    assert.equal(doc.text, plain.text);
  });

  it('fields: instructions dropped, results kept; hidden runs dropped; tabs, breaks and hyphens', () => {
    const body = [
      p(
        `${r('第')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r('页')}`,
      ),
      p(`<w:fldSimple w:instr=" DATE \\@ &quot;yyyy&quot; ">${r('2024')}</w:fldSimple>${r('年')}`),
      p(`${r('看得见')}${r('看不见', '<w:vanish/>')}`),
      p(`<w:r><w:t>一、</w:t><w:tab/><w:t>总体</w:t><w:noBreakHyphen/><w:t>情况</w:t><w:br/><w:t>第二行</w:t></w:r>`),
    ].join('');
    assert.deepEqual(lines(read(docx(body))).slice(0, 5), ['第3页', '2024年', '看得见', '一、 总体-情况', '第二行']);
  });

  it('content controls and custom XML around paragraphs and tables; hyperlinks and smart tags around runs', () => {
    const body = [
      `<w:sdt><w:sdtPr/><w:sdtContent>${p(`<w:hyperlink r:id="x" xmlns:r="urn:r">${r('链接')}</w:hyperlink>`)}</w:sdtContent></w:sdt>`,
      `<w:customXml w:element="x">${p(`<w:smartTag w:element="y">${r('标记')}</w:smartTag>`)}</w:customXml>`,
      `<w:sdt><w:sdtContent><w:tbl><w:tr>${tc(p(r('甲')))}<w:sdt><w:sdtContent>${tc(p(r('乙')))}</w:sdtContent></w:sdt></w:tr></w:tbl></w:sdtContent></w:sdt>`,
    ].join('');
    const doc = read(docx(body));
    assert.deepEqual(lines(doc).slice(0, 3), ['链接', '标记', '甲 | 乙 |']);
    assert.deepEqual(originOf(doc, '乙')?.location, { table: 1, row: 1, column: 2 });
    assert.deepEqual(originOf(doc, '标记')?.location, { paragraph: 2 });
  });

  it('merged cells, an empty slot before a row, a nested table (python-docx)', () => {
    const doc = read(fixture('merged-cells.docx'));
    assert.deepEqual(lines(doc).slice(0, 6), [
      '附表：人员安排',
      '部门 | 人员 |||',
      ' 张三 | 李四 | 王五 外聘 1 |',
      ' 12 | 7 | 3 |',
      '  | 合计 | 22 ||',
      '以上。',
    ]);
    assert.equal(cellAt(doc, 1, 2, 4)?.text, '王五 外聘 1');
    assert.equal(cellAt(doc, 1, 4, 1)?.blank, true);
    assert.deepEqual(originOf(doc, '合计')?.location, { table: 1, row: 4, column: 2 });
    assert.deepEqual(originOf(doc, '22')?.location, { table: 1, row: 4, column: 3 });
  });

  it('a deleted table row does not print; vMerge and gridSpan give spans on the first cell', () => {
    const body =
      '<w:tbl>' +
      `<w:tr>${tc(p(r('甲')), '<w:vMerge w:val="restart"/>')}${tc(p(r('乙')), '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>${tc(p(r('删')))}${tc(p(r('删')))}${tc(p(r('删')))}</w:tr>` +
      `<w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p(r('1')))}${tc(p(r('2')))}</w:tr>` +
      '</w:tbl>';
    const doc = read(docx(body));
    assert.deepEqual(lines(doc).slice(0, 2), ['甲 | 乙 ||', ' 1 | 2 |']);
    assert.deepEqual(cellAt(doc, 1, 2, 2)?.text, '1');
    assert.deepEqual(originOf(doc, '2')?.location, { table: 1, row: 2, column: 3 });
  });

  it('a document with a table and no report is read, paragraphs and table', () => {
    const doc = read(fixture('no-report.docx'));
    assert.deepEqual(lines(doc).slice(0, 6), [
      '关于召开年度工作会议的通知',
      '各科室：定于下周一上午九时召开年度工作会议，请准时参加。',
      '科室 | 参会人数 | 联系人 |',
      '办公室 | 3 | 王某 |',
      '政策法规科 | 2 | 李某 |',
      '办公室',
    ]);
    assert.deepEqual(doc.grids.length, 1);
    assert.deepEqual(keysOf(analyzeDocument(doc).findings), ['report-unrecognized report']);
  });

  it('a document without tables is read as paragraphs', () => {
    const doc = read(docx(p(r('某某局2023年政府信息公开工作年度报告')) + p(r('一、总体情况'))));
    assert.equal(doc.text, '某某局2023年政府信息公开工作年度报告\n一、总体情况\n');
    assert.equal(doc.grids.length, 0);
  });
});

describe('DOCX reader: text boxes, headers, footers and footnotes (parts.docx)', () => {
  // seed-000.docx with 一、 总体情况 in a text box (DrawingML and its VML fallback), a footnote whose
  // text starts like a section heading, a header and a footer with a date (make-parts.mjs).
  const doc = read(fixture('parts.docx'));
  const seed = read(fixture('seed-000.docx'));

  it('a text box is read once, where it is anchored, not twice from its VML fallback', () => {
    assert.equal(lines(doc).filter((l) => l.includes('总体情况')).length, 1);
    const at = lines(doc).indexOf('一、 总体情况');
    assert.ok(at > 0);
    // After the title and the paragraph that anchors the box (empty: it holds only the drawing).
    assert.equal(lines(doc)[at - 1], '');
    assert.match(lines(doc)[at - 2], /年政府信息公开工作年度报告$/);
    assert.match(lines(doc)[at + 1], /^2020年,我局按照中央/);
  });

  it('footnotes, headers and footers are not body text: no section from the footnote, no 落款 from the footer', () => {
    assert.ok(!doc.text.includes('统计口径同上年'));
    assert.ok(!doc.text.includes('2021年1月20日'));
    assert.equal(doc.text.split('招商合作局').length, seed.text.split('招商合作局').length);
  });

  it('the report reads as the seed does: the same findings, the same tables', () => {
    assert.deepEqual(keysOf(analyzeDocument(doc).findings), keysOf(analyzeDocument(seed).findings));
    assert.deepEqual(
      doc.grids.map((g) => g.rows.map((r) => r.cells.map((c) => c.text))),
      seed.grids.map((g) => g.rows.map((r) => r.cells.map((c) => c.text))),
    );
  });
});

describe('DOCX reader: files it cannot read', () => {
  const problem = (bytes: Uint8Array): Exclude<ReadResult, { ok: true }> => {
    const result = readDocx(bytes);
    assert.equal(result.ok, false);
    return result as Exclude<ReadResult, { ok: true }>;
  };

  /** An OLE2 compound file whose directory holds the named streams. */
  function ole2(...streams: string[]): Uint8Array {
    const bytes = new Uint8Array(512 * 4);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    streams.forEach((name, i) => {
      const o = 1024 + 128 * i;
      for (let k = 0; k < name.length; k++) bytes[o + 2 * k] = name.charCodeAt(k);
      bytes[o + 64] = (name.length + 1) * 2;
      bytes[o + 66] = 2;
    });
    return bytes;
  }

  it('not a ZIP, an empty file, a spreadsheet, an OpenDocument text', () => {
    assert.deepEqual(problem(strToU8('一、总体情况\n这不是 Word 文件')), { ok: false, problem: 'not-docx', detail: undefined });
    assert.equal(problem(new Uint8Array(0)).problem, 'empty');
    assert.deepEqual(problem(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })), { ok: false, problem: 'not-docx', detail: 'Excel .xlsx' });
    assert.deepEqual(problem(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') })), {
      ok: false,
      problem: 'not-docx',
      detail: 'OpenDocument',
    });
  });

  it('OLE2: an encrypted .docx is encrypted; a legacy .doc is not a .docx', async () => {
    assert.equal(problem(ole2('Root Entry', 'EncryptionInfo', 'EncryptedPackage')).problem, 'encrypted');
    assert.deepEqual(problem(ole2('Root Entry', 'WordDocument', '1Table')), { ok: false, problem: 'not-docx', detail: 'Word 97–2003 .doc' });
    const checked = await analyzeBytes(ole2('Root Entry', 'WordDocument'), 'docx');
    assert.deepEqual(
      checked.findings.map((f) => [f.code, f.message]),
      [['input-unreadable', '不是 Word（.docx）文件，无法读取，未检查（Word 97–2003 .doc）']],
    );
  });

  it('broken XML, a cut file, an encrypted entry', () => {
    const broken = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p></w:body></w:document>`) });
    assert.equal(problem(broken).problem, 'corrupt');
    const good = fixture('seed-001.docx');
    assert.equal(problem(good.subarray(0, good.length - 40)).problem, 'corrupt');
    const encrypted = docx(p(r('x')));
    // Method 99 in every local and central record: the entries are encrypted with AES.
    for (let o = 0; o + 4 <= encrypted.length; o++) {
      if (encrypted[o] !== 0x50 || encrypted[o + 1] !== 0x4b) continue;
      if (encrypted[o + 2] === 3 && encrypted[o + 3] === 4) encrypted[o + 8] = 99;
      if (encrypted[o + 2] === 1 && encrypted[o + 3] === 2) encrypted[o + 10] = 99;
    }
    assert.deepEqual(problem(encrypted), { ok: false, problem: 'encrypted', detail: 'word/document.xml' });
  });

  it('a DOCTYPE (entity expansion) is refused as corrupt', () => {
    const bytes = zipSync({
      'word/document.xml': strToU8(`<!DOCTYPE w:document [<!ENTITY a "aaaa">]><w:document ${W}><w:body>${p(r('&a;'))}</w:body></w:document>`),
    });
    assert.deepEqual(problem(bytes), { ok: false, problem: 'corrupt', detail: 'word/document.xml: DOCTYPE' });
  });

  it('a document.xml larger than the limit is too large, refused before inflating', () => {
    const filler = p(r('填充文字'.repeat(200))).repeat(Math.ceil(MAX_PART_SIZE / 2000));
    const bytes = docx(filler);
    const started = process.hrtime.bigint();
    const result = problem(bytes);
    assert.equal(result.problem, 'too-large');
    assert.match(result.detail ?? '', /^word\/document\.xml \d+\.\d MB > 8\.0 MB$/);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 500);
  });

  it('a ZIP bomb that declares a small size stops inflating at that size', () => {
    const bytes = docx(p(r('x')) + '<w:p/>'.repeat(3_000_000));
    // Declare document.xml as 1000 bytes in the central directory.
    const name = strToU8('word/document.xml');
    for (let o = 0; o + 46 <= bytes.length; o++) {
      if (bytes[o] === 0x50 && bytes[o + 1] === 0x4b && bytes[o + 2] === 1 && bytes[o + 3] === 2 && name.every((b, k) => bytes[o + 46 + k] === b)) {
        bytes.set([0xe8, 0x03, 0, 0], o + 24);
      }
    }
    const started = process.hrtime.bigint();
    assert.equal(problem(bytes).problem, 'corrupt');
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 200);
  });

  it('truncated and garbled files never throw or hang (fuzz, 240 cases)', () => {
    const bases = [fixture('seed-001.docx'), fixture('merged-cells.docx'), fixture('numbered-headings.docx')];
    const rng = mulberry32(20240601);
    const kinds = new Set(['encrypted', 'corrupt', 'not-docx', 'too-large', 'empty']);
    const started = Date.now();
    for (let i = 0; i < 240; i++) {
      const base = bases[i % bases.length];
      const bytes = new Uint8Array(base);
      const mode = i % 4;
      let input: Uint8Array = bytes;
      if (mode === 0) input = bytes.subarray(0, Math.floor(rng() * bytes.length));
      else if (mode === 1) for (let k = 0; k < 1 + rng() * 20; k++) bytes[Math.floor(rng() * bytes.length)] = Math.floor(rng() * 256);
      else if (mode === 2) bytes.fill(0, Math.floor(rng() * bytes.length), Math.floor(rng() * bytes.length));
      else {
        // A well-formed ZIP whose document.xml is cut at a random point.
        const files = unzipSync(base);
        const xml = files['word/document.xml'];
        files['word/document.xml'] = xml.subarray(0, Math.floor(rng() * xml.length));
        input = zipSync(files);
      }
      const result = readDocx(input);
      if (!result.ok) assert.ok(kinds.has(result.problem), result.problem);
      else assert.equal(typeof result.document.text, 'string');
    }
    assert.ok(Date.now() - started < 20_000);
  });
});

describe('DOCX writer', () => {
  const entries = (bytes: Uint8Array) => unzipSync(bytes);

  it('changes one cell: its w:t only; every other entry byte-identical, in the same order', () => {
    const bytes = fixture('gen-2021-blanks.docx');
    const before = new Uint8Array(bytes);
    const doc = read(bytes);
    const row = doc.grids[1].rows.findIndex((rw) => rw.cells.some((c) => c.text === '（一）予以公开')) + 1;
    const result = writeDocxCells(bytes, [{ location: { table: 2, row, column: 4 }, expected: '6', text: '16' }]);
    assert.ok(result.ok);
    assert.deepEqual(bytes, before, 'the input is not touched');
    const old = entries(bytes);
    const now = entries(result.bytes);
    assert.deepEqual(Object.keys(now), Object.keys(old));
    for (const name of Object.keys(old)) if (name !== 'word/document.xml') assert.deepEqual(now[name], old[name], name);
    const oldXml = strFromU8(old['word/document.xml']);
    const newXml = strFromU8(now['word/document.xml']);
    const diffAt = [...oldXml].findIndex((ch, i) => ch !== newXml[i]);
    assert.equal(newXml, `${oldXml.slice(0, diffAt)}1${oldXml.slice(diffAt)}`);
    assert.match(oldXml.slice(diffAt - 20, diffAt + 10), /<w:rPr><\/w:rPr><w:t>6<\/w:t>/);
    const after = read(result.bytes);
    assert.equal(cellAt(after, 2, row, 4)?.text, '16');
    const line = doc.grids[1].rows[row - 1].line;
    assert.equal(lines(after)[line], '三 、 本 年 度 办 理 结 果 | （一）予以公开 || 16 | 55 |   | 0 | 88 | 0 | 149 |');
    assert.deepEqual(
      lines(after).filter((_, i) => i !== line),
      lines(doc).filter((_, i) => i !== line),
    );
  });

  it('offsets hold past characters outside the BMP, CRLF line ends and entities: only the cell’s text changes', () => {
    const body = `${p(r('𠮷野家 &amp; 𩸽'))}\r\n<w:tbl>\r\n<w:tr>${tc(p(r('𠮷')))}${tc(p(r('5')))}</w:tr></w:tbl>`;
    const bytes = docx(body);
    const result = writeDocxCells(bytes, [{ location: { table: 1, row: 1, column: 2 }, expected: '5', text: '7' }]);
    assert.ok(result.ok);
    const oldXml = strFromU8(entries(bytes)['word/document.xml']);
    const at = oldXml.indexOf('<w:t xml:space="preserve">5</w:t>');
    assert.equal(strFromU8(entries(result.bytes)['word/document.xml']), `${oldXml.slice(0, at)}<w:t xml:space="preserve">7</w:t>${oldXml.slice(at + 33)}`);
    assert.equal(read(result.bytes).text, '𠮷野家 & 𩸽\n𠮷 | 7 |\n');
  });

  it('fills a blank cell with a run formatted as its paragraph mark', () => {
    const body = `<w:tbl><w:tr>${tc(p(r('规章')))}${tc('<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:b/><w:sz w:val="21"/></w:rPr></w:pPr></w:p>')}</w:tr></w:tbl>`;
    const result = writeDocxCells(docx(body), [{ location: { table: 1, row: 1, column: 2 }, expected: '', text: '0' }]);
    assert.ok(result.ok);
    const xml = strFromU8(entries(result.bytes)['word/document.xml']);
    assert.match(
      xml,
      /<w:rPr><w:b\/><w:sz w:val="21"\/><\/w:rPr><\/w:pPr><w:r><w:rPr><w:b\/><w:sz w:val="21"\/><\/w:rPr><w:t xml:space="preserve">0<\/w:t><\/w:r><\/w:p>/,
    );
    assert.equal(read(result.bytes).text, '规章 | 0 |\n');
  });

  it('runs of one format share the text: the first takes it, the others are emptied', () => {
    const body = `<w:tbl><w:tr>${tc(p(r('12', '<w:sz w:val="21"/>') + '<w:proofErr w:type="gramStart"/>' + r('3', '<w:sz w:val="21"/>')))}</w:tr></w:tbl>`;
    const result = writeDocxCells(docx(body), [{ location: { table: 1, row: 1, column: 1 }, expected: '123', text: '45' }]);
    assert.ok(result.ok);
    assert.match(
      strFromU8(entries(result.bytes)['word/document.xml']),
      /<w:t xml:space="preserve">45<\/w:t><\/w:r><w:proofErr w:type="gramStart"\/><w:r><w:rPr><w:sz w:val="21"\/><\/w:rPr><w:t xml:space="preserve"><\/w:t>/,
    );
  });

  it('the fixes of every blank cell, from the view to the file: the blanks are gone, the rest checks the same', () => {
    const bytes = fixture('gen-2021-blanks.docx');
    const before = analyzeDocument(read(bytes));
    const fixes = before.findings.filter((f) => f.code === 'cell-empty' && f.fix);
    assert.equal(fixes.length, 22);
    const { cells: edits, refused } = cellEdits(
      read(bytes),
      fixes.flatMap((f) => f.fix!.edits),
    );
    assert.deepEqual(refused, []);
    // Every blank cell of the view: 36 in 表三, 1 in 表四.
    assert.equal(edits.length, 37);
    assert.deepEqual(edits[0], { location: { table: 2, row: 5, column: 8 }, expected: '', text: '0' });
    const result = writeDocxCells(bytes, edits);
    assert.ok(result.ok);
    const after = keysOf(analyzeDocument(read(result.bytes)).findings);
    assert.deepEqual(after, keysOf(before.findings.filter((f) => f.code !== 'cell-empty')));
  });

  it('refusals, each with its reason', () => {
    const cell = (inner: string) => docx(`<w:tbl><w:tr>${tc(inner)}</w:tr></w:tbl>`);
    const at = { table: 1, row: 1, column: 1 };
    const refused = (bytes: Uint8Array, edits: CellEdit[]) => {
      const result = writeDocxCells(bytes, edits);
      assert.equal(result.ok, false);
      return result.ok ? undefined : result.reason;
    };
    assert.equal(refused(cell(p(r('1', '<w:b/>') + r('2'))), [{ location: at, expected: '12', text: '3' }]), 'split-text');
    assert.equal(refused(cell(p(`<w:fldSimple w:instr=" = 1+1 ">${r('2')}</w:fldSimple>`)), [{ location: at, expected: '2', text: '3' }]), 'field');
    assert.equal(refused(cell(p(r('5'))), [{ location: at, expected: '6', text: '7' }]), 'text-changed');
    assert.equal(refused(cell(p(r('5'))), [{ location: { table: 1, row: 2, column: 1 }, expected: '5', text: '7' }]), 'no-such-cell');
    assert.equal(
      refused(cell(p(r('5'))), [
        { location: at, expected: '5', text: '7' },
        { location: at, expected: '5', text: '8' },
      ]),
      'duplicate-edit',
    );
    assert.equal(refused(cell(p(r('5'))), [{ location: at, expected: '5', text: '7\n8' }]), 'bad-text');
    const merged = fixture('merged-cells.docx');
    assert.equal(refused(merged, [{ location: { table: 1, row: 2, column: 4 }, expected: '王五 外聘 1', text: '王五' }]), 'nested-table');
    const tracked = fixture('tracked-change.docx');
    const row = read(tracked).grids[1].rows.findIndex((rw) => rw.cells.some((c) => c.text === '（一）予以公开')) + 1;
    assert.equal(refused(tracked, [{ location: { table: 2, row, column: 4 }, expected: '6', text: '7' }]), 'tracked-changes');
    const numbering = `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const list = docx(`<w:tbl><w:tr>${tc(p(r('属于国家秘密'), numbered(1)))}</w:tr></w:tbl>`, { numbering });
    assert.equal(refused(list, [{ location: at, expected: '1. 属于国家秘密', text: '属于国家秘密' }]), 'numbered');
    assert.equal(refused(strToU8('not a docx'), [{ location: at, expected: '', text: '0' }]), 'unreadable');
  });
});
