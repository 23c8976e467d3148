/**
 * --fix, --fix-dry-run and --fix-type through `main(argv, io)`: only safe fixes are written, each
 * edit is listed (`file:line:col subject old → new`), a dry run writes nothing, and the kinds limit
 * what is fixed.
 */
import Ajv2020 from 'ajv/dist/2020';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run, workspace } from '../support/cli';
import { readFixture, readSeed, ROOT } from '../support/fixtures';

const broken = readFixture('broken', 'a-2019-mixed.txt');
const s004 = readSeed('s004');

/** Seed 000 (all zeros) with two typos in one 表三 row: 自然人 2 and 商业企业 3 where both are 0. */
const twoTypos = readSeed('s000').replace('(一)予以公开 | 0 | 0 |', '(一)予以公开 | 2 | 3 |');

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'cli-output.schema.json'), 'utf8')),
);

function snapshot(file: string): { text: string; ino: number; mtimeMs: number } {
  const st = fs.statSync(file);
  return { text: fs.readFileSync(file, 'utf8'), ino: st.ino, mtimeMs: st.mtimeMs };
}

describe('xxgk-lint --fix: only safe fixes', () => {
  it('two typos in one row: --fix leaves every total as it is and says it changed nothing', async () => {
    assert.notEqual(twoTypos, readSeed('s000'));
    const dir = workspace({ 'r.txt': twoTypos });
    const before = snapshot(path.join(dir, 'r.txt'));
    const r = await run(['--fix', 'r.txt'], dir);
    assert.deepEqual(snapshot(path.join(dir, 'r.txt')), before);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trimEnd().split('\n').slice(0, -1), [
      'r.txt:39:48: 错误 row-total：表三「（一）予以公开」：总计为0，但六类申请人之和为5',
      'r.txt:58:9: 错误 column-total：表三「自然人」列：（七）总计为0，但各办理结果之和为2',
      'r.txt:58:13: 错误 column-total：表三「商业企业」列：（七）总计为0，但各办理结果之和为3',
    ]);
  });

  it('the json output carries the suggestions, each edit with what it changes, and no fix', async () => {
    const dir = workspace({ 'r.txt': twoTypos });
    const r = await run(['-f', 'json', 'r.txt'], dir);
    assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors));
    const [rowTotal] = JSON.parse(r.stdout)[0].diagnostics;
    assert.equal(rowTotal.fix, undefined);
    assert.deepEqual(rowTotal.suggestions, [
      {
        title: '假设各项正确：将总计改为5',
        edits: [{ range: { start: { line: 38, character: 47 }, end: { line: 38, character: 48 } }, newText: '5', subject: '表三「（一）予以公开」总计' }],
      },
      {
        title: '假设总计正确：将自然人、商业企业改为0',
        edits: [
          { range: { start: { line: 38, character: 23 }, end: { line: 38, character: 24 } }, newText: '0', subject: '表三「（一）予以公开」自然人' },
          { range: { start: { line: 38, character: 27 }, end: { line: 38, character: 28 } }, newText: '0', subject: '表三「（一）予以公开」商业企业' },
        ],
      },
    ]);
  });
});

describe('xxgk-lint -f html', () => {
  it('the review report advises the suggestions, a line each, where no fix is safe', async () => {
    const r = await run(['-f', 'html', 'r.txt'], workspace({ 'r.txt': twoTypos }));
    assert.match(
      r.stdout,
      /<td>表三「（一）予以公开」：总计为0，但六类申请人之和为5 <span class="muted">row-total<\/span><\/td><td>假设各项正确：将总计改为5<br>假设总计正确：将自然人、商业企业改为0<\/td>/,
    );
  });
});

describe('xxgk-lint --fix-dry-run', () => {
  it('lists the edits --fix makes, in both languages, and writes nothing', async () => {
    const dir = workspace({ 'dry.txt': broken, 'wet.txt': broken });
    const before = snapshot(path.join(dir, 'dry.txt'));
    const dry = await run(['--fix-dry-run', 'dry.txt'], dir);
    assert.deepEqual(snapshot(path.join(dir, 'dry.txt')), before);
    assert.deepEqual(dry.stderr.split('\n'), [
      'dry.txt:1:7 标题 （空） → 2020年',
      'dry.txt:10:6 表二「规章」本年新制作数量 3件 → 3',
      'dry.txt:32:24 表三「（一）予以公开」自然人 5 → 3',
      'dry.txt:35:1 表三行名 2.其他法律行政止公开 → 2.其他法律行政法规禁止公开',
      'dry.txt:45:30 表三「（五）不予处理1.信访举报投诉类申请」商业企业 / → 0',
      'dry.txt:53:1 第四部分标题编号 4、 → 四、',
      '',
    ]);
    const wet = await run(['--fix', 'wet.txt'], dir);
    assert.equal(wet.stderr.replace(/^wet/gm, 'dry'), dry.stderr, '--fix says the same');
    assert.notEqual(fs.readFileSync(path.join(dir, 'wet.txt'), 'utf8'), broken);
    // The findings are those of the file as it is: nothing was fixed.
    assert.equal(dry.stdout.trimEnd().split('\n').length - 1, 7);
    const en = await run(['--fix-dry-run', '--locale', 'en', 'dry.txt'], dir);
    assert.match(en.stderr, /^dry\.txt:32:24 Table 3 “（一）予以公开” 自然人 5 → 3$/m);
    assert.match(en.stderr, /^dry\.txt:1:7 title \(empty\) → 2020年$/m);
    assert.match(en.stderr, /^dry\.txt:53:1 number of section 4 4、 → 四、$/m);
  });
});

