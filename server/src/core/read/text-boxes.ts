import { displayWidth, LineIndex } from '../text';
import type { Block, Origin, Piece, SourceCell } from './document';
import { htmlTablesIn, SIGNAL, TITLE } from './html';
import { linePiece, ShapeReader } from './text-pieces';

/**
 * Tables drawn with borders or laid out in dashed columns, as text browsers and pandoc write them:
 *
 * - box drawing (w3m, elinks): `┌──┬──┐ │a │b │ ├──┼──┤ └──┴──┘`;
 * - ASCII boxes (links, pandoc grid tables): `+---+---+`, `|a  |b  |`, rules `|---+---|`;
 * - pandoc simple and multiline tables: columns set by runs of dashes `----  -----`.
 *
 * A boxed table is read as a map of walls: every stretch of the map that the borders enclose is a
 * cell, its lines one cell (a label wrapped inside a narrow cell), and the column and row lines it
 * covers its spans; a blank stretch is a blank cell. Text outside tables is read as paragraphs (a
 * browser's wrapped lines joined), from the report's title on, with pandoc's Markdown marks (`#`,
 * `**`, `[…]{…}`, `:::`) left out of the pieces and its raw HTML tables read as HTML.
 */

const BOX_TOP = /^\s*[┌╔┏╭]/;
const BOX_LINE = /^\s*[┌┐└┘├┤┬┴┼│╔╗╚╝╠╣╦╩╬║┏┓┗┛┣┫┳┻╋┃╭╮╯╰]/;
const BOX_BOTTOM = /^\s*[└╚┗╰]/;
const ASCII_TOP = /^\s*\+[-=:+]*[-=][-=:+]*\+\s*$/;
const ASCII_LINE = /^\s*[|+]/;
const DASH_COLUMNS = /^\s*-{2,}(?: +-{2,})+\s*$/;
const FULL_RULE = /^\s*-{3,}\s*$/;

/** How wide a converter laid out a character: terminals give CJK two columns, links gives every character one. */
interface Measure {
  /** The column where each character of `text` starts (one entry more: where the line ends). */
  starts(text: string): Int32Array;
  /** Where the line ends. */
  width(text: string): number;
}

/** Display width by UTF-16 unit, as `displayWidth` gives it for one unit (built on first use). */
let unitWidths: Uint8Array | undefined;
function unitWidth(code: number): number {
  if (!unitWidths) {
    unitWidths = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) unitWidths[c] = displayWidth(String.fromCharCode(c));
  }
  return unitWidths[code];
}

const byDisplay: Measure = {
  starts(text) {
    const starts = new Int32Array(text.length + 1);
    let x = 0;
    for (let i = 0; i < text.length; i++) {
      starts[i] = x;
      x += unitWidth(text.charCodeAt(i));
    }
    starts[text.length] = x;
    return starts;
  },
  width(text) {
    let x = 0;
    for (let i = 0; i < text.length; i++) x += unitWidth(text.charCodeAt(i));
    return x;
  },
};
const byCharacter: Measure = {
  starts(text) {
    const starts = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) starts[i] = i;
    return starts;
  },
  width: (text) => text.length,
};

interface Region {
  kind: 'box' | 'ascii' | 'dashes' | 'html';
  first: number;
  last: number;
  /** Dashed tables: the line of dash runs that sets the columns, and the body's lines. */
  columns?: number;
  body?: [number, number];
  /** Raw HTML tables in Markdown: their cells, read by the HTML reader. */
  rows?: SourceCell[][];
}

/** A cell of a boxed table: the enclosed stretch of the map, in map columns and lines. */
interface Stretch {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Per line of the stretch: the character range [from, to) it covers. */
  spans: { line: number; from: number; to: number }[];
}

