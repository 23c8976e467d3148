/**
 * The reports of the converter corpus: the five seeds (their prose and tables, read back by the
 * engine's parser, whose results on the seeds are trusted) and generated reports of both templates,
 * each with the page options it is published with; then single faults injected into copies of the
 * generated ones before rendering. `scripts/corpus/generate.mjs` writes them and runs the converters.
 */
import { analyze } from '../../server/src/core/analyze';
import type { Report } from '../../server/src/core/model';
import { HtmlOptions } from '../support/render-html';
import {
  CellValue,
  clone,
  Format,
  NUMERALS,
  ReportModel,
  SECTION_TITLES,
  T3_APPLICANTS,
  T3_COL_NAMES,
  T3_COLS,
  T3_ROW_DEFS,
  T4_COLS,
  t2Rows,
  t3Keys,
} from '../support/model';
import { int, mulberry32, pick, randomValidModel, Rng } from '../support/random';

export interface Fault {
  /** What was changed, in words (for the manifest and the scorer's listing). */
  description: string;
  /** The rule code the fault must be found by. */
  code: string;
}

export interface CorpusReport {
  id: string;
  model: ReportModel;
  html: HtmlOptions;
  /** The unfaulted report this one is a copy of. */
  base?: string;
  fault?: Fault;
}

// ------------------------------------------------------------------ seeds

const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/** The trimmed non-empty lines of `text` from `from` to before `to`, Word bookmarks dropped. */
function linesOf(lines: string[], from: number, to: number): string[] {
  return lines
    .slice(from, to)
    .map((l) => l.replace(/\[bookmark: [^\]]*\]/g, '').trim())
    .filter((l) => l !== '');
}

function cellValue(report: Report, table: 'T2' | 'T3' | 'T4', row: string, column: string): CellValue {
  const cell = report.tables[table]?.rows.get(row)?.cells.find((c) => c.column === column);
  if (!cell || cell.state === 'blank') return null;
  return cell.state === 'number' && cell.value !== undefined ? cell.value : cell.raw;
}

/**
 * A seed as a model: title, headings as numbered, the prose of each section (for 二–四 the prose
 * before the table), the three tables' cells, and the 落款 (organ and date lines at the end). Lines
 * before the first heading and after a table inside its section are left out.
 */
export function seedModel(text: string): ReportModel {
  const report = analyze(text).report!;
  const format: Format = report.format ?? '2019';
  const lines = text.split(/\r?\n/);
  const model: ReportModel = {
    organ: report.organ ?? '',
    year: report.year ?? 2020,
    format,
    title: report.title?.text ?? null,
    t2: {},
    t3: {},
    t4: T4_COLS.map((c) => cellValue(report, 'T4', 'R', c)),
    sections: { omit: [], number: {}, title: {}, body: {} },
    signature: null,
  };
  const sections = model.sections!;
  for (const r of t2Rows(format)) model.t2[r.key] = r.block.columns.map((c) => cellValue(report, 'T2', r.key, c));
  for (const k of t3Keys(format)) model.t3[k] = T3_COLS.map((c) => cellValue(report, 'T3', k, c));
  for (let n = 1; n <= 6; n++) {
    const section = report.sections.find((s) => s.heading.section === n);
    if (!section) {
      sections.omit!.push(n);
      continue;
    }
    const heading = section.heading;
    const line = lines[heading.line];
    const number = line.slice(heading.prefixRange.start.character, heading.prefixRange.end.character);
    if (number !== `${NUMERALS[n - 1]}、`) sections.number![n] = number;
    if (heading.title !== SECTION_TITLES[n - 1]) sections.title![n] = heading.title;
    const table = n >= 2 && n <= 4 ? report.tables[`T${n}` as 'T2' | 'T3' | 'T4'] : undefined;
    const end = table ? table.range.start.line : section.bodyEnd;
    sections.body![n] = linesOf(lines, section.bodyStart, end);
  }
  // The 落款: a date line at the end of the last section, and the organ line above it.
  const lastBody = sections.body![Math.max(...report.sections.map((s) => s.heading.section))] ?? [];
  if (lastBody.length && DATE_LINE.test(lastBody[lastBody.length - 1])) {
    const organLine = lastBody.length > 1 && !/[。，,；]/.test(lastBody[lastBody.length - 2]) && lastBody[lastBody.length - 2].length <= 30;
    model.signature = lastBody.splice(lastBody.length - (organLine ? 2 : 1));
  }
  return model;
}

