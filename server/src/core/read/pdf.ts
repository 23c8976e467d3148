/**
 * The PDF reader: bytes → pages' glyph runs and ruling lines (pdf.js) → text lines and cell grids
 * (pdf-layout.ts) → the document's blocks. Page numbers and running headers are dropped, a table
 * running over a page break is one table (its repeated header rows dropped), and every piece keeps
 * its page and box. No file system, no network, no fonts, no canvas: bytes in, blocks out.
 */
/// <reference path="./pdf-worker.d.ts" />
import { Block, buildView, Piece, ReadResult, SourceCell } from './document';
import { unifiedIdeographs } from '../text';
import { Box, GridCell, GridTable, layoutPage, PageGeometry, PageItem, Rule, Run, TextLine, WIDE } from './pdf-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

export interface PdfOptions {
  /** More pages than this is 'too-large' (default 100). */
  maxPages?: number;
  /**
   * When to give up (a `Date.now()` time): checked between pages and between pdf.js steps, and past
   * it the file is 'too-slow'. A single pdf.js step that never returns is for the caller to stop.
   */
  deadline?: number;
}

/** Thrown between steps once the deadline has passed. */
class TimeUp extends Error {}

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js with its worker in this thread: the worker module is handed over, never looked up on disk.
 * Loading, pdf.js looks for a canvas package to draw with and warns on stderr when it is missing (as
 * in the bundled CLI and language server): the reader draws nothing, so those warnings are dropped,
 * and the one class pdf.js needs at load time (DOMMatrix) gets a stand-in.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const global = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
    global.pdfjsWorker = worker;
    global.DOMMatrix ??= class DOMMatrix {};
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: '))) warn(...args);
    };
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })();
  return pdfjs;
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ReadResult> {
  const maxPages = options.maxPages ?? 100;
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js may take the buffer over (and refuses a Buffer): it gets a plain copy.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      const name = (error as { name?: string }).name;
      return { ok: false, problem: name === 'PasswordException' ? 'encrypted' : 'corrupt', detail: (error as Error).message };
    }
    if (doc.numPages > maxPages) return { ok: false, problem: 'too-large', detail: `${doc.numPages} pages` };
    const inTime = () => {
      if (options.deadline !== undefined && Date.now() > options.deadline) throw new TimeUp();
    };
    let read: { geometry: PageGeometry; painted: boolean }[];
    // All pages asked for at once: pdf.js answers them in turn, without waiting between pages.
    // A broken object or stream anywhere makes the file corrupt.
    try {
      read = await Promise.all(
        Array.from({ length: doc.numPages }, async (_, i) => {
          inTime();
          const page = await doc.getPage(i + 1);
          const geometry = await pageGeometry(lib, page, i + 1, inTime);
          page.cleanup();
          return geometry;
        }),
      );
    } catch (error) {
      if (error instanceof TimeUp) return { ok: false, problem: 'too-slow' };
      return { ok: false, problem: 'corrupt', detail: (error as Error).message };
    }
    const pages = read.map((r) => r.geometry);
    const images = read.some((r) => r.painted);
    if (pages.every((p) => p.runs.length === 0)) {
      return { ok: false, problem: images ? 'scanned' : 'empty' };
    }
    return { ok: true, document: buildView('pdf', blocksOf(pages), doc.numPages) };
  } finally {
    await task.destroy();
  }
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A text item split at white space into runs, each with its share of the item's width. */
function runsOf(str: string, m: Matrix, width: number): Run[] {
  const size = Math.hypot(m[2], m[3]);
  if (size <= 0 || !str.trim()) return [];
  const units = [...str].map((ch) => (WIDE.test(ch) ? 1 : /\s/.test(ch) ? 0.3 : 0.55));
  const total = units.reduce((a, b) => a + b, 0);
  const horizontal = Math.abs(m[1]) < 1e-3 * size;
  const runs: Run[] = [];
  let at = 0;
  const chars = [...str];
  let i = 0;
  while (i < chars.length) {
    if (/\s/.test(chars[i])) {
      at += units[i++];
      continue;
    }
    const start = at;
    let text = '';
    while (i < chars.length && !/\s/.test(chars[i])) {
      text += chars[i];
      at += units[i++];
    }
    const [x, y] = [m[4], m[5]];
    if (horizontal) {
      const left = x + (width * start) / total;
      const right = x + (width * at) / total;
      runs.push({ text, box: [left, y - 0.85 * size, right, y + 0.15 * size], size, spaced: start > 0 });
    } else {
      // Rotated text: the box around the whole item, from its baseline and its up direction.
      const along = Math.hypot(m[0], m[1]) || 1;
      const [dx, dy] = [(m[0] / along) * width, (m[1] / along) * width];
      const xs = [x, x + dx, x + m[2], x + dx + m[2]];
      const ys = [y, y + dy, y + m[3], y + dy + m[3]];
      runs.push({ text, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], size, spaced: start > 0 });
    }
  }
  return runs;
}