function read(doc: LineIndex): Block[] | undefined {
  const found = findRegions(doc);
  if (found.length === 0) return undefined;
  const markdown = looksLikeMarkdown(doc);
  const regions = markdown ? withHtmlTables(doc, found) : found;
  const inTable = new Uint8Array(doc.lines.length);
  for (const r of regions) inTable.fill(1, r.first, r.last + 1);
  const wrap = wrapWidth(doc, inTable);
  const blocks: Block[] = [];
  let paragraph: Piece[] = [];
  let marks: Marks | undefined = markdown ? {} : undefined;
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', pieces: paragraph });
    paragraph = [];
    marks = markdown ? {} : undefined;
  };
  let next = 0;
  for (let line = 0; line < doc.lines.length; line++) {
    const region = regions[next];
    if (region && line === region.first) {
      endParagraph();
      blocks.push({ kind: 'table', rows: readRegion(doc, region, markdown) });
      line = region.last;
      next++;
      continue;
    }
    const text = doc.lines[line];
    if (text.trim() === '' || (markdown && /^\s*:::/.test(text))) {
      endParagraph();
      continue;
    }
    if (paragraph.length && startsBlock(text, markdown)) endParagraph();
    paragraph.push(...piecesOf(doc, line, 0, text.length, marks));
    const continues = markdown || (wrap !== undefined && displayWidth(text.trimEnd()) >= wrap - WRAP_SLACK);
    if (!continues || line + 1 >= doc.lines.length || inTable[line + 1]) endParagraph();
  }
  endParagraph();
  return fromTitle(blocks);
}

/** Markdown that pandoc could not draw a table in keeps it as raw HTML: its lines are that table. */
function withHtmlTables(doc: LineIndex, regions: Region[]): Region[] {
  if (!/<table[\s>]/i.test(doc.text)) return regions;
  const lineOf = (offset: number) => {
    let line = 0;
    for (let step = 1 << 30; step > 0; step >>= 1) if (line + step < doc.starts.length && doc.starts[line + step] <= offset) line += step;
    return line;
  };
  const tables: Region[] = htmlTablesIn(doc.text).map((t) => ({
    kind: 'html',
    first: lineOf(t.start),
    last: lineOf(Math.max(t.start, t.end - 1)),
    rows: t.rows,
  }));
  const apart = (r: Region) => !tables.some((t) => r.first <= t.last && t.first <= r.last);
  return [...regions.filter(apart), ...tables].sort((a, b) => a.first - b.first);
}

/** How far a wrapped line may fall short of the wrap width: a wide character or a word that did not fit. */
const WRAP_SLACK = 4;

/**
 * The width a browser wrapped the text at: the most common width of lines that run on into the next
 * (w3m: 80 columns). Undefined when lines are not wrapped (pandoc leaves Chinese lines whole).
 */
function wrapWidth(doc: LineIndex, inTable: Uint8Array): number | undefined {
  const counts = new Map<number, number>();
  for (let line = 0; line + 1 < doc.lines.length; line++) {
    if (inTable[line] || inTable[line + 1] || doc.lines[line + 1].trim() === '') continue;
    const width = displayWidth(doc.lines[line].trimEnd());
    if (width >= 40) counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 2;
  for (const [width, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && width > best)) {
      best = width;
      bestCount = count;
    }
  }
  return best;
}

