import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { cellName, cellNames } from '../../server/src/core/labels';
import { countedValue } from '../../server/src/core/numbers';
import { outline } from '../../server/src/core/outline';
import { effectiveFormat, otherFormat } from '../../server/src/core/schema/formats';
import { base } from '../support/cases';
import { render } from '../support/render';

describe('one function per fact', () => {
  it('effectiveFormat: the tables’ own format, else the forced one, else the year’s, else 2021', () => {
    assert.equal(effectiveFormat({ format: '2021', year: 2020 }, '2019'), '2021');
    assert.equal(effectiveFormat({ year: 2022 }, '2019'), '2019');
    assert.equal(effectiveFormat({ year: 2020 }), '2019');
    assert.equal(effectiveFormat({ year: 2022 }), '2021');
    assert.equal(effectiveFormat({ year: 2015 }), '2021');
    assert.equal(effectiveFormat({}), '2021');
  });

  it('otherFormat swaps the two formats', () => {
    assert.deepEqual([otherFormat('2019'), otherFormat('2021')], ['2021', '2019']);
  });

  it('the analysis carries the format the rules used, and the outline names 表二 blocks in it', () => {
    const text = render(base('2019', 2020), 'md').text;
    const analysis = analyze(text, { formatVersion: '2021' });
    assert.equal(analysis.format, '2019', 'the tables tell their own format');
    assert.equal(analyze(text).format, '2019');
    const t2 = outline(analysis, 'zh-CN')
      .flatMap((i) => i.children)
      .find((c) => c.kind === 'table' && c.name.includes('表二'));
    assert.ok(t2, 'table 二 is in the outline');
    assert.ok(t2.children.length > 0, 'its blocks are listed');
  });

  it('countedValue: numbers as they are, blanks and placeholders as 0 only when allowed', () => {
    assert.deepEqual(countedValue({ state: 'number', value: 7 }, false), { value: 7, blank: false });
    assert.deepEqual(countedValue({ state: 'blank' }, true), { value: 0, blank: true });
    assert.deepEqual(countedValue({ state: 'placeholder' }, true), { value: 0, blank: true });
    assert.equal(countedValue({ state: 'blank' }, false), undefined);
    assert.equal(countedValue({ state: 'invalid' }, true), undefined);
    assert.equal(countedValue(undefined, true), undefined);
  });

  it('cellName: within its table or with the table named', () => {
    const ref = { table: 'T3' as const, row: 'R3_2', column: 'NP' };
    assert.equal(cellName(ref, 'zh-CN', '2021'), '「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」自然人');
    assert.deepEqual(cellNames(ref, '2021', { inTable: true }), { 'zh-CN': '表三「（二）部分公开」自然人', en: 'Table 3 “（二）部分公开” 自然人' });
    assert.deepEqual(cellNames({ table: 'T4', row: 'R', column: 'RV_TOT' }, '2021', { inTable: true })['zh-CN'], '表四行政复议·总计');
  });
});
