/**
 * The command line, through `main(argv, io)` with a fake io, on temporary copies of the fixtures:
 * text/json/sarif output (json validated against docs/cli-output.schema.json), exit codes,
 * UTF-8/UTF-16/GB18030 input, binary files, --fix (atomic, only when asked, keeping the encoding),
 * .xxgk-lint.json (rules, ignore, found upward), --config, --locale and the worker threads.
 */
import Ajv2020 from 'ajv/dist/2020';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { analyze } from '../../server/src/core/analyze';
import { ARITHMETIC_CODES } from '../../server/src/core/schema/invariants';
import { fixText } from '../../server/src/node/cli';
import { Run, run, workspace } from '../support/cli';
import { FIXTURES, readFixture, readSeed, ROOT, SEEDS } from '../support/fixtures';

const s000 = readSeed('s000');
const s003 = readSeed('s003');
const s004 = readSeed('s004');
const broken = readFixture('broken', 'a-2019-mixed.txt');
const golden = readFixture('fixed', 'a-2019-mixed.txt');

const SEVERITY_WORDS = {
  'zh-CN': { error: '错误', warning: '警告', information: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

/** What --fix says it did to the a-2019-mixed fixture, a line per edit (after `file:`). */
const FIX_LOG = [
  '1:7 标题 （空） → 2020年',
  '10:6 表二「规章」本年新制作数量 3件 → 3',
  '32:24 表三「（一）予以公开」自然人 5 → 3',
  '35:1 表三行名 2.其他法律行政止公开 → 2.其他法律行政法规禁止公开',
  '45:30 表三「（五）不予处理1.信访举报投诉类申请」商业企业 / → 0',
  '53:1 第四部分标题编号 4、 → 四、',
];

/** `file:line:col: 警告 code：message` (en: `severity code: message`) lines as the engine's own findings say they should be. */
function textLines(file: string, text: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return analyze(text, { locale }).findings.map(
    (f) => `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${SEVERITY_WORDS[locale][f.severity]} ${f.code}${colon}${f.message}`,
  );
}

function json(r: Run): {
  file: string;
  year: number | null;
  formatVersion: string | null;
  diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
}[] {
  return JSON.parse(r.stdout);
}

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'cli-output.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('xxgk-lint output formats', () => {
  it('text: one `path:line:col: severity code: message` line per finding, then a summary; exit 1 on errors', async () => {
    const dir = workspace({ '003.txt': s003 });
    const r = await run(['003.txt'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const expected = textLines('003.txt', s003);
    assert.deepEqual(lines.slice(0, -1), expected);
    assert.ok(expected.some((l) => /^003\.txt:\d+:\d+: 错误 section-missing：缺少第六部分「六、其他需要报告的事项」$/.test(l)));
    assert.ok(expected.some((l) => /^003\.txt:28:\d+: 提示 plausibility：表二「其他对外管理服务事项」三列数值都是9/.test(l)));
    const all = analyze(s003).findings;
    const count = (s: string) => all.filter((f) => f.severity === s).length;
    assert.equal(
      lines.at(-1),
      `共1个文件，${all.length}个问题（${count('error')}个错误，${count('warning')}个警告，${all.length - count('error') - count('warning')}个提示）`,
    );
  });

  it('text: a clean report prints only the summary and exits 0', async () => {
    const dir = workspace({ '000.txt': s000 });
    const r = await run(['000.txt'], dir);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '共1个文件，0个问题（0个错误，0个警告，0个提示）\n', '']);
  });

  it('json: valid against docs/cli-output.schema.json, one entry per file, 0-based UTF-16 positions', async () => {
    const dir = workspace({ 'a/003.txt': s003, 'a/004.txt': s004, 'a/000.txt': s000 });
    const r = await run(['--format', 'json', 'a'], dir);
    assert.equal(r.code, 1);
    const out = json(r);
    assert.ok(validate(out), JSON.stringify(validate.errors));
    assert.deepEqual(
      out.map((e) => [e.file, e.year, e.formatVersion]),
      [
        [path.join('a', '000.txt'), 2020, '2019'],
        [path.join('a', '003.txt'), 2020, '2019'],
        [path.join('a', '004.txt'), 2020, '2019'],
      ],
    );
    const four = analyze(s004).findings;
    assert.equal(out[2].diagnostics.length, four.length);
    const numbering = out[2].diagnostics.find((d) => d.code === 'section-numbering' && d.message.includes('4、'))!;
    assert.deepEqual(numbering.range.start, { line: 353, character: 0 });
    assert.equal(numbering.severity, 'warning');
  });

  it('json: the schema rejects what breaks the contract (the validator is not a no-op)', () => {
    assert.equal(validate([{ file: 'x', year: '2020', formatVersion: null, diagnostics: [] }]), false);
    assert.equal(
      validate([
        {
          file: 'x',
          year: 2020,
          formatVersion: '2019',
          diagnostics: [{ code: 'x', severity: 'fatal', message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
        },
      ]),
      false,
    );
    assert.equal(validate([{ file: 'x', year: null, formatVersion: null, diagnostics: [] }]), true);
  });

  it('sarif: SARIF 2.1.0 with every rule, results with 1-based regions and fixes', async () => {
    const dir = workspace({ 'r.txt': broken });
    const r = await run(['-f', 'sarif', 'r.txt'], dir);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const runObj = log.runs[0];
    assert.equal(runObj.tool.driver.name, 'xxgk-lint');
    const ruleIds = runObj.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const code of [
      'section-missing',
      'section-numbering',
      'section-order',
      'table-missing',
      'row-missing',
      'row-label',
      'format-mismatch',
      'cell-empty',
      'cell-invalid',
      ...ARITHMETIC_CODES,
      'table-unparsed',
      'plausibility',
      'title-incomplete',
      'input-encoding',
      'input-size',
    ]) {
      assert.ok(ruleIds.includes(code), code);
    }
    const findings = analyze(broken).findings;
    assert.equal(runObj.results.length, findings.length);
    findings.forEach((f, i) => {
      const res = runObj.results[i];
      assert.equal(res.ruleId, f.code);
      assert.equal(res.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[f.severity]);
      assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'r.txt');
      assert.deepEqual(res.locations[0].physicalLocation.region, {
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      });
      assert.equal(Boolean(res.fixes), Boolean(f.fix), `${f.code}: fixes`);
    });
  });
});

