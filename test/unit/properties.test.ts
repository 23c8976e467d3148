/**
 * Property tests over generated reports: random tables that satisfy balance, row-total, column-total and review-total,
 * rendered in random encodings and variants.
 *
 * Every case has its own seed (base seed + case number); a failure prints the seeds that broke, and
 * `XXGK_SEED=<n>` reruns a property from that base seed. Bounded: a few hundred cases, well under 3 s.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Finding } from '../../server/src/core/analyze';
import { ARITHMETIC_CODES } from '../../server/src/core/schema/invariants';
import { applyEdits } from '../../server/src/core/edits';
import { comparePositions } from '../../server/src/core/text';
import { cellKeys, getCell, ReportModel, withCells } from '../support/model';
import { BLANK_KEEPING, Encoding, ENCODINGS, render, Rendered } from '../support/render';
import { baseSeed, int, mulberry32, pick, randomValidModel, randomVariant, Rng } from '../support/random';

const SEED = baseSeed();

interface Case {
  seed: number;
  enc: Encoding;
  model: ReportModel;
  r: Rendered;
  rng: Rng;
}

/**
 * A random valid report; blanks only where the encoding keeps their place (not in PDF text).
 */
function generate(seed: number, encodings: readonly Encoding[] = ENCODINGS, blanks = true): Case {
  const rng = mulberry32(seed);
  const enc = pick(rng, encodings);
  const variant = randomVariant(rng, enc);
  const model = randomValidModel(rng, { big: variant.thousands, blanks: blanks && BLANK_KEEPING.includes(enc) && rng() < 0.5 });
  return { seed, enc, model, r: render(model, enc, variant), rng };
}

/** Whether a cell's span lies in a range (a folded sum spans several cells, maybe several lines). */
const inside = (span: { line: number; start: number; end: number }, range: Finding['range']) =>
  comparePositions(range.start, { line: span.line, character: span.start }) <= 0 && comparePositions({ line: span.line, character: span.end }, range.end) <= 0;
const brief = (f: Finding) => `${f.code}@${f.range.start.line}:${f.range.start.character} ${f.target ?? ''} ${f.message}`;

function report(failures: string[], what: string): void {
  assert.deepEqual(failures.slice(0, 8), [], `${failures.length} ${what} (base seed ${SEED}; rerun with XXGK_SEED=<seed>)`);
}

