/**
 * Fixes end to end: broken reports (test/fixtures/broken/) run through `fixText` — every offered fix,
 * re-checked pass after pass, as `xxgk-lint --fix` does — must become the golden files in
 * test/fixtures/fixed/, which the renderer wrote from the corrected models (not the engine).
 * After fixing, no finding that a fix claimed to solve may remain, and every edit stays inside the
 * cell or line its finding names.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Finding } from '../../server/src/core/analyze';
import { ARITHMETIC_CODES } from '../../server/src/core/schema/invariants';
import { applyEdits } from '../../server/src/core/edits';
import type { TextEdit } from '../../server/src/core/rule';
import { fixText } from '../../server/src/node/cli';
import { base } from '../support/cases';
import { RULES } from '../../server/src/core/rules';
import { readFixture, readSeed, SEEDS } from '../support/fixtures';
import { at, FIX_CASES } from '../support/fix-cases';
import { withCells } from '../support/model';
import { render, Rendered } from '../support/render';

const id = (f: Finding) => `${f.code}|${f.target ?? ''}`;

function inside(e: TextEdit, span: { line: number; start: number; end: number }): boolean {
  return e.range.start.line === span.line && e.range.end.line === span.line && e.range.start.character >= span.start && e.range.end.character <= span.end;
}

/** Where a finding's edits may go, from the renderer's position map. */
function allowed(r: Rendered, f: Finding, e: TextEdit): boolean {
  const t = f.target ?? '';
  if (/^T[234]\.[A-Z0-9_]+\.[A-Z_]+$/.test(t)) return inside(e, r.at(`seg:${t}`));
  if (f.code === 'cell-empty') {
    const cells = [...r.pos.keys()].filter((k) => k.startsWith(`seg:${t}.`));
    return cells.some((k) => inside(e, r.at(k)));
  }
  if (f.code === 'row-label') return inside(e, r.at(`label:${t}`));
  if (f.code === 'section-numbering' && /^section\.\d+$/.test(t))
    return e.range.start.line === r.at(`heading:${t.slice(8)}`).line && e.range.end.line === e.range.start.line;
  if (f.code === 'section-numbering') return e.range.start.line === e.range.end.line && e.range.start.line === f.range.start.line;
  if (f.code === 'title-incomplete') return inside(e, r.at('title'));
  if (f.code === 'section-missing')
    return e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character && /\n$/.test(e.newText);
  return false;
}

describe('fix all, re-check, compare with the golden file', () => {
  for (const c of FIX_CASES) {
    describe(`${c.name} (${c.about})`, () => {
      const broken = readFixture('broken', `${c.name}.txt`);
      const golden = readFixture('fixed', `${c.name}.txt`);
      const r = render(c.broken, c.enc, c.variant);

      it('the fixture files are current (node scripts/make-fixtures.mjs)', () => {
        assert.equal(broken, r.text);
        assert.equal(golden, render(c.fixed, c.enc, c.variant).text);
      });

      it('fixText turns the broken report into the golden file', () => {
        const fixed = fixText(broken, {});
        assert.ok(fixed.edits.length > 0);
        assert.equal(fixed.text, golden);
      });

      it('the golden file has no error and no arithmetic finding left but those without a safe fix', () => {
        const left = analyze(golden).findings.filter((f) => f.severity === 'error' || ARITHMETIC_CODES.includes(f.code));
        assert.deepEqual(left.map(id), c.left ?? []);
        assert.ok(
          left.every((f) => !f.fix && f.suggestions?.length),
          'what is left offers suggestions, not a fix',
        );
      });

      it('no finding a fix claimed to solve remains', () => {
        const before = analyze(broken).findings;
        const claimed = before.filter((f) => f.fix).map(id);
        assert.ok(claimed.length > 0);
        const after = analyze(fixText(broken, {}).text).findings.map(id);
        assert.deepEqual(
          claimed.filter((k) => after.includes(k)),
          [],
        );
        assert.deepEqual(
          after.filter((k) => !before.some((f) => id(f) === k)),
          [],
          'no finding that was not there before',
        );
      });

      it('every edit stays inside the cell or line its finding names', () => {
        const wrong: string[] = [];
        for (const f of analyze(broken).findings.filter((x) => x.fix)) {
          for (const e of f.fix!.edits) if (!allowed(r, f, e)) wrong.push(`${id(f)}: ${JSON.stringify(e)}`);
        }
        assert.deepEqual(wrong, []);
      });

      it('each fix applied alone removes its own finding', () => {
        const survivors: string[] = [];
        for (const f of analyze(broken).findings.filter((x) => x.fix)) {
          const once = applyEdits(broken, f.fix!.edits);
          if (analyze(once).findings.some((g) => id(g) === id(f))) survivors.push(`${id(f)} “${f.fix!.title}”`);
        }
        assert.deepEqual(survivors, []);
      });
    });
  }
});