describe('xxgk-lint exit codes and input problems', () => {
  it('usage errors exit 2 with a message', async () => {
    const dir = workspace({ '000.txt': s000 });
    for (const [argv, msg] of [
      [[], /no input files/],
      [['--format', 'xml', '000.txt'], /unknown format "xml"/],
      [['--locale', 'fr', '000.txt'], /unknown locale "fr"/],
      [['--encoding', 'latin1', '000.txt'], /unknown encoding "latin1"/],
      [['--bogus', '000.txt'], /unknown option --bogus/],
      [['nowhere.txt'], /nowhere\.txt: no such file, folder or matching glob/],
    ] as [string[], RegExp][]) {
      const r = await run(argv, dir, { LANG: 'en_US.UTF-8' });
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, msg);
    }
  });

  it('a binary file: exit 2 and a clear message; the other files are still checked', async () => {
    const bin = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0x00, 0x12]);
    const dir = workspace({ 'report.docx.txt': bin, '003.txt': s003 });
    const r = await run(['report.docx.txt', '003.txt'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'xxgk-lint: report.docx.txt：不是文本文件（含有 NUL 字节），已跳过\n');
    assert.deepEqual(r.stdout.trimEnd().split('\n').slice(0, -1), textLines('003.txt', s003));
  });

  it('GB18030 bytes are detected and read like the UTF-8 original', async () => {
    const dir = workspace({ 'utf8.txt': s003, 'gb.txt': iconv.encode(s003, 'gb18030') });
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(path.join(dir, 'gb.txt'))), 'the GB18030 file is not valid UTF-8');
    const out = json(await run(['-f', 'json', 'utf8.txt', 'gb.txt'], dir));
    assert.deepEqual(out[1].diagnostics, out[0].diagnostics);
    assert.ok(out[0].diagnostics.length > 0);
  });

  it('UTF-16 LE and BE with a BOM are read like the UTF-8 original', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s004, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    const dir = workspace({ 'utf8.txt': s004, 'le.txt': le, 'be.txt': be, 'bom8.txt': `\ufeff${s004}` });
    const out = json(await run(['-f', 'json', 'utf8.txt', 'le.txt', 'be.txt', 'bom8.txt'], dir));
    for (const e of out.slice(1)) assert.deepEqual(e.diagnostics, out[0].diagnostics, e.file);
  });

  it('--encoding forces a decoder; a wrong one is an input problem (exit 2)', async () => {
    const dir = workspace({ 'gb.txt': iconv.encode(s000, 'gb18030') });
    const ok = await run(['--encoding', 'gb18030', 'gb.txt'], dir);
    assert.equal(ok.code, 0);
    const bad = await run(['--encoding', 'utf-8', 'gb.txt'], dir);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'xxgk-lint: gb.txt：无法按 utf-8 解码，已跳过\n');
  });

  it('--max-file-size: a larger file gets one input-size notice, and the run exits 2: it was not checked', async () => {
    const dir = workspace({ '003.txt': s003 });
    const r = await run(['--max-file-size', '1000', '-f', 'json', '003.txt'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(
      json(r)[0].diagnostics.map((d) => [d.code, d.severity, d.message]),
      [['input-size', 'information', `文件有${s003.length}个字符，超过检查上限1000，未检查`]],
    );
  });
});

