import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  ProtocolConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeText, FIND_FILES_REQUEST, READ_FILE_REQUEST, WRITE_FILE_REQUEST } from '../../server/src/web/files';
import { startWebServer } from '../../server/src/web/server';
import { dirOf, joinUri, parentOf, relativeTo } from '../../server/src/web/uri';
import { readFixture, readSeed } from '../support/fixtures';
import { t3Cell } from './support/cells';

/**
 * The web worker language server (server/src/web), run here in-process over streams: it has no file
 * system and asks the client for every file (xxgk/web/readFile, writeFile, findFiles), which this
 * test answers from a scratch folder. Settings, .xxgk-lint.json (found, watched, written by
 * "ignore"), carry-over against a report read from the folder, and the summary.
 */

const WAIT_MS = 15_000;

class WebClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly fileRequests: string[] = [];
  private waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  constructor(
    readonly conn: ProtocolConnection,
    readonly settings: Record<string, unknown>,
  ) {
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (!w.match(p)) continue;
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    conn.onNotification('window/showMessage', () => undefined);
    conn.onNotification('window/logMessage', () => undefined);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      for (const [uri, edits] of Object.entries(p.edit.changes ?? {})) {
        const file = fileURLToPath(uri);
        fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, fs.readFileSync(file, 'utf8')), edits));
      }
      return { applied: true };
    });
    conn.onRequest(READ_FILE_REQUEST, ({ uri }: { uri: string }): { missing?: boolean; data?: string } => {
      this.fileRequests.push(uri);
      const file = fileURLToPath(uri);
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return { missing: true };
      return { data: fs.readFileSync(file).toString('base64') };
    });
    conn.onRequest(WRITE_FILE_REQUEST, ({ uri, data }: { uri: string; data: string }) => {
      fs.writeFileSync(fileURLToPath(uri), Buffer.from(data, 'base64'));
      return {};
    });
    conn.onRequest(FIND_FILES_REQUEST, ({ folder, max }: { folder: string; max: number }) =>
      (fs.readdirSync(fileURLToPath(folder), { recursive: true }) as string[])
        .map((f) => path.join(fileURLToPath(folder), f))
        .filter((f) => /\.(txt|md|html?|docx|pdf)$/.test(f))
        .slice(0, max)
        .map((f) => ({ uri: pathToFileURL(f).href, mtime: fs.statSync(f).mtimeMs, size: fs.statSync(f).size })),
    );
    conn.listen();
  }

  next(uri: string, match: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const last = this.published.filter((p) => p.uri === uri).pop();
        reject(new Error(`${what}: not within ${WAIT_MS} ms (last: ${JSON.stringify(last?.diagnostics.map((d) => `${d.code}/${d.severity}`))})`));
      }, WAIT_MS);
      this.waiters.push({
        match: (p) => p.uri === uri && match(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk-report', version: 1, text } });
  }

  async configChanged(uri: string): Promise<void> {
    await this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  }
}

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code}/${d.severity}`);

describe('the web worker language server (files through the client)', () => {
  const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-web-server-'));
  const ws = path.join(outer, 'workspace');
  const folder = pathToFileURL(ws).href;
  const broken = pathToFileURL(path.join(ws, 'broken.xxgk.txt')).href;
  const config = path.join(ws, '.xxgk-lint.json');
  let client: WebClient;
  let brokenText: string;

  before(async () => {
    fs.mkdirSync(path.join(ws, 'wenzhou'), { recursive: true });
    // Above the workspace folder: out of reach in a browser, so not looked for.
    fs.writeFileSync(path.join(outer, '.xxgk-lint.json'), JSON.stringify({ rules: { 'row-total': 'off' } }));
    const seed = readSeed('s000');
    const cell = t3Cell(seed);
    const lines = seed.split('\n');
    lines[cell.line] = `${lines[cell.line].slice(0, cell.character)}3${lines[cell.line].slice(cell.character + 1)}`;
    brokenText = lines.join('\n');
    fs.writeFileSync(path.join(ws, 'broken.xxgk.txt'), brokenText);
    fs.writeFileSync(path.join(ws, 'wenzhou', '2023.txt'), readFixture('workspace', 'wenzhou', '2023.txt'));
    fs.writeFileSync(path.join(ws, 'wenzhou', '2024.txt'), readFixture('workspace', 'wenzhou', '2024.txt'));
    fs.writeFileSync(path.join(ws, 'notes.txt'), '会议记录\n');

    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startWebServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    client = new WebClient(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), { debounceMs: 0 });
    await client.conn.sendRequest('initialize', {
      processId: null,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'workspace' }],
      locale: 'en',
      initializationOptions: { extensionUri: 'https://example.invalid/ext' },
      capabilities: {
        workspace: { configuration: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
    });
    await client.conn.sendNotification('initialized', {});
  });

  after(() => {
    client.conn.dispose();
    fs.rmSync(outer, { recursive: true, force: true });
  });

  it('checks an open report; the config search stops at the workspace folder; rule pages under the extension URI', async () => {
    const first = client.next(broken, (p) => p.diagnostics.length > 0, 'the first diagnostics');
    await client.open(broken, brokenText);
    const published = await first;
    assert.deepEqual(codes(published), ['row-total/1']);
    assert.equal(published.diagnostics[0].codeDescription?.href, 'https://example.invalid/ext/docs/rules/row-total.md');
    assert.ok(client.fileRequests.includes(pathToFileURL(config).href), 'looked for the folder’s config');
    assert.ok(!client.fileRequests.includes(pathToFileURL(path.join(outer, '.xxgk-lint.json')).href), 'not above the folder');
  });

  it('"ignore" writes a new .xxgk-lint.json (through the client) and the finding goes', async () => {
    const action = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: broken },
      range: client.published.filter((p) => p.uri === broken).pop()!.diagnostics[0].range,
      context: { diagnostics: [] },
    })) as { command?: { command: string; arguments: unknown[] } }[];
    const ignore = action.find((a) => a.command?.command === 'xxgk.ignoreFinding')!;
    assert.ok(ignore, 'an ignore action');
    const cleared = client.next(broken, (p) => p.diagnostics.length === 0, 'no finding once ignored');
    assert.equal(await client.conn.sendRequest('workspace/executeCommand', { command: 'xxgk.ignoreFinding', arguments: ignore.command!.arguments }), true);
    await cleared;
    assert.deepEqual(JSON.parse(fs.readFileSync(config, 'utf8')), { ignore: [{ file: 'broken.xxgk.txt', code: 'row-total', target: 'T3.R3_1.NP' }] });
  });

  it('a config changed on disk (watched) is read again; "ignore" then edits it through the editor', async () => {
    fs.writeFileSync(config, JSON.stringify({ rules: { 'row-total': 'warning' } }));
    const warning = client.next(broken, (p) => codes(p).join() === 'row-total/2', 'row-total as a warning');
    await client.configChanged(pathToFileURL(config).href);
    await warning;
    const cleared = client.next(broken, (p) => p.diagnostics.length === 0, 'no finding once ignored');
    const args = { uri: broken, code: 'row-total', target: 'T3.R3_1.NP' };
    assert.equal(await client.conn.sendRequest('workspace/executeCommand', { command: 'xxgk.ignoreFinding', arguments: [args] }), true);
    await cleared;
    assert.deepEqual(JSON.parse(fs.readFileSync(config, 'utf8')), {
      rules: { 'row-total': 'warning' },
      ignore: [{ file: 'broken.xxgk.txt', code: 'row-total', target: 'T3.R3_1.NP' }],
    });
  });

  it('carry-over against last year’s report read from the folder (not open)', async () => {
    const y2024 = pathToFileURL(path.join(ws, 'wenzhou', '2024.txt')).href;
    const carry = client.next(y2024, (p) => p.diagnostics.filter((d) => d.code === 'carry-over' && d.severity === 2).length === 2, 'two carry-over findings');
    await client.open(y2024, readFixture('workspace', 'wenzhou', '2024.txt'));
    const published = await carry;
    const found = published.diagnostics.find((d) => d.code === 'carry-over' && d.severity === 2)!;
    assert.match(String(found.message), /2023\.txt/);
    assert.equal(found.relatedInformation?.[0].location.uri, pathToFileURL(path.join(ws, 'wenzhou', '2023.txt')).href);
  });

  it('a file outside the workspace folder takes the nearest config above it', async () => {
    const loose = pathToFileURL(path.join(outer, 'loose.xxgk.txt')).href;
    const published = client.next(loose, () => true, 'the loose file’s diagnostics');
    await client.open(loose, brokenText);
    assert.deepEqual(codes(await published), [], 'row-total is off in the config above the workspace folder');
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: loose } });
  });

  it('the workspace summary lists the folder’s reports (not notes.txt), with paths relative to the folder', async () => {
    const result = (await client.conn.sendRequest('workspace/executeCommand', { command: 'xxgk.workspaceSummary', arguments: [] })) as {
      rows: { path: string; file: string }[];
      csv: string;
    };
    assert.deepEqual(
      result.rows.map((r) => r.path),
      ['broken.xxgk.txt', 'wenzhou/2023.txt', 'wenzhou/2024.txt'],
    );
    assert.equal(result.rows[0].file, broken);
    assert.ok(result.csv.startsWith('\ufeff'));
  });
});

describe('web server helpers', () => {
  it('decodes as the CLI does without Node: BOMs, strict UTF-8, else GB18030; NULs are binary', () => {
    assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0xb9, 0xb4])), '年');
    assert.equal(decodeText(new Uint8Array([0xc4, 0xea, 0xb1, 0xa8])), '年报');
    assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0x74, 0x5e])), '年');
    assert.equal(decodeText(new Uint8Array([0x41, 0x00, 0x42])), undefined);
  });

  it('URI folders, joins and relative paths (decoded)', () => {
    const file = 'vscode-remote://127.0.0.1:8080/ws/%E6%8A%A5%E5%91%8A/2023.txt';
    assert.equal(dirOf(file), 'vscode-remote://127.0.0.1:8080/ws/%E6%8A%A5%E5%91%8A');
    assert.equal(parentOf('vscode-remote://127.0.0.1:8080/ws'), 'vscode-remote://127.0.0.1:8080/');
    assert.equal(parentOf('vscode-remote://127.0.0.1:8080/'), undefined);
    assert.equal(joinUri('vscode-vfs://github/o/r', '.xxgk-lint.json'), 'vscode-vfs://github/o/r/.xxgk-lint.json');
    assert.equal(relativeTo('vscode-remote://127.0.0.1:8080/ws', file), '报告/2023.txt');
    assert.equal(relativeTo('vscode-remote://127.0.0.1:8080/other', file), '');
  });
});