describe('kinds of fix', () => {
  it('every rule that offers a fix declares its kind, and its fixes carry it', () => {
    const texts = [...FIX_CASES.map((c) => readFixture('broken', `${c.name}.txt`)), ...(Object.keys(SEEDS) as (keyof typeof SEEDS)[]).map(readSeed)];
    const seen = new Map<string, Set<string>>();
    for (const text of texts) {
      for (const f of analyze(text).findings) if (f.fix) seen.set(f.code, (seen.get(f.code) ?? new Set()).add(f.fix.kind));
    }
    const declared = Object.fromEntries(RULES.filter((r) => r.fixKind).map((r) => [r.code, r.fixKind]));
    assert.deepEqual(declared, {
      'section-numbering': 'headings',
      'row-label': 'labels',
      'cell-empty': 'blanks',
      'cell-invalid': 'cells',
      'row-total': 'sums',
      'column-total': 'sums',
      balance: 'sums',
      'review-total': 'sums',
      'title-incomplete': 'headings',
      'year-drift': 'years',
    });
    for (const [code, kinds] of seen) assert.deepEqual([...kinds], [declared[code]], code);
    assert.deepEqual([...seen.keys()].sort(), ['cell-empty', 'cell-invalid', 'row-label', 'row-total', 'section-numbering', 'title-incomplete']);
  });
});

