/**
 * Re-encodes a seed report: keeps every line outside the tables as it is (title, prose, headings,
 * page furniture, 落款) and writes tables 二/三/四 again, from the values the seed holds, in another
 * encoding. Used by scripts/make-fixtures.mjs to write test/fixtures/encodings/*.txt.
 */
import { analyze } from '../../server/src/core/analyze';
import type { Cell } from '../../server/src/core/model';
import { CellValue, ReportModel, T3_COLS, T4_COLS, t2Rows, zeroModel } from './model';
import { Encoding, render, Variant } from './render';

function valueOf(cell: Cell | undefined): CellValue {
  if (!cell || !cell.present || cell.state === 'blank') return null;
  if (cell.state === 'number' && cell.value !== undefined && !cell.problem) return cell.value;
  return cell.raw;
}

/** The table values of a report, as a model (rows the report lacks are left out). */
export function modelOf(text: string): ReportModel {
  const { report } = analyze(text);
  if (!report?.format || report.year === undefined) throw new Error('a seed with a known format and year');
  const model = zeroModel(report.format, report.year, report.organ ?? '');
  const { T2, T3, T4 } = report.tables;
  for (const r of t2Rows(report.format)) {
    const row = T2?.rows.get(r.key);
    if (!row) delete model.t2[r.key];
    else model.t2[r.key] = r.block.columns.map((c) => valueOf(row.cells.find((x) => x.column === c)));
  }
  for (const key of Object.keys(model.t3)) {
    const row = T3?.rows.get(key);
    if (!row) delete model.t3[key];
    else model.t3[key] = T3_COLS.map((c) => valueOf(row.cells.find((x) => x.column === c)));
  }
  const t4 = T4?.rows.get('R');
  model.t4 = T4_COLS.map((c) => valueOf(t4?.cells.find((x) => x.column === c)));
  return model;
}

/** The seed with its tables written in `enc`; headings get `## ` in Markdown. */
export function reencode(seedText: string, enc: Encoding, variant: Variant = {}): string {
  const text = seedText.replace(/^\ufeff/, '');
  const { report } = analyze(text);
  const lines = text.split(/\r\n|\n|\r/);
  const model = modelOf(text);
  const r = render(model, enc, { spacedHeadings: false, ...variant, crlf: false, bom: false });
  const rendered = r.text.split('\n');
  const bodyOf = (n: number): string[] => {
    const start = r.at(`heading:${n}`).line + 1;
    const next = [n + 1, n + 2, n + 3].map((k) => r.pos.get(`heading:${k}`)).find(Boolean);
    return rendered.slice(start, next ? next.line : rendered.length);
  };
  const out: string[] = [];
  const sections = report!.sections;
  let i = 0;
  while (i < lines.length) {
    const s = sections.find((x) => x.heading.line === i);
    if (!s) {
      out.push(lines[i++]);
      continue;
    }
    out.push(enc === 'md' ? `## ${lines[i].trimStart()}` : lines[i]);
    i++;
    if (s.heading.section >= 2 && s.heading.section <= 4) {
      out.push(...bodyOf(s.heading.section));
      i = s.bodyEnd;
    }
  }
  let result = out.join(variant.crlf ? '\r\n' : '\n');
  if (variant.bom) result = `\ufeff${result}`;
  return result;
}

/** The re-encodings written as fixture files: `<seed>.<name>.txt`. */
export const SEED_ENCODINGS: { name: string; enc: Encoding; variant?: Variant; seeds?: string[] }[] = [
  { name: 'A', enc: 'A' },
  { name: 'A-lead', enc: 'A|' },
  { name: 'md', enc: 'md' },
  { name: 'B', enc: 'B', variant: { seedish: true } },
  { name: 'C', enc: 'C', variant: { seedish: true } },
  { name: 'D1', enc: 'D1' },
  { name: 'D2', enc: 'D2' },
  { name: 'pdf', enc: 'pdf' },
  { name: 'tsv', enc: 'tsv' },
  { name: 'A-crlf-bom', enc: 'A', variant: { crlf: true, bom: true }, seeds: ['s001', 's003'] },
  { name: 'C-crlf', enc: 'C', variant: { crlf: true }, seeds: ['s004'] },
  { name: 'B-fullwidth', enc: 'B', variant: { fullwidth: true, seedish: true }, seeds: ['s001', 's002'] },
  { name: 'md-fullwidth-bom', enc: 'md', variant: { fullwidth: true, bom: true }, seeds: ['s000', 's004'] },
];
