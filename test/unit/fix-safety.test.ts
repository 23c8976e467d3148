import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Finding } from '../../server/src/core/analyze';
import { applyEdits, cellEdit } from '../../server/src/core/edits';
import { parseReport } from '../../server/src/core/parse/report';
import { mulberry32 as prng } from '../support/random';
import { readSeed } from '../support/fixtures';

/**
 * For reports with one random fault in a 表三/表四 cell: every offered fix, applied alone or all at
 * once, changes nothing outside its own edit ranges and removes the finding it claimed to solve.
 */
const SEEDS = ['s000', 's001', 's002', 's003', 's004'] as const;
const CASES = 300;

function faulty(r: () => number): { text: string; where: string } {
  const base = readSeed(SEEDS[Math.floor(r() * SEEDS.length)]);
  const { doc, report } = parseReport(base);
  const cells = [report.tables.T3, report.tables.T4].flatMap((t) => (t ? [...t.rows.values()].flatMap((row) => row.cells) : [])).filter((c) => c.present);
  const cell = cells[Math.floor(r() * cells.length)];
  const kind = r();
  const value = kind < 0.7 ? String(1 + Math.floor(r() * 20)) : kind < 0.85 ? '/' : '';
  const edit = cellEdit(doc, cell, value === '' ? ' ' : value)!;
  return { text: applyEdits(base, [edit]), where: `${cell.table}.${cell.row}.${cell.column}=${JSON.stringify(value)}` };
}

const key = (f: Finding) => `${f.code}|${f.target ?? ''}`;

/** The text outside the edits' ranges must be what it was. */
function unchangedOutside(before: string, after: string, f: Finding): boolean {
  const pieces = applyEdits(
    before,
    f.fix!.edits.map((e) => ({ range: e.range, newText: '\u0000' })),
  ).split('\u0000');
  let rest = after;
  for (const p of pieces) {
    const at = rest.indexOf(p);
    if (at < 0) return false;
    rest = rest.slice(at + p.length);
  }
  return true;
}

describe('fix safety (random single-cell faults)', () => {
  it(`${CASES} faulty reports: each fix alone is local and removes its finding`, () => {
    const r = prng(7);
    const problems: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const { text, where } = faulty(r);
      for (const f of analyze(text).findings.filter((x) => x.fix)) {
        const fixed = applyEdits(text, f.fix!.edits);
        if (!unchangedOutside(text, fixed, f)) problems.push(`${where}: ${f.code} changed text outside its edits`);
        if (analyze(fixed).findings.some((g) => key(g) === key(f))) problems.push(`${where}: ${key(f)} survives its own fix "${f.fix!.title}"`);
      }
    }
    assert.deepEqual(problems.slice(0, 10), []);
  });

  it(`${CASES} faulty reports: all fixes at once remove every finding they claimed and bring no new one`, () => {
    const r = prng(11);
    const problems: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const { text, where } = faulty(r);
      const before = analyze(text).findings;
      const claimed = before.filter((x) => x.fix);
      const fixed = applyEdits(
        text,
        claimed.flatMap((f) => f.fix!.edits),
      );
      const after = analyze(fixed).findings.map(key);
      for (const f of claimed) if (after.includes(key(f))) problems.push(`${where}: ${key(f)} survives`);
      for (const k of after) if (!before.some((f) => key(f) === k)) problems.push(`${where}: ${k} is new`);
    }
    assert.deepEqual(problems.slice(0, 10), []);
  });
});