describe('fixes that must not be offered', () => {
  it('two typos in one row (自然人 2, 商业企业 3 where both are 0): no fix at all, two suggestions per sum', () => {
    const good = base('2019');
    const r = render(withCells(good, { 'T3.R3_3_1.NP': 2, 'T3.R3_3_1.CE': 3 }), 'A');
    assert.deepEqual(fixText(r.text, {}), { text: r.text, edits: [] });
    const findings = analyze(r.text).findings;
    assert.deepEqual(
      findings.map((f) => [id(f), Boolean(f.fix)]),
      [
        ['row-total|T3.R3_3_1.TOT', false],
        ['column-total|T3.R3_7.NP', false],
        ['column-total|T3.R3_7.CE', false],
      ],
    );
    const edit = (key: string, newText: string) => ({ line: r.at(key).line, start: r.at(key).start, newText });
    const shown = (f: Finding) =>
      f.suggestions!.map((s) => [s.title, s.edits.map((e) => ({ line: e.range.start.line, start: e.range.start.character, newText: e.newText }))]);
    assert.deepEqual(shown(findings[0]), [
      ['假设各项正确：将总计改为5', [edit('T3.R3_3_1.TOT', '5')]],
      ['假设总计正确：将自然人、商业企业改为0', [edit('T3.R3_3_1.NP', '0'), edit('T3.R3_3_1.CE', '0')]],
    ]);
    assert.deepEqual(shown(findings[1]), [
      ['假设各办理结果正确：将「（七）总计」改为10', [edit('T3.R3_7.NP', '10')]],
      ['假设（七）总计正确：将「（三）不予公开1.属于国家秘密」改为0', [edit('T3.R3_3_1.NP', '0')]],
    ]);
    const en = analyze(r.text, { locale: 'en' }).findings[0].suggestions!.map((s) => s.title);
    assert.deepEqual(en, ['Assuming the items are right: set 总计 to 5', 'Assuming the total is right: change 自然人 and 商业企业 to 0']);
    assert.equal(applyEdits(r.text, findings[0].suggestions![1].edits), render(good, 'A').text);
  });

  it('a wrong 四 that is filled is not overwritten (balance fills 四 only when blank)', () => {
    const text = render(withCells(base('2019'), { 'T3.R1.NP': 8, 'T3.R1.CE': 2 }), 'A').text;
    assert.deepEqual(
      analyze(text)
        .findings.filter((f) => ARITHMETIC_CODES.includes(f.code) && f.fix)
        .map(id),
      [],
    );
    assert.equal(fixText(text, {}).text, text);
  });

  it('a negative 四 is never proposed', () => {
    // 一 + 二 − （七） < 0 in the 自然人 column, 四 blank: nothing sensible to write.
    const text = render(withCells(base('2019'), { 'T3.R1.NP': 0, 'T3.R1.TOT': 4, 'T3.R2.NP': 0, 'T3.R2.TOT': 0, 'T3.R4.NP': null, 'T3.R4.TOT': 1 }), 'B').text;
    const balance = analyze(text).findings.filter((f) => f.code === 'balance' && f.target === 'T3.R4.NP');
    assert.equal(balance.length, 1);
    assert.equal(balance[0].fix, undefined);
  });

  it("a fix of a blank operand writes the number, keeping the blank's padding (B, C, D1)", () => {
    for (const enc of ['B', 'C', 'D1'] as const) {
      const good = base('2019');
      const r = render(withCells(good, { 'T3.R3_4_1.NP': null }), enc);
      const f = analyze(r.text).findings.find((x) => x.target === 'T3.R3_4_1.NP')!;
      assert.equal(f.code, 'row-total', enc);
      assert.equal(applyEdits(r.text, f.fix!.edits), render(good, enc).text, enc);
    }
  });

  it('the edits of later passes are listed where they are in the file before and after fixing', () => {
    // Pass 1 restores the row label (3 characters longer) and mends the one wrong cell of the row;
    // only then does the blank in that row keep its sums, and pass 2 fills it.
    const broken = withCells(base('2019'), { 'T3.R3_3_2.NP': 4, 'T3.R3_3_2.CE': null });
    broken.labels = { 'T3.R3_3_2': '2.其他法律行政止公开' };
    const r = render(broken, 'A');
    const line = r.at('label:T3.R3_3_2').line;
    const fixed = fixText(r.text, {});
    const name = '表三「（三）不予公开2.其他法律行政法规禁止公开」';
    assert.deepEqual(
      fixed.edits.map((e) => [e.code, e.kind, e.subject, e.oldText, e.newText, e.original, e.fixed]),
      [
        ['row-label', 'labels', '表三行名', '2.其他法律行政止公开', '2.其他法律行政法规禁止公开', { line, character: 0 }, { line, character: 0 }],
        ['row-total', 'sums', `${name}自然人`, '4', '0', { line, character: 14 }, { line, character: 17 }],
        ['cell-empty', 'blanks', `${name}商业企业`, '', '0', { line, character: 18 }, { line, character: 21 }],
      ],
    );
    assert.equal(r.at('T3.R3_3_2.NP').start, 14);
    for (const e of fixed.edits) {
      assert.ok(at(r.text, e.original, e.oldText), `${e.subject}: “${e.oldText}” at ${JSON.stringify(e.original)} before`);
      assert.ok(at(fixed.text, e.fixed, e.newText), `${e.subject}: “${e.newText}” at ${JSON.stringify(e.fixed)} after`);
    }
    const good = base('2019');
    good.labels = { 'T3.R3_3_2': '2.其他法律行政法规禁止公开' };
    assert.equal(fixed.text, render(good, 'A').text);
  });

  it('fixText is idempotent on a clean report', () => {
    for (const enc of ['A', 'B', 'C', 'md', 'pdf', 'tsv'] as const) {
      const text = render(base('2021'), enc).text;
      assert.deepEqual(fixText(text, {}), { text, edits: [] }, enc);
    }
  });
});
