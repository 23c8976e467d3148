/** Shared report models and text helpers for the rule, fix and encoding tests. */
import { balanceModel, Format, ReportModel, setCells, withCells, zeroModel } from './model';
import type { Rendered } from './render';

/**
 * A balanced report with a few applications (2019 format, 2020 unless told):
 *   表三 R1 = 7,3,0,0,0,1 | 11   R2 = 2,0,…| 2   R3_7 = 8,2,0,0,0,1 | 11   R4 = 1,1,0,…| 2
 *   R3_1 = 3,2,0,0,0,0 | 5   R3_2 = 1,0,… | 1   R3_4_1 = 4,0,… | 4   R3_5_2 = 0,…,1 | 1
 *   表四 RV = 2,1,0,0 | 3   LD = 0,0,0,3 | 3   LR = 0 …
 */
export function base(format: Format = '2019', year?: number): ReportModel {
  const m = zeroModel(format, year);
  setCells(m, {
    'T3.R3_1.NP': 3,
    'T3.R3_1.CE': 2,
    'T3.R3_2.NP': 1,
    'T3.R3_4_1.NP': 4,
    'T3.R3_5_2.OT': 1,
    'T3.R2.NP': 2,
    'T3.R4.NP': 1,
    'T3.R4.CE': 1,
    'T4.R.RV_KEEP': 2,
    'T4.R.RV_CORR': 1,
    'T4.R.LD_PEND': 3,
  });
  return balanceModel(m);
}

/** `base` with only the 总计 column of 表三 filled (seeds 002 and 004): 11 / 2 / … / 11 / 2. */
export function totalsOnly(format: Format = '2019'): ReportModel {
  const m = base(format);
  for (const row of Object.values(m.t3)) for (let c = 0; c < 6; c++) row[c] = null;
  return m;
}

export { withCells };

/** 0-based index of the first line of the rendered text that contains `s`. */
export function lineWith(r: Rendered | string, s: string): number {
  const text = typeof r === 'string' ? r : r.text;
  const i = text.split(/\r\n|\n|\r/).findIndex((l) => l.includes(s));
  if (i < 0) throw new Error(`no line contains ${JSON.stringify(s)}`);
  return i;
}

/** The text with `line` inserted before line `at` (0-based), keeping `\n` line ends. */
export function insertLine(text: string, at: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(at, 0, line);
  return lines.join('\n');
}
