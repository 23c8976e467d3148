import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { readSeed } from '../support/fixtures';
import { SERVER, TestClient, uriOf } from './support/lsp-client';

describe('server lifecycle and bad input', () => {
  it('an invalid request gets an LSP error and the server keeps serving', async () => {
    const client = await TestClient.start({ locale: 'zh-cn', settings: {} });
    try {
      const uri = uriOf('lifecycle.txt');
      await client.openAndWait(uri, readSeed('s000'));
      await assert.rejects(client.request('xxgk/noSuchMethod', {}), (e: { code: number }) => e.code === -32601);
      await assert.rejects(
        client.request('textDocument/hover', { textDocument: null, position: 'nowhere' }),
        (e: { code: number }) => typeof e.code === 'number',
      );
      await assert.rejects(client.request('textDocument/codeAction', {}), (e: { code: number }) => typeof e.code === 'number');
      assert.equal(
        await client.request('workspace/executeCommand', { command: 'xxgk.ignoreFinding', arguments: [{ uri: 'untitled:Untitled-1', code: 'cell-empty' }] }),
        false,
      );
      assert.equal(await client.request('workspace/executeCommand', { command: 'xxgk.ignoreFinding', arguments: [] }), false);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: uriOf('not-open.txt') }, position: { line: 0, character: 0 } }), null);
      // A notification for a document that was never opened is ignored.
      await client.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: uriOf('not-open.txt'), version: 2 },
        contentChanges: [{ text: 'x' }],
      });
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 3 } });
      assert.ok(hover, 'still answering');
    } finally {
      await client.stop();
    }
    assert.equal(client.child.exitCode, 0, 'shutdown + exit ends the process with 0');
  });

  it('untitled documents are checked too', async () => {
    const client = await TestClient.start({ locale: 'zh-cn' });
    try {
      const published = await client.openAndWait('untitled:Untitled-1', readSeed('s004'));
      assert.ok(published.diagnostics.some((d) => d.code === 'section-numbering'));
    } finally {
      await client.stop();
    }
  });

  it('`node server/out/server.js --stdio` exits when stdin closes', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.end();
    assert.equal(typeof (await exited), 'number');
  });
});
