/**
 * Chinese first: everything the CLI prints in zh-CN — findings (text and json), summaries (text and
 * csv), --help of both commands, and the messages on stderr — is Chinese apart from paths, rule
 * codes, option names and file formats; and every zh-CN message template of every rule, of the
 * editor and of the CLI follows Chinese typography.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateConfig } from '../../server/src/core/config';
import { EDITOR_MESSAGES } from '../../server/src/core/editor-messages';
import { format, Localized, Params } from '../../server/src/core/rule';
import { RULES } from '../../server/src/core/rules';
import { FileChecker } from '../../server/src/node/check';
import { localeFromEnvironment } from '../../server/src/node/locale';
import { CLI_MESSAGES } from '../../server/src/node/messages';
import { FIX_KINDS } from '../../server/src/core/rule';
import { run, workspace } from '../support/cli';
import { FIXTURES, readFixture, readSeed } from '../support/fixtures';

// ------------------------------------------------------------------ what counts as English

const RULE_CODES = new Set(RULES.map((r) => r.code));

/** Names a Chinese user types or sees as they are: formats, encodings, variables, file types. */
const IDENTIFIERS = new Set([
  'xxgk-lint',
  'summary',
  'text',
  'json',
  'sarif',
  'csv',
  'zh-CN',
  'en',
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'UTF-8',
  'UTF-16',
  'GB18030',
  'GBK',
  'NUL',
  'JSON',
  'CSV',
  'BOM',
  'Excel',
  'PDF',
  'KB',
  'txt',
  'md',
  'html',
  'htm',
  'docx',
  'mhtml',
  'mht',
  'pdf',
  'Word',
  'LC_ALL',
  'LC_MESSAGES',
  'LANG',
  'LANGUAGE',
  'XXGK_LINT_PDF_TIME_LIMIT',
  'TABLE', // the line pandoc writes in place of a table, quoted from the file
  'xxgk-lint.json',
  'xxgk-lint-cache',
  ...FIX_KINDS, // --fix-type values
]);

