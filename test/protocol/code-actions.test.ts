import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { readSeed } from '../support/fixtures';
import { t3Cell } from './support/cells';
import { TestClient, uriOf } from './support/lsp-client';

function editsOf(action: CodeAction): TextEdit[] {
  const changes = action.edit?.documentChanges ?? [];
  return changes.flatMap((c) => (c as TextDocumentEdit).edits as TextEdit[]);
}

/** Seed 000 with two totals changed: 总计 of 表三 一、本年新收 (5) and 行政复议 总计 of 表四 (2). */
function brokenSeed(): string {
  const lines = readSeed('s000').split('\n');
  const r1 = lines[36];
  assert.match(r1, /^一、 本年新收/);
  const tot = r1.lastIndexOf('| 0 |') + 2;
  lines[36] = `${r1.slice(0, tot)}5${r1.slice(tot + 1)}`;
  assert.match(lines[63], /^0 \| 0 \| 0 \| 0 \| 0 \|/);
  lines[63] = `0 | 0 | 0 | 0 | 2${lines[63].slice(17)}`;
  return lines.join('\n');
}

describe('code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 0 } });
  });
  after(() => client.stop());

  it('initialize lists quickfix, source.fixAll.xxgk and source.xxgk.fixTotals', () => {
    assert.deepEqual(client.initializeResult!.capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.xxgk', 'source.xxgk.fixTotals'],
    });
  });

  it('quick fix of a row-total finding (preferred) → apply the edit → the finding is gone', async () => {
    const uri = uriOf('quickfix.txt');
    const text = readSeed('s000');
    await client.openAndWait(uri, text);
    const cell = t3Cell(text);
    let next = client.nextDiagnostics(uri);
    await client.change(uri, [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '3' }]);
    const [finding] = (await next).diagnostics;
    assert.equal(finding.code, 'row-total');
    const actions = await client.codeActions(uri, finding.range, undefined, [finding]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.isPreferred, true);
    assert.match(fix.title, /改为0/);
    assert.deepEqual(
      fix.diagnostics?.map((d) => d.code),
      ['row-total'],
    );
    assert.deepEqual(editsOf(fix), [{ range: finding.range, newText: '0' }]);
    const docEdit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(docEdit.textDocument.version, 2, 'the edit is for the version it was made from');
    next = client.nextDiagnostics(uri);
    await client.applyEdits(uri, editsOf(fix));
    assert.deepEqual((await next).diagnostics, []);
    assert.equal(client.text(uri), text);
    const ignore = actions.find((a) => a.command?.command === 'xxgk.ignoreFinding');
    assert.ok(ignore, 'an ignore action is offered too');
    assert.equal(ignore.title, '在 .xxgk-lint.json 中忽略此项（row-total：表三「（一）予以公开」自然人）');
  });

  it('source.fixAll.xxgk: every safe fix, re-checked until nothing is left, as small edits; the 表四 sum stays', async () => {
    const uri = uriOf('fixall.txt');
    const broken = brokenSeed().replace('四、 政府信息公开行政复议', '4、 政府信息公开行政复议');
    const opened = await client.openAndWait(uri, broken);
    const codes = opened.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['review-total', 'row-total', 'section-numbering']);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']);
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.xxgk'],
    );
    const edits = editsOf(actions[0]);
    assert.ok(
      edits.every((e) => e.range.start.line === e.range.end.line && e.newText.length <= 3),
      JSON.stringify(edits),
    );
    const next = client.nextDiagnostics(uri);
    await client.applyEdits(uri, edits);
    // 表四's group total is one sum: any of its five cells could be wrong, so it is only suggested.
    assert.deepEqual(
      (await next).diagnostics.map((d) => d.code),
      ['review-total'],
    );
    // The heading fix writes 四、 over the whole 4、 prefix, space included.
    const lines = client.text(uri).split('\n');
    assert.equal(lines[63].slice(0, 17), '0 | 0 | 0 | 0 | 2');
    lines[63] = `0 | 0 | 0 | 0 | 0${lines[63].slice(17)}`;
    assert.ok(lines.join('\n') === readSeed('s000').replace('四、 政府信息公开行政复议', '四、政府信息公开行政复议'), 'fixed text');
  });

  it('fix all totals: only the safe fixes of sums, as a source action', async () => {
    const uri = uriOf('totals.txt');
    const broken = brokenSeed().replace('四、 政府信息公开行政复议', '4、 政府信息公开行政复议');
    const opened = await client.openAndWait(uri, broken);
    const total = opened.diagnostics.find((d) => d.code === 'row-total')!;
    const source = await client.codeActions(uri, total.range, ['source.xxgk.fixTotals']);
    assert.deepEqual(
      source.map((a) => [a.kind, a.title]),
      [['source.xxgk.fixTotals', '修正本文件中能确定的合计（1处修改）']],
    );
    const next = client.nextDiagnostics(uri);
    await client.applyEdits(uri, editsOf(source[0]));
    assert.deepEqual(
      (await next).diagnostics.map((d) => d.code),
      ['section-numbering', 'review-total'],
      'the heading is not a total, the 表四 sum is not certain',
    );
  });

  it('two typos in one row: no fix-all edit, and the quick-fix menu has both suggestions (not preferred)', async () => {
    const uri = uriOf('typos.txt');
    // 自然人 2 and 商业企业 3 in （一）予以公开, where both are 0.
    const typos = readSeed('s000').replace('(一)予以公开 | 0 | 0 |', '(一)予以公开 | 2 | 3 |');
    const opened = await client.openAndWait(uri, typos);
    assert.deepEqual(
      opened.diagnostics.map((d) => d.code),
      ['row-total', 'column-total', 'column-total'],
    );
    const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(await client.codeActions(uri, origin, ['source.fixAll']), [], 'fix on save changes nothing');
    assert.deepEqual(await client.codeActions(uri, origin, ['source.xxgk.fixTotals']), []);
    const rowTotal = opened.diagnostics[0];
    const quick = await client.codeActions(uri, rowTotal.range, undefined, [rowTotal]);
    const suggestions = quick.filter((a) => a.edit);
    assert.deepEqual(
      suggestions.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics?.map((d) => d.code)]),
      [
        ['假设各项正确：将总计改为5', 'quickfix', undefined, ['row-total']],
        ['假设总计正确：将自然人、商业企业改为0', 'quickfix', undefined, ['row-total']],
      ],
    );
    assert.deepEqual(editsOf(suggestions[0]), [{ range: rowTotal.range, newText: '5' }]);
    assert.deepEqual(editsOf(suggestions[1]), [
      { range: { start: { line: 38, character: 23 }, end: { line: 38, character: 24 } }, newText: '0' },
      { range: { start: { line: 38, character: 27 }, end: { line: 38, character: 28 } }, newText: '0' },
    ]);
    const next = client.nextDiagnostics(uri);
    await client.applyEdits(uri, editsOf(suggestions[1]));
    assert.deepEqual((await next).diagnostics, [], 'trusting the total gives the report back');
    assert.equal(client.text(uri), readSeed('s000'));
  });

  it('no source action unless asked for; nothing for an unknown document', async () => {
    const uri = uriOf('quickfix.txt');
    const none = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.deepEqual(none, []);
    assert.deepEqual(await client.codeActions(uriOf('nope.txt'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
  });
});

describe('ignore this finding', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-protocol-'));
    fs.mkdirSync(path.join(dir, '2020'));
    client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 0 }, workspaceFolder: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates .xxgk-lint.json in the workspace folder, then adds to it through a workspace edit; the report is untouched', async () => {
    const file = path.join(dir, '2020', 'report.txt');
    fs.writeFileSync(file, readSeed('s004'));
    const uri = pathToFileURL(file).href;
    const opened = await client.openAndWait(uri, readSeed('s004'));
    const four = opened.diagnostics.find((d) => d.code === 'section-numbering' && d.range.start.line === 353)!;
    const actions = await client.codeActions(uri, four.range, undefined, [four]);
    const ignore = actions.find((a) => a.command?.command === 'xxgk.ignoreFinding')!;
    let next = client.nextDiagnostics(uri);
    assert.equal(await client.request('workspace/executeCommand', ignore.command), true);
    const after = await next;
    assert.ok(!after.diagnostics.some((d) => d.code === 'section-numbering' && d.range.start.line === 353));
    assert.equal(after.diagnostics.filter((d) => d.code === 'section-numbering').length, 3, 'the others stay');
    const configFile = path.join(dir, '.xxgk-lint.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(configFile, 'utf8')), {
      ignore: [{ file: '2020/report.txt', code: 'section-numbering', target: 'section.4' }],
    });
    assert.equal(client.appliedEdits.length, 0, 'a new config is written directly');

    const empty = after.diagnostics.find((d) => d.code === 'cell-empty')!;
    const second = (await client.codeActions(uri, empty.range, undefined, [empty])).find((a) => a.command?.command === 'xxgk.ignoreFinding')!;
    next = client.nextDiagnostics(uri);
    assert.equal(await client.request('workspace/executeCommand', second.command), true);
    const later = await next;
    assert.equal(later.diagnostics.filter((d) => d.code === 'cell-empty').length, after.diagnostics.filter((d) => d.code === 'cell-empty').length - 1);
    assert.equal(client.appliedEdits.length, 1, 'an existing config is edited through the client');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    assert.equal(config.ignore.length, 2);
    assert.equal(client.text(uri), readSeed('s004'));
    assert.equal(fs.readFileSync(file, 'utf8'), readSeed('s004'));
  });

  it('the config file beats the settings, and a change on disk is picked up (didChangeWatchedFiles)', async () => {
    const configFile = path.join(dir, '.xxgk-lint.json');
    const uri = pathToFileURL(path.join(dir, '2020', 'report.txt')).href;
    fs.writeFileSync(configFile, JSON.stringify({ rules: { 'section-numbering': 'off' } }));
    const next = client.nextDiagnostics(uri);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
    const after = await next;
    assert.equal(after.diagnostics.filter((d) => d.code === 'section-numbering').length, 0);
    assert.ok(
      after.diagnostics.some((d) => d.code === 'cell-empty'),
      'the ignore entries went with the old file',
    );
  });
});