/** A line that begins a paragraph of its own even right under another: a list item, a Markdown heading. */
function startsBlock(text: string, markdown: boolean): boolean {
  if (/^\s*[•·▪◦]\s/.test(text) || /^\s*o\s/.test(text)) return true;
  return markdown && /^\s*(?:#{1,6}\s|[-*+]\s|>|\d+[.)]\s)/.test(text);
}

/**
 * The report starts at its title: the site's header, menus and breadcrumbs before it are left out,
 * as the HTML reader leaves out the page around the article. Without a title all is kept.
 */
function fromTitle(blocks: Block[]): Block[] {
  const textOf = (b: Block) => (b.kind === 'paragraph' ? b.pieces.map((p) => p.text).join('') : '');
  const heading = blocks.findIndex((b) => SIGNAL.test(textOf(b)));
  if (heading < 0) return blocks;
  for (let i = heading - 1; i >= 0; i--) {
    const text = textOf(blocks[i]);
    if (text.length <= 120 && TITLE.test(text)) return blocks.slice(i);
  }
  return blocks;
}

export const boxesReader: ShapeReader = { name: 'boxes', read };

/** The tables of the text: boxed ones, and pandoc's dashed columns. */
function findRegions(doc: LineIndex): Region[] {
  const regions: Region[] = [];
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    let kind: Region['kind'] | undefined;
    let last = i;
    if (BOX_TOP.test(text)) {
      kind = 'box';
      while (last + 1 < lines.length && BOX_LINE.test(lines[last + 1]) && !BOX_BOTTOM.test(lines[last])) last++;
      if (!BOX_BOTTOM.test(lines[last])) kind = undefined;
    } else if (ASCII_TOP.test(text)) {
      kind = 'ascii';
      while (last + 1 < lines.length && ASCII_LINE.test(lines[last + 1])) last++;
      if (last === i || !ASCII_TOP.test(lines[last])) kind = undefined;
    } else if (DASH_COLUMNS.test(text) || FULL_RULE.test(text)) {
      const dashed = dashedTable(lines, i, regions[regions.length - 1]?.last ?? -1);
      if (dashed) {
        regions.push(dashed);
        i = dashed.last;
      }
      continue;
    }
    if (kind && last - i >= 2) {
      regions.push({ kind, first: i, last });
      i = last;
    }
  }
  return regions;
}

/**
 * Pandoc's dashed tables, found from the line at `at`:
 * - headerless: a line of dash runs, the rows, the same line again;
 * - simple with a header: the header line, the dash runs, rows up to a blank line;
 * - multiline with a header: a full-width rule, the header, the dash runs, rows parted by blank lines, a full rule.
 */
function dashedTable(lines: string[], at: number, taken: number): Region | undefined {
  const limit = Math.min(lines.length, at + 5000);
  if (FULL_RULE.test(lines[at])) {
    let columns = at + 1;
    while (columns < limit && columns < at + 10 && lines[columns].trim() !== '' && !DASH_COLUMNS.test(lines[columns])) columns++;
    if (columns >= limit || columns === at + 1 || !DASH_COLUMNS.test(lines[columns])) return undefined;
    for (let end = columns + 1; end < limit; end++) {
      if (FULL_RULE.test(lines[end])) return { kind: 'dashes', first: at, last: end, columns, body: [columns + 1, end - 1] };
      if (DASH_COLUMNS.test(lines[end])) return undefined;
    }
    return undefined;
  }
  const rule = lines[at].trimEnd();
  if (at - 1 > taken && lines[at - 1].trim() !== '') {
    let end = at;
    while (end + 1 < limit && lines[end + 1].trim() !== '' && !DASH_COLUMNS.test(lines[end + 1])) end++;
    return end > at ? { kind: 'dashes', first: at - 1, last: end, columns: at, body: [at + 1, end] } : undefined;
  }
  for (let end = at + 1; end < limit; end++) {
    if (lines[end].trimEnd() === rule) return end > at + 1 ? { kind: 'dashes', first: at, last: end, columns: at, body: [at + 1, end - 1] } : undefined;
    if (DASH_COLUMNS.test(lines[end])) return undefined;
  }
  return undefined;
}

function readRegion(doc: LineIndex, region: Region, markdown: boolean): SourceCell[][] {
  if (region.rows) return region.rows;
  if (region.kind === 'dashes') return readDashed(doc, region, markdown);
  const measure = chooseMeasure(doc, region);
  return readBoxed(doc, region, measure, markdown) ?? rowsAsTheyStand(doc, region, markdown);
}

