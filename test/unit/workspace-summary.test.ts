import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayWidth } from '../../server/src/core/text';
import { runSummary } from '../../server/src/node/summary';
import { toSummaryCsv } from '../../server/src/shared/summary-table';
import { ROOT } from '../support/fixtures';

async function run(args: string[], lang = 'zh_CN.UTF-8') {
  let stdout = '';
  let stderr = '';
  const code = await runSummary(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: ROOT, env: { LANG: lang } });
  return { code, stdout, stderr };
}

describe('xxgk-lint summary', () => {
  it('measures display width: CJK, full-width and supplementary-plane ideographs take two columns', () => {
    assert.equal(displayWidth('表三 ab'), 7);
    assert.equal(displayWidth('１２'), 4);
    assert.equal(displayWidth('𠀀x'), 3, 'a surrogate pair is one wide character');
    assert.equal(displayWidth('ab表c', 1, 3), 3, 'a part of a string');
  });

  it('prints one row per seed, aligned, with a total', async () => {
    const { code, stdout, stderr } = await run(['test/fixtures/seeds']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1 + 1 + 5 + 1 + 1);
    assert.match(lines[0], /^文件\s+机关\s+年度\s+格式\s+状态\s+错误\s+警告\s+提示\s+新收\s+办结\s+结转\s+复议\s+诉讼$/);
    assert.match(lines[3], /^test\/fixtures\/seeds\/001_4d20c199d31de263\.txt\s+温州市投资促进局\s+2024\s+2021\s+已检查\s+0\s+1\s+1\s+1\s+0\s+1\s+0\s+0$/);
    assert.match(lines[4], /002_8178ad8169fa307d\.txt\s{2,}2020\s+2019\s/, 'no body in the title: empty cell');
    assert.match(lines[8], /^合计（5份）(?:\s+\d+){3}\s+1\s+0\s+1\s+0\s+0$/, 'counts depend on every rule; the figures do not');
    const widths = lines.filter((l) => !l.startsWith('-')).map((l) => displayWidth(l.replace(/\s+$/, '')));
    assert.equal(new Set(widths.slice(1, -1)).size, 1, 'rows line up');
  });

  it('CSV and JSON', async () => {
    const csv = await run(['-f', 'csv', '--locale', 'en', 'test/fixtures/workspace']);
    assert.equal(csv.code, 0);
    assert.deepEqual(csv.stdout.split('\r\n'), [
      'file,organ,year,format,status,errors,warnings,info,received,concluded,carried over,reviews,lawsuits',
      'test/fixtures/workspace/kunming/2020.txt,中国(云南)自贸易区昆明片区(昆明经开区)招商合作局,2020,2019,checked,0,0,0,0,0,0,0,0',
      'test/fixtures/workspace/kunming/2021.txt,中国(云南)自贸易区昆明片区(昆明经开区)招商合作局,2021,2021,checked,0,0,0,2,2,0,0,0',
      'test/fixtures/workspace/wenzhou/2023.txt,温州市投资促进局,2023,2021,checked,0,0,0,1,0,1,0,0',
      'test/fixtures/workspace/wenzhou/2024.txt,温州市投资促进局,2024,2021,checked,0,3,3,1,0,1,0,0',
      '',
    ]);
    const json = await run(['--format', 'json', 'test/fixtures/workspace/wenzhou/2024.txt']);
    assert.deepEqual(JSON.parse(json.stdout), [
      {
        file: 'test/fixtures/workspace/wenzhou/2024.txt',
        organ: '温州市投资促进局',
        year: 2024,
        format: '2021',
        status: 'checked',
        errors: 0,
        warnings: 1,
        information: 1,
        received: 1,
        concluded: 0,
        carriedOut: 1,
        review: 0,
        litigation: 0,
      },
    ]);
    const bom = await run(['-f', 'csv', '--bom', 'test/fixtures/seeds/000_4ec185c68d50ccd4.txt']);
    assert.ok(bom.stdout.startsWith('\ufeff文件,机关,'));
  });

  it('the copied-text threshold is an option', async () => {
    const strict = await run(['-f', 'json', '--copied-text-threshold', '0.95', 'test/fixtures/workspace/wenzhou']);
    assert.equal(JSON.parse(strict.stdout)[1].information, 2, 'title-incomplete and the 表二 hint, no copied-text');
  });

  it('CSV quotes what needs quoting', () => {
    const csv = toSummaryCsv(
      [
        {
          file: 'a,"b".txt',
          organ: null,
          year: null,
          format: null,
          status: 'checked',
          errors: 0,
          warnings: 0,
          information: 0,
          received: null,
          concluded: null,
          carriedOut: null,
          review: null,
          litigation: null,
        },
      ],
      'en',
    );
    assert.equal(csv.split('\r\n')[1], '"a,""b"".txt",,,,checked,0,0,0,,,,,');
  });

  it('usage problems exit with 2', async () => {
    assert.equal((await run(['-f', 'xml', 'x'])).code, 2);
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['--copied-text-threshold', '2', 'test/fixtures/seeds'])).code, 2);
    const missing = await run(['no/such/folder']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no\/such\/folder：没有这个文件/);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^用法：xxgk-lint summary/);
    assert.match((await run(['--help'], 'en_US.UTF-8')).stdout, /^Usage: xxgk-lint summary/);
  });
});
