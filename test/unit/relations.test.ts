/**
 * Arithmetic relations are data: the engine, the findings' wording and the hover take everything
 * from the schema entry, so a new relation is one entry in `schema/invariants.ts` plus one rule file.
 * Shown here with an invented 表二 relation on a copy of the schema (the shipped schema has none).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { checkArithmetic } from '../../server/src/core/arithmetic';
import { hoverAt } from '../../server/src/core/hover';
import { defineRule, format, RuleContext } from '../../server/src/core/rule';
import { RULES } from '../../server/src/core/rules';
import { arithmeticDrafts, COMMON_ARITHMETIC_MESSAGES } from '../../server/src/core/rules/shared/arithmetic';
import { ARITHMETIC_CODES, RelationSpec, RELATIONS } from '../../server/src/core/schema/invariants';
import { LineIndex } from '../../server/src/core/text';
import { readSeed } from '../support/fixtures';

/** The schema entry a newcomer writes (invented for this test: 处理决定数量 = 上一年项目数量 + 本年增/减). */
function decisionsRelation(signed: boolean): RelationSpec {
  return {
    code: 'decisions-total',
    table: 'T2',
    strength: 'implied',
    name: { 'zh-CN': '“处理决定数量＝上一年＋增减”', en: 'decisions = last year + change' },
    title: { 'zh-CN': '处理决定数量＝上一年项目数量＋本年增/减', en: 'Decisions = last year + change' },
    priority: 5,
    signed,
    partsDetailTotal: true,
    sums: [{ eachRow: ['LIC', 'OTHER_SVC', 'PUN', 'ENF'], total: ['DECISIONS'], parts: ['PREV', 'CHANGE'], fill: { side: 'total', key: 'DECISIONS' } }],
  };
}

/** The rule file a newcomer writes (`rules/decisions-total.ts`). */
const decisionsTotal = defineRule({
  code: 'decisions-total',
  defaultSeverity: 'error',
  fixKind: 'sums',
  description: { 'zh-CN': '表二处理决定数量＝上一年项目数量＋本年增/减', en: 'Table 2 decisions equal last year plus the change' },
  docs: { 'zh-CN': '仅用于测试的示例关系。', en: 'An example relation for this test only.' },
  messages: {
    mismatch: {
      'zh-CN': '表二「{name}」：处理决定数量为{total}，但上一年项目数量＋本年增/减＝{sum}{blank}',
      en: 'Table 2 “{name}”: 处理决定数量 is {total}, but 上一年项目数量 + 本年增/减 = {sum}{blank}',
    },
    ...COMMON_ARITHMETIC_MESSAGES,
  },
  check: (ctx) => arithmeticDrafts(ctx, 'decisions-total'),
});

/** Seed 003 (2019 format) with the 表二 row 行政许可 set to 5 | 0 | 3 (3 ≠ 5 + 0). */
function seedWithLicences(): { text: string; line: number } {
  const lines = readSeed('s003').split('\n');
  const line = lines.findIndex((l) => l.startsWith('行政许可 |'));
  lines[line] = '行政许可 | 5 | 0 | 3 | |';
  return { text: lines.join('\n'), line };
}

function checkWith(schema: readonly RelationSpec[]) {
  const { text, line } = seedWithLicences();
  const analysis = analyze(text);
  const report = analysis.report!;
  const arithmetic = checkArithmetic(report, true, schema);
  const ctx: RuleContext = { report, doc: new LineIndex(text), expectedFormat: '2019', format: '2019', blankAsZero: true, arithmetic };
  return { analysis: { ...analysis, arithmetic }, drafts: decisionsTotal.check(ctx), line, report };
}

const zh = (messageId: keyof typeof decisionsTotal.messages, params = {}) => format(decisionsTotal.messages[messageId]['zh-CN'], params, 'zh-CN');

describe('arithmetic relations as data', () => {
  it('every shipped relation has its rule, and the codes are listed in priority order', () => {
    assert.deepEqual(ARITHMETIC_CODES, ['row-total', 'column-total', 'balance', 'review-total']);
    for (const relation of RELATIONS) {
      const rule = RULES.find((r) => r.code === relation.code);
      assert.equal(rule?.fixKind, 'sums', relation.code);
    }
    assert.deepEqual(
      RELATIONS.filter((r) => r.strength === 'official').map((r) => r.code),
      ['balance'],
    );
  });

  it('the shipped schema checks no 表二 sum: no finding, no equations in the hover', () => {
    const { analysis, drafts, line } = checkWith(RELATIONS);
    assert.deepEqual(drafts, []);
    assert.deepEqual(analysis.arithmetic.tables, ['T3', 'T4']);
    const hover = hoverAt(analysis, { line, character: '行政许可 | 5 | 0 | '.length }, 'zh-CN')!;
    assert.doesNotMatch(hover.markdown, /勾稽关系|处理决定数量＝/);
  });

  it('one extra schema entry plus one rule: the finding, its related cells, its suggestion and the hover', () => {
    const { analysis, drafts, report } = checkWith([...RELATIONS, decisionsRelation(false)]);
    assert.deepEqual(analysis.arithmetic.tables, ['T3', 'T4', 'T2']);
    // Seed 003's own 其他对外管理服务事项 row (9 | 9 | 9) breaks the invented sum too.
    assert.deepEqual(
      drafts.map((d) => d.target),
      ['T2.LIC.DECISIONS', 'T2.OTHER_SVC.DECISIONS'],
    );
    const [draft] = drafts;
    assert.equal(draft.messageId, 'mismatch');
    assert.equal(zh(draft.messageId, draft.params), '表二「行政许可」：处理决定数量为3，但上一年项目数量＋本年增/减＝5');
    const decisions = report.tables.T2!.rows.get('LIC')!.cells.find((c) => c.column === 'DECISIONS')!;
    assert.deepEqual(draft.range, decisions.range);
    assert.deepEqual(
      draft.related?.map((r) => zh(r.messageId, r.params)),
      ['「行政许可」上一年项目数量：5', '「行政许可」本年增/减：0'],
    );
    // Unsigned: trusting 处理决定数量 can only lower 上一年项目数量 (本年增/减 would go below 0).
    assert.deepEqual(
      draft.suggestions?.map((s) => [zh(s.messageId, s.params), s.edits.map((e) => e.newText)]),
      [
        ['假设各项正确：将处理决定数量改为5', ['5']],
        ['假设总计正确：将上一年项目数量改为3', ['3']],
      ],
    );
    const hover = hoverAt(analysis, decisions.range.start, 'zh-CN')!.markdown.split('\n');
    assert.equal(hover[0], '✗ 处理决定数量＝上一年项目数量＋本年增/减：**处理决定数量 3 ≠ 上一年项目数量 5 + 本年增/减 0**');
    assert.ok(hover.includes('- 处理决定数量＝上一年项目数量＋本年增/减：**处理决定数量 3** = 上一年项目数量 5 + 本年增/减 0 ✗ 差2'), hover.join('\n'));
  });

  it('a signed relation lets a fix go below 0: trusting the total no longer singles out one cell', () => {
    const { drafts } = checkWith([...RELATIONS, decisionsRelation(true)]);
    assert.deepEqual(
      drafts[0].suggestions?.map((s) => zh(s.messageId, s.params)),
      ['假设各项正确：将处理决定数量改为5'],
    );
  });
});
