/**
 * Property: fix-all applies only fixes that cannot make a wrong report look right. Random valid
 * reports (test/support/random.ts) get one, two or three random faults in 表三/表四 — a wrong
 * number, a blank, a placeholder, a unit — and are fixed as `--fix` does:
 *   - the re-check shows no finding that was not there before;
 *   - each listed edit's old text stands at its original position, its new text at its fixed one;
 *   - with one fault, every cell a fix changed now holds its true value. (With more, one cell can
 *     explain every broken sum and still not be the wrong one: such a fix mends the sums it claims.)
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Finding } from '../../server/src/core/analyze';
import { fixAll } from '../../server/src/core/fix';
import { parseReport } from '../../server/src/core/parse/report';
import { at } from '../support/fix-cases';
import { CellValue, cellKeys, getCell, ReportModel, withCells } from '../support/model';
import { baseSeed, int, mulberry32, pick, randomValidModel, randomVariant, Rng } from '../support/random';
import { BLANK_KEEPING, render } from '../support/render';

const SEED = baseSeed() + 7000;
const CASES_PER_FAULT_COUNT = 60;

const key = (f: Finding) => `${f.code}|${f.target ?? ''}`;

/** A fault for a cell whose true value is `truth`: another number, a blank, a placeholder or a unit. */
function fault(rng: Rng, truth: CellValue): CellValue {
  const n = typeof truth === 'number' ? truth : 0;
  const r = rng();
  if (r < 0.6) {
    let v = n;
    while (v === n) v = int(rng, 0, n + 12);
    return v;
  }
  if (r < 0.75) return null;
  if (r < 0.9) return '/';
  return `${n}件`;
}

/** 表三/表四 values as the engine reads them (blank and placeholder as 0, unreadable as undefined). */
function readValues(text: string, keys: string[]): Map<string, number | undefined> {
  const { report } = parseReport(text);
  const out = new Map<string, number | undefined>();
  for (const k of keys) {
    const [table, row, column] = k.split('.');
    const cell = report.tables[table as 'T3' | 'T4']?.rows.get(row)?.cells.find((c) => c.column === column);
    out.set(k, !cell ? undefined : cell.state === 'number' ? cell.value : cell.state === 'blank' || cell.state === 'placeholder' ? 0 : undefined);
  }
  return out;
}

const numeric = (v: CellValue) => (typeof v === 'number' ? v : v === null ? 0 : undefined);

describe(`fix-all on random reports with random faults (base seed ${SEED})`, () => {
  for (const faults of [1, 2, 3]) {
    it(`${CASES_PER_FAULT_COUNT} reports with ${faults} fault(s): no new finding, no value but the true one`, () => {
      const failures: string[] = [];
      let fixedCases = 0;
      for (let i = 0; i < CASES_PER_FAULT_COUNT; i++) {
        const seed = SEED + faults * 1000 + i;
        const rng = mulberry32(seed);
        const enc = pick(rng, BLANK_KEEPING);
        const variant = randomVariant(rng, enc);
        const model = randomValidModel(rng, { big: variant.thousands, blanks: rng() < 0.4 });
        const keys = [...cellKeys(model, 'T3'), ...cellKeys(model, 'T4')];
        const changes: Record<string, CellValue> = {};
        while (Object.keys(changes).length < faults) {
          const k = pick(rng, keys);
          if (!(k in changes)) changes[k] = fault(rng, getCell(model, k));
        }
        const broken: ReportModel = withCells(model, changes);
        const text = render(broken, enc, variant).text;
        const label = `seed ${seed} [${enc}] ${JSON.stringify(changes)}`;

        const before = analyze(text).findings;
        const fixed = fixAll(text, {});
        if (fixed.edits.length) fixedCases++;
        const misplaced = fixed.edits.filter((e) => !at(text, e.original, e.oldText) || !at(fixed.text, e.fixed, e.newText));
        if (misplaced.length) failures.push(`${label}: edits listed at the wrong place: ${JSON.stringify(misplaced)}`);
        const after = analyze(fixed.text).findings;
        const fresh = after.filter((f) => !before.some((b) => key(b) === key(f)));
        if (fresh.length) failures.push(`${label}: new after fixing: ${fresh.map((f) => `${key(f)} ${f.message}`).join(' | ')}`);

        const was = readValues(text, keys);
        const now = readValues(fixed.text, keys);
        const rewritten = keys.filter((k) => now.get(k) !== was.get(k));
        const untrue = rewritten.filter((k) => now.get(k) !== numeric(getCell(model, k)));
        if (faults === 1 && untrue.length) failures.push(`${label}: wrote ${untrue.map((k) => `${k}=${now.get(k)}`).join(', ')}`);
      }
      assert.deepEqual(failures.slice(0, 8), [], `${failures.length} of ${CASES_PER_FAULT_COUNT} cases (rerun with XXGK_SEED=<seed>)`);
      assert.ok(fixedCases > CASES_PER_FAULT_COUNT / 4, `only ${fixedCases} cases had a safe fix: the property says little`);
    });
  }
});
