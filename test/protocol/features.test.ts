import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { readSeed } from '../support/fixtures';
import { t3Cell } from './support/cells';
import { TestClient, uriOf } from './support/lsp-client';

const value = (h: Hover | null) => (h?.contents as MarkupContent).value;

describe('hover, outline and folding', () => {
  let client: TestClient;
  const uri = uriOf('features-000.txt');
  let text: string;
  before(async () => {
    client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 0 } });
    text = readSeed('s000');
    await client.openAndWait(uri, text);
  });
  after(() => client.stop());

  const hover = (line: number, character: number) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  it('hover on a 表三 cell: what it counts and every equation with the live numbers', async () => {
    const cell = t3Cell(text);
    const before = await hover(cell.line, cell.character);
    assert.equal((before?.contents as MarkupContent).kind, 'markdown');
    assert.match(value(before), /表三「（一）予以公开」自然人/);
    assert.match(value(before), /全部公开的申请/);
    assert.match(value(before), /本行总计：总计 0 = \*\*自然人 0\*\* \+ 商业企业 0 \+ 科研机构 0 \+ 社会公益组织 0 \+ 法律服务机构 0 \+ 其他 0 ✓/);
    assert.deepEqual(before!.range, { start: cell, end: { ...cell, character: cell.character + 1 } });
    const next = client.nextDiagnostics(uri);
    await client.change(uri, [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '3' }]);
    await next;
    const after = value(await hover(cell.line, cell.character));
    assert.match(after, /总计 0 = \*\*自然人 3\*\* \+ 商业企业 0 .* ✗ 差3/);
    assert.match(after, /（七）总计 0 = \*\*（一）予以公开 3\*\* \+ 其余18项为0 ✗ 差3/);
    const undo = client.nextDiagnostics(uri);
    await client.change(uri, [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '0' }]);
    await undo;
  });

  it('hover on a row label with a legal basis, and on the balance row', async () => {
    const label = text.split('\n')[40].indexOf('1. 属于国家秘密');
    const secret = value(await hover(40, label + 2));
    assert.match(secret, /不予公开：属于国家秘密/);
    assert.match(secret, /依据：《中华人民共和国政府信息公开条例》第十四条/);
    const r1 = value(await hover(36, text.split('\n')[36].indexOf('| 0 |') + 2));
    assert.match(r1, /一＋二＝（七）总计＋四·自然人（表头注明）：\*\*一、本年新收 0\*\* \+ 二、上年结转 0 = （七）总计 0 \+ 四、结转下年度 0 ✓/);
  });

  it('hover on a section heading says what the section must contain; on a 表二 caption, the 条例 item', async () => {
    const heading = value(await hover(59, 4));
    assert.match(heading, /^\*\*四、政府信息公开行政复议、行政诉讼情况\*\*/);
    assert.match(heading, /表四：行政复议、未经复议直接起诉、复议后起诉三组/);
    const caption = value(await hover(14, 3));
    assert.match(caption, /第二十条第（一）项：行政法规、规章和规范性文件/);
    assert.equal(await hover(2, 5), null, 'prose has no hover');
  });

  it('document symbols: the title and the six sections, with tables and 表二 blocks inside', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name).slice(1), [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    assert.match(symbols[0].name, /政府信息公开工作年度报告$/);
    const two = symbols[2];
    assert.deepEqual(two.range, { start: { line: 13, character: 0 }, end: { line: 31, character: text.split('\n')[31].length } });
    const table = two.children!.find((c) => c.name === '表二')!;
    assert.deepEqual(
      table.children!.map((c) => c.name),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项'],
    );
    assert.equal(symbols[3].children!.find((c) => c.name === '表三')!.range.start.line, 33);
    for (const s of symbols)
      for (const c of s.children ?? []) {
        assert.ok(c.range.start.line >= s.range.start.line && c.range.end.line <= s.range.end.line, `${c.name} inside ${s.name}`);
      }
  });

  it('folding ranges: sections, sub-headings, tables and 表二 blocks', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const spans = folds.map((f) => `${f.startLine}-${f.endLine}`);
    for (const expected of ['1-12', '13-31', '14-31', '14-17', '32-58', '33-58', '59-63', '64-71', '72-75'])
      assert.ok(spans.includes(expected), `${expected} in ${spans}`);
    assert.ok(folds.every((f) => f.kind === 'region' && f.endLine > f.startLine));
  });

  it('a flat symbol list for clients without hierarchical symbols', async () => {
    const flat = await TestClient.start({ locale: 'en', settings: {}, capabilities: { textDocument: {} } });
    try {
      await flat.openAndWait(uriOf('flat.txt'), readSeed('s001'));
      const symbols = await flat.request<{ name: string; containerName?: string }[]>('textDocument/documentSymbol', {
        textDocument: { uri: uriOf('flat.txt') },
      });
      assert.ok(
        symbols.some((s) => s.name === 'Table 3' && s.containerName === '三、收到和处理政府信息公开申请情况'),
        JSON.stringify(symbols),
      );
    } finally {
      await flat.stop();
    }
  });
});
