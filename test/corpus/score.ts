/**
 * Scores the engine on the converter corpus (test/fixtures/corpus/manifest.json): for every output a
 * converter made of a report's page, the errors and warnings the engine finds are compared with the
 * truth, the engine's findings on the canonical text of the same model.
 *
 *   exact        the same set of (code, target) as the truth, and some structure recognized
 *   only blanks  the differences are all `cell-empty` (blank cells the converter dropped)
 *   false error  an error the truth does not have
 *   missed fault the injected fault's (code, target) not found
 *   fault on its row, other cell  the fault's rule reported on its row at another cell (culprit open)
 *   no structure neither a section heading nor a table recognized
 *
 * Every file goes through the engine as the CLI reads it: text outputs (.txt, .md) and pages (.html,
 * decoded by their declared charset) by analyzeText, DOCX and PDF by analyzeBytes; a kind whose
 * reader cannot read the file shows as "no structure".
 *
 * Usage: npm run corpus:score [-- --converter NAME] [--details] [--write-passing] [--corpus DIR]
 *
 * --corpus DIR scores another corpus (a held-out one: `scripts/corpus/generate.mjs --out DIR
 * --seed-offset N`); --write-passing is refused with it (passing.json belongs to the committed corpus).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { analyze, Analysis } from '../../server/src/core/analyze';
import { analyzeBytes, analyzeText } from '../../server/src/core/source';
import { ROOT } from '../support/fixtures';

export const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
export const PASSING_FILE = path.join(CORPUS, 'passing.json');

export interface ManifestReport {
  id: string;
  format: string;
  page: string;
  charset: string;
  canonical: string;
  base?: string;
  /** The injected fault; `expected` is what the engine found when the corpus was made (the scorer recomputes it). */
  fault?: { description: string; code: string; expected: { code: string; target: string | null }[] };
}

export interface ManifestOutput {
  file: string;
  converter: string;
  report: string;
  kind: string;
}

export interface Manifest {
  reports: ManifestReport[];
  outputs: ManifestOutput[];
}

export interface FileScore {
  file: string;
  converter: string;
  report: string;
  exact: boolean;
  /** The differences are all `cell-empty`: blank cells the converter dropped or the reader lost. */
  onlyBlanksDiffer: boolean;
  /** Truth findings (`code target`) the output lacks, and findings it has that the truth lacks. */
  missing: string[];
  extra: string[];
  falseErrors: string[];
  missedFault: string[];
  /** The fault's rule reported on the fault's row, at another cell (the culprit not determined). */
  faultOnOtherCell: string[];
  noStructure: boolean;
}

export function readManifest(corpus: string = CORPUS): Manifest {
  return JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as Manifest;
}

const keyOf = (f: { code: string; target?: string }) => `${f.code} ${f.target ?? ''}`.trim();

function compared(analysis: Analysis): { all: Set<string>; errors: Set<string> } {
  const shown = analysis.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  return { all: new Set(shown.map(keyOf)), errors: new Set(shown.filter((f) => f.severity === 'error').map(keyOf)) };
}

function score(output: ManifestOutput, analysis: Analysis, truth: ReturnType<typeof compared> & { fault: string[] }): FileScore {
  const got = compared(analysis);
  const missing = [...truth.all].filter((k) => !got.all.has(k));
  const extra = [...got.all].filter((k) => !truth.all.has(k));
  const structure = analysis.report && (analysis.report.sections.length > 0 || Object.keys(analysis.report.tables).length > 0);
  return {
    file: output.file,
    converter: output.converter,
    report: output.report,
    exact: Boolean(structure) && missing.length === 0 && extra.length === 0,
    onlyBlanksDiffer: missing.length + extra.length > 0 && [...missing, ...extra].every((k) => k.startsWith('cell-empty ')),
    missing,
    extra,
    ...faultScore(truth, got),
    noStructure: !structure,
  };
}

/**
 * False errors, and the fault's findings not found. A sum finding of the fault's rule on the fault's
 * own row but another cell is the fault found with its culprit left open (the column sums that would
 * name it were not all readable): neither a false error nor a missed fault, counted apart.
 */
function faultScore(truth: { errors: Set<string>; fault: string[] }, got: { all: Set<string>; errors: Set<string> }) {
  const rowOf = (k: string) => k.split(' ')[0] + ' ' + (k.split(' ')[1] ?? '').split('.').slice(0, 2).join('.');
  const elsewhere = truth.fault.filter((k) => !got.all.has(k) && [...got.errors].some((e) => !truth.errors.has(e) && rowOf(e) === rowOf(k)));
  const excused = new Set([...got.errors].filter((e) => elsewhere.some((k) => rowOf(e) === rowOf(k))));
  return {
    falseErrors: [...got.errors].filter((k) => !truth.errors.has(k) && !excused.has(k)),
    missedFault: truth.fault.filter((k) => !got.all.has(k) && !elsewhere.includes(k)),
    faultOnOtherCell: elsewhere,
  };
}

