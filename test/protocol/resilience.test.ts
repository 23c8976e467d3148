import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentDiagnosticReport, Hover } from 'vscode-languageserver-protocol/node';
import { readSeed } from '../support/fixtures';
import { t3Cell } from './support/cells';
import { TestClient, uriOf } from './support/lsp-client';

/** The server answers broken or untimely traffic with LSP errors (or ignores it) and keeps serving. */
describe('server resilience', () => {
  it('malformed JSON-RPC on the wire: the server keeps serving', async () => {
    const client = await TestClient.start({ locale: 'zh-cn' });
    try {
      const uri = uriOf('malformed.txt');
      await client.openAndWait(uri, readSeed('s000'));
      for (const body of ['{"jsonrpc":"2.0","id":', '[1,2,3]', '{"jsonrpc":"2.0","id":99,"method":7}', '\u0000\u0001garbage']) {
        client.child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      }
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 3 } });
      assert.ok(hover, 'still answering after the garbage');
      assert.equal(client.child.exitCode, null);
    } finally {
      await client.stop();
    }
  });

  it('edits that arrive out of order: no crash, every result carries the version it was made for, and a full resync is checked right', async () => {
    const client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 0 } });
    try {
      const uri = uriOf('out-of-order.txt');
      const text = readSeed('s000');
      await client.openAndWait(uri, text);
      const cell = t3Cell(text);
      const edit = (ch: string) => [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: ch }];
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: edit('3') });
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: edit('7') });
      const resynced = client.nextDiagnostics(uri, (p) => p.version === 9);
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ text }] });
      assert.deepEqual((await resynced).diagnostics, [], 'the original text again: no findings');
      for (const p of client.published.filter((x) => x.uri === uri)) assert.equal(typeof p.version, 'number');
    } finally {
      await client.stop();
    }
  });

  it('a cancelled pull request is answered (ServerCancelled or a report) and the next one works', async () => {
    const client = await TestClient.start({ locale: 'zh-cn', pull: true, settings: { debounceMs: 300 } });
    try {
      const uri = uriOf('cancel.txt');
      await client.open(uri, readSeed('s004'));
      const cell = { line: 38, character: 0 };
      await client.change(uri, [{ range: { start: cell, end: cell }, text: '' }]);
      const source = new (await import('vscode-languageserver-protocol/node')).CancellationTokenSource();
      const pending = client.conn.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, source.token);
      source.cancel();
      await pending.then(
        (r) => assert.ok(r.kind === 'full' || r.kind === 'unchanged'),
        (e: { code: number }) => assert.equal(e.code, -32802, 'ServerCancelled'),
      );
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.ok(report.kind === 'full' && report.items.some((d) => d.code === 'section-numbering'));
    } finally {
      await client.stop();
    }
  });

  it('requests for a document that was never opened get empty answers', async () => {
    const client = await TestClient.start({ locale: 'zh-cn', pull: true });
    try {
      const uri = uriOf('never-opened.txt');
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(report, { kind: 'full', items: [] });
      const empty = (x: unknown) => x === null || (Array.isArray(x) && x.length === 0);
      assert.ok(empty(await client.request('textDocument/documentSymbol', { textDocument: { uri } })));
      assert.ok(empty(await client.request('textDocument/foldingRange', { textDocument: { uri } })));
      assert.ok(
        empty(
          await client.request('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [] },
          }),
        ),
      );
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    } finally {
      await client.stop();
    }
  });
});