const STROKE = new Set([20, 21, 24, 25, 26, 27]);
const FILL = new Set([22, 23]);
const IMAGE = new Set([83, 84, 85, 86, 87, 88, 89]);
const OPS = { save: 10, restore: 11, transform: 12, strokeRGB: 58, fillRGB: 59, formBegin: 74, formEnd: 75, constructPath: 91, strokeNone: 92, fillNone: 93 };
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };

/** The page's glyph runs (from its text content) and ruling lines (from its drawing operators). */
async function pageGeometry(lib: PdfJs, page: PdfPage, n: number, inTime: () => void): Promise<{ geometry: PageGeometry; painted: boolean }> {
  const viewport = page.getViewport({ scale: 1 });
  const toPage = viewport.transform as Matrix;
  const runs: Run[] = [];
  // Unnormalized: NFKC would turn the full-width （一） and ，of Chinese text into ASCII.
  const content = await page.getTextContent({ disableNormalization: true });
  inTime();
  for (const item of content.items) {
    if (!('str' in item)) continue;
    runs.push(...runsOf(unifiedIdeographs(item.str), multiply(toPage, item.transform as Matrix), item.width * Math.hypot(toPage[0], toPage[1])));
  }
  inTime();
  const ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
  inTime();
  const rules: Rule[] = [];
  let painted = false;
  let ctm: Matrix = toPage;
  let stroke = '#000000';
  let fill = '#000000';
  const stack: { ctm: Matrix; stroke: string; fill: string }[] = [];
  const visible = (color: string) => color !== '#ffffff' && color !== 'none';
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (i % 4096 === 0) inTime();
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save || fn === OPS.formBegin) stack.push({ ctm, stroke, fill });
    if (fn === OPS.restore || fn === OPS.formEnd) ({ ctm, stroke, fill } = stack.pop() ?? { ctm, stroke, fill });
    if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    if (fn === OPS.formBegin && Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    if (fn === OPS.strokeRGB) stroke = String(args[0]);
    if (fn === OPS.fillRGB) fill = String(args[0]);
    if (fn === OPS.strokeNone) stroke = 'none';
    if (fn === OPS.fillNone) fill = 'none';
    if (IMAGE.has(fn)) painted = true;
    if (fn !== OPS.constructPath) continue;
    const [paint, [data]] = args as [number, [Float32Array | null]];
    if (!data) continue;
    if (STROKE.has(paint) && visible(stroke)) rules.push(...strokedRules(data, ctm));
    if (FILL.has(paint) && visible(fill)) rules.push(...filledRules(data, ctm));
  }
  return { geometry: { page: n, width: viewport.width, height: viewport.height, runs, rules }, painted };
}

/** A path's subpaths as point lists (null for a subpath with curves). */
function subpaths(data: Float32Array, ctm: Matrix): ([number, number][] | null)[] {
  const out: ([number, number][] | null)[] = [];
  let current: [number, number][] | null = null;
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === DRAW.moveTo) {
      current = [apply(ctm, data[i], data[i + 1])];
      out.push(current);
      i += 2;
    } else if (op === DRAW.lineTo) {
      current?.push(apply(ctm, data[i], data[i + 1]));
      i += 2;
    } else if (op === DRAW.curveTo) {
      if (current) out[out.indexOf(current)] = current = null;
      i += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      if (current) out[out.indexOf(current)] = current = null;
      i += 4;
    } else if (op === DRAW.closePath) {
      if (current && current.length > 1) current.push(current[0]);
    } else break;
  }
  return out;
}

