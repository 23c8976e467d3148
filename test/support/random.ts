/** A seeded PRNG (mulberry32) and random report models for property tests. */
import { balanceModel, CellValue, Format, ReportModel, resultKeys, T3_COLS, t2Rows, zeroModel } from './model';
import { Encoding, ENCODINGS, Variant } from './render';

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** The base seed of a property run: `XXGK_SEED` from the environment, else a fixed one. */
export function baseSeed(): number {
  const env = process.env.XXGK_SEED;
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : 20240131;
}

/** Mostly zeros, some small counts, now and then a big one. */
function count(rng: Rng, big: boolean): number {
  const r = rng();
  if (r < 0.55) return 0;
  if (r < 0.9) return int(rng, 1, 9);
  if (r < 0.97 || !big) return int(rng, 10, 99);
  return int(rng, 1000, 4999);
}

export interface RandomOptions {
  format?: Format;
  /** Allow numbers ≥ 1000 (to exercise thousands separators). */
  big?: boolean;
  /** Leave some zero cells of 表三/表四 blank (spec: blank counts as 0). */
  blanks?: boolean;
}

/**
 * A random report whose tables satisfy balance, row-total, column-total and review-total. Table 二 gets random counts
 * that avoid the plausibility heuristics (no 9/9/9 rows, 新公开 ≤ 总数, 制发 ≤ 现行有效).
 */
export function randomValidModel(rng: Rng, opts: RandomOptions = {}): ReportModel {
  const format = opts.format ?? pick(rng, ['2019', '2021'] as const);
  const year = format === '2019' ? pick(rng, [2019, 2020]) : int(rng, 2021, 2024);
  const model = zeroModel(format, year, pick(rng, ['某某市某某局', '温州市投资促进局', '某县人民政府办公室']));
  const big = opts.big ?? false;
  for (const k of resultKeys(format)) {
    if (rng() < 0.5) continue;
    for (let c = 0; c < 6; c++) model.t3[k][c] = count(rng, big);
  }
  for (let c = 0; c < 6; c++) {
    model.t3.R4[c] = rng() < 0.3 ? int(rng, 0, 5) : 0;
    model.t3.R2[c] = rng() < 0.3 ? int(rng, 0, 5) : 0;
  }
  for (let g = 0; g < 3; g++) for (let i = 0; i < 4; i++) model.t4[g * 5 + i] = rng() < 0.3 ? int(rng, 0, big ? 20 : 9) : 0;
  for (const r of t2Rows(format)) {
    const vals: CellValue[] = r.block.columns.map(() => (rng() < 0.5 ? 0 : int(rng, 0, 30)));
    if (format === '2019' && r.block.key === 'B1') vals[2] = Math.max(Number(vals[0]), Number(vals[1])) + Number(vals[2]);
    if (format === '2019' && (r.block.key === 'B5' || r.block.key === 'B6') && vals[0] === vals[1] && vals[1] === vals[2] && vals[0] !== 0)
      vals[2] = Number(vals[2]) + 1;
    if (format === '2021' && r.block.key === 'B1') vals[2] = Number(vals[0]) + Number(vals[2]);
    model.t2[r.key] = vals;
  }
  let balanced = balanceModel(model);
  if (opts.blanks) {
    const blankRate = rng() * 0.6;
    for (const row of Object.values(balanced.t3)) for (let c = 0; c < 7; c++) if (row[c] === 0 && rng() < blankRate) row[c] = null;
    for (let c = 0; c < 15; c++) if (balanced.t4[c] === 0 && rng() < blankRate) balanced.t4[c] = null;
    balanced = balanceModel(balanced);
  }
  return balanced;
}

export function randomVariant(rng: Rng, enc: Encoding): Variant {
  return {
    crlf: rng() < 0.3,
    bom: rng() < 0.2,
    fullwidth: rng() < 0.2,
    thousands: rng() < 0.5,
    spacedHeadings: enc === 'A' ? rng() < 0.7 : rng() < 0.2,
    grid: (enc === 'md' || enc === 'tsv') && rng() < 0.3,
  };
}

export function randomEncoding(rng: Rng, among: readonly Encoding[] = ENCODINGS): Encoding {
  return pick(rng, among);
}

export { T3_COLS };
