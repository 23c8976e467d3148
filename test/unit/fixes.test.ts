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
import { applyEdits } from '../../server/src/core/edits';
import type { TextEdit } from '../../server/src/core/rule';
import { fixText } from '../../server/src/node/cli';
import { base } from '../support/cases';
import { readFixture } from '../support/fixtures';
import { FIX_CASES } from '../support/fix-cases';
import { withCells } from '../support/model';
import { render, Rendered } from '../support/render';

const ARITHMETIC = ['row-total', 'column-total', 'balance', 'review-total'];
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
  if (f.code === 'section-numbering' && t.startsWith('section.')) return e.range.start.line === r.at(`heading:${t.slice(8)}`).line && e.range.end.line === e.range.start.line;
  if (f.code === 'section-numbering') return e.range.start.line === e.range.end.line && e.range.start.line === f.range.start.line;
  if (f.code === 'title-incomplete') return inside(e, r.at('title'));
  if (f.code === 'section-missing') return e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character && /\n$/.test(e.newText);
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
        assert.ok(fixed.edits > 0);
        assert.equal(fixed.text, golden);
      });

      it('the golden file has no error and no arithmetic finding left', () => {
        const left = analyze(golden).findings.filter((f) => f.severity === 'error' || ARITHMETIC.includes(f.code));
        assert.deepEqual(left.map((f) => `${id(f)} ${f.message}`), []);
      });

      it('no finding a fix claimed to solve remains', () => {
        const claimed = analyze(broken).findings.filter((f) => f.fix).map(id);
        assert.ok(claimed.length > 0);
        const after = new Set(analyze(fixText(broken, {}).text).findings.map(id));
        assert.deepEqual(claimed.filter((k) => after.has(k)), []);
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

describe('fixes that must not be offered', () => {
  it('a wrong 四 that is filled is not overwritten (I-3.1 fills 四 only when blank)', () => {
    const text = render(withCells(base('2019'), { 'T3.R1.NP': 8, 'T3.R1.CE': 2 }), 'A').text;
    assert.deepEqual(analyze(text).findings.filter((f) => ARITHMETIC.includes(f.code) && f.fix).map(id), []);
    assert.equal(fixText(text, {}).text, text);
  });

  it('a negative 四 is never proposed', () => {
    // 一 + 二 − （七） < 0 in the 自然人 column, 四 blank: nothing sensible to write.
    const text = render(withCells(base('2019'), { 'T3.R1.NP': 0, 'T3.R1.TOT': 4, 'T3.R2.NP': 0, 'T3.R2.TOT': 0, 'T3.R4.NP': null, 'T3.R4.TOT': 1 }), 'B').text;
    const balance = analyze(text).findings.filter((f) => f.code === 'balance' && f.target === 'T3.R4.NP');
    assert.equal(balance.length, 1);
    assert.equal(balance[0].fix, undefined);
  });

  it('a fix of a blank operand writes the number, keeping the blank\'s padding (B, C, D1)', () => {
    for (const enc of ['B', 'C', 'D1'] as const) {
      const good = base('2019');
      const r = render(withCells(good, { 'T3.R3_4_1.NP': null }), enc);
      const f = analyze(r.text).findings.find((x) => x.target === 'T3.R3_4_1.NP')!;
      assert.equal(f.code, 'row-total', enc);
      assert.equal(applyEdits(r.text, f.fix!.edits), render(good, enc).text, enc);
    }
  });

  it('fixText is idempotent on a clean report', () => {
    for (const enc of ['A', 'B', 'C', 'md', 'pdf', 'tsv'] as const) {
      const text = render(base('2021'), enc).text;
      assert.deepEqual(fixText(text, {}), { text, edits: 0 }, enc);
    }
  });

});
