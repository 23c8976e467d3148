import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { readSeed } from '../support/fixtures';

/** 总体情况 whose sub-headings are numbered like the six sections: a second numbering system. */
it('sub-headings of 总体情况 numbered 一、二、 are reported and renumbered （一）（二）; sentences are left alone', () => {
  const text = readSeed('s000')
    .replace('(一)健全领导机制,细化责任落实', '一、健全领导机制,细化责任落实')
    .replace('(二)严格执行公开审批程序', '二、 严格执行公开审批程序')
    .replace('(三)在职权范围内主动公开政府信息', '三、我局在职权范围内主动公开政府信息。');
  const a = analyze(text);
  const subs = a.findings.filter((f) => f.code === 'section-numbering');
  assert.deepEqual(
    subs.map((f) => f.range.start.line),
    [3, 5],
  );
  assert.equal(subs[0].message, '总体情况中的小标题用了部分的编号“一、”，与六个部分的编号混为两套，宜改为“（一）”');
  const fixed = applyEdits(
    text,
    subs.flatMap((f) => f.fix!.edits),
  ).split('\n');
  assert.equal(fixed[3], '（一）健全领导机制,细化责任落实');
  assert.equal(fixed[5], '（二） 严格执行公开审批程序');
  assert.deepEqual(analyze(readSeed('s000')).findings, [], 'the seed itself stays clean');
});
