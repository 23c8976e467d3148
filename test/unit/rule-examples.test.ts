/**
 * The example each rule shows in its documentation (docs/rules/<code>.md, made from `Rule.example`)
 * is run here: the flagged passage, put in place of the correct one in a correct report, must be
 * reported by the rule on that passage, and the fix, when the example shows one, must give it.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { defineRule } from '../../server/src/core/rule';
import { RULES } from '../../server/src/core/rules';
import { base } from '../support/cases';
import { render } from '../support/render';

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

describe('rule examples in the docs', () => {
  for (const rule of RULES) {
    const example = rule.example;
    if (!example) continue;
    it(`${rule.code}: the example is flagged${example.fixed ? ' and fixed' : ''}`, () => {
      const format = example.format ?? '2021';
      const correct = render(base(format, format === '2021' ? 2022 : 2020), 'md').text;
      assert.equal(correct.split(example.valid).length, 2, 'the correct passage occurs once in the correct report');
      assert.deepEqual(
        analyze(correct)
          .findings.filter((f) => f.code === rule.code)
          .map((f) => f.message),
        [],
      );
      const at = correct.indexOf(example.valid);
      const flagged = correct.slice(0, at) + example.flagged + correct.slice(at + example.valid.length);
      const first = lineOf(flagged, at);
      const last = lineOf(flagged, at + example.flagged.length);
      const here = analyze(flagged).findings.filter((f) => f.code === rule.code && f.range.start.line >= first && f.range.start.line <= last);
      assert.ok(here.length > 0, `${rule.code} reports on the flagged passage (lines ${first}–${last})`);
      const fixes = here.filter((f) => f.fix);
      if (example.fixed === undefined) {
        assert.deepEqual(
          fixes.map((f) => f.fix!.title),
          [],
          'the docs show no fix, so none is offered',
        );
        return;
      }
      assert.equal(fixes.length, 1, 'one finding offers the fix the docs show');
      const fixed = correct.slice(0, at) + example.fixed + correct.slice(at + example.valid.length);
      assert.equal(applyEdits(flagged, fixes[0].fix!.edits), fixed);
    });
  }

  it('every rule that checks one report by itself shows an example', () => {
    const without = RULES.filter((r) => !r.example).map((r) => r.code);
    assert.deepEqual(without, [
      'input-size',
      'input-unreadable',
      'report-unrecognized',
      'section-missing',
      'table-missing',
      'row-missing',
      'format-mismatch',
      'carry-over',
      'copied-text',
    ]);
  });

  it('a message id the rule does not declare is a compile error (checked by tsc)', () => {
    const start = { line: 0, character: 0 };
    const rule = defineRule({
      code: 'typed-ids',
      defaultSeverity: 'hint',
      description: { 'zh-CN': '示例', en: 'example' },
      docs: { 'zh-CN': '示例', en: 'example' },
      messages: { found: { 'zh-CN': '找到', en: 'found' } },
      // @ts-expect-error 'fonud' is not one of the rule's messages
      check: () => [{ messageId: 'fonud', range: { start, end: start } }],
    });
    assert.deepEqual(Object.keys(rule.messages), ['found']);
  });
});
