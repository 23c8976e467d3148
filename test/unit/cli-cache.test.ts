/**
 * `--cache`: results reused only while a file's bytes and options are unchanged, the cross-file
 * checks still made on every run, a broken or unwritable cache never failing a check, and nothing
 * written without the flag.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../server/src/node/cli';
import { FIXTURES, readFixture, readSeed } from '../support/fixtures';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env: { LANG: 'zh_CN.UTF-8' } });
  return { code, stdout, stderr };
}

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cache-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const CACHE = '.xxgk-lint-cache';
const s000 = readSeed('s000');
const s003 = readSeed('s003');
const broken = readFixture('broken', 'a-2019-mixed.txt');

type StoredFinding = { code: string; severity: string; message: string; range: unknown };
type Stored = { entries: Record<string, { key: string; result: { findings: StoredFinding[] } }> };
const readCache = (file: string): Stored => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Marks every stored finding of `abs` and adds one, so that a reused result shows in the output. */
function tamper(cacheFile: string, abs: string): void {
  const stored = readCache(cacheFile);
  const findings = stored.entries[abs].result.findings;
  for (const f of findings) f.message = 'FROM-CACHE';
  findings.push({ code: 'marker', severity: 'information', message: 'FROM-CACHE', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
  fs.writeFileSync(cacheFile, JSON.stringify(stored));
}

describe('xxgk-lint --cache', () => {
  it('without --cache nothing is written', async () => {
    const dir = workspace({ 'a.txt': s003 });
    await run(['a.txt'], dir);
    assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
  });

  it('a second run reuses the stored results and prints what a run without the cache prints, in every format', async () => {
    const dir = workspace({ 'r/a.txt': s000, 'r/b.txt': s003, 'r/c.txt': broken });
    for (const format of ['text', 'json', 'sarif']) {
      const plain = await run(['-f', format, 'r'], dir);
      const first = await run(['--cache', '-f', format, 'r'], dir);
      const second = await run(['--cache', '-f', format, 'r'], dir);
      assert.deepEqual([first.code, first.stdout, first.stderr], [plain.code, plain.stdout, plain.stderr], format);
      assert.deepEqual([second.code, second.stdout, second.stderr], [plain.code, plain.stdout, plain.stderr], format);
    }
    assert.deepEqual(Object.keys(readCache(path.join(dir, CACHE)).entries).sort(), ['a.txt', 'b.txt', 'c.txt'].map((f) => path.join(dir, 'r', f)));
    tamper(path.join(dir, CACHE), path.join(dir, 'r', 'b.txt'));
    const reused = await run(['--cache', '-f', 'sarif', 'r'], dir);
    assert.match(reused.stdout, /FROM-CACHE/, 'the stored result is the one printed');
  });

  it('a changed file, a changed option or a changed config is checked again', async () => {
    const dir = workspace({ 'a.txt': s003, 'b.txt': broken });
    const cacheFile = path.join(dir, CACHE);
    await run(['--cache', 'a.txt', 'b.txt'], dir);
    tamper(cacheFile, path.join(dir, 'a.txt'));
    tamper(cacheFile, path.join(dir, 'b.txt'));

    fs.appendFileSync(path.join(dir, 'a.txt'), '\n');
    const edited = await run(['--cache', 'a.txt', 'b.txt'], dir);
    assert.doesNotMatch(edited.stdout.split('\n').filter((l) => l.startsWith('a.txt')).join('\n'), /FROM-CACHE/);
    assert.match(edited.stdout.split('\n').filter((l) => l.startsWith('b.txt')).join('\n'), /FROM-CACHE/, 'b.txt did not change');

    const english = await run(['--cache', '--locale', 'en', 'b.txt'], dir);
    assert.doesNotMatch(english.stdout, /FROM-CACHE/);
    assert.match(english.stdout, /b\.txt:\d+:\d+: error row-total: /);

    await run(['--cache', 'b.txt'], dir);
    tamper(cacheFile, path.join(dir, 'b.txt'));
    fs.writeFileSync(path.join(dir, '.xxgk-lint.json'), JSON.stringify({ rules: { 'cell-empty': 'off' } }));
    const configured = await run(['--cache', 'b.txt'], dir);
    assert.doesNotMatch(configured.stdout, /FROM-CACHE|cell-empty/);
    assert.match(configured.stdout, /row-total/);
  });

  it('carry-over and copied-text are found across cached and fresh results alike', async () => {
    const src = path.join(FIXTURES, 'workspace', 'wenzhou');
    const dir = workspace({ 'w/2023.txt': fs.readFileSync(path.join(src, '2023.txt'), 'utf8'), 'w/2024.txt': fs.readFileSync(path.join(src, '2024.txt'), 'utf8') });
    await run(['--cache', '-f', 'json', 'w'], dir);
    fs.appendFileSync(path.join(dir, 'w', '2024.txt'), '\n');
    const mixed = await run(['--cache', '-f', 'json', 'w'], dir);
    const plain = await run(['-f', 'json', 'w'], dir);
    assert.equal(mixed.stdout, plain.stdout);
    const codes = (JSON.parse(mixed.stdout) as { diagnostics: { code: string }[] }[])[1].diagnostics.map((d) => d.code);
    assert.ok(codes.includes('carry-over') && codes.includes('copied-text'), codes.join());
  });

  it('--fix does not trust the cache, and stores what it wrote', async () => {
    const dir = workspace({ 'c.txt': broken });
    const cacheFile = path.join(dir, CACHE);
    await run(['--cache', 'c.txt'], dir);
    tamper(cacheFile, path.join(dir, 'c.txt'));
    const fixed = await run(['--cache', '--fix', 'c.txt'], dir);
    assert.doesNotMatch(fixed.stdout, /FROM-CACHE/);
    assert.match(fixed.stderr, /已修复/);
    tamper(cacheFile, path.join(dir, 'c.txt'));
    assert.match((await run(['--cache', 'c.txt'], dir)).stdout, /FROM-CACHE/, 'the fixed file is the one stored');
  });

  it('summary --cache and summary -j give the rows summary gives without them', async () => {
    const dir = workspace({ 'r/a.txt': s000, 'r/b.txt': s003, 'r/c.txt': broken });
    const plain = await run(['summary', '-f', 'csv', 'r'], dir);
    await run(['summary', '--cache', '-f', 'csv', 'r'], dir);
    const cached = await run(['summary', '--cache', '-f', 'csv', 'r'], dir);
    const threaded = await run(['summary', '-j', '2', '-f', 'csv', 'r'], dir);
    assert.equal(cached.stdout, plain.stdout);
    assert.equal(threaded.stdout, plain.stdout);
    assert.equal((await run(['summary', '-j', 'x', 'r'], dir)).code, 2);
    assert.equal(plain.stdout.trimEnd().split('\r\n').length, 4);
    assert.ok(fs.existsSync(path.join(dir, CACHE)));
  });

  it('--cache-location: a file or a folder; entries of deleted files are dropped', async () => {
    const dir = workspace({ 'a.txt': s000, 'b.txt': s003, 'tmp/keep': '' });
    await run(['--cache', '--cache-location', 'tmp/', 'a.txt', 'b.txt'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'tmp', CACHE)));
    await run(['--cache', '--cache-location', 'my.cache', 'a.txt', 'b.txt'], dir);
    assert.equal(Object.keys(readCache(path.join(dir, 'my.cache')).entries).length, 2);
    fs.rmSync(path.join(dir, 'b.txt'));
    await run(['--cache', '--cache-location', 'my.cache', 'a.txt'], dir);
    assert.deepEqual(Object.keys(readCache(path.join(dir, 'my.cache')).entries), [path.join(dir, 'a.txt')]);
  });

  it('a broken cache is ignored and rewritten; an unwritable one is a warning, not a failed check', async () => {
    const dir = workspace({ 'b.txt': s003 });
    const plain = await run(['b.txt'], dir);
    for (const junk of ['', '{"format":1', 'null', '{"format":1,"engine":"x","entries":{}}', '\u0000\u0001']) {
      fs.writeFileSync(path.join(dir, CACHE), junk);
      const r = await run(['--cache', 'b.txt'], dir);
      assert.deepEqual([r.code, r.stdout, r.stderr], [plain.code, plain.stdout, plain.stderr], JSON.stringify(junk));
      assert.ok(readCache(path.join(dir, CACHE)).entries[path.join(dir, 'b.txt')]);
    }
    const unwritable = await run(['--cache', '--cache-location', 'no/such/folder/cache', 'b.txt'], dir);
    assert.equal(unwritable.code, plain.code);
    assert.equal(unwritable.stdout, plain.stdout);
    assert.match(unwritable.stderr, /^xxgk-lint: warning: cannot write the cache .*no\/such\/folder\/cache \(ENOENT\)\n$/);
  });

  it('with --jobs 3 the cache gives what one thread gives', async () => {
    const files: Record<string, string> = {};
    const texts = [s000, s003, broken];
    for (let i = 0; i < 40; i++) files[`m/${String(i).padStart(2, '0')}.txt`] = texts[i % texts.length];
    const dir = workspace(files);
    const plain = await run(['-f', 'json', 'm'], dir);
    const first = await run(['--cache', '-j', '3', '-f', 'json', 'm'], dir);
    fs.appendFileSync(path.join(dir, 'm', '07.txt'), '\n');
    const second = await run(['--cache', '-j', '3', '-f', 'json', 'm'], dir);
    assert.equal(first.stdout, plain.stdout);
    assert.equal(second.stdout, (await run(['-f', 'json', 'm'], dir)).stdout);
    assert.equal(Object.keys(readCache(path.join(dir, CACHE)).entries).length, 40);
  });
});