describe('xxgk-lint --fix-dry-run -f json', () => {
  it('lists the edits under `fixes`, with their positions before and after, and the kinds of the fixes', async () => {
    const dir = workspace({ 'r.txt': broken });
    const r = await run(['--fix-dry-run', '-f', 'json', 'r.txt'], dir);
    const [entry] = JSON.parse(r.stdout);
    assert.ok(validate([entry]), JSON.stringify(validate.errors));
    assert.equal(fs.readFileSync(path.join(dir, 'r.txt'), 'utf8'), broken);
    assert.deepEqual(
      entry.fixes.map((e: { kind: string }) => e.kind),
      ['headings', 'cells', 'sums', 'labels', 'cells', 'headings'],
    );
    assert.deepEqual(entry.fixes[2], {
      original: { line: 31, character: 23 },
      fixed: { line: 31, character: 23 },
      code: 'row-total',
      kind: 'sums',
      subject: '表三「（一）予以公开」自然人',
      oldText: '5',
      newText: '3',
    });
    const culprit = entry.diagnostics.find((d: { code: string }) => d.code === 'row-total');
    assert.deepEqual(culprit.fix.kind, 'sums');
    assert.equal(culprit.suggestions, undefined);
    const fourth = entry.diagnostics.find((d: { code: string }) => d.code === 'review-total');
    assert.equal(fourth.fix, undefined);
    assert.deepEqual(
      fourth.suggestions.map((s: { title: string }) => s.title),
      ['假设各项正确：将复议后起诉·总计改为0'],
    );
  });
});

describe('xxgk-lint --fix-type', () => {
  it('sums on seed 004 (only 总计 filled, sums right) fills no blank and writes nothing', async () => {
    const dir = workspace({ '004.txt': s004 });
    const before = snapshot(path.join(dir, '004.txt'));
    const r = await run(['--fix', '--fix-type', 'sums', '004.txt'], dir);
    assert.equal(r.stderr, '');
    assert.deepEqual(snapshot(path.join(dir, '004.txt')), before);
  });

  it('blanks and headings on seed 004: each kind alone, and both', async () => {
    const dir = workspace({ '004.txt': s004 });
    const lines = async (types: string) => (await run(['--fix-dry-run', '--fix-type', types, '004.txt'], dir)).stderr.trimEnd().split('\n');
    const blanks = await lines('blanks');
    assert.equal(blanks.length, 162);
    assert.ok(
      blanks.every((l) => / → 0$/.test(l)),
      blanks.find((l) => !/ → 0$/.test(l)),
    );
    assert.equal(blanks[12], '004.txt:109:2 表三「一、本年新收政府信息公开申请数量」自然人 （空） → 0');
    assert.equal(blanks[161], '004.txt:395:2 表四 复议后起诉·尚未审结 （空） → 0');
    const headings = await lines('headings');
    assert.deepEqual(
      headings.map((l) => l.replace(/^004\.txt:\d+:\d+ /, '')),
      ['小标题编号 1 → 一', '小标题编号 3 → 三', '小标题编号 5 → 五', '第四部分标题编号 4、 → 四、'],
    );
    assert.deepEqual((await lines(' headings , blanks ')).sort(), [...blanks, ...headings].sort());
    assert.equal((await run(['--fix-dry-run', '004.txt'], dir)).stderr.trimEnd().split('\n').length, 166);
  });

  it('usage errors: an unknown kind, --fix-type alone, --fix with --fix-dry-run', async () => {
    const dir = workspace({ '004.txt': s004 });
    const unknown = await run(['--fix', '--fix-type', 'sums,totals', '004.txt'], dir);
    assert.deepEqual([unknown.code, unknown.stderr], [2, 'xxgk-lint: 未知的修复种类「totals」（可用 sums、blanks、cells、headings、labels 或 years）\n']);
    const alone = await run(['--fix-type', 'sums', '004.txt'], dir);
    assert.deepEqual([alone.code, alone.stderr], [2, 'xxgk-lint: --fix-type 须与 --fix 或 --fix-dry-run 同用\n']);
    const both = await run(['--fix', '--fix-dry-run', '004.txt'], dir);
    assert.deepEqual([both.code, both.stderr], [2, 'xxgk-lint: --fix 与 --fix-dry-run 不能同时使用\n']);
    assert.equal(fs.readFileSync(path.join(dir, '004.txt'), 'utf8'), s004);
  });

  it('--help lists the fix options', async () => {
    const help = (await run(['--help'], workspace())).stdout;
    assert.match(help, /^ {6}--fix-dry-run +列出 --fix 会做的修改，不写入文件$/m);
    assert.match(help, /^ {6}--fix-type <种类> +只做这几种修复，以逗号分隔：sums,blanks,cells,headings,labels,years$/m);
    const en = (await run(['--help', '--locale', 'en'], workspace())).stdout;
    assert.match(en, /^ {6}--fix-dry-run +list the edits --fix would make, writing nothing$/m);
    assert.match(en, /^ {6}--fix-type <kinds> +only these kinds of fix, comma-separated: sums, blanks, cells, headings, labels, years$/m);
  });
});
