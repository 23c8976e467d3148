import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, AnalyzeOptions, Finding } from '../../server/src/core/analyze';
import { digestReport, previousReport, ReportDigest, sentenceKey } from '../../server/src/core/report-digest';
import { analyzeWorkspace, mergeFindings, summaryRows, WorkspaceDocument, workspaceFindings } from '../../server/src/core/workspace';
import { addWorkspaceFindings } from '../../server/src/node/summary';
import { readFixture, readSeed } from '../support/fixtures';

const ws = (...parts: string[]) => readFixture('workspace', ...parts);
const WZ23 = 'workspace/wenzhou/2023.txt';
const WZ24 = 'workspace/wenzhou/2024.txt';
const wenzhou = (y24 = ws('wenzhou', '2024.txt'), options?: AnalyzeOptions): WorkspaceDocument[] => [
  { uri: WZ23, text: ws('wenzhou', '2023.txt') },
  { uri: WZ24, text: y24, options },
];

const at = (text: string, r: { range: Finding['range'] }) => text.split('\n')[r.range.start.line].slice(r.range.start.character, r.range.end.character);
const brief = (fs: Finding[] | undefined) => (fs ?? []).map((f) => `${f.code}@${f.range.start.line + 1}:${f.range.start.character} ${f.target}`);