/** The measure under which the table's right edges line up: display width, or one column a character (links). */
function chooseMeasure(doc: LineIndex, region: Region): Measure {
  let best: Measure = byDisplay;
  let bestScore = -1;
  for (const measure of [byDisplay, byCharacter]) {
    const ends = new Map<number, number>();
    for (let y = region.first; y <= region.last; y++) {
      const end = measure.width(doc.lines[y].trimEnd());
      ends.set(end, (ends.get(end) ?? 0) + 1);
    }
    const score = Math.max(...ends.values());
    if (score > bestScore) {
      best = measure;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Which characters of a table line are borders, and the stretches of bare dashes among them: a rule
 * under a merged cell, or a cell holding "--" (told apart by the lines around, see `settleDashes`).
 */
function wallsOf(text: string, kind: Region['kind']): { walls: Uint8Array; dashes: [number, number][] } {
  const walls = new Uint8Array(text.length);
  if (kind === 'box') {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x2500 && c <= 0x257f) walls[i] = 1;
    }
    return { walls, dashes: [] };
  }
  const dashes: [number, number][] = [];
  // Rules are runs of - = : + between pipes (or the whole line); a lone "-" in a cell is text.
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '|') continue;
    if (i < text.length) walls[i] = 1;
    const rule = ruleSegment(text, start, i);
    if (rule) {
      walls.fill(1, start, i);
      if (rule === 'dashes' && start > 0 && i < text.length) dashes.push([start, i]);
    }
    start = i + 1;
  }
  return { walls, dashes };
}

/** text[from, to) as a rule between pipes (only - = : +, with a - or =): 'dashes' when only -, else 'rule'. */
function ruleSegment(text: string, from: number, to: number): 'rule' | 'dashes' | undefined {
  let line = false;
  let onlyDashes = true;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '-' || c === '=') line = true;
    else if (c !== ':' && c !== '+') return undefined;
    if (c !== '-') onlyDashes = false;
  }
  return line ? (onlyDashes ? 'dashes' : 'rule') : undefined;
}

/**
 * Bare dashes between pipes are a rule when they part cells of text above and below, and a cell's
 * text ("--", none) when a rule stands right above or below them (no row is zero lines high).
 */
function settleDashes(lines: { starts: Int32Array; walls: Uint8Array; dashes: [number, number][] }[], width: number): void {
  if (lines.every((line) => line.dashes.length === 0)) return;
  const ruled = lines.map(({ starts, walls }) => {
    const columns = new Uint8Array(width);
    for (let i = 0; i < walls.length; i++) if (walls[i]) columns.fill(1, starts[i], starts[i + 1]);
    return columns;
  });
  lines.forEach((line, y) => {
    for (const [from, to] of line.dashes) {
      const ruledAll = (other: Uint8Array | undefined) => {
        for (let x = line.starts[from]; other && x < line.starts[to]; x++) if (!other[x]) return false;
        return other !== undefined;
      };
      if (ruledAll(ruled[y - 1]) || ruledAll(ruled[y + 1])) line.walls.fill(0, from, to);
    }
  });
}

/** The largest map read as a grid (columns × lines); a larger box stands as rows, read in linear time. */
const MAX_MAP = 1_000_000;

/**
 * A boxed table as cells: the map's enclosed stretches, each a rectangle. Undefined when a stretch
 * is not a rectangle (a border broken or out of line): the table is then not read as a grid.
 */