/** Latin words a Chinese reader would have to read as English (paths already removed). */
function englishWords(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  const words =
    text
      .replace(/(^|[\s「（：(])[\w.\-/\\]+\.(txt|md|json|csv|html?|docx|pdf)\b/g, '$1') // paths
      .match(/-{0,2}[A-Za-z][\w.-]*[\w]/g) ?? [];
  return words.filter((w) => !w.startsWith('-') && !RULE_CODES.has(w) && !IDENTIFIERS.has(w) && !allowed.has(w) && !/^E[A-Z]+$/.test(w));
}

function assertChinese(text: string, where: string, allowed?: ReadonlySet<string>): void {
  assert.ok(/\p{Script=Han}/u.test(text), `${where}: no Chinese at all in ${JSON.stringify(text.slice(0, 200))}`);
  const found = englishWords(text, allowed);
  assert.deepEqual(found, [], `${where}: English in ${JSON.stringify(text.slice(0, 400))}`);
}

/** Where a finding is: line and column, or in Chinese the page, paragraph or Word table cell. */
const PLACE = String.raw`(?:\d+:\d+|第\d+页|第\d+段|表格\d+第\d+行第\d+列)`;

/** What a user reads of a text-output line: the path and the rule code are identifiers. */
function readable(line: string): string {
  const finding = new RegExp(`^.+?:(${PLACE}): (\\S+) ([a-z-]+)：(.*)$`).exec(line);
  if (!finding) return line;
  assert.ok(RULE_CODES.has(finding[3]), `unknown rule code in ${line}`);
  return `${finding[1]}${finding[2]}：${finding[4]}`;
}

const FOLDERS = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

// ------------------------------------------------------------------ the CLI's output

describe('the CLI in zh-CN prints Chinese only', () => {
  it('covers every fixture folder', () => {
    assert.deepEqual(FOLDERS, [
      'broken',
      'corpus',
      'docx',
      'encodings',
      'fixed',
      'fuzz-regressions',
      'holdout',
      'mhtml',
      'narrative',
      'pdf',
      'seeds',
      'workspace',
    ]);
  });

  for (const folder of FOLDERS) {
    it(`${folder}: --format text, every finding line and the totals line`, async () => {
      const r = await run([path.join(FIXTURES, folder)], FIXTURES);
      for (const line of r.stderr.split('\n').filter(Boolean)) assertChinese(line, folder); // files that cannot be read
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines.at(-1)!, /^共\d+个文件，\d+个问题（\d+个错误，\d+个警告，\d+个提示）$/);
      for (const line of lines) {
        assertChinese(readable(line), folder);
        assert.deepEqual(typographyProblems(ownWords(readable(line))), [], line);
      }
      const severities = new Set(lines.slice(0, -1).map((l) => new RegExp(`^.+?:${PLACE}: (\\S+) `).exec(l)![1]));
      for (const s of severities) assert.ok(['错误', '警告', '提示', '建议'].includes(s), s);
    });

    it(`${folder}: --format json, every message, related message and fix title`, async () => {
      const r = await run(['-f', 'json', path.join(FIXTURES, folder)], FIXTURES);
      const entries = JSON.parse(r.stdout) as { diagnostics: { message: string; relatedInformation?: { message: string }[]; fix?: { title: string } }[] }[];
      const texts = entries.flatMap((e) =>
        e.diagnostics.flatMap((d) => [d.message, ...(d.relatedInformation ?? []).map((x) => x.message), ...(d.fix ? [d.fix.title] : [])]),
      );
      assert.ok(texts.length > 0 || folder === 'fixed', `${folder}: no findings`);
      for (const t of texts) {
        assertChinese(t, folder);
        assert.deepEqual(typographyProblems(ownWords(t)), [], t);
      }
    });

    it(`${folder}: summary as text and as csv (headers and the total row)`, async () => {
      const text = await run(['summary', path.join(FIXTURES, folder)], FIXTURES);
      const [head, , ...rows] = text.stdout.trimEnd().split('\n');
      assert.deepEqual(head.split(/\s{2,}/), ['文件', '机关', '年度', '格式', '状态', '错误', '警告', '提示', '新收', '办结', '结转', '复议', '诉讼']);
      assert.match(rows.at(-1)!, /^合计（\d+份）/);
      const csv = await run(['summary', '-f', 'csv', path.join(FIXTURES, folder)], FIXTURES);
      assert.equal(csv.stdout.split('\r\n')[0], '文件,机关,年度,格式,状态,错误,警告,提示,新收,办结,结转,复议,诉讼');
      // file names are paths and organs the reports' own words; the status is ours
      const statuses = new Set(
        csv.stdout
          .split('\r\n')
          .slice(1, -1)
          .map((l) => l.split(',').at(-9)),
      );
      for (const status of statuses) assert.ok(['已检查', '未识别', '未检查'].includes(status!), status);
    });
  }

  it('--help of both commands', async () => {
    for (const argv of [['--help'], ['-h'], ['summary', '--help']]) {
      const r = await run(argv, FIXTURES);
      assert.equal(r.code, 0);
      for (const line of r.stdout.split('\n').filter(Boolean)) assertChinese(line.replace(/<[a-z|-]+>/gi, ''), argv.join(' '));
    }
    const help = (await run(['--help'], FIXTURES)).stdout;
    assert.match(help, /^用法：xxgk-lint \[选项\] <文件\|文件夹\|通配符>\.\.\./);
    assert.match(help, /\n {6}--max-file-size <字符数> {9}超过此字符数的文件不检查（默认：2000000）\n/);
  });

  it("usage errors on stderr, also those Node's option parser words", async () => {
    const cases: [string[], string][] = [
      [['--frobnicate', 'a.txt'], 'xxgk-lint: 未知选项「--frobnicate」'],
      [['-x', 'a.txt'], 'xxgk-lint: 未知选项「-x」'],
      [['a.txt', '-f'], 'xxgk-lint: 选项「--format」缺少取值'],
      [['--fix=yes', 'a.txt'], 'xxgk-lint: 选项「--fix」不带取值'],
      [['-f', 'xml', 'a.txt'], 'xxgk-lint: 未知的输出格式「xml」（可用 text、json、sarif 或 html）'],
      [['--locale', 'fr', 'a.txt'], 'xxgk-lint: 未知的语言「fr」（可用 zh-CN 或 en）'],
      [['--encoding', 'big5', 'a.txt'], 'xxgk-lint: 未知的编码「big5」（可用 utf-8、utf-16le、utf-16be 或 gb18030）'],
      [['--max-file-size', '0', 'a.txt'], 'xxgk-lint: --max-file-size 应为正数'],
      [['-j', '0', 'a.txt'], 'xxgk-lint: --jobs 应为不小于1的整数'],
      [[], 'xxgk-lint: 没有给出要检查的文件（见 --help）'],
      [['nowhere'], 'xxgk-lint: nowhere：没有这个文件、文件夹，也没有与之匹配的文件\nxxgk-lint: 没有要检查的文件'],
      [['summary', '--copied-text-threshold', '2', 'a.txt'], 'xxgk-lint summary: --copied-text-threshold 应为大于0且不大于1的数'],
      [['summary', '-f', 'sarif', 'a.txt'], 'xxgk-lint summary: 未知的输出格式「sarif」（可用 text、csv 或 json）'],
      [['summary', '--bom=1', 'a.txt'], 'xxgk-lint summary: 选项「--bom」不带取值'],
    ];
    const dir = workspace({ 'a.txt': readSeed('s000') });
    for (const [argv, expected] of cases) {
      const r = await run(argv, dir);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stderr.split('\n\n')[0].trimEnd(), expected, argv.join(' '));
      // what the user typed comes back as typed
      for (const line of r.stderr.split('\n').filter(Boolean)) assertChinese(line.replace(/<[a-z|-]+>/gi, ''), argv.join(' '), new Set(argv));
    }
  });

  it('files that cannot be checked: binary, undecodable, unreadable', async () => {
    const dir = workspace({ 'bin.txt': Buffer.from([0x50, 0x4b, 0, 0, 1, 2]), 'gbk.txt': Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), 'a-folder.txt/x': 'x' });
    const binary = await run(['bin.txt'], dir);
    assert.equal(binary.stderr, 'xxgk-lint: bin.txt：不是文本文件（含有 NUL 字节），已跳过\n');
    const forced = await run(['--encoding', 'utf-8', 'gbk.txt'], dir);
    assert.equal(forced.stderr, 'xxgk-lint: gbk.txt：无法按 utf-8 解码，已跳过\n');
    const folder = await new FileChecker({ cwd: dir, format: 'text', fix: false, locale: 'zh-CN' }).check('a-folder.txt');
    assert.equal(folder.error, '无法读取（EISDIR）');
    assert.equal(binary.stdout, '共0个文件，0个问题（0个错误，0个警告，0个提示）\n');
  });

  it('config errors: unreadable, not JSON (with the place), invalid values', async () => {
    const dir = workspace({
      'a.txt': readSeed('s000'),
      'bad.json': '{\n  "rules": {\n    "row-total": "off",\n  }\n}',
      'cut.json': '{"rules": ',
      'wrong.json': JSON.stringify({ rules: { 'row-totals': 'off', 'cell-empty': 'loud' }, blankAsZero: 1, ignore: [{}], colour: 1 }),
    });
    const expected: [string, string][] = [
      ['missing.json', `xxgk-lint: ${path.join(dir, 'missing.json')}：无法读取（ENOENT）`],
      ['bad.json', `xxgk-lint: ${path.join(dir, 'bad.json')}：不是有效的 JSON（第4行第3列）`],
      ['cut.json', `xxgk-lint: ${path.join(dir, 'cut.json')}：不是有效的 JSON（内容不完整）`],
      [
        'wrong.json',
        `xxgk-lint: ${path.join(dir, 'wrong.json')}：未知的键「colour」；未知的规则「row-totals」；规则 cell-empty 的取值「loud」无效（可用 error、warning、information、hint、off）；“blankAsZero”应为 true 或 false；ignore 的第1项缺少“code”`,
      ],
    ];
    const configWords = new Set([
      'error',
      'warning',
      'information',
      'hint',
      'off',
      'true',
      'false',
      'blankAsZero',
      'ignore',
      'code',
      'colour',
      'row-totals',
      'loud',
    ]);
    for (const [config, line] of expected) {
      const r = await run(['--config', config, 'a.txt'], dir);
      assert.deepEqual([r.code, r.stderr], [2, `${line}\n`]);
      assertChinese(r.stderr.slice(r.stderr.indexOf('：')), config, configWords);
    }
    const english = await run(['--config', 'bad.json', 'a.txt'], dir, { LANG: 'en_US.UTF-8' });
    assert.equal(english.stderr, `xxgk-lint: ${path.join(dir, 'bad.json')}: invalid JSON (line 4, column 3)\n`);
  });

  it('a cache that cannot be written, and --fix, say so in Chinese', async () => {
    const dir = workspace({ 'a.txt': readFixture('broken', 'a-2019-mixed.txt'), 'mine.json': '{"mine":1}' });
    const cache = await run(['--cache', '--cache-location', 'mine.json', 'a.txt'], dir);
    assert.equal(cache.stderr, `xxgk-lint: 警告：无法写入缓存 ${path.join(dir, 'mine.json')}（不是 xxgk-lint 缓存，保持原样）\n`);
    const fixed = await run(['--fix', 'a.txt'], dir);
    assert.match(fixed.stderr, /^a\.txt:32:24 表三「（一）予以公开」自然人 5 → 3$/m);
  });
});