/** The errors and warnings of a text, as `code target` keys. */
function findingsOf(text: string): ReturnType<typeof compared> {
  return compared(analyze(text));
}

/**
 * What a report's fault must be found as: the findings of the fault's rule on the faulted canonical
 * text that the unfaulted one lacks (computed afresh, so the truth follows the engine).
 */
export function faultFindings(report: ManifestReport, byId: Map<string, ManifestReport>, corpus: string = CORPUS): string[] {
  if (!report.fault || !report.base) return [];
  const read = (r: ManifestReport) => fs.readFileSync(path.join(corpus, r.canonical), 'utf8');
  const before = findingsOf(read(byId.get(report.base)!)).all;
  return [...findingsOf(read(report)).all].filter((k) => !before.has(k) && k.split(' ')[0] === report.fault!.code);
}

/** Scores every output of the manifest (the page of each report too, as converter `html`); `corpus` is the manifest's folder. */
export async function scoreCorpus(manifest?: Manifest, corpus: string = CORPUS): Promise<FileScore[]> {
  manifest ??= readManifest(corpus);
  const byId = new Map(manifest.reports.map((r) => [r.id, r]));
  const truths = new Map(manifest.reports.map((r) => [r.id, findingsOf(fs.readFileSync(path.join(corpus, r.canonical), 'utf8'))]));
  const faults = new Map(manifest.reports.map((r) => [r.id, faultFindings(r, byId, corpus)]));
  const outputs: ManifestOutput[] = [...manifest.reports.map((r) => ({ file: r.page, converter: 'html', report: r.id, kind: 'html' })), ...manifest.outputs];
  const scores: FileScore[] = [];
  for (const output of outputs) {
    const report = byId.get(output.report)!;
    const truth = { ...truths.get(output.report)!, fault: faults.get(output.report)! };
    const bytes = fs.readFileSync(path.join(corpus, output.file));
    const analysis =
      output.kind === 'pdf' || output.kind === 'docx'
        ? await analyzeBytes(new Uint8Array(bytes), output.kind)
        : // A page's bytes decoded by the charset it declares.
          analyzeText(iconv.decode(bytes, output.kind === 'html' ? report.charset : 'utf8'), {}, output.kind === 'html' ? 'html' : 'text');
    scores.push(score(output, analysis, truth));
  }
  return scores;
}

/** One line per converter: files, exact, differing in blanks only, with false errors, missing the fault, with no structure. */
export function table(scores: FileScore[]): string {
  const rows = new Map<string, FileScore[]>();
  for (const s of scores) rows.set(s.converter, [...(rows.get(s.converter) ?? []), s]);
  const head = ['converter', 'files', 'exact', 'only blanks differ', 'false errors', 'missed fault', 'fault on its row, other cell', 'no structure'];
  const body = [...rows].map(([converter, list]) => {
    return [
      converter,
      String(list.length),
      String(list.filter((s) => s.exact).length),
      String(list.filter((s) => s.onlyBlanksDiffer).length),
      String(list.filter((s) => s.falseErrors.length).length),
      String(list.filter((s) => s.missedFault.length).length),
      String(list.filter((s) => s.faultOnOtherCell.length).length),
      String(list.filter((s) => s.noStructure).length),
    ];
  });
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`).join('\n');
}

function details(s: FileScore): string {
  const parts = [
    s.missing.length ? `missing ${s.missing.join(', ')}` : '',
    s.extra.length ? `extra ${s.extra.join(', ')}` : '',
    s.missedFault.length ? `fault not found ${s.missedFault.join(', ')}` : '',
    s.faultOnOtherCell.length ? `fault found on its row, other cell ${s.faultOnOtherCell.join(', ')}` : '',
    s.noStructure ? 'no structure' : '',
  ].filter(Boolean);
  return `${s.file}: ${parts.join('; ')}`;
}

async function main(args: string[]): Promise<void> {
  const only = args.includes('--converter') ? args[args.indexOf('--converter') + 1] : undefined;
  const corpus = args.includes('--corpus') ? path.resolve(args[args.indexOf('--corpus') + 1]) : CORPUS;
  if (corpus !== CORPUS && args.includes('--write-passing')) {
    console.error('--write-passing records the committed corpus only: drop --corpus');
    process.exitCode = 2;
    return;
  }
  const scores = (await scoreCorpus(undefined, corpus)).filter((s) => !only || s.converter === only);
  console.log(table(scores));
  if (args.includes('--details')) for (const s of scores) if (!s.exact) console.log(details(s));
  if (args.includes('--write-passing') && !only) {
    const passing = scores
      .filter((s) => s.exact)
      .map((s) => s.file)
      .sort();
    fs.writeFileSync(PASSING_FILE, `${JSON.stringify(passing, null, 1)}\n`);
    console.log(`${passing.length} passing files written to ${path.relative(ROOT, PASSING_FILE)}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