function readBoxed(doc: LineIndex, region: Region, measure: Measure, markdown: boolean): SourceCell[][] | undefined {
  const height = region.last - region.first + 1;
  let longest = 0;
  for (let y = region.first; y <= region.last; y++) longest = Math.max(longest, doc.lines[y].length);
  if (longest * height > MAX_MAP) return undefined;
  // Per line: for each map column, the character there (-1: a wall or outside the frame).
  let width = 0;
  const lineInfo = [];
  for (let y = 0; y < height; y++) {
    const text = doc.lines[region.first + y];
    const starts = measure.starts(text);
    lineInfo.push({ starts, ...wallsOf(text, region.kind) });
    width = Math.max(width, starts[text.length]);
  }
  if (width * height > MAX_MAP) return undefined;
  settleDashes(lineInfo, width);
  const stretches = enclosed(lineInfo, region.first);
  if (!stretches) return undefined;
  if (stretches.length === 0) return undefined;
  const columnStarts = [...new Set(stretches.map((s) => s.left))].sort((a, b) => a - b);
  const rowStarts = [...new Set(stretches.map((s) => s.top))].sort((a, b) => a - b);
  const within = (edges: number[], from: number, to: number) => edges.filter((e) => e >= from && e <= to).length;
  const rows: { column: number; cell: SourceCell }[][] = rowStarts.map(() => []);
  for (const s of stretches) {
    const cell = cellOf(doc, s, markdown);
    cell.colSpan = within(columnStarts, s.left, s.right);
    cell.rowSpan = within(rowStarts, s.top, s.bottom);
    rows[rowStarts.indexOf(s.top)].push({ column: columnStarts.indexOf(s.left), cell });
  }
  return rows.map((row) => row.sort((a, b) => a.column - b.column).map((c) => c.cell));
}

/** Characters [from, to) of a line between two walls, at map columns [left, right). */
interface Run {
  /** Its place in the list of all runs. */
  id: number;
  y: number;
  from: number;
  to: number;
  left: number;
  right: number;
}

/**
 * The stretches the walls enclose, in reading order: runs of characters between walls, joined
 * where they overlap a run on the next line. Undefined when one is not a rectangle.
 */
function enclosed(lines: { starts: Int32Array; walls: Uint8Array }[], firstLine: number): Stretch[] | undefined {
  const runs: Run[] = [];
  const byLine: Run[][] = lines.map(({ starts, walls }, y) => {
    const own: Run[] = [];
    const firstWall = walls.indexOf(1);
    const lastWall = walls.lastIndexOf(1);
    for (let i = firstWall + 1; i < lastWall; i++) {
      if (walls[i]) continue;
      let j = i + 1;
      while (j < lastWall && !walls[j]) j++;
      const run = { id: runs.length, y, from: i, to: j, left: starts[i], right: starts[j] };
      own.push(run);
      runs.push(run);
      i = j;
    }
    return own;
  });
  const parent = runs.map((_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]];
    return k;
  };
  for (let y = 0; y + 1 < byLine.length; y++) {
    const above = byLine[y];
    const below = byLine[y + 1];
    for (let a = 0, b = 0; a < above.length && b < below.length;) {
      if (above[a].left < below[b].right && below[b].left < above[a].right) parent[root(above[a].id)] = root(below[b].id);
      if (above[a].right <= below[b].right) a++;
      else b++;
    }
  }
  const groups = new Map<number, Run[]>();
  runs.forEach((r, k) => {
    const g = root(k);
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  });
  const stretches: Stretch[] = [];
  for (const group of groups.values()) {
    let left = Infinity;
    let right = -Infinity;
    let top = Infinity;
    let bottom = -Infinity;
    let area = 0;
    for (const r of group) {
      left = Math.min(left, r.left);
      right = Math.max(right, r.right - 1);
      top = Math.min(top, r.y);
      bottom = Math.max(bottom, r.y);
      area += r.right - r.left;
    }
    if (area !== (right - left + 1) * (bottom - top + 1)) return undefined;
    // A rectangle: one run a line, in line order.
    group.sort((p, q) => p.y - q.y);
    stretches.push({ left, right, top, bottom, spans: group.map((r) => ({ line: firstLine + r.y, from: r.from, to: r.to })) });
  }
  return stretches.sort((p, q) => p.top - q.top || p.left - q.left);
}