describe(`properties (base seed ${SEED})`, () => {
  it('the parser reads every cell, with its value and exact range, where the renderer wrote it', () => {
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      const c = generate(SEED + i);
      const a = analyze(c.r.text);
      const problems: string[] = [];
      for (const table of ['T2', 'T3', 'T4'] as const) {
        for (const key of cellKeys(c.model, table)) {
          const [, row, col] = key.split('.');
          const cell = a.report?.tables[table]?.rows.get(row)?.cells.find((x) => x.column === col);
          const want = getCell(c.model, key);
          if (!cell) {
            problems.push(`${key}: not read`);
            continue;
          }
          if (want === null) {
            if (cell.state !== 'blank') problems.push(`${key}: blank read as ${cell.state} ${cell.raw}`);
            continue;
          }
          if (cell.value !== want) problems.push(`${key}: ${cell.value} instead of ${want}`);
          const span = c.r.at(key);
          const got = [cell.range.start.line, cell.range.start.character, cell.range.end.line, cell.range.end.character];
          if (got.join() !== [span.line, span.start, span.line, span.end].join()) problems.push(`${key}: range ${got} instead of ${JSON.stringify(span)}`);
        }
      }
      if (problems.length) failures.push(`seed ${c.seed} [${c.enc} ${JSON.stringify(c.r.variant)}]: ${problems.slice(0, 3).join('; ')}`);
    }
    report(failures, 'reports misread');
  });

  it('valid tables in any encoding give no arithmetic finding and no error', () => {
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      const c = generate(SEED + 1000 + i);
      const bad = analyze(c.r.text).findings.filter((f) => ARITHMETIC_CODES.includes(f.code) || f.severity === 'error' || f.code === 'table-unparsed');
      if (bad.length) failures.push(`seed ${c.seed} [${c.enc} ${JSON.stringify(c.r.variant)}]: ${bad.slice(0, 3).map(brief).join(' | ')}`);
    }
    report(failures, 'valid reports with findings');
  });

  it('one changed 表三/表四 number gives exactly one arithmetic finding, at that cell (or at its 表四 group total), with a fix that restores the sums (表四: suggestions only)', () => {
    const failures: string[] = [];
    for (let i = 0; i < 160; i++) {
      const seed = SEED + 2000 + i;
      const c = generate(seed, ENCODINGS, false);
      const keys = [...cellKeys(c.model, 'T3'), ...cellKeys(c.model, 'T4')];
      const key = pick(c.rng, keys);
      const old = getCell(c.model, key) as number;
      let value = old;
      while (value === old) value = int(c.rng, 0, old + 12);
      const broken = withCells(c.model, { [key]: value });
      const r = render(broken, c.enc, c.r.variant);
      const found = analyze(r.text).findings.filter((f) => ARITHMETIC_CODES.includes(f.code));
      // 表四 has one relation per group: it cannot tell which of its five cells is wrong.
      const target = key.startsWith('T4.') ? key.replace(/_(KEEP|CORR|OTH|PEND|TOT)$/, '_TOT') : key;
      const label = `seed ${seed} [${c.enc} ${JSON.stringify(r.variant)}] ${key} ${old}→${value}`;
      if (found.length !== 1) {
        failures.push(`${label}: ${found.length} findings: ${found.map(brief).join(' | ')}`);
        continue;
      }
      const f = found[0];
      const span = r.at(target);
      if (f.target !== target) failures.push(`${label}: target ${f.target}, expected ${target}`);
      else if (f.range.start.line !== span.line || f.range.start.character !== span.start || f.range.end.character !== span.end)
        failures.push(`${label}: range ${JSON.stringify(f.range)} instead of ${JSON.stringify(span)}`);
      else if (f.severity !== 'error') failures.push(`${label}: severity ${f.severity}`);
      else if (!key.startsWith('T4.') && !f.message.endsWith(`应为${old}`)) failures.push(`${label}: message does not name ${old}: ${f.message}`);
      else if (target !== key && !f.related?.some((x) => inside(r.at(key), x.range)))
        failures.push(`${label}: the changed cell is not in the related locations`);
      else if (key.startsWith('T4.')) {
        if (f.fix) failures.push(`${label}: a fix for a 表四 group, whose one sum cannot tell which cell is wrong`);
        else if (!f.suggestions?.length) failures.push(`${label}: no suggestion`);
        else if (analyze(applyEdits(r.text, f.suggestions[0].edits)).findings.some((g) => ARITHMETIC_CODES.includes(g.code)))
          failures.push(`${label}: “${f.suggestions[0].title}” leaves a broken sum`);
      } else if (!f.fix) failures.push(`${label}: no fix`);
      else {
        const fixed = applyEdits(r.text, f.fix.edits);
        const after = analyze(fixed).findings.filter((g) => ARITHMETIC_CODES.includes(g.code));
        if (after.length) failures.push(`${label}: after “${f.fix.title}”: ${after.map(brief).join(' | ')}`);
        if (!key.startsWith('T4.') && !c.r.variant.thousands && !c.r.variant.fullwidth && c.enc !== 'pdf' && fixed !== c.r.text) {
          failures.push(`${label}: the fix does not give back the original text`);
        }
      }
    }
    report(failures, 'single-cell changes not pinned down');
  });

  it('two changed cells in different rows and columns of 表三 are all reported, with suggestions and no fix (no one cell explains them)', () => {
    const failures: string[] = [];
    for (let i = 0; i < 30; i++) {
      const seed = SEED + 3000 + i;
      const c = generate(seed, ['A', 'B', 'C', 'md', 'tsv'], false);
      const rows = Object.keys(c.model.t3).filter((k) => k.startsWith('R3_') && k !== 'R3_7');
      const r1 = pick(c.rng, rows);
      const r2 = pick(
        c.rng,
        rows.filter((k) => k !== r1),
      );
      const c1 = int(c.rng, 0, 5);
      const c2 = (c1 + 1 + int(c.rng, 0, 4)) % 6;
      const cols = ['NP', 'CE', 'RI', 'PW', 'LS', 'OT'];
      const k1 = `T3.${r1}.${cols[c1]}`;
      const k2 = `T3.${r2}.${cols[c2]}`;
      const broken = withCells(c.model, { [k1]: (getCell(c.model, k1) as number) + 1, [k2]: (getCell(c.model, k2) as number) + 2 });
      const r = render(broken, c.enc, c.r.variant);
      const found = analyze(r.text).findings.filter((f) => ARITHMETIC_CODES.includes(f.code));
      const targets = found.map((f) => f.target).sort();
      const want = [`T3.${r1}.TOT`, `T3.${r2}.TOT`, `T3.R3_7.${cols[c1]}`, `T3.R3_7.${cols[c2]}`].sort();
      const label = `seed ${seed} [${c.enc}] ${k1}+1 ${k2}+2`;
      if (targets.join() !== want.join()) {
        failures.push(`${label}: targets ${targets} instead of ${want}`);
        continue;
      }
      const fixed = found.filter((f) => f.fix).map(brief);
      if (fixed.length) failures.push(`${label}: fixes offered: ${fixed}`);
      const silent = found.filter((f) => !f.suggestions?.length).map(brief);
      if (silent.length) failures.push(`${label}: no suggestion: ${silent}`);
    }
    report(failures, 'two-cell changes mishandled');
  });
});
