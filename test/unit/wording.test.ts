/** Official wording, read tolerantly: variants people write are the section or row, with at most a wording warning. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { readSeed } from '../support/fixtures';

const s001 = readSeed('s001');
const keys = (text: string) =>
  analyze(text)
    .findings.filter((f) => f.severity !== 'hint')
    .map((f) => `${f.code} ${f.target ?? ''}`)
    .sort();
const baseline = keys(s001);

describe('official wording, tolerantly', () => {
  it('heading variants with a word more or other (的情况, 和改进措施) are the sections, with no section-missing', () => {
    const text = s001
      .replace(/^四、政府信息公开行政复议、行政诉讼情况/m, '四、政府信息公开行政复议、行政诉讼的情况')
      .replace(/^五、存在的主要问题及改进情况/m, '五、存在的主要问题和改进措施');
    assert.notEqual(text, s001);
    assert.deepEqual(keys(text), baseline);
  });

  it('2021 （六）其他处理 sub-rows numbered 1、2、3、 are the three sub-rows, with no wording finding', () => {
    const text = s001
      .replace('| 1.申请人无正当', '| 1、申请人无正当')
      .replace(/^2\.申请人逾期/m, '2、申请人逾期')
      .replace(/^3\.其他 /m, '3、其他 ');
    assert.notEqual(text, s001);
    const a = analyze(text);
    assert.deepEqual(
      ['R3_6_1', 'R3_6_2', 'R3_6_3'].map((k) => a.report!.tables.T3!.rows.get(k)?.cells.length),
      [7, 7, 7],
    );
    assert.equal(a.report!.tables.T3!.rows.has('R3_6'), false);
    assert.deepEqual(keys(text), baseline);
  });

  it('a 2021 table that writes 规范性文件: a row-label warning with its fix, not a format-mismatch error', () => {
    const text = s001.replace(/^行政规范性文件 \|/m, '规范性文件 |');
    const a = analyze(text, { locale: 'zh-CN' });
    assert.deepEqual(
      a.findings.filter((f) => f.code === 'format-mismatch'),
      [],
    );
    const label = a.findings.find((f) => f.code === 'row-label')!;
    assert.equal(label.severity, 'warning');
    assert.equal(label.message, '表二行名「规范性文件」与官方格式「行政规范性文件」不一致');
    assert.equal(applyEdits(text, label.fix!.edits), s001);
  });

  it('a title without 工作 is named as such, with the fix', () => {
    const text = s001.replace('温州市投资促进局政府信息公开工作年度报告', '温州市投资促进局政府信息公开年度报告');
    const a = analyze(text, { locale: 'zh-CN' });
    const work = a.findings.find((f) => f.target === 'title.wording')!;
    assert.equal(work.message, '标题缺少“工作”二字，规范写法为“……政府信息公开工作年度报告”');
    assert.equal(applyEdits(text, work.fix!.edits), s001);
    assert.equal(
      a.findings.some((f) => f.message.startsWith('没有找到报告标题')),
      false,
    );
  });
});
