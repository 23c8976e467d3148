import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFixture } from '../support/fixtures';
import { TestClient, uriOf } from './support/lsp-client';

/**
 * Cross-file checks in the editor: two years of one body open side by side. 2023 carries one
 * application over (四 = 1); 2024 says none came over (二 = 0), so 2024 gets carry-over, pointing
 * into 2023. Editing 2023 re-checks 2024 without touching it.
 */
describe('workspace checks over open documents', () => {
  let client: TestClient;
  const y2023 = uriOf('wenzhou/2023.txt');
  const y2024 = uriOf('wenzhou/2024.txt');
  const text2023 = readFixture('workspace', 'wenzhou', '2023.txt');
  before(async () => {
    client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 0 } });
  });
  after(() => client.stop());

  it('carry-over on 2024’s 上年结转 cells, with last year’s cells as related information', async () => {
    await client.openAndWait(y2023, text2023);
    const published = await client.openAndWait(y2024, readFixture('workspace', 'wenzhou', '2024.txt'));
    const carry = published.diagnostics.filter((d) => d.code === 'carry-over' && d.severity === 2);
    assert.deepEqual(
      carry.map((d) => `${d.range.start.line}:${d.range.start.character}`),
      ['33:19', '33:43'],
    );
    assert.equal(carry[0].message, '表三「二、上年结转政府信息公开申请数量」自然人为0，但2023年报告（2023.txt）「四、结转下年度继续办理」自然人为1');
    assert.equal(carry[0].relatedInformation?.[0].location.uri, y2023);
    assert.equal(carry[0].relatedInformation?.[0].location.range.start.line, 56);
  });

  it('writing 0 into 2023’s 结转下年度 row re-checks 2024: the carry-over findings go', async () => {
    const line = 56;
    const lineText = text2023.split('\n')[line];
    const edits = [...lineText.matchAll(/\b1\b/g)].map((m) => ({
      range: { start: { line, character: m.index! }, end: { line, character: m.index! + 1 } },
      text: '0',
    }));
    const next2024 = client.nextDiagnostics(y2024, (p) => !p.diagnostics.some((d) => d.code === 'carry-over' && d.severity === 2));
    await client.change(y2023, edits.reverse());
    const published = await next2024;
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'carry-over' && d.severity === 2),
      [],
    );
  });
});

describe('workspace checks against reports on disk', () => {
  it('last year’s report in the workspace folder, not open: carry-over appears once the folder is read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-peers-'));
    fs.writeFileSync(path.join(dir, '2023.txt'), readFixture('workspace', 'wenzhou', '2023.txt'));
    const text2024 = readFixture('workspace', 'wenzhou', '2024.txt');
    fs.writeFileSync(path.join(dir, '2024.txt'), text2024);
    const client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 0 }, workspaceFolder: dir });
    try {
      const uri = pathToFileURL(path.join(dir, '2024.txt')).href;
      const withCarry = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'carry-over' && d.severity === 2));
      await client.openAndWait(uri, text2024);
      const published = await withCarry;
      const carry = published.diagnostics.find((d) => d.code === 'carry-over' && d.severity === 2)!;
      assert.equal(carry.relatedInformation?.[0].location.uri, pathToFileURL(path.join(dir, '2023.txt')).href);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the summary command', () => {
  it('xxgk.workspaceSummary: one row per report in the folder, cross-file findings counted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-summary-'));
    fs.mkdirSync(path.join(dir, 'wenzhou'));
    for (const y of ['2023', '2024']) fs.writeFileSync(path.join(dir, 'wenzhou', `${y}.txt`), readFixture('workspace', 'wenzhou', `${y}.txt`));
    const client = await TestClient.start({ locale: 'zh-cn', settings: {}, workspaceFolder: dir });
    try {
      const result = await client.request<{ rows: { file: string; year: number; warnings: number; received: number }[]; text: string }>(
        'workspace/executeCommand',
        { command: 'xxgk.workspaceSummary', arguments: [] },
      );
      assert.deepEqual(
        result.rows.map((r) => [path.basename(fileURLToPath(r.file)), r.year, r.received]),
        [
          ['2023.txt', 2023, 1],
          ['2024.txt', 2024, 1],
        ],
      );
      assert.ok(result.rows[1].warnings >= 3, 'text-table-mismatch and the two carry-over findings');
      assert.match(result.text, /^文件 +机关 +年度/);
      assert.match(result.text, /wenzhou\/2024\.txt +温州市投资促进局 +2024 +2021/);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