// ------------------------------------------------------------------ the language chosen

describe('the language: Chinese unless the locale names another', () => {
  const linux = { platform: 'linux' as const, intl: () => 'en-US' };
  const cases: [Record<string, string>, 'zh-CN' | 'en'][] = [
    [{}, 'zh-CN'],
    [{ LANG: '' }, 'zh-CN'],
    [{ LANG: 'C.UTF-8' }, 'zh-CN'],
    [{ LANG: 'POSIX' }, 'zh-CN'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'de_DE@euro' }, 'en'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-CN'],
    [{ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8', LANGUAGE: 'zh_CN' }, 'zh-CN'],
    [{ LANG: 'C.UTF-8', LANGUAGE: 'C:en_US:zh_CN' }, 'en'],
  ];
  for (const [env, expected] of cases) {
    it(`${JSON.stringify(env)} → ${expected}`, () => assert.equal(localeFromEnvironment(env, linux), expected));
  }

  it("with no variable naming a language, Windows's display language decides; elsewhere Intl only echoes the variables", () => {
    assert.equal(localeFromEnvironment({}, { platform: 'win32', intl: () => 'en-US' }), 'en');
    assert.equal(localeFromEnvironment({}, { platform: 'win32', intl: () => 'zh-CN' }), 'zh-CN');
    assert.equal(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' }, { platform: 'win32', intl: () => 'en-US' }), 'zh-CN');
    assert.equal(localeFromEnvironment({}, { platform: 'darwin', intl: () => 'en-US' }), 'zh-CN');
  });

  it('the CLI: LANG= and no environment at all print Chinese, LANG=en_US English, --locale overrides', async () => {
    const dir = workspace({ 'a.txt': readSeed('s003') });
    for (const env of [{ LANG: '' }, {}]) assert.match((await run(['a.txt'], dir, env)).stdout, /\n共1个文件，/);
    assert.match((await run(['a.txt'], dir, { LANG: 'en_US.UTF-8' })).stdout, /\n\d+ problem\(s\) .* in 1 file\(s\)\n$/);
    assert.match((await run(['--locale', 'zh-cn', 'a.txt'], dir, { LANG: 'en_US.UTF-8' })).stdout, /\n共1个文件，/);
    assert.match((await run(['--help', '--locale=en'], dir, {})).stdout, /^Usage: xxgk-lint/);
  });
});

// ------------------------------------------------------------------ typography of the templates

/** Sample values for every placeholder, as the rules fill them (a new placeholder needs one here). */
const SAMPLES: Params = {
  name: '（一）予以公开',
  total: 12,
  sum: 11,
  blank: { 'zh-CN': '（空白按0计算）', en: ' (blank cells counted as 0)' },
  note: { 'zh-CN': '（空白按0计）', en: ' (blank counted as 0)' },
  column: '自然人',
  value: 3,
  prevYear: 2020,
  prevFile: 'kunming/2020.txt',
  prevValue: 4,
  row: '规章',
  rows: { 'zh-CN': '「一、本年新收政府信息公开申请数量」「（一）予以公开」', en: '“一、本年新收政府信息公开申请数量”, “（一）予以公开”' },
  issued: 2,
  repealed: 1,
  expected: 5,
  what: '收到申请',
  stated: 7,
  values: '6+6+4',
  table: '表三',
  count: 6,
  columns: '自然人、商业企业',
  cells: '自然人、商业企业',
  cell: '表三「（一）予以公开」自然人',
  raw: '/',
  unit: '件',
  text: '本年新制作数量',
  minority: 2019,
  majority: 2021,
  version: 2019,
  actual: '4、',
  year: 2021,
  size: 2500000,
  limit: 2000000,
  date: '2022年1月20日',
  deadline: '2022年1月31日',
  found: 2020,
  source: '标题',
  relations: '本行总计、（七）总计',
  numeral: '六',
  title: '其他需要报告的事项',
  after: '四',
  section: '二',
  official: '（三）不予公开',
  written: '（三）不予开',
  signed: '某某局',
  titled: '某某市某某局',
  percent: 62,
  copied: 10,
  index: '三',
  organ: '某某市某某局',
  format: '2019年格式（国办公开办函〔2019〕60号）',
  basis: '第二十条第（一）项',
  item: '一',
  diff: 2,
  group: '行政复议',
  target: 'T3.R1.TOT',
  code: 'row-total',
  file: '2020/报告.txt',
  problem: '未知的键「colour」',
  option: '--frobnicate',
  choices: 'text、json 或 sarif',
  encoding: 'UTF-8、UTF-16 或 GB18030',
  where: '（第4行第3列）',
  detail: 'SyntaxError',
  problems: '未知的规则「row-totals」',
  reason: '不是普通文件，保持原样',
  stream: 'stdout',
  line: 4,
  files: 5,
  errors: 1,
  warnings: 2,
  infos: 3,
  small: '本年新公开数量',
  a: 12,
  large: '对外公开总数量',
  b: 10,
  key: 'colour',
  setting: 'loud',
  settings: 'error、warning、information、hint、off',
  number: 1,
};

/** Every zh-CN template with its source, the rules' docs and descriptions included. */
function templates(): [string, string][] {
  const all: [string, string][] = [];
  for (const rule of RULES) {
    all.push([`${rule.code}.description`, rule.description['zh-CN']], [`${rule.code}.docs`, rule.docs['zh-CN']]);
    for (const [id, m] of Object.entries(rule.messages)) all.push([`${rule.code}.${id}`, m['zh-CN']]);
  }
  for (const [id, m] of Object.entries(EDITOR_MESSAGES)) all.push([`editor.${id}`, (m as Localized)['zh-CN']]);
  for (const [id, m] of Object.entries(CLI_MESSAGES)) all.push([`cli.${id}`, (m as Localized)['zh-CN']]);
  return all;
}

const HAN = '\\p{Script=Han}';
const FULL = '「」『』（）“”‘’，。：；、！？《》〔〕【】…—';
/** A number on its own, not the digits of a name such as UTF-8 or a path such as 2020/报告.txt. */
const NUMBER = '(?<![\\w./-])\\d[\\d,.]*%?(?![\\w/-])';
/** What Chinese typography forbids, each with why. */
const TYPOGRAPHY: [RegExp, string][] = [
  [new RegExp(`${HAN} +${HAN}`, 'u'), 'a space between Chinese characters'],
  [new RegExp(`[${HAN}${FULL}] +${NUMBER}|${NUMBER} +[${HAN}${FULL}]`, 'u'), 'a space between Chinese and a number'],
  [new RegExp(` [${FULL}]|[${FULL}] `, 'u'), 'a space beside full-width punctuation'],
  [new RegExp(`[${HAN}${FULL}][,:;()!?=+]|[,:;()!?=+] *[${HAN}${FULL}]`, 'u'), 'half-width punctuation in a Chinese sentence'],
];

/** A message with what it quotes from the report (「…」) masked: the report's typography is its own. */
const ownWords = (message: string) => message.replace(/「[^」]*」/g, '「甲」');

/** What Chinese typography forbids in `text`, each as `why: …context…`. */
function typographyProblems(text: string): string[] {
  return TYPOGRAPHY.flatMap(([pattern, why]) => {
    const m = pattern.exec(text);
    return m ? [`${why}: …${text.slice(Math.max(0, m.index - 12), m.index + 14)}…`] : [];
  });
}

describe('zh-CN message templates follow Chinese typography', () => {
  it('every placeholder has a sample value', () => {
    const missing = new Set(
      templates()
        .flatMap(([, t]) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
        .filter((p) => !(p in SAMPLES)),
    );
    assert.deepEqual([...missing], []);
  });

  it('no spaces between Chinese and numbers, quotes or other Chinese; full-width punctuation', () => {
    const problems = templates().flatMap(([id, template]) => typographyProblems(format(template, SAMPLES, 'zh-CN')).map((p) => `${id}: ${p}`));
    assert.deepEqual(problems, []);
  });

  it('the checks catch what they are for (not no-ops)', () => {
    const broken = ['表三 有', '总计为 3', '不为 0，', '（默认 50%', '「四、结转下年度继续办理」 总计', '有 6 个', '表三: 有', '(空白)按', '合计（5 份）'];
    for (const text of broken)
      assert.ok(
        TYPOGRAPHY.some(([p]) => p.test(text)),
        text,
      );
    for (const text of [
      '总计为3（有申请结转下年度）',
      '在 .xxgk-lint.json 中忽略本文件的 row-total',
      '通常不到100 KB',
      '默认2,000,000字符',
      '不是 UTF-8 编码',
      '无法写入 2020/报告.txt',
    ]) {
      assert.ok(!TYPOGRAPHY.some(([p]) => p.test(text)), text);
    }
  });

  it('config problems, which the CLI shows on stderr', () => {
    const problems = validateConfig(
      { rules: { 'row-totals': 'off', 'cell-empty': 'loud' }, formatVersion: 2020, maxFileSize: -1, copiedTextThreshold: 2, ignore: 3 },
      'zh-CN',
    );
    assert.deepEqual(problems, [
      '未知的规则「row-totals」',
      '规则 cell-empty 的取值「loud」无效（可用 error、warning、information、hint、off）',
      '“formatVersion”应为“auto”“2019”或“2021”',
      '“maxFileSize”应为正数',
      '“copiedTextThreshold”应为大于0且不大于1的数',
      '“ignore”应为数组',
    ]);
    for (const p of problems) assert.deepEqual(typographyProblems(p), [], p);
  });
});
