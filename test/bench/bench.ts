/**
 * `npm run bench [-- --json]`: engine speed per report size, CLI batch throughput, language-server
 * latency, peak memory, DOCX reading (`-- --docx` for that part alone), PDF reading (`-- --pdf`) and
 * the 1000-report batch (`-- --batch`).
 * Figures only; nothing here asserts a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, analyzeDocument } from '../../server/src/core/analyze';
import { readDocx } from '../../server/src/core/read/docx';
import { writeDocxCells } from '../../server/src/core/read/docx-write';
import { inflateEntry, listZip } from '../../server/src/core/read/docx-zip';
import { Tokenizer } from 'htmlparser2';
import { readPdf } from '../../server/src/core/read/pdf';
import { digestReport } from '../../server/src/core/report-digest';
import { declaredCharset, decode } from '../../server/src/shared/decode';
import { analyzeText } from '../../server/src/core/source';
import { FIXTURES, ROOT, SEEDS } from '../support/fixtures';
import { benchLsp, LspFigure } from './lsp';

interface EngineFigure {
  name: string;
  bytes: number;
  medianMs: number;
  mbPerS: number;
  floorRatio: number;
  rssMb?: number;
}

const seedTexts = Object.values(SEEDS).map((f) => fs.readFileSync(path.join(FIXTURES, 'seeds', f), 'utf8'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, budgetMs: number, maxRuns = 200): number {
  fn();
  const runs: number[] = [];
  const deadline = Date.now() + budgetMs;
  while (runs.length < 3 || (runs.length < maxRuns && Date.now() < deadline)) {
    const t0 = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(runs);
}

/** A report of about `size` bytes: seed 000 with its 总体情况 prose repeated (a long but real report). */
function reportOfSize(size: number): string {
  const base = seedTexts[0];
  const lines = base.split('\n');
  const prose = lines.slice(2, 13).join('\n');
  const extra: string[] = [];
  let bytes = Buffer.byteLength(base);
  while (bytes < size) {
    extra.push(prose);
    bytes += Buffer.byteLength(prose) + 1;
  }
  return [lines[0], lines[1], ...extra, ...lines.slice(2)].join('\n');
}

/** Every seed one after another, repeated to about `size` bytes (many tables: the parser's worst realistic load). */
function concatenationOfSize(size: number): string {
  const all = seedTexts.join('\n');
  return all.repeat(Math.max(1, Math.round(size / Buffer.byteLength(all))));
}

const CASES: Record<string, () => string> = {
  ...Object.fromEntries(Object.entries(SEEDS).map(([k, f], i) => [`seed ${f.slice(0, 3)}`, () => seedTexts[i] ?? k])),
  'report 20 KB': () => reportOfSize(20_000),
  'seeds 1 MB': () => concatenationOfSize(1_000_000),
  'seeds 10 MB': () => concatenationOfSize(10_000_000),
};

