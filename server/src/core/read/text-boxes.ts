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

const BOX_WALLS = /[\u2500-\u257f]/;
const BOX_TOP = /^\s*[┌╔┏╭]/;
const BOX_LINE = /^\s*[┌┐└┘├┤┬┴┼│╔╗╚╝╠╣╦╩╬║┏┓┗┛┣┫┳┻╋┃╭╮╯╰]/;
const BOX_BOTTOM = /^\s*[└╚┗╰]/;
const ASCII_TOP = /^\s*\+[-=:+]*[-=][-=:+]*\+\s*$/;
const ASCII_LINE = /^\s*[|+]/;
const RULE_SEGMENT = /^[-=:+]*[-=][-=:+]*$/;
const DASH_COLUMNS = /^\s*-{2,}(?: +-{2,})+\s*$/;
const FULL_RULE = /^\s*-{3,}\s*$/;

/** How wide a converter laid out a character: terminals give CJK two columns, links gives every character one. */
type Measure = (text: string) => number[];

/** The column where each character of `text` starts (one entry more: where the line ends). */
const byDisplay: Measure = (text) => {
  const starts: number[] = [];
  let x = 0;
  for (let i = 0; i < text.length; i++) {
    starts.push(x);
    x += displayWidth(text, i, i + 1);
  }
  starts.push(x);
  return starts;
};
const byCharacter: Measure = (text) => Array.from({ length: text.length + 1 }, (_, i) => i);

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
      const text = doc.lines[y].trimEnd();
      const end = measure(text)[text.length];
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
function wallsOf(text: string, kind: Region['kind']): { walls: boolean[]; dashes: [number, number][] } {
  if (kind === 'box') return { walls: Array.from(text, (ch) => BOX_WALLS.test(ch)), dashes: [] };
  const walls = Array.from(text, (ch) => ch === '|');
  const dashes: [number, number][] = [];
  // Rules are runs of - = : + between pipes (or the whole line); a lone "-" in a cell is text.
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '|') continue;
    const segment = text.slice(start, i);
    if (RULE_SEGMENT.test(segment)) {
      for (let k = start; k < i; k++) walls[k] = true;
      if (/^-+$/.test(segment) && start > 0 && i < text.length) dashes.push([start, i]);
    }
    start = i + 1;
  }
  return { walls, dashes };
}

/**
 * Bare dashes between pipes are a rule when they part cells of text above and below, and a cell's
 * text ("--", none) when a rule stands right above or below them (no row is zero lines high).
 */
function settleDashes(lines: { starts: number[]; walls: boolean[]; dashes: [number, number][] }[], width: number): void {
  const ruled = lines.map(({ starts, walls }) => {
    const columns = new Uint8Array(width);
    walls.forEach((wall, i) => wall && columns.fill(1, starts[i], starts[i + 1]));
    return columns;
  });
  lines.forEach((line, y) => {
    for (const [from, to] of line.dashes) {
      const ruledAll = (other: Uint8Array | undefined) => {
        for (let x = line.starts[from]; other && x < line.starts[to]; x++) if (!other[x]) return false;
        return other !== undefined;
      };
      if (ruledAll(ruled[y - 1]) || ruledAll(ruled[y + 1])) line.walls.fill(false, from, to);
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
  const owners: Int32Array[] = [];
  let width = 0;
  const lineInfo = [];
  for (let y = 0; y < height; y++) {
    const text = doc.lines[region.first + y];
    const starts = measure(text);
    lineInfo.push({ starts, ...wallsOf(text, region.kind) });
    width = Math.max(width, starts[text.length]);
  }
  if (width * height > MAX_MAP) return undefined;
  settleDashes(lineInfo, width);
  for (const { starts, walls } of lineInfo) {
    const owner = new Int32Array(width).fill(-1);
    const firstWall = walls.indexOf(true);
    const lastWall = walls.lastIndexOf(true);
    for (let i = firstWall + 1; i < lastWall; i++) {
      if (walls[i]) continue;
      for (let x = starts[i]; x < starts[i + 1]; x++) owner[x] = i;
    }
    if (firstWall < 0) owner.fill(-1);
    owners.push(owner);
  }
  const seen = owners.map(() => new Uint8Array(width));
  const stretches: Stretch[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (owners[y][x] < 0 || seen[y][x]) continue;
      const stretch = fill(owners, seen, x, y, region.first);
      if (!stretch) return undefined;
      stretches.push(stretch);
    }
  }
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

/** The stretch around (x, y): flood fill over the map; undefined unless it is a rectangle. */
function fill(owners: Int32Array[], seen: Uint8Array[], x0: number, y0: number, firstLine: number): Stretch | undefined {
  const width = owners[0].length;
  const stack = [y0 * width + x0];
  seen[y0][x0] = 1;
  let left = x0;
  let right = x0;
  let top = y0;
  let bottom = y0;
  let count = 0;
  while (stack.length) {
    const at = stack.pop()!;
    const y = Math.floor(at / width);
    const x = at % width;
    count++;
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
    const visit = (nx: number, ny: number) => {
      if (ny < 0 || ny >= owners.length || nx < 0 || nx >= width) return;
      if (owners[ny][nx] < 0 || seen[ny][nx]) return;
      seen[ny][nx] = 1;
      stack.push(ny * width + nx);
    };
    visit(x - 1, y);
    visit(x + 1, y);
    visit(x, y - 1);
    visit(x, y + 1);
  }
  if (count !== (right - left + 1) * (bottom - top + 1)) return undefined;
  const spans = [];
  for (let y = top; y <= bottom; y++) {
    const owner = owners[y];
    spans.push({ line: firstLine + y, from: owner[left], to: owner[right] + 1 });
  }
  return { left, right, top, bottom, spans };
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
  const ruleStarts = byDisplay(rule);
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
      const starts = byDisplay(text);
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
