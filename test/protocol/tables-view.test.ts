/** `xxgk/tablesView` (the table preview's model) and the summary command's rows, over LSP. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CellView, TableView } from '../../server/src/core/tables-view';
import { readFixture, readSeed, SEEDS } from '../support/fixtures';
import { t3Cell } from './support/cells';
import { TestClient, uriOf } from './support/lsp-client';

interface TablesModel {
  uri: string;
  version: number;
  locale: string;
  organ: string | null;
  year: number | null;
  format: string | null;
  findings: number;
  tables: TableView[];
}

const cellOf = (m: TablesModel, target: string): CellView =>
  m.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells))).find((c) => c.target === target)!;

describe('xxgk/tablesView', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'zh-cn', settings: { debounceMs: 0 } });
  });
  after(() => client.stop());

  const tables = (uri: string) => client.request<TablesModel | null>('xxgk/tablesView', { uri });

  it('follows the edits: the changed cell becomes the culprit, with the live numbers, and back', async () => {
    const uri = uriOf('tables-000.txt');
    const text = readSeed('s000');
    await client.openAndWait(uri, text);
    const clean = (await tables(uri))!;
    assert.equal(clean.uri, uri);
    assert.equal(clean.locale, 'zh-CN');
    assert.equal(clean.year, 2020);
    assert.equal(clean.format, '2019');
    assert.deepEqual(
      clean.tables.map((t) => [t.id, t.title]),
      [
        ['T2', '表二'],
        ['T3', '表三'],
        ['T4', '表四'],
      ],
    );
    const cell = t3Cell(text);
    const before = cellOf(clean, 'T3.R3_1.NP');
    assert.equal(before.severity, undefined);
    assert.deepEqual(before.range, { start: cell, end: { ...cell, character: cell.character + 1 } });

    const range = { start: cell, end: { ...cell, character: cell.character + 1 } };
    const next = client.nextDiagnostics(uri);
    await client.change(uri, [{ range, text: '3' }]);
    await next;
    const broken = (await tables(uri))!;
    assert.equal(broken.version, clean.version + 1);
    const after = cellOf(broken, 'T3.R3_1.NP');
    assert.deepEqual([after.text, after.severity, after.culprit], ['3', 'error', true]);
    assert.match(after.hover!, /^✗ 本行总计：\*\*总计 0 ≠ 3\+0\+0\+0\+0\+0 = 3\*\*\n/);
    assert.equal(broken.findings, 1);

    const undo = client.nextDiagnostics(uri);
    await client.change(uri, [{ range, text: '0' }]);
    await undo;
    assert.equal(cellOf((await tables(uri))!, 'T3.R3_1.NP').severity, undefined);
  });

  it('a web page: ranges in the HTML the editor shows', async () => {
    const uri = uriOf('tables-page.html');
    const html = readFixture('corpus', 'gen-2021-word-row-total', 'page.html');
    const first = client.nextDiagnostics(uri);
    await client.open(uri, html, 'html');
    await first;
    const model = (await tables(uri))!;
    const culprit = cellOf(model, 'T3.R3_1.TOT');
    assert.equal(culprit.culprit, true);
    const r = culprit.range!;
    assert.equal(html.split('\n')[r.start.line].slice(r.start.character, r.end.character), '190');
  });

  it('no tables in a text that is no report; null for a document that is not open', async () => {
    const uri = uriOf('tables-notes.txt');
    await client.openAndWait(uri, '某局2021年政府信息公开工作年度报告\n一、总体情况\n今年没有表格。\n');
    assert.deepEqual((await tables(uri))!.tables, []);
    assert.equal(await tables(uriOf('never-opened.txt')), null);
  });
});

describe('the summary command lists every report', () => {
  it('the five seeds give five rows, the untitled one included (as the CLI’s summary); a README does not count', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-summary-all-'));
    for (const name of Object.values(SEEDS)) fs.writeFileSync(path.join(dir, name), readFixture('seeds', name));
    fs.writeFileSync(path.join(dir, 'README.md'), '# 年报\n这里存放年度报告。\n');
    const client = await TestClient.start({ locale: 'zh-cn', settings: {}, workspaceFolder: dir });
    try {
      const result = await client.request<{
        rows: { file: string; path: string; organ: string | null; statusName: string }[];
        columns: { key: string; title: string }[];
        csv: string;
      }>('workspace/executeCommand', { command: 'xxgk.workspaceSummary', arguments: [] });
      assert.deepEqual(
        result.rows.map((r) => path.basename(fileURLToPath(r.file))),
        Object.values(SEEDS),
      );
      const untitled = result.rows.find((r) => r.path === SEEDS.s002)!;
      assert.equal(untitled.organ, null, 'seed 002’s title names no body');
      assert.equal(untitled.statusName, '已检查');
      assert.equal(result.rows[0].file, pathToFileURL(path.join(dir, SEEDS.s000)).href);
      assert.deepEqual(
        result.columns.slice(0, 3).map((c) => c.title),
        ['文件', '机关', '年度'],
      );
      assert.ok(result.csv.startsWith('\ufeff文件,机关,年度,格式,状态,'), result.csv.slice(0, 40));
      assert.equal(result.csv.split('\r\n').filter(Boolean).length, 6);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
