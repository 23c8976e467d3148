/**
 * `--cache`: results reused only while a file's bytes and options are unchanged, the cross-file
 * checks still made on every run, a broken or unwritable cache never failing a check, and nothing
 * written without the flag.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ResultCache } from '../../server/src/node/cache';
import { withLock } from '../../server/src/node/files';
import type { FileResult } from '../../server/src/node/formatters';
import { run, workspace } from '../support/cli';
import { FIXTURES, readFixture, readSeed } from '../support/fixtures';

const CACHE = '.xxgk-lint-cache';
const s000 = readSeed('s000');
const s003 = readSeed('s003');
const broken = readFixture('broken', 'a-2019-mixed.txt');

type StoredFinding = { code: string; severity: string; message: string; range: unknown };
interface StoredLine {
  abs: string;
  variant: string;
  key: string;
  used: string;
  result: { findings: StoredFinding[] };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64');

/** The entries of a cache file: after a header line, `sum \t [abs, variant, content] \t used \t result`. */
function readCache(file: string): { header: string; entries: StoredLine[] } {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const entries = lines.map((line) => {
    const [, key, used, result] = line.split('\t');
    const [abs, variant] = JSON.parse(key);
    return { abs, variant, key, used, result: JSON.parse(result) };
  });
  return { header, entries };
}

/** The files a cache holds results of. */
const filesIn = (file: string) => [...new Set(readCache(file).entries.map((e) => e.abs))].sort();