/** Closer than this (points), two coordinates are the same: a line is axis-aligned, a shape a rectangle. */
const ALIGNED = 0.5;
/** Thinner than this (points), a filled rectangle is a line. */
const THIN_FILL = 3;

/** The axis-aligned edges of a stroked path. */
function strokedRules(data: Float32Array, ctm: Matrix): Rule[] {
  const rules: Rule[] = [];
  for (const points of subpaths(data, ctm)) {
    if (!points) continue;
    for (let k = 1; k < points.length; k++) {
      const [[x0, y0], [x1, y1]] = [points[k - 1], points[k]];
      if (Math.abs(x0 - x1) < ALIGNED || Math.abs(y0 - y1) < ALIGNED) rules.push({ x0, y0, x1, y1 });
    }
  }
  return rules;
}

/** A thin filled rectangle is a line (how Chromium and Word draw borders); a larger one is a shape. */
function filledRules(data: Float32Array, ctm: Matrix): Rule[] {
  const rules: Rule[] = [];
  for (const points of subpaths(data, ctm)) {
    if (!points || points.length < 4) continue;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const rectangle = points.every(
      ([x, y]) => (Math.abs(x - left) < ALIGNED || Math.abs(x - right) < ALIGNED) && (Math.abs(y - top) < ALIGNED || Math.abs(y - bottom) < ALIGNED),
    );
    if (!rectangle) continue;
    const [w, h] = [right - left, bottom - top];
    if (h <= THIN_FILL && w > h) rules.push({ x0: left, x1: right, y0: (top + bottom) / 2, y1: (top + bottom) / 2 });
    else if (w <= THIN_FILL && h > w) rules.push({ x0: (left + right) / 2, x1: (left + right) / 2, y0: top, y1: bottom });
  }
  return rules;
}

// ——— Pages to blocks ———