describe('xxgk-lint --fix', () => {
  it('without --fix nothing is written, even when fixes exist', async () => {
    const dir = workspace({ 'r.txt': broken });
    const file = path.join(dir, 'r.txt');
    const before = fs.statSync(file);
    const r = await run(['r.txt'], dir);
    assert.equal(r.code, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
    assert.equal(fs.statSync(file).mtimeMs, before.mtimeMs);
    assert.equal(fs.statSync(file).ino, before.ino);
  });

  it('--fix writes the golden result atomically (temp file + rename), keeps the mode, says what changed, and reports what is left', async () => {
    const dir = workspace({ 'r.txt': broken });
    const file = path.join(dir, 'r.txt');
    fs.chmodSync(file, 0o640);
    const ino = fs.statSync(file).ino;
    const r = await run(['--fix', 'r.txt'], dir);
    assert.equal(fs.readFileSync(file, 'utf8'), golden);
    assert.notEqual(fs.statSync(file).ino, ino, 'replaced by rename, not rewritten in place');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['r.txt'], 'no temporary file left');
    assert.equal(r.stderr, FIX_LOG.map((l) => `r.txt:${l}\n`).join(''));
    assert.equal(fixText(broken, {}).edits.length, FIX_LOG.length);
    assert.deepEqual(r.stdout.trimEnd().split('\n').slice(0, -1), textLines('r.txt', golden));
    assert.equal(r.code, analyze(golden).findings.some((f) => f.severity === 'error') ? 1 : 0);
  });

  it('--fix leaves a file with nothing to fix untouched', async () => {
    const dir = workspace({ '000.txt': s000 });
    const ino = fs.statSync(path.join(dir, '000.txt')).ino;
    const r = await run(['--fix', '000.txt'], dir);
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.equal(fs.statSync(path.join(dir, '000.txt')).ino, ino);
  });

  it('--fix keeps the encoding: GB18030, UTF-8 with BOM, UTF-16 LE, and CRLF line ends', async () => {
    const crlf = broken.replace(/\n/g, '\r\n');
    const dir = workspace({
      'gb.txt': iconv.encode(broken, 'gb18030'),
      'bom.txt': `\ufeff${broken}`,
      'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(broken, 'utf16le')]),
      'crlf.txt': crlf,
    });
    const r = await run(['--fix', 'gb.txt', 'bom.txt', 'le.txt', 'crlf.txt'], dir);
    assert.match(r.stderr, /^gb\.txt:32:24 表三「（一）予以公开」自然人 5 → 3$/m);
    const read = (f: string) => fs.readFileSync(path.join(dir, f));
    assert.equal(iconv.decode(read('gb.txt'), 'gb18030'), golden);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(read('gb.txt')), 'still GB18030, not UTF-8');
    assert.deepEqual([...read('bom.txt').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(read('bom.txt').toString('utf8').slice(1), golden);
    assert.deepEqual([...read('le.txt').subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(read('le.txt').subarray(2).toString('utf16le'), golden);
    assert.equal(read('crlf.txt').toString('utf8'), golden.replace(/\n/g, '\r\n'));
  });
});

describe('.xxgk-lint.json, --config and --locale', () => {
  it('rules: off and severity changes, found upward from the file', async () => {
    const dir = workspace({
      '.xxgk-lint.json': JSON.stringify({ rules: { 'section-missing': 'off', plausibility: 'warning' } }),
      'deep/er/003.txt': s003,
    });
    const r = await run(['-f', 'json', 'deep/er/003.txt'], dir);
    const d = json(r)[0].diagnostics;
    assert.equal(d.filter((x) => x.code === 'section-missing').length, 0);
    assert.deepEqual(
      d.filter((x) => x.code === 'plausibility').map((x) => x.severity),
      ['warning'],
    );
    assert.equal(r.code, d.some((x) => x.severity === 'error') ? 1 : 0);
  });

  it('ignore: by file, code and target, without touching the report', async () => {
    const dir = workspace({
      '.xxgk-lint.json': JSON.stringify({
        ignore: [
          { file: 'a/004.txt', code: 'cell-empty', target: 'T3.R1' },
          { code: 'section-numbering', target: 'section.4' },
        ],
      }),
      'a/004.txt': s004,
      'b/004.txt': s004,
    });
    const out = json(await run(['-f', 'json', 'a/004.txt', 'b/004.txt'], dir));
    const all = analyze(s004).findings;
    const t3r1 = all.find((f) => f.code === 'cell-empty' && f.target === 'T3.R1')!;
    const four = all.find((f) => f.code === 'section-numbering' && f.target === 'section.4')!;
    const has = (e: (typeof out)[0], f: typeof t3r1) =>
      e.diagnostics.some((x) => x.code === f.code && x.message === f.message && x.range.start.line === f.range.start.line);
    assert.equal(out[0].diagnostics.length, all.length - 2);
    assert.ok(!has(out[0], t3r1) && !has(out[0], four));
    assert.equal(out[1].diagnostics.length, all.length - 1, 'the file-less entry applies to every file');
    assert.ok(has(out[1], t3r1) && !has(out[1], four));
    assert.equal(fs.readFileSync(path.join(dir, 'a/004.txt'), 'utf8'), s004);
  });

  it('a config applies only below its folder; --config overrides the search', async () => {
    const dir = workspace({
      'quiet/.xxgk-lint.json': JSON.stringify({ rules: { 'section-missing': 'off' } }),
      'quiet/003.txt': s003,
      'loud/003.txt': s003,
      'strict.json': JSON.stringify({ rules: { plausibility: 'error' } }),
    });
    assert.equal((await run(['quiet/003.txt'], dir)).code, 0);
    assert.equal((await run(['loud/003.txt'], dir)).code, 1);
    const forced = json(await run(['-f', 'json', '--config', 'strict.json', 'quiet/003.txt'], dir))[0].diagnostics;
    assert.ok(
      forced.some((x) => x.code === 'section-missing'),
      'the given config replaces quiet/.xxgk-lint.json',
    );
    assert.deepEqual(
      forced.filter((x) => x.code === 'plausibility').map((x) => x.severity),
      ['error'],
    );
  });

  it('blankAsZero: false skips sums with blank operands', async () => {
    const text = readFixture('broken', 'tsv-2020-carry-over.txt');
    const dir = workspace({ 'r.txt': text, 'off/.xxgk-lint.json': JSON.stringify({ blankAsZero: false }), 'off/r.txt': text });
    const on = json(await run(['-f', 'json', 'r.txt'], dir))[0].diagnostics;
    const off = json(await run(['-f', 'json', 'off/r.txt'], dir))[0].diagnostics;
    const arithmetic = (d: typeof on) => d.filter((x) => ARITHMETIC_CODES.includes(x.code)).map((x) => x.code);
    assert.deepEqual(arithmetic(on), ['row-total'], 'the blank 四 cell counted as 0');
    assert.deepEqual(arithmetic(off), []);
    assert.ok(
      off.some((x) => x.code === 'cell-empty'),
      'the blank is still reported',
    );
  });

  it('an invalid config is a usage error (exit 2)', async () => {
    const dir = workspace({ '.xxgk-lint.json': JSON.stringify({ rules: { 'no-such-rule': 'off' }, colour: true }), '000.txt': s000 });
    const r = await run(['000.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /未知的键「colour」；未知的规则「no-such-rule」/);
    const english = await run(['000.txt'], dir, { LANG: 'en_US.UTF-8' });
    assert.match(english.stderr, /unknown key "colour"; unknown rule "no-such-rule"/);
    const dir2 = workspace({ '.xxgk-lint.json': '{ rules: ', '000.txt': s000 });
    assert.match((await run(['000.txt'], dir2)).stderr, /不是有效的 JSON（第1行第3列）/);
    assert.match((await run(['000.txt'], dir2, { LANG: 'en_US.UTF-8' })).stderr, /invalid JSON/);
  });

  it('--locale en, and the default locale from LANG', async () => {
    const dir = workspace({ '003.txt': s003 });
    const en = await run(['--locale', 'en', '003.txt'], dir);
    assert.deepEqual(en.stdout.trimEnd().split('\n').slice(0, -1), textLines('003.txt', s003, 'en'));
    assert.match(en.stdout, /error section-missing: Section 六 “六、其他需要报告的事项” is missing/);
    assert.match(en.stdout.trimEnd().split('\n').at(-1)!, /^\d+ problem\(s\) \(1 error\(s\), \d+ warning\(s\), \d+ info\) in 1 file\(s\)$/);
    const fromEnv = await run(['003.txt'], dir, { LANG: 'en_US.UTF-8' });
    assert.equal(fromEnv.stdout, en.stdout);
    const zh = await run(['--locale', 'zh-CN', '003.txt'], dir, { LANG: 'en_US.UTF-8' });
    assert.match(zh.stdout, /缺少第六部分/);
  });
});

describe('xxgk-lint over folders, globs and worker threads', () => {
  const all = Object.fromEntries(Object.values(SEEDS).map((f) => [`seeds/${f}`, fs.readFileSync(path.join(FIXTURES, 'seeds', f))]));

  it('a folder, a glob and a file list give the same results', async () => {
    const dir = workspace(all);
    const folder = await run(['-f', 'json', 'seeds'], dir);
    const globbed = await run(['-f', 'json', 'seeds/*.txt'], dir);
    assert.deepEqual(
      json(globbed).map((e) => e.diagnostics),
      json(folder).map((e) => e.diagnostics),
    );
    assert.equal(json(folder).length, 5);
    assert.equal(folder.code, 1, 'seed 003 lacks 六');
  });

  it('--jobs 3 (this thread and two workers) prints exactly what one thread prints, in every format', async () => {
    // 60 files: more than three batches of 16, so that each thread checks some.
    const files: Record<string, string> = {};
    const texts = [s000, s003, s004, broken];
    for (let i = 0; i < 60; i++) files[`many/${String(i).padStart(2, '0')}.txt`] = texts[i % texts.length];
    const dir = workspace(files);
    for (const format of ['text', 'json', 'sarif']) {
      const one = await run(['-j', '1', '-f', format, 'many'], dir);
      const three = await run(['-j', '3', '-f', format, 'many'], dir);
      assert.deepEqual([three.code, three.stdout, three.stderr], [one.code, one.stdout, one.stderr], format);
    }
    assert.equal(json(await run(['-j', '3', '-f', 'json', 'many'], dir)).length, 60);
    assert.equal((await run(['-j', '0', 'many'], dir)).code, 2);
  });
});

describe('xxgk-lint in a pipe', () => {
  /** Runs the CLI on `files` in a new process, closing `closed` after its first output. */
  async function closing(files: Record<string, string>, closed: 'stdout' | 'stderr', args: string[] = []): Promise<{ code: number | null; stderr: string }> {
    const dir = workspace(files);
    const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'server', 'src', 'cli.js'), ...args, 'r'], { cwd: dir });
    let stderr = '';
    if (closed === 'stdout')
      child.stderr.on('data', (d) => {
        stderr += d;
      });
    else child.stdout.resume();
    child[closed].once('data', () => child[closed].destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr };
  }

  it('a reader that stops early (`| head`) ends the run quietly, with the exit code of the check', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`r/${String(i).padStart(3, '0')}.txt`] = broken;
    assert.deepEqual(await closing(files, 'stdout'), { code: 1, stderr: '' });
  });

  it('so does a closed stderr: --fix says what it fixed there, and the exit code is that of the run', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`r/${String(i).padStart(3, '0')}.txt`] = broken;
    const expected = (await run(['--fix', 'r'], workspace(files))).code;
    const r = await closing(files, 'stderr', ['--fix']);
    assert.equal(r.code, expected);
  });
});

describe('xxgk-lint --fix through a link', () => {
  it('fixes the file a link names and leaves the link a link', async () => {
    const dir = workspace({ 'real/r.txt': broken });
    fs.symlinkSync(path.join(dir, 'real', 'r.txt'), path.join(dir, 'r.txt'));
    await run(['--fix', 'r.txt'], dir);
    assert.ok(fs.lstatSync(path.join(dir, 'r.txt')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'r.txt'), 'utf8'), golden);
  });
});