function engineCase(name: string): EngineFigure {
  const text = CASES[name]();
  const bytes = Buffer.byteLength(text);
  const budget = bytes > 5e6 ? 8000 : bytes > 5e5 ? 3000 : 1000;
  const options = { maxFileSize: Infinity };
  // Peak memory of one check in a fresh process, as a user's run has it (the timing loop below
  // leaves garbage of earlier runs beside the current one).
  analyze(text, options);
  const rssMb = round(process.resourceUsage().maxRSS / 1024);
  const medianMs = time(() => analyze(text, options), budget);
  const floorMs = time(() => text.split('\n'), budget / 4);
  return {
    name,
    bytes,
    medianMs: round(medianMs),
    mbPerS: round(bytes / 1e6 / (medianMs / 1000)),
    floorRatio: round(medianMs / floorMs),
    rssMb,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Each engine case in a fresh process, so that its peak memory is its own. */
function engineFigures(): EngineFigure[] {
  return Object.keys(CASES).map((name) => {
    const out = execFileSync(process.execPath, [__filename, '--engine-case', name], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out) as EngineFigure;
  });
}

interface DocxFigure {
  name: string;
  docxBytes: number;
  documentXmlBytes: number;
  readMs: number;
  readCheckMs: number;
  /** The same report as plain text (its .txt beside the fixture), checked. */
  textCheckMs: number;
  ratio: number;
  /** The fastest runs, less disturbed by other processes on a busy machine. */
  bestReadCheckMs: number;
  bestTextCheckMs: number;
  bestRatio: number;
  /**
   * What the libraries alone take on the same file, fastest run: inflating document.xml (fflate),
   * decoding it and tokenizing it (htmlparser2) with nothing done per token; against the text's
   * fastest check. No reader built on these libraries gets below it.
   */
  libraryFloorMs: number;
  libraryFloorRatio: number;
  writeCellMs: number;
}

/** Inflate, decode and tokenize a .docx's document.xml, doing nothing with the tokens (the libraries' floor). */
function libraryFloor(bytes: Uint8Array): void {
  const entry = listZip(bytes);
  if ('error' in entry) throw new Error(entry.error);
  const inflated = inflateEntry(bytes, entry.get('word/document.xml')!, Infinity);
  if (!inflated.ok) throw new Error(inflated.problem);
  const xml = new TextDecoder('utf-8', { fatal: true }).decode(inflated.data);
  const none = () => undefined;
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      ontext: none,
      ontextentity: none,
      oncdata: none,
      onopentagname: none,
      onattribname: none,
      onattribdata: none,
      onattribentity: none,
      onattribend: none,
      onopentagend: none,
      onselfclosingtag: none,
      onclosetag: none,
      ondeclaration: none,
      oncomment: none,
      onprocessinginstruction: none,
      onend: none,
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
}

/** Median and fastest of runs of `fn` for about `budgetMs`. */
function timeRuns(fn: () => void, budgetMs: number): { median: number; best: number } {
  fn();
  const runs: number[] = [];
  const deadline = Date.now() + budgetMs;
  while (runs.length < 5 || (runs.length < 500 && Date.now() < deadline)) {
    const t0 = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { median: median(runs), best: Math.min(...runs) };
}

/**
 * The fixtures LibreOffice made from report pages: reading the .docx, reading and checking it, and
 * checking the same report as plain text; and writing one cell back (what --fix does per file).
 */
function docxFigures(): DocxFigure[] {
  const dir = path.join(FIXTURES, 'docx');
  return ['seed-000', 'seed-001', 'seed-004', 'gen-2021-blanks'].map((name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, `${name}.docx`)));
    const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
    const read = readDocx(bytes);
    if (!read.ok) throw new Error(`${name}: ${read.problem}`);
    const grid = read.document.grids[1];
    const row = grid.rows.findIndex((r) => r.cells[0]?.text.startsWith('一、本年新收'));
    const cell = grid.rows[row].cells.find((c) => c.column === 9)!;
    const edit = { location: { table: 2, row: row + 1, column: 10 }, expected: cell.text, text: cell.text === '0' ? '1' : '0' };
    const readMs = time(() => readDocx(bytes), 1500);
    const readCheck = timeRuns(() => {
      const r = readDocx(bytes);
      if (r.ok) analyzeDocument(r.document);
    }, 1500);
    const textCheck = timeRuns(() => analyze(text), 1500);
    const floor = timeRuns(() => libraryFloor(bytes), 1500);
    return {
      name,
      docxBytes: bytes.length,
      documentXmlBytes: documentXmlSize(bytes) ?? 0,
      readMs: round(readMs),
      readCheckMs: round(readCheck.median),
      textCheckMs: round(textCheck.median),
      ratio: round(readCheck.median / textCheck.median),
      bestReadCheckMs: round(readCheck.best),
      bestTextCheckMs: round(textCheck.best),
      bestRatio: round(readCheck.best / textCheck.best),
      libraryFloorMs: round(floor.best),
      libraryFloorRatio: round(floor.best / textCheck.best),
      writeCellMs: round(time(() => writeDocxCells(bytes, [edit]), 1500)),
    };
  });
}

/** The uncompressed size of word/document.xml, from the ZIP's central directory. */
function documentXmlSize(bytes: Uint8Array): number | undefined {
  const name = Buffer.from('word/document.xml');
  const buf = Buffer.from(bytes);
  for (let o = buf.length - 46; o >= 0; o--) {
    if (buf.readUInt32LE(o) === 0x02014b50 && buf.readUInt16LE(o + 28) === name.length && buf.subarray(o + 46, o + 46 + name.length).equals(name)) {
      return buf.readUInt32LE(o + 24);
    }
  }
  return undefined;
}

interface BatchFigure {
  name: string;
  files: number;
  bytes: number;
  wallMs: number;
  mbPerS: number;
  jobs: number;
  /** User + system CPU time: on a shared machine, wall time also counts others' work. */
  cpuMs: number;
  rssMb: number;
}

