import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { readSeed } from '../support/fixtures';
import { t3Cell } from './support/cells';
import { TestClient, uriOf } from './support/lsp-client';

/** The message as plain text (LSP 3.18 also allows markup). */
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const at = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}`;

describe('diagnostics, pushed (client without pull support)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 250 } });
  });
  after(() => client.stop());

  it('initialize: incremental sync, no diagnosticProvider', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.equal(caps.diagnosticProvider, undefined);
    assert.ok(caps.hoverProvider && caps.documentSymbolProvider && caps.foldingRangeProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['xxgk.ignoreFinding', 'xxgk.workspaceSummary']);
  });

  it('seed 004: the 4、 heading at line 354 in Chinese, with code, doc link and version', async () => {
    const uri = uriOf('004.txt');
    const published = await client.openAndWait(uri, readSeed('s004'));
    assert.equal(published.version, 1);
    const four = published.diagnostics.find((d) => d.code === 'section-numbering' && d.range.start.line === 353);
    assert.ok(four, published.diagnostics.map(at).join(' '));
    assert.equal(four.message, '部分标题应使用汉字编号“四、”，此处写作“4、”');
    assert.equal(four.severity, 2);
    assert.equal(four.source, 'xxgk-lint');
    assert.deepEqual(four.range, { start: { line: 353, character: 0 }, end: { line: 353, character: 1 } });
    const href = four.codeDescription!.href;
    assert.match(href, /^file:\/\/.*\/docs\/rules\/section-numbering\.md$/);
    assert.ok(fs.existsSync(fileURLToPath(href)), `${href} exists`);
    assert.ok(published.diagnostics.some((d) => d.code === 'cell-empty'));
  });

  it('seed 000, one 表三 number changed: row-total at exactly that cell, with the two totals it breaks as related information', async () => {
    const uri = uriOf('000.txt');
    const text = readSeed('s000');
    assert.deepEqual((await client.openAndWait(uri, text)).diagnostics, []);
    const cell = t3Cell(text);
    const next = client.nextDiagnostics(uri);
    const version = await client.change(uri, [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '3' }]);
    const published = await next;
    assert.equal(published.version, version);
    assert.deepEqual(published.diagnostics.map(at), [`row-total@38:${cell.character}`]);
    const d = published.diagnostics[0];
    assert.deepEqual(d.range, { start: cell, end: { ...cell, character: cell.character + 1 } });
    assert.equal(d.severity, 1);
    assert.match(messageOf(d), /自然人为3，.*应为0/);
    // Only what explains it (the Problems panel shows each as a row, the hover lists them first).
    assert.deepEqual(
      d.relatedInformation!.map((r) => [r.location.uri === uri, r.location.range.start.line, r.message]),
      [
        [true, 38, '「（一）予以公开」总计：0'],
        [true, 57, '「（七）总计」自然人：0'],
      ],
    );
    assert.deepEqual(d.data, { target: 'T3.R3_1.NP' });
  });

  it('debounce: a burst of changes gives one result, for the last version; stale versions are never published', async () => {
    const uri = uriOf('burst.txt');
    const text = readSeed('s000');
    await client.openAndWait(uri, text);
    const cell = t3Cell(text);
    const from = client.published.length;
    let version = 0;
    const last = client.nextDiagnostics(uri, (p) => p.version === 11);
    for (let i = 1; i <= 10; i++) {
      version = await client.change(uri, [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: String(i % 10) }]);
    }
    assert.equal(version, 11);
    const published = await last;
    const forUri = client.published.slice(from).filter((p) => p.uri === uri);
    assert.deepEqual(
      forUri.map((p) => p.version),
      [11],
      'intermediate versions were not published',
    );
    assert.deepEqual(published.diagnostics, [], 'the last change wrote 0 back (10 % 10)');
  });

  it('close clears the diagnostics', async () => {
    const uri = uriOf('004.txt');
    const next = client.nextDiagnostics(uri);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await next).diagnostics, []);
  });
});

describe('diagnostics in English', () => {
  it('locale en: the same finding in English', async () => {
    const client = await TestClient.start({ locale: 'en', settings: {} });
    try {
      const published = await client.openAndWait(uriOf('004-en.txt'), readSeed('s004'));
      const four = published.diagnostics.find((d) => d.code === 'section-numbering' && d.range.start.line === 353)!;
      assert.equal(four.message, 'Section headings are numbered with Chinese numerals (“四、”), not “4、”');
    } finally {
      await client.stop();
    }
  });
});

describe('diagnostics, pulled (client with textDocument/diagnostic)', () => {
  let client: TestClient;
  const settings: Record<string, unknown> = { debounceMs: 0 };
  before(async () => {
    client = await TestClient.start({ locale: 'zh-CN', pull: true, settings });
  });
  after(() => client.stop());

  it('initialize announces a diagnostic provider', () => {
    assert.deepEqual(client.initializeResult!.capabilities.diagnosticProvider, {
      identifier: 'xxgk',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
  });

  it('reports on request, unchanged when nothing changed, the new cell after a change; nothing is pushed', async () => {
    const uri = uriOf('000-pull.txt');
    const text = readSeed('s000');
    await client.open(uri, text);
    const first = (await client.pullDiagnostics(uri)) as FullDocumentDiagnosticReport;
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items, []);
    const again = await client.pullDiagnostics(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    const cell = t3Cell(text);
    await client.change(uri, [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '3' }]);
    const changed = (await client.pullDiagnostics(uri, first.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(changed.kind, 'full');
    assert.deepEqual(changed.items.map(at), [`row-total@38:${cell.character}`]);
    assert.match(messageOf(changed.items[0]), /应为0$/);
    assert.equal(client.published.filter((p) => p.uri === uri).length, 0);
  });

  it('xxgk.run onSave: a change shows nothing new until the file is saved', async () => {
    settings.run = 'onSave';
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = uriOf('000-onsave.txt');
    const text = readSeed('s000');
    await client.open(uri, text);
    const opened = (await client.pullDiagnostics(uri)) as FullDocumentDiagnosticReport;
    assert.deepEqual(opened.items, []);
    const cell = t3Cell(text);
    await client.change(uri, [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '3' }]);
    assert.deepEqual(await client.pullDiagnostics(uri, opened.resultId), { kind: 'unchanged', resultId: opened.resultId });
    const refreshes = client.refreshRequests;
    await client.save(uri);
    const saved = (await client.pullDiagnostics(uri, opened.resultId)) as FullDocumentDiagnosticReport;
    assert.deepEqual(
      saved.items.map((d) => d.code),
      ['row-total'],
    );
    assert.ok(client.refreshRequests > refreshes, 'the server asked the client to pull again');
    settings.run = 'onType';
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('settings: a rule set to off disappears, a severity is applied', async () => {
    const uri = uriOf('004-pull.txt');
    await client.open(uri, readSeed('s004'));
    const before = (await client.pullDiagnostics(uri)) as FullDocumentDiagnosticReport;
    assert.ok(before.items.some((d) => d.code === 'cell-empty'));
    settings.rules = { 'cell-empty': 'off', 'section-numbering': 'error' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = (await client.pullDiagnostics(uri, before.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(after.kind, 'full');
    assert.ok(!after.items.some((d) => d.code === 'cell-empty'));
    assert.ok(after.items.filter((d) => d.code === 'section-numbering').every((d) => d.severity === 1));
    delete settings.rules;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
});

describe('size', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 0 } });
  });
  after(() => client.stop());

  it('a 1 MB document is checked, and a change to it is checked again', async () => {
    const seed = readSeed('s000');
    const big = `${seed}\n${'一、这是一段很长的正文，用来把文件撑到一兆字节。\n'.repeat(Math.ceil(1_000_000 / 60))}`;
    assert.ok(Buffer.byteLength(big) > 1_000_000);
    const uri = uriOf('big.txt');
    const t0 = Date.now();
    const opened = await client.openAndWait(uri, big);
    assert.deepEqual(
      opened.diagnostics.filter((d) => d.code === 'input-size'),
      [],
    );
    const cell = t3Cell(seed);
    const next = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '3' }]);
    const changed = await next;
    assert.ok(changed.diagnostics.some((d) => d.code === 'row-total'));
    assert.ok(Date.now() - t0 < 10_000);
  });

  it('xxgk.maxFileSize: a larger document gets one input-size notice', async () => {
    const small = await TestClient.start({ locale: 'zh-cn', settings: { maxFileSize: 1000 } });
    try {
      const published = await small.openAndWait(uriOf('limit.txt'), readSeed('s000'));
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.severity]),
        [['input-size', 3]],
      );
      assert.match(messageOf(published.diagnostics[0]), /超过检查上限1000，/);
    } finally {
      await small.stop();
    }
  });
});
