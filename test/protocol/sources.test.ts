/** The language server on web pages and on PDF and Word views. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/core/edits';
import { LineIndex } from '../../server/src/core/text';
import { ROOT } from '../support/fixtures';
import { TestClient, uriOf } from './support/lsp-client';

const page = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'gen-2021-word-row-total', 'page.html'), 'utf8');

describe('web pages and PDF/Word views in the language server', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 50 } });
  });
  after(() => client.stop());

  it('an HTML report: the wrong total is squiggled on its digits in the page, and the hover there explains it', async () => {
    const uri = uriOf('report.html');
    const next = client.nextDiagnostics(uri);
    await client.open(uri, page, 'html');
    const published = await next;
    const rowTotal = published.diagnostics.filter((d) => d.code === 'row-total');
    assert.equal(rowTotal.length, 1);
    const doc = new LineIndex(page);
    const { range } = rowTotal[0];
    assert.equal(page.slice(doc.offsetAt(range.start), doc.offsetAt(range.end)), '190');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: range.start });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /予以公开/);
    assert.deepEqual(hover.range, range);
  });

  it('an HTML report: source.fixAll writes the one wrong total, in the page', async () => {
    const uri = uriOf('fixall.html');
    const next = client.nextDiagnostics(uri);
    await client.open(uri, page, 'html');
    await next;
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']);
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.xxgk'],
    );
    const edits = actions[0].edit!.documentChanges!.flatMap((c) => ('edits' in c ? (c.edits as TextEdit[]) : []));
    assert.equal(applyEdits(page, edits), page.replace('>190<', '>188<'));
  });

  it('a web page that is not a report gets no diagnostics', async () => {
    const uri = uriOf('index.html');
    const next = client.nextDiagnostics(uri);
    await client.open(uri, '<!doctype html><html><body><h1>欢迎</h1></body></html>', 'html');
    assert.deepEqual((await next).diagnostics, []);
  });

  it('xxgk/readSource: bytes that are not a PDF get the reason, in Chinese', async () => {
    const answer = await client.request<{ text?: string; problem?: string }>('xxgk/readSource', {
      viewUri: 'xxgk-view:/r.pdf.txt',
      kind: 'pdf',
      data: Buffer.from('not a pdf').toString('base64'),
    });
    assert.equal(answer.text, undefined);
    assert.match(answer.problem!, /未检查/);
  });
});