// ------------------------------------------------------------------ generated reports and faults

function generated(seed: number, format: Format, opts: { blanks?: boolean; big?: boolean }): ReportModel {
  return randomValidModel(mulberry32(seed), { format, ...opts });
}

/** A copy of `model` with one cell changed by `delta` (a blank taken as 0). */
function bump(model: ReportModel, row: string, column: string, delta: number): ReportModel {
  const m = clone(model);
  const i = (T3_COLS as readonly string[]).indexOf(column);
  m.t3[row][i] = Number(m.t3[row][i] ?? 0) + delta;
  return m;
}

/** A delta of 1–3, negative only when the cell stays ≥ 0. */
function delta(rng: Rng, value: CellValue): number {
  const d = int(rng, 1, 3);
  return rng() < 0.5 && Number(value ?? 0) >= d ? -d : d;
}

export interface CorpusOptions {
  /**
   * 0 (default): the committed corpus. Otherwise a held-out corpus: the generated reports use the
   * seeds 101+offset…106+offset, their faults are placed at random (cell, delta, section) from a
   * generator seeded by the offset, and the seeds' pages take the page options of another seed.
   */
  seedOffset?: number;
}

/** The corpus: seeds first, then generated reports, then faulted copies of generated reports. */
export function corpusReports(seeds: Record<string, string>, options: CorpusOptions = {}): CorpusReport[] {
  const offset = options.seedOffset ?? 0;
  const reports: CorpusReport[] = [];
  const seedOptions: HtmlOptions[] = [
    { headings: 'h2' },
    { headings: 'strong', word: true, blank: 'p-nbsp' },
    { headings: 'p', charset: 'GBK', httpEquiv: true },
    { headings: 'strong', wrapLabels: true, vertical: 'br' },
    { headings: 'p', word: true, wrapLabels: true, blank: 'empty', charset: 'GB2312' },
  ];
  // Held out: one generator for the page options of the seeds and the faults' places.
  const rng = offset ? mulberry32(Math.floor(mulberry32(offset ^ 0x5bd1e995)() * 2 ** 32)) : undefined;
  const shift = rng ? 1 + Math.floor(rng() * (seedOptions.length - 1)) : 0;
  Object.entries(seeds).forEach(([name, text], i) =>
    reports.push({ id: `seed-${name}`, model: seedModel(text), html: seedOptions[(i + shift) % seedOptions.length] }),
  );

  const bases: CorpusReport[] = [
    { id: 'gen-2019-plain', model: generated(101 + offset, '2019', {}), html: { headings: 'h2' } },
    { id: 'gen-2021-word', model: generated(102 + offset, '2021', {}), html: { headings: 'strong', word: true, wrapLabels: true, vertical: 'br' } },
    { id: 'gen-2019-blanks', model: generated(103 + offset, '2019', { blanks: true }), html: { headings: 'p', blank: 'empty', charset: 'GBK' } },
    {
      id: 'gen-2021-big',
      model: generated(104 + offset, '2021', { big: true, blanks: true }),
      html: { headings: 'h2', blank: 'p-nbsp', charset: 'GB2312', httpEquiv: true },
    },
    { id: 'gen-2019-wrapped', model: generated(105 + offset, '2019', { big: true }), html: { headings: 'strong', wrapLabels: true, vertical: 'css' } },
    { id: 'gen-2021-blanks', model: generated(106 + offset, '2021', { blanks: true }), html: { headings: 'p', word: true, blank: 'empty' } },
  ];
  reports.push(...bases);
  const [plain, word, blanks, big, wrapped, blanks21] = bases;
  const faulted = (base: CorpusReport, suffix: string, model: ReportModel, fault: Fault): CorpusReport => ({
    id: `${base.id}-${suffix}`,
    model,
    html: base.html,
    base: base.id,
    fault,
  });
  if (rng) {
    reports.push(...heldOutFaults(rng, bases, faulted));
    return reports;
  }
  const omitted = clone(blanks.model);
  omitted.sections = { ...omitted.sections, omit: [5] };
  const misnumbered = clone(wrapped.model);
  misnumbered.sections = { ...misnumbered.sections, number: { 4: '五、' } };
  const blanked = clone(big.model);
  blanked.t3.R1[0] = null;
  reports.push(
    faulted(plain, 'cell', bump(plain.model, 'R3_3_1', 'NP', 1), { description: '表三 （三）1.属于国家秘密 自然人 +1', code: 'row-total' }),
    faulted(word, 'row-total', bump(word.model, 'R3_1', 'TOT', 2), { description: '表三 （一）予以公开 总计 +2', code: 'row-total' }),
    faulted(blanks21, 'grand-total', bump(blanks21.model, 'R3_7', 'CE', 1), { description: '表三 （七）总计 商业企业 +1', code: 'row-total' }),
    faulted(big, 'blank', blanked, { description: '表三 一、本年新收 自然人 blanked', code: 'row-total' }),
    faulted(blanks, 'no-section-5', omitted, { description: '五、存在的主要问题及改进情况 removed', code: 'section-missing' }),
    faulted(wrapped, 'misnumbered-4', misnumbered, { description: '四、 numbered 五、', code: 'section-numbering' }),
  );
  return reports;
}

