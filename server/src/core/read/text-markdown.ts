import type { LineIndex } from '../text';
import type { Block, Origin, Piece, SourceCell } from './document';
import { htmlTablesIn } from './html';
import { linePiece, ShapeReader } from './text-pieces';

/**
 * Markdown as converters write a report page (pandoc, node-html-markdown, html2text): headings as `#`
 * lines or `**bold**` paragraphs, tables as pipe rows (`| a | b |`, or html2text's `a| b` with rows
 * ended by a hard break), or left as raw `<table>` markup. A converter that cannot draw a merged cell
 * writes either each cell once, left-packed (`packed`), or the full grid with the covered slots empty
 * or repeating the merged cell's text (`full`); both become cells with their spans again.
 */

/** A cell as the text writes it: its pieces (markup stripped) and where a blank one stands. */
export interface RawCell {
  pieces: Piece[];
  origin: Origin;
}

interface Region {
  /** Lines [start, end) that the table takes. */
  start: number;
  end: number;
  rows: SourceCell[][];
}

/** `| --- | :-: |` or html2text's `---|---`: the line under a pipe table's header. */
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-*:?\s*)*\|?\s*$/;
/** Inline markup around or inside text: tags, bold and italic marks, escapes, non-breaking spaces. */
const INLINE_MARKUP = /<\/?[A-Za-z][^<>\n]*>|\*\*|__|\\(?=[\\`*_{}[\]()#+\-.!|>~<])|&nbsp;|&#160;|\u00a0/g;
/** A number in a cell: what tells the rows of data from the header rows. */
const NUMBER = /^[+-]?[0-9０-９][0-9０-９,，]*(?:\.[0-9]+)?$/;

/** The exact pieces of text in line[from, to), markup left out. */
export function inlinePieces(doc: LineIndex, line: number, from = 0, to = doc.lines[line].length): Piece[] {
  const text = doc.lines[line];
  const pieces: Piece[] = [];
  const push = (s: number, e: number) => {
    const piece = s < e ? linePiece(doc, line, s, e) : undefined;
    if (piece) pieces.push(piece);
  };
  let last = from;
  INLINE_MARKUP.lastIndex = from;
  for (let m = INLINE_MARKUP.exec(text); m && m.index < to; m = INLINE_MARKUP.exec(text)) {
    if (m.index + m[0].length > to) break;
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, to);
  return pieces;
}

export const cellText = (cell: { pieces: Piece[] }): string =>
  cell.pieces
    .map((p) => p.text)
    .join('')
    .trim();

/** A blank cell's origin: the stretch of the text between its borders. */
function spot(doc: LineIndex, line: number, from: number, to: number): Origin {
  const start = doc.starts[line];
  return { source: { start: start + from, end: start + to } };
}

/** Splits line[from, to) at unescaped `|` into [from, to) stretches. */
function splitPipes(text: string, from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '|') {
      parts.push([s, i]);
      s = i + 1;
    }
  }
  parts.push([s, to]);
  return parts;
}

/** A `| a | b |` row: its cells between the outer pipes. */
function pipeRow(doc: LineIndex, line: number): RawCell[] {
  const text = doc.lines[line];
  const from = text.indexOf('|') + 1;
  let to = text.trimEnd().length;
  if (text[to - 1] === '|' && text[to - 2] !== '\\') to--;
  return splitPipes(text, from, to).map(([s, e]) => ({ pieces: inlinePieces(doc, line, s, e), origin: spot(doc, line, s, e) }));
}

/**
 * Pipe tables whose rows start with `|` (GFM as pandoc and node-html-markdown write it): a header
 * row, a separator, then rows with no more separators (those are ASCII boxes).
 */
function pipeTables(doc: LineIndex): Region[] {
  const regions: Region[] = [];
  const isRow = (i: number) => i < doc.lines.length && doc.lines[i].trimStart().startsWith('|') && !SEPARATOR.test(doc.lines[i]);
  for (let s = 1; s < doc.lines.length; s++) {
    if (!SEPARATOR.test(doc.lines[s]) || !doc.lines[s].trimStart().startsWith('|') || !isRow(s - 1)) continue;
    let end = s + 1;
    while (isRow(end)) end++;
    if (end < doc.lines.length && SEPARATOR.test(doc.lines[end])) continue;
    const rows = [pipeRow(doc, s - 1), ...Array.from({ length: end - s - 1 }, (_, k) => pipeRow(doc, s + 1 + k))];
    regions.push({ start: s - 1, end, rows: spanned(rows) });
    s = end;
  }
  return regions;
}

/** html2text's line under a header row: `---|---`, no outer pipes. */
const RULE = /^\s*-{3,}(?:\|-{3,})*\s*$/;
/** A hard break (two trailing spaces): where html2text ends a row, or breaks a line inside a cell. */
const endsRow = (text: string) => text.endsWith('  ');
const isBlankLine = (text: string) => text.trim() === '';
const isBar = (text: string) => text.trim() === '|';

/**
 * html2text's tables: cells split by `|` (inline, or alone on a line between the paragraphs of
 * cells that held `<p>`s), each row ended by a hard break (two trailing spaces), the header row
 * above a `---|---` line.
 */
function html2textTables(doc: LineIndex, taken: (line: number) => boolean): Region[] {
  const lines = doc.lines;
  const regions: Region[] = [];
  for (let s = 1; s < lines.length; s++) {
    const sep = lines[s];
    if (taken(s) || !RULE.test(sep)) continue;
    let h = s - 1;
    while (h > 0 && isBlankLine(lines[h]) && lines[h] !== '') h--;
    if (!endsRow(lines[h]) || isBlankLine(lines[h])) continue;
    // The header row may hold cells of several paragraphs: back over `|` lines to its first cell,
    // as far as the separator has columns for.
    const columns = sep.split('|').length;
    let start = h;
    let header = readRow(doc, h);
    for (let at = h; header && header.cells.length < columns;) {
      let j = at - 1;
      while (j > 0 && lines[j] === '') j--;
      if (j <= 0 || !isBar(lines[j])) break;
      j--;
      while (j > 0 && lines[j] === '') j--;
      if (j < 0 || isBlankLine(lines[j]) || taken(j)) break;
      at = j;
      const wider = readRow(doc, at);
      if (wider?.end !== h + 1 || wider.cells.length > columns) break;
      start = at;
      header = wider;
    }
    if (!header || header.end !== h + 1) continue;
    const separatorAfter = (line: number) => {
      while (line < lines.length && lines[line] !== '' && isBlankLine(lines[line])) line++;
      return line < lines.length && RULE.test(lines[line]);
    };
    const rows: RawCell[][] = [header.cells];
    let next = s + 1;
    for (;;) {
      while (next < lines.length && lines[next] !== '' && isBlankLine(lines[next])) next++;
      // A row whose first cell is blank paragraphs (表四's unlabelled row) starts at its first `|`.
      let bar = next;
      while (bar < lines.length && bar < next + 8 && isBlankLine(lines[bar])) bar++;
      if (bar > next && bar < lines.length && lines[bar].trimStart().startsWith('|')) next = bar;
      const row = next < lines.length && lines[next] !== '' ? readRow(doc, next) : undefined;
      if (!row || separatorAfter(row.end)) break;
      rows.push(row.cells);
      next = row.end;
    }
    if (rows.length < 2) continue;
    regions.push({ start, end: next, rows: spanned(rows) });
    s = next;
  }
  return regions;
}

/** One html2text row from line `at`: its cells and the line after its hard break, if it is a row. */
function readRow(doc: LineIndex, at: number): { cells: RawCell[]; end: number } | undefined {
  const lines = doc.lines;
  const cells: RawCell[] = [{ pieces: [], origin: spot(doc, at, 0, 0) }];
  let bars = 0;
  let textLines = 0;
  for (let i = at; i < lines.length && i < at + 400; i++) {
    const text = lines[i];
    if (/^\s*(#|\*\*|>)/.test(text)) return undefined;
    // Before its first `|`, a row's first cell goes on only in paragraphs, not in lines of a row of its own.
    if (bars === 0 && i > at && !isBlankLine(text) && !isBar(text)) {
      const before = lines[i - 1];
      if (before === '' ? text.trimStart().indexOf('|') > 0 : !endsRow(before)) return undefined;
    }
    const parts = splitPipes(text, 0, text.length);
    parts.forEach(([s, e], k) => {
      if (k > 0) {
        bars++;
        cells.push({ pieces: [], origin: spot(doc, i, s, e) });
      }
      const cell = cells[cells.length - 1];
      const pieces = inlinePieces(doc, i, s, e);
      if (pieces.length && cell.pieces.length) cell.pieces.push({ text: ' ', origin: {} });
      cell.pieces.push(...pieces);
    });
    // Paragraphs of the first cell are counted; lines of vertical text are not.
    if (!isBlankLine(text) && !isBar(text) && (i === at || !endsRow(lines[i - 1]))) textLines++;
    if (endsRow(text)) {
      // Vertical text (a character a line, broken by `<br>`) goes on to the rest of its row.
      const vertical = bars === 0 && text.trim().length <= 2 && i + 1 < lines.length && !isBlankLine(lines[i + 1]);
      if (!vertical) return bars > 0 || textLines === 1 ? { cells, end: i + 1 } : undefined;
    }
    // A row's first cell holds a few paragraphs at most before its first `|`.
    if (bars === 0 && textLines > 3) return undefined;
  }
  return undefined;
}

/**
 * Rows as the text writes them → source cells with spans. A `full` grid (some row has an empty or
 * repeated slot before its label) gets its merged cells back: in the header rows and in the label
 * columns, an empty or repeating slot belongs to the cell above or to its left. Value slots, after
 * the last label of any row with numbers, are cells each, blank or not.
 */
export function spanned(rows: RawCell[][]): SourceCell[][] {
  const texts = rows.map((row) => row.map(cellText));
  const isNumber = (t: string) => NUMBER.test(t);
  const isLabel = (t: string) => t !== '' && !isNumber(t);
  const firstData = texts.findIndex((row) => row.some(isNumber));
  const full = texts.some((row) => {
    const first = row.findIndex((t) => t !== '');
    return (first > 0 && isLabel(row[first])) || row.some((t, c) => c > 0 && isLabel(t) && t === row[c - 1]);
  });
  if (!full || firstData < 0) return rows.map((row) => row.map((cell) => ({ pieces: cell.pieces, origin: cell.origin })));

  let valuesFrom = 0;
  for (let r = firstData; r < texts.length; r++) {
    if (!texts[r].some(isNumber)) continue;
    texts[r].forEach((t, c) => {
      if (isLabel(t)) valuesFrom = Math.max(valuesFrom, c + 1);
    });
  }
  interface Placed {
    cell: SourceCell;
    row: number;
    col: number;
    width: number;
    text: string;
  }
  const owners: (Placed | undefined)[][] = rows.map(() => []);
  const out: SourceCell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    row.forEach((raw, c) => {
      if (owners[r][c]) return;
      const text = texts[r][c];
      const labelSlot = r < firstData || c < valuesFrom;
      const left = c > 0 ? owners[r][c - 1] : undefined;
      const extendsLeft = labelSlot && left !== undefined && left.row === r && (text === '' || text === left.text);
      // A merged cell reaches down when this row leaves its whole width empty or repeats its text;
      // among the labels of a row of data, a label of this row reaching right comes first.
      const above = r > 0 ? owners[r - 1][c] : undefined;
      if (labelSlot && above && above.col === c && (text === '' || text === above.text) && !(extendsLeft && r >= firstData)) {
        const under = texts[r].slice(c, c + above.width);
        if (under.length === above.width && under.every((t) => t === '' || t === above.text)) {
          above.cell.rowSpan = r - above.row + 1;
          for (let k = c; k < c + above.width; k++) owners[r][k] = above;
          return;
        }
      }
      if (extendsLeft) {
        left.width++;
        left.cell.colSpan = left.width;
        owners[r][c] = left;
        return;
      }
      const placed: Placed = { cell: { pieces: raw.pieces, origin: raw.origin }, row: r, col: c, width: 1, text };
      out[r].push(placed.cell);
      owners[r][c] = placed;
    });
  });
  return out;
}

/** A text line outside the tables as a paragraph: its heading, quote and bold marks left out. */
function paragraphAt(doc: LineIndex, line: number): Block | undefined {
  const text = doc.lines[line];
  // Setext underlines and rules are marks, not text.
  if (/^\s*(?:=+|-+|\*(?:\s*\*){2,})\s*$/.test(text)) return undefined;
  const lead = /^\s*(?:#{1,6}\s+|>\s?)?/.exec(text)![0].length;
  const pieces = inlinePieces(doc, line, lead, text.replace(/\s+#+\s*$/, '').length);
  return pieces.length ? { kind: 'paragraph', pieces } : undefined;
}

/** Tables drawn with borders or dashed columns (text browsers, pandoc's own Markdown): not this shape. */
const OTHER_TABLES = /^[ \t]*(?:[┌├└│╔║┏┃╭]|\+[-=:+]*[-=][-=:+]*\+[ \t]*$|-{2,}(?: +-{2,})+[ \t]*$)/m;

/** A report's section headings (by their words, whatever their number), and its title. */
const SIGNAL =
  /^[\s\u3000#*>]*(?:[一二三四五六]|[1-6１-６])[\s\u3000]*[、.．,，][\s\u3000]*(总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)/;
const SECTION_WORDS = ['总体情况', '主动公开', '收到和处理', '政府信息公开行政复议', '存在的主要问题', '其他需要报告'];
const TITLE = /政府信息公开(?:工作)?年度?报告/;

/** The section (1–6) a line heads, if it is a section heading. */
export function sectionOf(text: string): number | undefined {
  const m = text.length < 80 ? SIGNAL.exec(text) : null;
  return m ? SECTION_WORDS.indexOf(m[1]) + 1 : undefined;
}

/** Where the report starts, as the HTML reader finds it: the site's navigation above its title left out. */
export function articleStart(doc: LineIndex): number {
  const first = doc.lines.findIndex((l) => sectionOf(l) !== undefined);
  for (let i = first - 1; i >= 0; i--) if (TITLE.test(doc.lines[i]) && doc.lines[i].length < 200) return i;
  return 0;
}

function read(doc: LineIndex): Block[] | undefined {
  if (OTHER_TABLES.test(doc.text)) return undefined;
  const regions: Region[] = [];
  if (/<table[\s>]/i.test(doc.text)) {
    const lineOf = (offset: number) => doc.positionAt(offset).line;
    for (const t of htmlTablesIn(doc.text)) regions.push({ start: lineOf(t.start), end: lineOf(Math.max(t.start, t.end - 1)) + 1, rows: t.rows });
  }
  regions.push(...pipeTables(doc).filter((p) => !regions.some((r) => p.start < r.end && r.start < p.end)));
  const taken = (line: number) => regions.some((r) => line >= r.start && line < r.end);
  regions.push(...html2textTables(doc, taken));
  if (regions.length === 0) return undefined;
  regions.sort((a, b) => a.start - b.start);

  const blocks: Block[] = [];
  let line = articleStart(doc);
  for (const region of regions) {
    if (region.start < line) continue;
    for (; line < region.start; line++) {
      const p = paragraphAt(doc, line);
      if (p) blocks.push(p);
    }
    blocks.push({ kind: 'table', rows: region.rows });
    line = region.end;
  }
  for (; line < doc.lines.length; line++) {
    const p = paragraphAt(doc, line);
    if (p) blocks.push(p);
  }
  return blocks;
}

export const markdownReader: ShapeReader = { name: 'markdown', read };