const PAGE_NUMBER = /^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/** Drops page numbers and lines repeated at the top or bottom of several pages (running headers and footers). */
function dropFurniture(pages: { geometry: PageGeometry; items: PageItem[] }[]): void {
  const edgeLines = (items: PageItem[], height: number) => {
    const lines = items.filter((i): i is { kind: 'line'; line: TextLine } => i.kind === 'line');
    const first = items[0]?.kind === 'line' ? items[0].line : undefined;
    const last = items[items.length - 1]?.kind === 'line' ? items[items.length - 1] : undefined;
    return lines
      .map((i) => i.line)
      .filter((l) => l === first || (last?.kind === 'line' && l === last.line) || l.box[1] < 0.1 * height || l.box[3] > 0.9 * height);
  };
  const key = (l: TextLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, number>();
  for (const p of pages) for (const k of new Set(edgeLines(p.items, p.geometry.height).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  for (const p of pages) {
    const { height } = p.geometry;
    const drop = new Set(
      edgeLines(p.items, height).filter((l) => {
        const inMargin = l.box[1] < 0.15 * height || l.box[3] > 0.85 * height;
        return inMargin && (PAGE_NUMBER.test(l.text.replace(/\s+/g, ' ').trim()) || (pages.length > 1 && (seen.get(key(l)) ?? 0) >= 2));
      }),
    );
    p.items = p.items.filter((i) => i.kind !== 'line' || !drop.has(i.line));
  }
}

/** Two tables are one run over a page break when the second's column edges are the first's (or some of them). */
function continues(first: GridTable, second: GridTable): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= 2;
  if (!near(first.box[0], second.box[0]) || !near(first.box[2], second.box[2])) return false;
  const [few, many] = first.xs.length <= second.xs.length ? [first.xs, second.xs] : [second.xs, first.xs];
  return few.every((x) => many.some((y) => near(x, y)));
}

const rowText = (table: GridTable, r: number) =>
  table.cells
    .filter((c) => c.r0 === r)
    .sort((a, b) => a.left - b.left)
    .map((c) => `${Math.round(c.left)}:${Math.round(c.right)}:${c.r1 - c.r0}:${c.parts.map((p) => p.text).join('')}`)
    .join('|');

/** Appends the continuation of a table on the next page: repeated header rows dropped, split merged cells joined. */
function appendTable(first: GridTable, second: GridTable): void {
  let header = 0;
  for (let k = 1; k < Math.min(first.rowCount, second.rowCount); k++) {
    const same = [...Array(k).keys()].every((r) => rowText(first, r) === rowText(second, r));
    if (!same) break;
    // The header ends where no cell of it reaches below.
    if (second.cells.every((c) => c.r0 >= k || c.r1 <= k)) header = k;
  }
  if (header === 0 && splitRow(first, second)) {
    // The row's rest: its text joins the row above, its row goes.
    for (const cell of second.cells.filter((c) => c.r0 === 0)) {
      const above = first.cells.find((c) => c.r1 === first.rowCount && Math.abs(c.left - cell.left) <= 2);
      above?.parts.push(...cell.parts);
      if (above && cell.r1 > 1) above.r1 = first.rowCount + cell.r1 - 1;
    }
    second.cells = second.cells.filter((c) => c.r0 > 0).map((c) => ({ ...c, r0: c.r0 - 1, r1: c.r1 - 1 }));
    second.rowCount -= 1;
  }
  const offset = first.rowCount - header;
  const lastRow = first.rowCount - 1;
  const near = (a: number, b: number) => Math.abs(a - b) <= 2;
  for (const cell of second.cells) {
    if (cell.r0 < header) continue;
    const moved = { ...cell, r0: cell.r0 + offset, r1: cell.r1 + offset };
    // A merged cell cut by the page break: the same columns, a part spanning rows, and the second part
    // blank or the rest of the first's text (not a label of its own).
    const above = cell.r0 === header ? first.cells.find((c) => c.r1 - 1 === lastRow && near(c.left, cell.left) && near(c.right, cell.right)) : undefined;
    const rest = above && (above.parts.length === 0 || cell.parts.length === 0 || !HEADING.test(cell.parts[0].text));
    if (above && rest && (above.r1 - above.r0 > 1 || cell.r1 - cell.r0 > 1)) {
      above.r1 = moved.r1;
      above.parts.push(...cell.parts);
      continue;
    }
    first.cells.push(moved);
  }
  first.rowCount += second.rowCount - header;
  const xs = [...first.xs];
  for (const x of second.xs) if (!xs.some((y) => near(x, y))) xs.push(x);
  first.xs = xs.sort((a, b) => a - b);
}

const NUMBER = /^[\d,，.．]+$/;

/**
 * Whether the next page's first row is the rest of this page's last row (Word and LibreOffice let a
 * row break across pages): the same cells, no numbered row label in any of them, and no cell with a number on both sides.
 */
function splitRow(first: GridTable, second: GridTable): boolean {
  const last = first.cells.filter((c) => c.r1 === first.rowCount).sort((a, b) => a.left - b.left);
  const next = second.cells.filter((c) => c.r0 === 0).sort((a, b) => a.left - b.left);
  if (last.length !== next.length || last.length === 0) return false;
  const text = (c: GridCell) => c.parts.map((p) => p.text).join('');
  // Any numbered label (not only the leftmost text, which may be a merged cell's rest) starts a row of its own.
  if (next.every((c) => text(c) === '') || next.some((c) => HEADING.test(text(c)))) return false;
  return last.every((c, k) => {
    const [a, b] = [text(c), text(next[k])];
    const same = Math.abs(c.left - next[k].left) <= 2 && Math.abs(c.right - next[k].right) <= 2;
    return same && (a === '' || b === '' || (!NUMBER.test(a) && !NUMBER.test(b)));
  });
}

/** A grid as the source rows of cells, each with the slots it spans. */
function sourceRows(table: GridTable): SourceCell[][] {
  const column = (x: number) => {
    let best = 0;
    table.xs.forEach((y, i) => {
      if (Math.abs(y - x) < Math.abs(table.xs[best] - x)) best = i;
    });
    return best;
  };
  const rows: SourceCell[][] = Array.from({ length: table.rowCount }, () => []);
  for (const cell of [...table.cells].sort((a, b) => a.r0 - b.r0 || a.left - b.left)) {
    const pieces: Piece[] = cell.parts.map((p) => ({ text: p.text, origin: { location: { page: p.page, box: round(p.box) } } }));
    const page = cell.parts[0]?.page ?? table.page;
    rows[cell.r0].push({
      pieces,
      origin: { location: { page, box: round(cell.box) } },
      rowSpan: cell.r1 - cell.r0,
      colSpan: Math.max(1, column(cell.right) - column(cell.left)),
    });
  }
  return rows.filter((r) => r.length > 0);
}

const round = (b: Box): Box => b.map((v) => Math.round(v * 10) / 10) as Box;

const HEADING =
  /^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节条])/;