/** Marks every stored finding of `abs` and adds one, so that a reused result shows in the output. */
function tamper(cacheFile: string, abs: string): void {
  const { header, entries } = readCache(cacheFile);
  assert.ok(
    entries.some((e) => e.abs === abs),
    `no entry for ${abs}`,
  );
  const lines = entries.map((e) => {
    if (e.abs === abs) {
      for (const f of e.result.findings) f.message = 'FROM-CACHE';
      e.result.findings.push({
        code: 'marker',
        severity: 'information',
        message: 'FROM-CACHE',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      });
    }
    const result = JSON.stringify(e.result);
    return `${sha256(`${e.key}\t${result}`)}\t${e.key}\t${e.used}\t${result}`;
  });
  fs.writeFileSync(cacheFile, `${[header, ...lines].join('\n')}\n`);
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
    assert.deepEqual(
      filesIn(path.join(dir, CACHE)),
      ['a.txt', 'b.txt', 'c.txt'].map((f) => path.join(dir, 'r', f)),
    );
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
    assert.doesNotMatch(
      edited.stdout
        .split('\n')
        .filter((l) => l.startsWith('a.txt'))
        .join('\n'),
      /FROM-CACHE/,
    );
    assert.match(
      edited.stdout
        .split('\n')
        .filter((l) => l.startsWith('b.txt'))
        .join('\n'),
      /FROM-CACHE/,
      'b.txt did not change',
    );

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
    const dir = workspace({
      'w/2023.txt': fs.readFileSync(path.join(src, '2023.txt'), 'utf8'),
      'w/2024.txt': fs.readFileSync(path.join(src, '2024.txt'), 'utf8'),
    });
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
    assert.match(fixed.stderr, /^c\.txt:32:24 表三「（一）予以公开」自然人 5 → 3$/m);
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
    assert.deepEqual(filesIn(path.join(dir, 'my.cache')), [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')]);
    fs.rmSync(path.join(dir, 'b.txt'));
    await run(['--cache', '--cache-location', 'my.cache', 'a.txt'], dir);
    assert.deepEqual(filesIn(path.join(dir, 'my.cache')), [path.join(dir, 'a.txt')]);
    await run(['--cache', '--cache-location', 'new/folder/', 'a.txt'], dir);
    assert.deepEqual(filesIn(path.join(dir, 'new', 'folder', CACHE)), [path.join(dir, 'a.txt')], 'a path ending in / is a folder, made if need be');
  });

  it('a broken or edited cache is ignored and rewritten; an unwritable one is a warning, not a failed check', async () => {
    const dir = workspace({ 'b.txt': s003 });
    const plain = await run(['b.txt'], dir);
    const cacheFile = path.join(dir, CACHE);
    await run(['--cache', 'b.txt'], dir);
    const good = fs.readFileSync(cacheFile, 'utf8');
    const edited = good.replace(/"message":"[^"]*"/, '"message":"EDITED"');
    assert.notEqual(edited, good);
    const damaged = [
      '{"tool":"xxgk-lint-cache",',
      '{"tool":"xxgk-lint-cache","format":1,"engine":"x"}',
      good.slice(0, good.length - 100),
      edited,
      good.replace(/"findings":\[/, '"findings":[null,'),
      good.replace(/\t/, ' '),
    ];
    for (const junk of damaged) {
      fs.writeFileSync(cacheFile, junk);
      const r = await run(['--cache', 'b.txt'], dir);
      assert.deepEqual([r.code, r.stdout, r.stderr], [plain.code, plain.stdout, plain.stderr], junk.slice(0, 60));
      assert.deepEqual(filesIn(cacheFile), [path.join(dir, 'b.txt')]);
    }
    for (const location of ['b.txt/cache', 'b.txt/cache/']) {
      const r = await run(['--cache', '--cache-location', location, 'b.txt'], dir);
      assert.deepEqual([r.code, r.stdout], [plain.code, plain.stdout], location);
      assert.match(r.stderr, /^xxgk-lint: 警告：无法写入缓存 .*b\.txt\/cache(\/\.xxgk-lint-cache)?（(ENOTDIR|EEXIST)）\n$/, location);
    }
  });

  it('a file at --cache-location that is not a cache (even an empty one), or a link to nothing, is neither read nor overwritten', async () => {
    const dir = workspace({ 'a.txt': s000, 'b.txt': s003, 'mine.json': '{"format":"mine","data":1}', 'out.json': '' });
    const plain = await run(['a.txt'], dir);
    for (const [location, content] of [
      ['b.txt', s003],
      ['mine.json', '{"format":"mine","data":1}'],
      ['out.json', ''],
    ]) {
      const r = await run(['--cache', '--cache-location', location, 'a.txt'], dir);
      assert.deepEqual([r.code, r.stdout], [plain.code, plain.stdout]);
      assert.match(r.stderr, new RegExp(`^xxgk-lint: 警告：无法写入缓存 .*${location.replace('.', '\\.')}（不是 xxgk-lint 缓存，保持原样）\n$`));
      assert.equal(fs.readFileSync(path.join(dir, location), 'utf8'), content);
    }
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    const r = await run(['--cache', '--cache-location', 'dangling', 'a.txt'], dir);
    assert.match(r.stderr, /dangling（链接指向的文件不存在，保持原样）\n$/);
    const english = await run(['--cache', '--cache-location', 'dangling', '--locale', 'en', 'a.txt'], dir);
    assert.match(english.stderr, /^xxgk-lint: warning: cannot write the cache .*dangling \(a link to nothing; left as it is\)\n$/);
    assert.ok(fs.lstatSync(path.join(dir, 'dangling')).isSymbolicLink());
    assert.ok(!fs.existsSync(path.join(dir, 'nowhere')));
  });

  it('a link to a cache: the cache it points to is used and kept up to date, the link stays', async () => {
    const dir = workspace({ 'a.txt': s000, 'b.txt': s003, 'store/keep': '' });
    await run(['--cache', '--cache-location', 'store/real.cache', 'a.txt'], dir);
    fs.symlinkSync(path.join(dir, 'store', 'real.cache'), path.join(dir, 'link.cache'));
    await run(['--cache', '--cache-location', 'link.cache', 'a.txt', 'b.txt'], dir);
    assert.ok(fs.lstatSync(path.join(dir, 'link.cache')).isSymbolicLink());
    assert.deepEqual(filesIn(path.join(dir, 'store', 'real.cache')), [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')]);
  });

  it('text and json output keep results of their own, which summary shares with json', async () => {
    const dir = workspace({ 'a.txt': s003 });
    const cacheFile = path.join(dir, CACHE);
    await run(['--cache', 'a.txt'], dir);
    await run(['--cache', '-f', 'json', 'a.txt'], dir);
    await run(['summary', '--cache', 'a.txt'], dir);
    assert.equal(readCache(cacheFile).entries.length, 2, 'summary shares the json results');
    tamper(cacheFile, path.join(dir, 'a.txt'));
    assert.match((await run(['--cache', 'a.txt'], dir)).stdout, /FROM-CACHE/);
    assert.match((await run(['--cache', '-f', 'json', 'a.txt'], dir)).stdout, /FROM-CACHE/);
    for (const locale of ['en', 'zh-CN', 'en', 'zh-CN'])
      for (const format of ['text', 'json']) await run(['--cache', '--locale', locale, '-f', format, 'a.txt'], dir);
    assert.equal(readCache(cacheFile).entries.length, 4, 'four variants at the most');
  });

  it('the variant used last is kept when a fifth one comes', async () => {
    const dir = workspace({ 'a.txt': s003 });
    const cacheFile = path.join(dir, CACHE);
    const variants = [
      ['--locale', 'zh-CN'],
      ['--locale', 'en'],
      ['-f', 'json'],
      ['-f', 'json', '--locale', 'en'],
    ];
    for (const v of variants) await run(['--cache', ...v, 'a.txt'], dir);
    const first = readCache(cacheFile).entries.at(-1)!.variant; // the least recently used is written last
    // Make every entry old, the one of the first variant the oldest; then use it.
    const hours = (n: number) => String(Date.now() - n * 3_600_000);
    const aged = fs
      .readFileSync(cacheFile, 'utf8')
      .split('\n')
      .map((line) => {
        const f = line.split('\t');
        if (f.length === 4) f[2] = hours(JSON.parse(f[1])[1] === first ? 5 : 3);
        return f.join('\t');
      });
    fs.writeFileSync(cacheFile, aged.join('\n'));
    tamper(cacheFile, path.join(dir, 'a.txt'));
    assert.match((await run(['--cache', ...variants[0], 'a.txt'], dir)).stdout, /FROM-CACHE/);
    await run(['--cache', '--max-file-size', '900000', 'a.txt'], dir);
    assert.equal(readCache(cacheFile).entries.length, 4);
    assert.match((await run(['--cache', ...variants[0], 'a.txt'], dir)).stdout, /FROM-CACHE/, 'the variant just used stays');
  });

  it("two runs that save one after the other keep each other's results", () => {
    const dir = workspace({ 'a.txt': '', 'b.txt': '' });
    const file = path.join(dir, 'shared.cache');
    const first = ResultCache.open(file, dir);
    const second = ResultCache.open(file, dir);
    const result = (name: string): FileResult => ({ file: name, year: 2020, formatVersion: '2019', findings: [], cacheKey: { variant: 'v', content: name } });
    second.set(path.join(dir, 'b.txt'), result('b.txt'));
    second.save();
    first.set(path.join(dir, 'a.txt'), result('a.txt'));
    first.save();
    assert.deepEqual(filesIn(file), [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')]);
    const reopened = ResultCache.open(file, dir);
    assert.equal(reopened.get(path.join(dir, 'b.txt'), { variant: 'v', content: 'b.txt' }, 'b.txt')?.year, 2020);
    assert.equal(reopened.get(path.join(dir, 'b.txt'), { variant: 'v', content: 'changed' }, 'b.txt'), undefined);
  });

  it("a save keeps the cache file's mode and clears the temporary files of stopped saves", async () => {
    const dir = workspace({ 'a.txt': s000, 'b.txt': s003 });
    const cacheFile = path.join(dir, CACHE);
    await run(['--cache', 'a.txt'], dir);
    fs.chmodSync(cacheFile, 0o664);
    const left = path.join(dir, `${CACHE}.0123456789ab.tmp`);
    const other = path.join(dir, `${CACHE}.notes.tmp`);
    fs.writeFileSync(left, 'half a cache');
    fs.writeFileSync(other, 'not ours');
    await run(['--cache', 'a.txt', 'b.txt'], dir);
    assert.equal(fs.statSync(cacheFile).mode & 0o777, 0o664, 'kept whatever the umask');
    assert.ok(!fs.existsSync(left), "a stopped save's temporary file is removed");
    assert.ok(fs.existsSync(other));
    assert.deepEqual(filesIn(cacheFile), [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')]);
  });

  it('a lock: runs take turns; a stale lock is taken over, a live one is waited for and then given up', async () => {
    const dir = workspace({ 'a.txt': s000 });
    const lock = path.join(dir, `${CACHE}.lock`);
    assert.equal(
      withLock(path.join(dir, CACHE), () => fs.existsSync(lock)),
      true,
    );
    assert.ok(!fs.existsSync(lock), 'released');
    fs.writeFileSync(lock, '');
    assert.throws(() => withLock(path.join(dir, CACHE), () => 1, 50), /another run holds its lock/);
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(lock, old, old);
    assert.equal(
      withLock(path.join(dir, CACHE), () => 2, 50),
      2,
    );
    fs.writeFileSync(lock, '');
    fs.utimesSync(lock, old, old);
    const r = await run(['--cache', 'a.txt'], dir);
    assert.equal(r.stderr, '');
    assert.deepEqual(filesIn(path.join(dir, CACHE)), [path.join(dir, 'a.txt')]);
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
    assert.equal(filesIn(path.join(dir, CACHE)).length, 40);
  });
});
