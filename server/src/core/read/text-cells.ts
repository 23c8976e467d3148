import type { LineIndex } from '../text';
import type { Block, Piece } from './document';
import { articleStart, cellText, inlinePieces, RawCell, sectionOf, spanned } from './text-markdown';
import { linePiece, ShapeReader } from './text-pieces';

/**
 * Text that writes a table one cell a paragraph, as a browser's innerText, LibreOffice's text export
 * and turndown do:
 *
 * - `tabbed` (Chromium): a row a line, cells split by tabs; cells that held paragraphs come as
 *   paragraphs between lines holding only tabs, rows parted by two or more blank lines;
 * - `lines` (LibreOffice): a cell a line, a blank cell an empty line;
 * - `paragraphs` (turndown's Markdown): a cell a paragraph, blank cells not written at all.
 *
 * Without tabs the rows are not written: a row is a run of labels and the run of values after them,
 * which the recognizer matches to the official columns (a row short of values stays unread).
 */

type Mode = 'tabbed' | 'lines' | 'paragraphs';

/** A number standing alone on its line: one cell a line. */
const LONE_NUMBER = /^[\s\u00a0]*[0-9０-９][0-9０-９,，.]*[\s\u00a0]*$/;
/** Numbers side by side in one line, set apart by spaces: a layout another reader takes. */
const SPACED_NUMBERS = /[0-9０-９][ \u3000]{1,}[0-9０-９]/;
/** Tables drawn with pipes (or cells parted by lines of a pipe), borders or dashed columns, and page breaks: other shapes. */
const OTHER_SHAPES = /\f|^[ \t]*(?:\|.*\||[┌├└│╔║┏┃╭+]|-{2,}(?: +-{2,})+[ \t]*$)/m;
const PIPE_LINE = /^[ \t]*\|[ \t]*$/gm;
/** A Markdown heading, quote or list item: a paragraph of its own even right under another line. */
const BLOCK_START = /^\s*(?:#{1,6}\s|>|[*+-]\s|\d+[.)]\s)/;
const NUMBER = /^[+-]?[0-9０-９][0-9０-９,，]*(?:\.[0-9]+)?$/;

const isBlank = (text: string) => text.replace(/\u00a0/g, ' ').trim() === '';

function piecesOf(doc: LineIndex, line: number, mode: Mode, from = 0, to = doc.lines[line].length): Piece[] {
  if (mode === 'paragraphs') return inlinePieces(doc, line, from, to);
  const piece = isBlank(doc.lines[line].slice(from, to)) ? undefined : linePiece(doc, line, from, to);
  return piece ? [piece] : [];
}

/** Rows of a `tabbed` region: tabs part cells, a line break parts rows unless only one blank line stands between. */
function tabbedRows(doc: LineIndex, start: number, end: number): RawCell[][] {
  const rows: RawCell[][] = [];
  let row: RawCell[] | undefined;
  let blanks = 0;
  for (let i = start; i < end; i++) {
    const text = doc.lines[i];
    // A line of a non-breaking space is a paragraph (of a blank cell), not space between paragraphs.
    if (/^ *$/.test(text)) {
      blanks++;
      continue;
    }
    // A paragraph of a cell, a tab line or a row's next cell come after one blank line; else a new row.
    if (!row || blanks !== 1) {
      row = [{ pieces: [], origin: spot(doc, i, 0) }];
      rows.push(row);
    }
    blanks = 0;
    let from = 0;
    for (let k = 0; k <= text.length; k++) {
      if (k < text.length && text[k] !== '\t') continue;
      const cell = row[row.length - 1];
      const pieces = piecesOf(doc, i, 'tabbed', from, k);
      if (pieces.length && cell.pieces.length) cell.pieces.push({ text: ' ', origin: {} });
      cell.pieces.push(...pieces);
      if (k < text.length) row.push({ pieces: [], origin: spot(doc, i, k + 1) });
      from = k + 1;
    }
  }
  return rows;
}

function spot(doc: LineIndex, line: number, at: number) {
  const offset = doc.starts[line] + at;
  return { source: { start: offset, end: offset } };
}

/** Rows of a `lines` or `paragraphs` region: a run of labels, then the run of values after them. */
function labelledRows(doc: LineIndex, start: number, end: number, mode: Mode): RawCell[][] {
  const rows: RawCell[][] = [];
  let row: RawCell[] = [];
  let inValues = false;
  for (let i = start; i < end; i++) {
    const text = doc.lines[i];
    if (mode === 'paragraphs' && (isBlank(text) || /^\s*(?:=+|-+)\s*$/.test(text))) continue;
    const cell: RawCell = { pieces: piecesOf(doc, i, mode), origin: spot(doc, i, 0) };
    const value = cell.pieces.length === 0 || NUMBER.test(cellText(cell));
    if (!value && inValues) {
      rows.push(row);
      row = [];
    }
    inValues = value;
    row.push(cell);
  }
  if (row.length) rows.push(row);
  // Blank lines before a table's first label are space, not cells.
  while (rows.length && rows[0].every((c) => c.pieces.length === 0)) rows.shift();
  return rows;
}

function modeOf(doc: LineIndex, regions: [number, number][]): Mode | undefined {
  let lone = 0;
  let tabbed = false;
  let adjacent = 0;
  let spaced = 0;
  let indented = 0;
  let filled = 0;
  for (const [start, end] of regions) {
    for (let i = start; i < end; i++) {
      const text = doc.lines[i];
      if (!isBlank(text)) filled++;
      if (/^ {4,}\S/.test(text)) indented++;
      if (text.includes('\t')) tabbed = true;
      // Lines each led by a tab, one under another, are a word processor's copy, which the line parser reads.
      if (i > start && /^\t\s*\S/.test(text) && /^\t\s*\S/.test(doc.lines[i - 1])) return undefined;
      if (LONE_NUMBER.test(text)) lone++;
      if (!tabbed && SPACED_NUMBERS.test(text)) return undefined;
      if (i > start && !isBlank(text)) {
        if (isBlank(doc.lines[i - 1])) spaced++;
        else adjacent++;
      }
    }
  }
  if (tabbed) return 'tabbed';
  if (lone < 7) return undefined;
  // Paragraphs part their cells with blank lines (a line break within a cell aside); lines do not.
  if (spaced > adjacent * 2) return 'paragraphs';
  // Cells set out by position one under another are a text browser's layout, not this shape; lynx
  // centring each cell paragraph apart from the next is (read above as paragraphs).
  return indented * 2 > filled ? undefined : 'lines';
}

function read(doc: LineIndex): Block[] | undefined {
  if (OTHER_SHAPES.test(doc.text) || (doc.text.match(PIPE_LINE)?.length ?? 0) > 20) return undefined;
  const headings: { line: number; section: number }[] = [];
  doc.lines.forEach((text, line) => {
    const section = sectionOf(text);
    if (section && !headings.some((h) => h.section === section)) headings.push({ line, section });
  });
  const regions: [number, number][] = [];
  headings.forEach((h, k) => {
    if (h.section < 2 || h.section > 4) return;
    const end = k + 1 < headings.length ? headings[k + 1].line : doc.lines.length;
    let start = h.line + 1;
    if (start < end && /^\s*(?:=+|-+)\s*$/.test(doc.lines[start])) start++;
    if (start < end) regions.push([start, end]);
  });
  if (regions.length < 2) return undefined;
  const mode = modeOf(doc, regions);
  if (!mode) return undefined;

  const blocks: Block[] = [];
  let line = articleStart(doc);
  const paragraphsTo = (to: number) => {
    let runsOn = false;
    for (; line < to; line++) {
      const text = doc.lines[line];
      if (/^\s*(?:=+|-+)\s*$/.test(text)) continue;
      const lead = /^\s*(?:#{1,6}\s+|>\s?)?/.exec(text)![0].length;
      const pieces = piecesOf(doc, line, mode === 'paragraphs' ? 'paragraphs' : 'lines', lead);
      const last = blocks[blocks.length - 1];
      // Where blank lines part paragraphs, a line right under another goes on with its paragraph (wrapped).
      if (pieces.length && runsOn && last?.kind === 'paragraph') last.pieces.push(...pieces);
      else if (pieces.length) blocks.push({ kind: 'paragraph', pieces });
      runsOn = pieces.length > 0 && mode === 'paragraphs' && !BLOCK_START.test(doc.lines[line + 1] ?? '');
    }
  };
  for (const [start, end] of regions) {
    if (start < line) continue;
    paragraphsTo(start);
    const rows = mode === 'tabbed' ? tabbedRows(doc, start, end) : labelledRows(doc, start, end, mode);
    if (rows.length) blocks.push({ kind: 'table', rows: spanned(rows) });
    line = end;
  }
  paragraphsTo(doc.lines.length);
  return blocks;
}

export const cellsReader: ShapeReader = { name: 'cells', read };