/** A stretch's text: one piece (or more, around Markdown marks) per line that has any. */
function cellOf(doc: LineIndex, s: Stretch, markdown: boolean): SourceCell {
  const pieces: Piece[] = [];
  const marks = markdown ? {} : undefined;
  for (const { line, from, to } of s.spans) pieces.push(...piecesOf(doc, line, from, to, marks));
  const first = s.spans[0];
  return { pieces: joinWrapped(pieces), origin: blankOrigin(doc, first.line, first.from, first.to) };
}

/** Where a blank cell is filled: the white space inside its borders on its first line. */
function blankOrigin(doc: LineIndex, line: number, from: number, to: number): Origin {
  const start = doc.starts[line];
  return { source: { start: start + from, end: start + Math.max(from, Math.min(to, doc.lines[line].length)) } };
}

/** A number wrapped over two lines of a narrow cell is one number, not two. */
function joinWrapped(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const prev = out[out.length - 1];
    if (prev && /[0-9.,]$/.test(prev.text) && /^[0-9.,]/.test(piece.text) && /^[0-9.,]+$/.test(prev.text)) {
      const start = prev.origin.source?.start;
      const end = piece.origin.source?.end;
      const origin: Origin = start !== undefined && end !== undefined ? { source: { start, end }, exact: false } : {};
      out[out.length - 1] = { text: prev.text + piece.text, origin };
    } else out.push(piece);
  }
  return out;
}

/** Pandoc's dashed columns: a cell is what stands under a run of dashes (and the gap after it). */
function readDashed(doc: LineIndex, region: Region, markdown: boolean): SourceCell[][] {
  const rule = doc.lines[region.columns!];
  const columns: number[] = [];
  const ruleStarts = byDisplay.starts(rule);
  for (let i = 0; i < rule.length; i++) if (rule[i] === '-' && (i === 0 || rule[i - 1] === ' ')) columns.push(ruleStarts[i]);
  // The header (lines above the dash runs, after a full rule) is one row.
  const header: number[] = [];
  for (let y = region.first; y < region.columns!; y++) if (!FULL_RULE.test(doc.lines[y])) header.push(y);
  const body: number[] = [];
  for (let y = region.body![0]; y <= region.body![1]; y++) body.push(y);
  // A multiline table parts its rows with blank lines; a simple table has one row a line.
  const multiline = body.some((y) => doc.lines[y].trim() === '');
  const groups: number[][] = [];
  let group: number[] = [];
  for (const y of body) {
    if (doc.lines[y].trim() === '') {
      if (group.length) groups.push(group);
      group = [];
    } else if (multiline) group.push(y);
    else groups.push([y]);
  }
  if (group.length) groups.push(group);
  if (header.length) groups.unshift(header);
  return groups.map((lines) => {
    const cells: SourceCell[] = columns.map(() => ({ pieces: [], origin: {} }));
    const marks = cells.map(() => (markdown ? {} : undefined));
    for (const y of lines) {
      const text = doc.lines[y];
      const starts = byDisplay.starts(text);
      let column = 0;
      let from = 0;
      const close = (to: number) => {
        const cell = cells[column];
        // A blank is filled at its column's first character, so that the columns after it keep their place.
        if (cell.origin.source === undefined) cell.origin = blankOrigin(doc, y, Math.min(from, text.length), Math.min(from + 1, to));
        cell.pieces.push(...piecesOf(doc, y, from, to, marks[column]));
      };
      for (let i = 0; i < text.length; i++) {
        if (column + 1 < columns.length && starts[i] >= columns[column + 1]) {
          close(i);
          while (column + 1 < columns.length && starts[i] >= columns[column + 1]) column++;
          from = i;
        }
      }
      close(text.length);
    }
    for (const cell of cells) {
      cell.pieces = joinWrapped(cell.pieces);
      // A cell the line ends before: filled at the line's end.
      cell.origin.source ??= blankOrigin(doc, lines[0], doc.lines[lines[0]].length, 0).source;
    }
    return cells;
  });
}