/** The six faults of a held-out corpus: the same kinds as the committed ones, placed by `rng`. */
function heldOutFaults(
  rng: Rng,
  [plain, word, blanks, big, wrapped, blanks21]: CorpusReport[],
  faulted: (base: CorpusReport, suffix: string, model: ReportModel, fault: Fault) => CorpusReport,
): CorpusReport[] {
  const label = (row: string, col: number) => `表三 ${T3_ROW_DEFS[row].label} ${T3_COL_NAMES[col]}`;
  const bumped = (base: CorpusReport, rows: string[], cols: number[]) => {
    const row = pick(rng, rows);
    const col = pick(rng, cols);
    const d = delta(rng, base.model.t3[row][col]);
    return { model: bump(base.model, row, T3_COLS[col], d), what: `${label(row, col)} ${d > 0 ? '+' : ''}${d}` };
  };
  const applicants = T3_APPLICANTS.map((_, i) => i);
  const cell = bumped(plain, t3Keys(plain.model.format), applicants);
  const rowTotal = bumped(word, t3Keys(word.model.format), [T3_COLS.indexOf('TOT')]);
  const grand = bumped(blanks21, ['R3_7'], applicants);
  // A non-zero count blanked (a blank is 0, so the row no longer adds up).
  const nonZero = t3Keys(big.model.format).flatMap((row) => applicants.filter((c) => Number(big.model.t3[row][c] ?? 0) > 0).map((c) => [row, c] as const));
  const [blankRow, blankCol] = pick(rng, nonZero);
  const blanked = clone(big.model);
  blanked.t3[blankRow][blankCol] = null;
  const omit = pick(rng, [1, 5, 6]);
  const omitted = clone(blanks.model);
  omitted.sections = { ...omitted.sections, omit: [omit] };
  const renumber = int(rng, 2, 6);
  const wrong = renumber < 6 && (renumber === 2 || rng() < 0.5) ? renumber + 1 : renumber - 1;
  const misnumbered = clone(wrapped.model);
  misnumbered.sections = { ...misnumbered.sections, number: { [renumber]: `${NUMERALS[wrong - 1]}、` } };
  return [
    faulted(plain, 'cell', cell.model, { description: cell.what, code: 'row-total' }),
    faulted(word, 'row-total', rowTotal.model, { description: rowTotal.what, code: 'row-total' }),
    faulted(blanks21, 'grand-total', grand.model, { description: grand.what, code: 'row-total' }),
    faulted(big, 'blank', blanked, { description: `${label(blankRow, blankCol)} blanked`, code: 'row-total' }),
    faulted(blanks, `no-section-${omit}`, omitted, { description: `${NUMERALS[omit - 1]}、${SECTION_TITLES[omit - 1]} removed`, code: 'section-missing' }),
    faulted(wrapped, `misnumbered-${renumber}`, misnumbered, {
      description: `${NUMERALS[renumber - 1]}、 numbered ${NUMERALS[wrong - 1]}、`,
      code: 'section-numbering',
    }),
  ];
}
