import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Finding } from '../../server/src/core/analyze';
import { ARITHMETIC_CODES } from '../../server/src/core/schema/invariants';
import { readSeed } from '../support/fixtures';

/** code@line (1-based), the way a reviewer reads a finding list. */
const brief = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.range.start.line + 1}`);
const codes = (fs: Finding[]) => [...new Set(fs.map((f) => f.code))].sort();

describe('the five seed reports', () => {
  it('000 昆明 2020: 2019 format, all zeros, nothing to report', () => {
    const a = analyze(readSeed('s000'));
    assert.equal(a.report?.year, 2020);
    assert.equal(a.report?.format, '2019');
    assert.deepEqual(brief(a.findings), []);
  });

  it('001 温州 2024: 2021 format, the title lacks the year, the text calls finished what 表三 carries over', () => {
    const a = analyze(readSeed('s001'));
    assert.equal(a.report?.year, 2024);
    assert.equal(a.report?.yearSource, 'text');
    assert.equal(a.report?.format, '2021');
    assert.deepEqual(brief(a.findings), ['title-incomplete@1', 'text-table-mismatch@7']);
    assert.equal(a.findings[0].message, '标题没有写明年度');
    const claim = a.findings[1];
    assert.equal(a.doc.lines[6].slice(claim.range.start.character, claim.range.end.character), '处理依申请公开件1起,已按时限按规范办结办理。');
    assert.deepEqual(
      claim.related?.map((r) => r.message),
      ['表三「四、结转下年度继续办理」总计：1', '表三「（七）总计」总计：0'],
    );
    assert.equal(a.findings[0].fix, undefined, 'a year guessed from the prose is not written into the title');
    const t3 = a.report!.tables.T3!;
    assert.equal(t3.rows.get('R1')!.cells[0].value, 1);
    assert.equal(t3.rows.get('R4')!.cells[6].value, 1);
    assert.equal(t3.rows.get('R3_7')!.cells[6].value, 0);
  });

  it('002 定州 2020 (encoding B): no organ in the title, every non-总计 cell of 表三/表四 blank', () => {
    const a = analyze(readSeed('s002'));
    assert.equal(a.report?.year, 2020);
    assert.equal(a.report?.format, '2019');
    const empty = a.findings.filter((f) => f.code === 'cell-empty');
    assert.equal(empty.length, 24, '23 rows of 表三 and the data row of 表四');
    assert.match(empty[0].message, /一、本年新收政府信息公开申请数量」有6个空白单元格：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他/);
    assert.match(empty[23].message, /表四「数据行」有12个空白单元格/);
    assert.deepEqual(codes(a.findings), ['cell-empty', 'title-incomplete']);
    assert.equal(a.findings.find((f) => f.code === 'title-incomplete')!.message, '标题没有写明机关名称');
  });

  it('003 阿拉善 2020: 六 missing, 9/9/9 copy-fill, blank (八)(九) rows', () => {
    const a = analyze(readSeed('s003'));
    assert.equal(a.report?.format, '2019');
    assert.deepEqual(brief(a.findings), ['plausibility@28', 'cell-empty@35', 'cell-empty@38', 'section-missing@76']);
    const missing = a.findings.find((f) => f.code === 'section-missing')!;
    assert.equal(missing.severity, 'error');
    assert.equal(missing.message, '缺少第六部分「六、其他需要报告的事项」');
    // A heading alone does not supply the section: a suggestion, never a fix.
    assert.equal(missing.fix, undefined);
    assert.deepEqual(
      missing.suggestions?.map((s) => [s.title, s.edits[0].newText]),
      [['插入标题「六、其他需要报告的事项」（内容仍需补写）', '\n六、其他需要报告的事项\n']],
    );
  });

  it('004 二七区 2020 (encoding C): 4、 for 四、, mixed （1）/（二）, only 总计 filled', () => {
    const a = analyze(readSeed('s004'));
    assert.equal(a.report?.format, '2019');
    const numbering = a.findings.filter((f) => f.code === 'section-numbering');
    assert.deepEqual(brief(numbering), ['section-numbering@5', 'section-numbering@9', 'section-numbering@13', 'section-numbering@354']);
    const four = numbering[3];
    assert.equal(four.message, '部分标题应使用汉字编号“四、”，此处写作“4、”');
    assert.deepEqual(four.fix?.edits, [
      { range: { start: { line: 353, character: 0 }, end: { line: 353, character: 3 } }, newText: '四、', subject: '第四部分标题编号' },
    ]);
    assert.equal(a.findings.filter((f) => f.code === 'cell-empty').length, 6 + 23 + 1);
    assert.deepEqual(codes(a.findings), ['cell-empty', 'section-numbering']);
  });

  it('no seed has an arithmetic finding', () => {
    for (const s of ['s000', 's001', 's002', 's003', 's004'] as const) {
      const found = analyze(readSeed(s)).findings.filter((f) => ARITHMETIC_CODES.includes(f.code));
      assert.deepEqual(found, [], s);
    }
  });

  it('speaks English when asked', () => {
    const a = analyze(readSeed('s003'), { locale: 'en' });
    assert.equal(a.findings.find((f) => f.code === 'section-missing')!.message, 'Section 六 “六、其他需要报告的事项” is missing');
  });
});