/** The 2024 report made consistent with 2023: 上年结转 1 (then 办结 1), 现行有效 4. */
const consistent2024 = () =>
  ws('wenzhou', '2024.txt')
    .replace('二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |')
    .replace('三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '三、本年度办理结果 | (一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |')
    .replace('(七)总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |')
    .replace('行政规范性文件 | 0 | 0 | 0 |', '行政规范性文件 | 0 | 0 | 4 |');

describe('workspace: carry-over', () => {
  it("two years of one body: 上年结转 differs from last year's 结转下年度 exactly in 自然人 and 总计", () => {
    const text = ws('wenzhou', '2024.txt');
    const r = analyzeWorkspace(wenzhou());
    assert.equal(r.workspace.get(WZ23), undefined, 'the earlier report has no later one to answer to');
    const found = r.workspace.get(WZ24)!.filter((f) => f.code === 'carry-over');
    assert.deepEqual(brief(found), ['carry-over@18:18 T2.NORM.VALID', 'carry-over@34:19 T3.R2.NP', 'carry-over@34:43 T3.R2.TOT']);
    const [valid, np, tot] = found;
    assert.equal(np.severity, 'warning');
    assert.equal(at(text, np), '0');
    assert.equal(np.message, '表三「二、上年结转政府信息公开申请数量」自然人为0，但2023年报告（2023.txt）「四、结转下年度继续办理」自然人为1');
    assert.deepEqual(
      np.related?.map((x) => [x.uri, x.range.start.line + 1, at(ws('wenzhou', '2023.txt'), x), x.message]),
      [[WZ23, 57, '1', '2023年报告「四、结转下年度继续办理」自然人：1']],
    );
    assert.equal(tot.message, '表三「二、上年结转政府信息公开申请数量」总计为0，但2023年报告（2023.txt）「四、结转下年度继续办理」总计为1');
    assert.equal(valid.severity, 'information', '表二 现行有效 is a hint');
    assert.equal(valid.message, '表二「行政规范性文件」现行有效件数为0，而上年（2023年）现行有效4＋本年制发0－本年废止0＝4');
    assert.deepEqual(
      valid.related?.map((x) => x.uri ?? 'here'),
      [WZ23, 'here', 'here'],
    );
  });

  it('nothing when the numbers carry over', () => {
    const r = analyzeWorkspace(wenzhou(consistent2024()));
    assert.deepEqual(brief(r.workspace.get(WZ24)?.filter((f) => f.code === 'carry-over')), []);
    assert.deepEqual(
      r.findings
        .get(WZ24)!
        .map((f) => f.code)
        .sort(),
      ['copied-text', 'text-table-mismatch', 'title-incomplete'],
    );
  });

  it('English', () => {
    const r = analyzeWorkspace(wenzhou(), { locale: 'en' });
    const np = r.workspace.get(WZ24)!.find((f) => f.target === 'T3.R2.NP')!;
    assert.equal(np.message, 'Table 3 “二、上年结转” 自然人 is 0, but the 2023 report (2023.txt) carries 1 over in “四、结转下年度继续办理” 自然人');
  });

  it("settings: off, a higher severity (never above a hint's cap), ignore by target", () => {
    const off = analyzeWorkspace(wenzhou(undefined, { rules: { 'carry-over': 'off' } }));
    assert.deepEqual(brief(off.workspace.get(WZ24)?.filter((f) => f.code === 'carry-over')), []);
    const error = analyzeWorkspace(wenzhou(undefined, { rules: { 'carry-over': 'error' } }))
      .workspace.get(WZ24)!
      .filter((f) => f.code === 'carry-over');
    assert.deepEqual(
      error.map((f) => f.severity),
      ['information', 'error', 'error'],
      '表二 stays a hint',
    );
    const ignored = analyzeWorkspace(wenzhou(undefined, { ignore: [{ code: 'carry-over', target: 'T3.R2.NP' }] }));
    assert.deepEqual(brief(ignored.workspace.get(WZ24)?.filter((f) => f.code === 'carry-over')), [
      'carry-over@18:18 T2.NORM.VALID',
      'carry-over@34:43 T3.R2.TOT',
    ]);
  });

  it('a blank counts as 0 and says so', () => {
    const y24 = ws('wenzhou', '2024.txt').replace('二、上年结转政府信息公开申请数量 | 0 | 0 |', '二、上年结转政府信息公开申请数量 |  | 0 |');
    const np = analyzeWorkspace(wenzhou(y24))
      .workspace.get(WZ24)!
      .find((f) => f.target === 'T3.R2.NP')!;
    assert.match(np.message, /自然人为0（空白按0计），但/);
    const unknown = analyzeWorkspace(wenzhou(y24, { blankAsZero: false })).workspace.get(WZ24)!;
    assert.equal(
      unknown.find((f) => f.target === 'T3.R2.NP'),
      undefined,
    );
  });

  it("pairs by the title's body and the year before, preferring the nearest folder", () => {
    const docs = [
      { uri: 'seeds/000.txt', text: readSeed('s000') },
      { uri: 'workspace/kunming/2020.txt', text: ws('kunming', '2020.txt') },
      { uri: 'workspace/kunming/2021.txt', text: ws('kunming', '2021.txt') },
      { uri: 'seeds/002.txt', text: readSeed('s002') },
    ];
    const digests = docs.map((d) => digestReport(d.uri, analyze(d.text)));
    assert.equal(previousReport(digests[2], digests)?.uri, 'workspace/kunming/2020.txt');
    assert.equal(previousReport(digests[0], digests), undefined);
    assert.equal(digests[3].organKey, undefined, 'seed 002 names no body: never paired');
    assert.deepEqual([...workspaceFindings(digests).keys()], [], 'kunming 2020 → 2021 agrees and is rewritten');
  });
});

describe('workspace: copied-text', () => {
  it("a report that repeats last year's 一 and 五", () => {
    const r = analyzeWorkspace(wenzhou());
    const [f] = r.workspace.get(WZ24)!.filter((x) => x.code === 'copied-text');
    assert.equal(f.severity, 'information');
    assert.equal(f.message, '一、五部分20句中有18句（90%）与2023年报告（2023.txt）相同');
    assert.equal(f.range.start.line, 1, 'on the 一 heading');
    assert.equal(f.related?.length, 20, 'ten pairs of sentences');
    assert.deepEqual(
      f.related!.slice(0, 2).map((x) => [x.uri ?? 'here', x.range.start.line, x.message]),
      [
        ['here', 2, '与2023年报告相同'],
        [WZ23, 2, '2023年报告中的同一句'],
      ],
    );
  });

  it('the threshold is a setting', () => {
    assert.equal(
      analyzeWorkspace(wenzhou(), { copiedTextThreshold: 0.95 })
        .workspace.get(WZ24)!
        .filter((x) => x.code === 'copied-text').length,
      0,
    );
    assert.equal(
      analyzeWorkspace(wenzhou(), { copiedTextThreshold: 0.9 })
        .workspace.get(WZ24)!
        .filter((x) => x.code === 'copied-text').length,
      1,
    );
  });

  it('sentences that two other bodies share are common wording, not copying', () => {
    const others = ['温州市甲局', '温州市乙局'].map((name) => ({
      uri: `workspace/${name}.txt`,
      text: ws('wenzhou', '2023.txt').replace('温州市投资促进局', name),
    }));
    const r = analyzeWorkspace([...wenzhou(), ...others]);
    assert.equal(r.workspace.get(WZ24)?.filter((x) => x.code === 'copied-text').length ?? 0, 0);
  });

  it('years do not make a sentence new; boilerplate and sub-headings are not compared', () => {
    assert.equal(sentenceKey('2023年,我局信息公开工作虽然取得了一定成绩。'), sentenceKey('2024年，我局信息公开工作虽然取得了一定成绩'));
    const d = digestReport('a', analyze(readSeed('s003')));
    assert.ok(d.sentences.length > 10);
    assert.ok(d.sentences.filter((s) => s.key === '').length >= 6, 'sub-headings and short sentences');
  });

  it('sentence keys: white space and punctuation dropped, the four digits before 年 read as Y', () => {
    assert.equal(sentenceKey('２０２３ 年，全年　共收到\u00a0申请 5 件。'), 'Y年全年共收到申请5件');
    assert.equal(sentenceKey('20 23年'), 'Y年', 'digits split by white space still make a year');
    assert.equal(sentenceKey('2023，年'), '2023年', 'punctuation between the digits and 年: not a year');
    assert.equal(sentenceKey('12023年、123年'), '1Y年123年', 'the last four digits of a longer run');
    assert.equal(sentenceKey('我局[bookmark: _GoBack]（市政府）《条例》'), '我局市政府条例');
    assert.equal(sentenceKey('a\u200bb'), 'a\u200bb', 'a zero-width space is kept, as \\s does not match it');
  });
});

describe('workspace: digests, merging, summary rows', () => {
  it('a digest is plain data (it crosses to worker threads)', () => {
    const d = digestReport(WZ24, analyze(ws('wenzhou', '2024.txt')));
    assert.deepEqual(structuredClone(d), d);
    assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
  });

  it('a digest holds sentence fingerprints, not the sentences (the same wording gives the same one)', () => {
    const a = digestReport('a', analyze(ws('wenzhou', '2023.txt')));
    const b = digestReport('b', analyze(ws('wenzhou', '2024.txt')));
    const keys = a.sentences.map((s) => s.key).filter(Boolean);
    assert.ok(keys.length >= 5);
    for (const k of keys) assert.match(k, /^[0-9a-z]{1,5}\.[0-9a-z]{1,6}[0-3]$/);
    const shared = keys.filter((k) => b.sentences.some((s) => s.key === k));
    assert.ok(shared.length >= 3, 'the 2024 report repeats sentences of 2023');
    assert.ok(shared.length < keys.length, 'and not all of them');
  });

  it('summary rows: body, year, format, counts with the workspace findings, the figures', () => {
    const r = analyzeWorkspace(wenzhou());
    assert.deepEqual(r.rows, [
      {
        file: WZ23,
        organ: '温州市投资促进局',
        year: 2023,
        format: '2021',
        status: 'checked',
        errors: 0,
        warnings: 0,
        information: 0,
        received: 1,
        concluded: 0,
        carriedOut: 1,
        review: 0,
        litigation: 0,
      },
      {
        file: WZ24,
        organ: '温州市投资促进局',
        year: 2024,
        format: '2021',
        status: 'checked',
        errors: 0,
        warnings: 3,
        information: 3,
        received: 1,
        concluded: 0,
        carriedOut: 1,
        review: 0,
        litigation: 0,
      },
    ]);
    const agree = digestReport('agree', analyze(readFixture('narrative', 'agree-2022.txt')));
    assert.deepEqual(summaryRows([agree])[0], {
      file: 'agree',
      organ: '温州市示例局',
      year: 2022,
      format: '2021',
      status: 'checked',
      errors: 0,
      warnings: 0,
      information: 0,
      received: 12,
      concluded: 12,
      carriedOut: 1,
      review: 2,
      litigation: 2,
    });
  });

  it('mergeFindings keeps the order analyze uses', () => {
    const r = analyzeWorkspace(wenzhou());
    const merged = r.findings.get(WZ24)!;
    assert.deepEqual(
      merged.map((f) => `${f.code}@${f.range.start.line + 1}`),
      ['title-incomplete@1', 'copied-text@2', 'text-table-mismatch@7', 'carry-over@18', 'carry-over@34', 'carry-over@34'],
    );
    assert.equal(mergeFindings(merged, undefined), merged);
  });

  it('addWorkspaceFindings: what the lint mode calls with its per-file results', () => {
    const results = wenzhou().map((d) => {
      const analysis = analyze(d.text, d.options);
      return { file: d.uri, findings: analysis.findings, digest: digestReport(d.uri, analysis, d.options) as ReportDigest | undefined };
    });
    results.push({ file: 'unreadable.txt', findings: [], digest: undefined });
    addWorkspaceFindings(results, { locale: 'zh-CN' });
    assert.deepEqual(
      results.map((x) => x.findings.length),
      [0, 6, 0],
    );
  });
});