/** A table that is not a clean grid: each line a row of what stands between its borders, for the recognizer to judge. */
function rowsAsTheyStand(doc: LineIndex, region: Region, markdown: boolean): SourceCell[][] {
  const rows: SourceCell[][] = [];
  for (let y = region.first; y <= region.last; y++) {
    const text = doc.lines[y];
    const { walls } = wallsOf(text, region.kind);
    const row: SourceCell[] = [];
    let from = -1;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !walls[i]) {
        if (from < 0) from = i;
        continue;
      }
      if (from >= 0) {
        const pieces = piecesOf(doc, y, from, i, markdown ? {} : undefined);
        if (pieces.length) row.push({ pieces, origin: blankOrigin(doc, y, from, i) });
      }
      from = -1;
    }
    if (row.length) rows.push(row);
  }
  return rows;
}

/** Pandoc Markdown: its headings carry attributes, its divs are fenced with colons. */
function looksLikeMarkdown(doc: LineIndex): boolean {
  let marks = 0;
  for (const line of doc.lines) {
    if (/^#{1,6}\s|^:::|\]\{|^\*\*.+\*\*\s*$/.test(line)) marks++;
    if (marks >= 3) return true;
  }
  return false;
}

/** Markdown read across the lines of one cell or paragraph: a link target or attribute left open at a line's end. */
interface Marks {
  closing?: ')' | '}';
}

/** The text of line[from, to) as exact pieces: trimmed, and in Markdown (`marks` given) without its marks. */
function piecesOf(doc: LineIndex, line: number, from: number, to: number, marks: Marks | undefined): Piece[] {
  if (!marks) {
    const piece = linePiece(doc, line, from, to);
    return piece ? [piece] : [];
  }
  const pieces: Piece[] = [];
  for (const [s, e] of markdownText(doc.lines[line], from, to, marks)) {
    const piece = linePiece(doc, line, s, e);
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/**
 * The ranges of line[from, to) that are text, not Markdown: heading marks and attributes, quote and
 * list marks, emphasis, link targets, span attributes and backslash escapes are left out.
 */
function markdownText(text: string, from: number, to: number, marks: Marks): [number, number][] {
  let s = from;
  let e = to;
  if (marks.closing) {
    const close = text.indexOf(marks.closing, s);
    if (close < 0 || close >= e) return [];
    marks.closing = undefined;
    s = close + 1;
  }
  const lead = /^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+)*/y;
  lead.lastIndex = s;
  const m = lead.exec(text);
  if (m && m.index === s) s += m[0].length;
  const heading = /\s*\{[#.][^}]*\}\s*$/.exec(text.slice(s, e));
  if (heading) e = s + heading.index;
  const ranges: [number, number][] = [];
  let runStart = s;
  const cut = (at: number, skip: number) => {
    if (at > runStart) ranges.push([runStart, at]);
    runStart = at + skip;
  };
  for (let i = s; i < e; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < e && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
      cut(i, 1);
      i++;
    } else if (ch === '\\' && text.slice(i + 1, e).trim() === '') {
      // A hard line break.
      cut(i, 1);
    } else if ((ch === '*' || ch === '_') && text[i + 1] === ch) {
      cut(i, 2);
      i++;
    } else if (ch === '[') {
      cut(i, 1);
    } else if (ch === ']' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      const closing = text[i + 1] === '(' ? ')' : '}';
      const close = text.indexOf(closing, i + 2);
      // A target or attribute wrapped onto the next lines of the cell is left out there too.
      if (close < 0 || close >= e) marks.closing = closing;
      const end = close < 0 || close >= e ? e : close + 1;
      cut(i, end - i);
      i = end - 1;
    } else if (ch === ']') {
      cut(i, 1);
    }
  }
  if (e > runStart) ranges.push([runStart, e]);
  return ranges;
}