/** A centered line under a centered line (a wrapped title). */
const centered = (a: TextLine, b: TextLine) => Math.abs(a.box[0] + a.box[2] - b.box[0] - b.box[2]) < a.size;

/**
 * Lines as paragraphs: a line that fills the measure goes on in the next line when that one is not
 * indented (or both are centered) and does not start like a heading.
 */
function paragraphs(lines: TextLine[], measure: { left: number; right: number }): Block[] {
  const blocks: Block[] = [];
  let previous: TextLine | undefined;
  for (const line of lines) {
    const piece: Piece = { text: line.text, origin: { location: { page: line.page, box: round(line.box) } } };
    const last = blocks[blocks.length - 1];
    const goesOn =
      previous &&
      last?.kind === 'paragraph' &&
      previous.box[2] >= measure.right - 1.5 * previous.size &&
      // The same size, give or take a tenth (digits may be set in a font of their own size).
      Math.abs(line.size - previous.size) < 1 + 0.1 * Math.max(line.size, previous.size) &&
      (line.box[0] <= measure.left + 0.5 * line.size || centered(previous, line)) &&
      !HEADING.test(line.text) &&
      (line.page !== previous.page || line.box[1] - previous.box[3] < line.size);
    if (goesOn) last.pieces.push(piece);
    else blocks.push({ kind: 'paragraph', pieces: [piece] });
    previous = line;
  }
  return blocks;
}

function blocksOf(geometries: PageGeometry[]): Block[] {
  const pages = geometries.map((geometry) => ({ geometry, items: layoutPage(geometry) }));
  dropFurniture(pages);
  // The text measure: where most lines start and end.
  const lines = pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'line' ? [i.line] : [])));
  const measure = { left: mode(lines.map((l) => l.box[0])), right: rightEdge(lines) };
  const items: PageItem[] = [];
  for (const page of pages) {
    for (const [k, item] of page.items.entries()) {
      const previous = items[items.length - 1];
      if (k === 0 && item.kind === 'table' && previous?.kind === 'table' && previous.table.page < item.table.page && continues(previous.table, item.table)) {
        appendTable(previous.table, item.table);
      } else items.push(item);
    }
  }
  const blocks: Block[] = [];
  let pending: TextLine[] = [];
  const flush = () => {
    blocks.push(...paragraphs(pending, measure));
    pending = [];
  };
  for (const item of items) {
    if (item.kind === 'line') pending.push(item.line);
    else {
      flush();
      blocks.push({ kind: 'table', rows: sourceRows(item.table) });
    }
  }
  flush();
  return blocks;
}

/**
 * Where full lines end: the rightmost edge at which two lines or more end within a character (a
 * paragraph's wrapped lines); the rightmost edge when no two do. Short lines (headings, one-line
 * paragraphs) end anywhere before it.
 */
function rightEdge(lines: TextLine[]): number {
  const ends = lines.map((l) => ({ right: l.box[2], size: l.size })).sort((a, b) => b.right - a.right);
  for (const end of ends) {
    if (ends.filter((e) => e.right <= end.right && e.right >= end.right - end.size).length >= 2) return end.right;
  }
  return ends[0]?.right ?? 0;
}

/** The most common value, to a point. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [v, c] of counts) if (c > most || (c === most && v < best)) [best, most] = [v, c];
  return best;
}