/**
 * 1000 reports made from the fixtures (every encoding the fixtures hold), checked by the bundled CLI
 * with its default threads, with one per core, and with --cache (filling it, then reusing it); beside
 * them, what starting Node and reading the same files costs, and the engine alone on them: as the
 * CLI runs it on text (`analyzeText`: converter shapes tried, then the check) and the check alone
 * (`analyze`), each warm, and the former once in a fresh process (what a CLI run pays).
 */
function batchFigures(): BatchFigure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-'));
  try {
    const sources = fixtureReports();
    let bytes = 0;
    for (let i = 0; i < 1000; i++) {
      const src = sources[i % sources.length];
      const data = fs.readFileSync(src);
      bytes += data.length;
      fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(src)}`), data);
    }
    const cores = os.availableParallelism();
    const cli = path.join(ROOT, 'server', 'out', 'cli.js');
    const timed = (name: string, jobs: number, args: string[]): BatchFigure => {
      const t0 = process.hrtime.bigint();
      const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const [user, system, rssKb] = (/([\d.]+) ([\d.]+) (\d+)\s*$/.exec(run.stderr ?? '') ?? []).slice(1).map(Number);
      const cpuMs = Math.round(((user ?? 0) + (system ?? 0)) * 1000);
      return { name, files: 1000, bytes, wallMs: round(wallMs), mbPerS: round(bytes / 1e6 / (wallMs / 1000)), jobs, cpuMs, rssMb: round((rssKb ?? 0) / 1024) };
    };
    const engine = (mode: WarmMode): BatchFigure => {
      const r = JSON.parse(execFileSync(process.execPath, [__filename, '--warm-batch', mode, dir], { encoding: 'utf8' })) as {
        ms: number;
        cpuMs: number;
        rssMb: number;
      };
      return {
        name: WARM_NAMES[mode],
        files: 1000,
        bytes,
        wallMs: round(r.ms),
        mbPerS: round(bytes / 1e6 / (r.ms / 1000)),
        jobs: 1,
        cpuMs: Math.round(r.cpuMs),
        rssMb: r.rssMb,
      };
    };
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-cache-'));
    const cached = ['--cache', '--cache-location', `${cacheDir}/`];
    try {
      return [
        // By default the CLI starts a thread per core but one, and no more than one per 1000 files: here one.
        timed('CLI --format json (default threads)', 1, [cli, '--format', 'json', dir]),
        timed(`CLI --format json -j ${cores}`, cores, [cli, '--format', 'json', '-j', String(cores), dir]),
        timed('CLI --format json --cache, first run (writes the cache)', 1, [cli, '--format', 'json', ...cached, dir]),
        timed('CLI --format json --cache, re-run, nothing changed', 1, [cli, '--format', 'json', ...cached, dir]),
        timed('CLI (text) --cache, first run', 1, [cli, ...cached, dir]),
        timed('CLI (text) --cache, re-run, nothing changed', 1, [cli, ...cached, dir]),
        timed('floor: start Node, read and decode the files', 1, ['-e', READ_ALL, dir]),
        engine('text'),
        engine('check'),
        engine('cold'),
      ];
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The default CLI run against floor + the engine as the CLI runs it, warm (the target is 1.5×), and
 * against floor + that engine's first pass in a fresh process: what is left is the CLI's own cost.
 */
function batchRatios(batches: BatchFigure[]): string {
  const byName = (name: string) => batches.find((b) => b.name === name)!;
  const cli = batches[0];
  const floor = byName('floor: start Node, read and decode the files');
  const warm = byName(WARM_NAMES.text);
  const cold = byName(WARM_NAMES.cold);
  const ratio = (a: number, b: number) => round(a / b);
  return [
    `CLI / (floor + engine warm): wall ${ratio(cli.wallMs, floor.wallMs + warm.wallMs)}×, CPU ${ratio(cli.cpuMs, floor.cpuMs + warm.cpuMs)}×`,
    `CLI / (floor + engine cold, one pass): wall ${ratio(cli.wallMs, floor.wallMs + cold.wallMs)}×, CPU ${ratio(cli.cpuMs, floor.cpuMs + cold.cpuMs)}×`,
    '',
  ].join('\n');
}

const READ_ALL = `const fs = require('fs'), p = require('path'), d = process.argv[1];
for (const f of fs.readdirSync(d)) new TextDecoder().decode(fs.readFileSync(p.join(d, f)));`;

type WarmMode = 'text' | 'check' | 'cold';

const WARM_NAMES: Record<WarmMode, string> = {
  text: 'engine as the CLI runs it (analyzeText), warm',
  check: 'the check alone (analyze), warm',
  cold: 'engine as the CLI runs it, one pass in a fresh process',
};

/**
 * The engine on every file of `dir` (decoded as the CLI does): warm, the best of five passes after
 * a first (wall and CPU time of that pass); cold, the one first pass.
 */
function warmBatch(mode: WarmMode, dir: string): { ms: number; cpuMs: number; rssMb: number } {
  const texts = fs
    .readdirSync(dir)
    .map((f) => decode(fs.readFileSync(path.join(dir, f))))
    .filter((d) => d.ok)
    .map((d) => d.text);
  const check = mode === 'check' ? (t: string) => analyze(t, {}) : (t: string) => analyzeText(t, {});
  const pass = () => {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const t of texts) digestReport('f', check(t));
    const cpu = process.cpuUsage(c0);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const first = pass();
  const best = mode === 'cold' ? first : [1, 2, 3, 4, 5].map(pass).reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, rssMb: round(process.resourceUsage().maxRSS / 1024) };
}

function fixtureReports(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e.name)) out.push(p);
    }
  };
  walk(FIXTURES);
  return out.sort();
}

interface PdfFigure {
  name: string;
  files: number;
  pages: number;
  ms: number;
  /** CPU time of this process: on a shared machine, wall time also counts others' work. */
  cpuMs: number;
}

/** Reads a PDF and checks its view, as a user checking a PDF waits for both. */
async function readAndCheck(bytes: Uint8Array): Promise<number> {
  const result = await readPdf(bytes);
  if (!result.ok) throw new Error(`bench PDF not read: ${result.problem}`);
  analyze(result.document.text);
  return result.document.pages ?? 0;
}

/** PDF reading and checking: the ten-page report cold (pdf.js loaded) and warm, then 300 PDFs one after another. */
async function pdfFigures(): Promise<PdfFigure[]> {
  const dir = path.join(FIXTURES, 'pdf');
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf') && fs.existsSync(path.join(dir, f.replace(/\.pdf$/, '.txt'))));
  const files = names.map((f) => new Uint8Array(fs.readFileSync(path.join(dir, f))));
  const ten = new Uint8Array(fs.readFileSync(path.join(dir, 'ten-pages.pdf')));
  const figures: PdfFigure[] = [];
  const cpu = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const pages = await readAndCheck(ten);
  figures.push({ name: 'ten-pages, cold (loads pdf.js)', files: 1, pages, ms: Math.round(performance.now() - t0), cpuMs: Math.round(cpu(c0)) });
  const runs: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < 15; k++) {
    t0 = performance.now();
    c0 = process.cpuUsage();
    await readAndCheck(ten);
    runs.push(performance.now() - t0);
    cpus.push(cpu(c0));
  }
  figures.push({ name: 'ten-pages, warm (median of 15)', files: 1, pages, ms: Math.round(median(runs)), cpuMs: Math.round(median(cpus)) });
  t0 = performance.now();
  c0 = process.cpuUsage();
  let total = 0;
  for (let k = 0; k < 300; k++) total += await readAndCheck(files[k % files.length]);
  figures.push({
    name: `300 PDFs (the ${files.length} fixtures in turn)`,
    files: 300,
    pages: total,
    ms: Math.round(performance.now() - t0),
    cpuMs: Math.round(cpu(c0)),
  });
  return figures;
}

function table(title: string, rows: Record<string, unknown>[]): string {
  if (!rows.length) return `${title}: (none)\n`;
  const cols = Object.keys(rows[0]);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ');
  return [`${title}`, line(cols), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => String(r[c] ?? ''))))].join('\n') + '\n';
}

interface SourceFigure {
  name: string;
  kind: string;
  bytes: number;
  medianMs: number;
  /** Against the same report's canonical text. */
  textRatio: number;
}

/** The readers on corpus reports: the same report as a web page and as its canonical text. */
function sourceFigures(): SourceFigure[] {
  const corpus = path.join(ROOT, 'test', 'fixtures', 'corpus');
  const figures: SourceFigure[] = [];
  for (const id of ['seed-000', 'seed-004', 'gen-2021-big']) {
    const text = fs.readFileSync(path.join(corpus, id, 'canonical.txt'), 'utf8');
    const textMs = time(() => analyzeText(text), 1000);
    const bytes = fs.readFileSync(path.join(corpus, id, 'page.html'));
    const html = new TextDecoder(declaredCharset(bytes) === 'gb18030' ? 'gb18030' : 'utf-8').decode(bytes);
    const ms = time(() => analyzeText(html, {}, 'html'), 1000);
    figures.push({ name: id, kind: 'html', bytes: bytes.length, medianMs: round(ms), textRatio: round(ms / textMs) });
  }
  return figures;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const caseIndex = args.indexOf('--engine-case');
  if (caseIndex >= 0) {
    process.stdout.write(JSON.stringify(engineCase(args[caseIndex + 1])));
    return;
  }
  const json = args.includes('--json');
  const warmIndex = args.indexOf('--warm-batch');
  if (warmIndex >= 0) {
    process.stdout.write(JSON.stringify(warmBatch(args[warmIndex + 1] as WarmMode, args[warmIndex + 2])));
    return;
  }
  if (args.includes('--batch')) {
    const batches = batchFigures();
    process.stdout.write(
      json
        ? `${JSON.stringify(batches, null, 2)}\n`
        : `${table(
            'Batch: 1000 reports',
            batches.map((b) => ({ ...b })),
          )}\n${batchRatios(batches)}`,
    );
    return;
  }
  if (args.includes('--docx')) {
    const docx = JSON.parse(execFileSync(process.execPath, [__filename, '--docx-case'], { encoding: 'utf8' })) as DocxFigure[];
    process.stdout.write(
      json
        ? `${JSON.stringify(docx, null, 2)}\n`
        : table(
            'DOCX: read, read + check, the same report as plain text',
            docx.map((d) => ({ ...d })),
          ),
    );
    return;
  }
  if (args.includes('--docx-case')) {
    process.stdout.write(JSON.stringify(docxFigures()));
    return;
  }
  if (args.includes('--pdf')) {
    const pdf = await pdfFigures();
    process.stdout.write(
      json
        ? `${JSON.stringify(pdf, null, 2)}\n`
        : table(
            'PDF: read and check (one thread)',
            pdf.map((f) => ({ ...f })),
          ),
    );
    return;
  }
  const engine = engineFigures();
  const batches = batchFigures();
  const batch = batches[0];
  const lsp: LspFigure[] = await benchLsp();
  const sources = sourceFigures();
  const docx = JSON.parse(execFileSync(process.execPath, [__filename, '--docx-case'], { encoding: 'utf8' })) as DocxFigure[];
  const pdf = await pdfFigures();
  const rssMb = Object.fromEntries([
    ...engine.map((e) => [`engine ${e.name}`, e.rssMb]),
    ['batch', batch.rssMb],
    ...lsp.filter((l) => l.rssMb !== undefined).map((l) => [`lsp ${l.name}`, l.rssMb]),
  ]);
  const result = {
    engine: engine.map(({ rssMb: _r, ...e }) => e),
    lsp: lsp.map(({ rssMb: _r, ...l }) => l),
    batch: { files: batch.files, bytes: batch.bytes, wallMs: batch.wallMs, mbPerS: batch.mbPerS, jobs: batch.jobs },
    batchVariants: batches.slice(1).map(({ rssMb: _r, ...b }) => b),
    sources,
    docx,
    pdf,
    rssMb,
    machine: { cpus: os.availableParallelism(), node: process.version },
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    table(
      'Engine (analyze; floor = one split("\\n") over the same text)',
      engine.map((e) => ({ ...e })),
    ),
  );
  process.stdout.write('\n');
  process.stdout.write(
    table(
      'Language server (stdio, debounce 0)',
      lsp.map((l) => ({ ...l })),
    ),
  );
  process.stdout.write('\n');
  process.stdout.write(
    table(
      'Batch: 1000 reports',
      batches.map((b) => ({ ...b })),
    ),
  );
  process.stdout.write(batchRatios(batches));
  process.stdout.write('\n');
  process.stdout.write(
    table(
      'Sources (the same report as its canonical text = 1)',
      sources.map((f) => ({ ...f })),
    ),
  );
  process.stdout.write('\n');
  process.stdout.write(
    table(
      'DOCX: read, read + check, the same report as plain text',
      docx.map((d) => ({ ...d })),
    ),
  );
  process.stdout.write('\n');
  process.stdout.write(
    table(
      'PDF: read and check (one thread)',
      pdf.map((f) => ({ ...f })),
    ),
  );
}

void main();
