import type { Range } from '../model';
import { LineIndex } from '../text';

/**
 * What every reader (HTML, DOCX, PDF) hands to the recognizer: the document as paragraphs and tables
 * of cell grids, each piece with its origin in the source. From it the builder makes the *view*, the
 * text the recognizer reads and a user of a PDF or DOCX sees (paragraphs as lines, tables as
 * `a | b | c |` rows), and keeps, for every piece of the view, where it came from.
 */

export type SourceKind = 'text' | 'html' | 'docx' | 'pdf' | 'mhtml';

/** Where a piece stands in a source that is not text: a PDF page and box, a DOCX table cell or paragraph. */
export interface SourceLocation {
  /** PDF: the 1-based page. */
  page?: number;
  /** PDF: the box in points, from the page's top-left corner: [left, top, right, bottom]. */
  box?: [number, number, number, number];
  /** DOCX and HTML: the 1-based table in the document, and the cell's 1-based row and column slot. */
  table?: number;
  row?: number;
  column?: number;
  /** DOCX: the 1-based paragraph of the body (tables' paragraphs not counted). */
  paragraph?: number;
}

export interface Origin {
  /** Offsets in the source text (HTML, where the user edits the source). */
  source?: { start: number; end: number };
  /** The piece's view text equals `source` character for character, so positions inside it map exactly. */
  exact?: boolean;
  location?: SourceLocation;
}

/** A run of text and where it came from; a paragraph or a cell is one or more pieces. */
export interface Piece {
  text: string;
  origin: Origin;
}

/** One cell as the source writes it, before spans are expanded. */
export interface SourceCell {
  pieces: Piece[];
  /** Where a blank cell is (its pieces are empty): what a fix that fills it replaces. */
  origin: Origin;
  rowSpan?: number;
  colSpan?: number;
  /** The pieces are one word wrapped inside the cell (a number's digits over two lines): joined with nothing between. */
  glued?: boolean;
}

export type Block = { kind: 'paragraph'; pieces: Piece[] } | { kind: 'table'; rows: SourceCell[][] };

/** A cell of the view's grid, at the slot where its source cell starts. */
export interface ViewCell {
  text: string;
  range: Range;
  blank: boolean;
  /** 0-based slot in the expanded grid. */
  column: number;
}

export interface ViewGrid {
  /** One entry per source row: its view line and its cells (slots covered by a span are left out). */
  rows: { line: number; cells: ViewCell[] }[];
}

/** A stretch of the view and the origin of its text. */
export interface Segment {
  from: number;
  to: number;
  origin: Origin;
}

export interface ReadDocument {
  kind: SourceKind;
  /** The view: what the recognizer reads. */
  text: string;
  grids: ViewGrid[];
  /** Ordered by `from`, not overlapping. */
  segments: Segment[];
  /** Pages, for a PDF. */
  pages?: number;
}

export type ReadProblemKind = 'encrypted' | 'corrupt' | 'scanned' | 'not-docx' | 'too-large' | 'too-slow' | 'empty';

export type ReadResult = { ok: true; document: ReadDocument } | { ok: false; problem: ReadProblemKind; detail?: string };

/** Makes characters that would end a line or a cell in the view harmless. */
function flatten(text: string): { text: string; changed: boolean } {
  if (!/[\r\n\t|\u2028\u2029\f\v]/.test(text)) return { text, changed: false };
  return { text: text.replace(/[\r\n\t\u2028\u2029\f\v]/g, ' ').replace(/\|/g, '｜'), changed: true };
}

/** Builds the view from blocks; the one place that decides how a grid is written as text. */
export function buildView(kind: SourceKind, blocks: Block[], pages?: number): ReadDocument {
  let text = '';
  let line = 0;
  const segments: Segment[] = [];
  const grids: ViewGrid[] = [];
  const put = (piece: Piece): string => {
    const { text: flat, changed } = flatten(piece.text);
    const from = text.length;
    text += flat;
    segments.push({ from, to: text.length, origin: changed ? { ...piece.origin, exact: false } : piece.origin });
    return flat;
  };
  const newline = () => {
    text += '\n';
    line++;
  };
  let lineStart = 0;
  const at = (offset: number) => ({ line, character: offset - lineStart });

  for (const block of blocks) {
    lineStart = text.length;
    if (block.kind === 'paragraph') {
      for (const piece of block.pieces) put(piece);
      newline();
      continue;
    }
    const grid: ViewGrid = { rows: [] };
    for (const row of expandSpans(block.rows)) {
      lineStart = text.length;
      const cells: ViewCell[] = [];
      for (let c = 0; c < row.length; c++) {
        const slot = row[c];
        if (slot.covered === 'above') continue;
        if (slot.covered === 'left') {
          text += '|';
          continue;
        }
        if (c > 0 || text.length > lineStart) text += ' ';
        const cell = slot.cell;
        const start = text.length;
        const pieces = cell.pieces.filter((p) => p.text.trim() !== '');
        // The cell's text kept aside: slicing the growing view for every cell is quadratic.
        let cellText = '';
        if (pieces.length === 0) {
          text += ' ';
          segments.push({ from: start, to: text.length, origin: { ...cell.origin, exact: false } });
        } else {
          pieces.forEach((p, i) => {
            if (i > 0 && !cell.glued) {
              text += ' ';
              cellText += ' ';
            }
            cellText += put({ text: p.text.trim() === p.text ? p.text : p.text.trim(), origin: p.text.trim() === p.text ? p.origin : trimmedOrigin(p) });
          });
        }
        cells.push({
          text: pieces.length ? cellText : '',
          range: { start: at(start), end: at(text.length) },
          blank: pieces.length === 0,
          column: c,
        });
        text += ' |';
      }
      grid.rows.push({ line, cells });
      newline();
    }
    grids.push(grid);
  }
  return { kind, text, grids, segments, pages };
}

/** An exact piece with white space around its text: the origin of the trimmed text. */
function trimmedOrigin(piece: Piece): Origin {
  const { origin, text } = piece;
  if (!origin.exact || !origin.source) return { ...origin, exact: false };
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  return { ...origin, source: { start: origin.source.start + lead, end: origin.source.end - trail } };
}

type Slot = { covered?: undefined; cell: SourceCell } | { covered: 'left' | 'above'; cell: SourceCell };

/** rowspan/colspan → a full grid: a merged cell occupies each slot it covers (as pandas.read_html does). */
export function expandSpans(rows: SourceCell[][]): Slot[][] {
  const grid: Slot[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r][c]) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, 1000));
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? { cell } : { covered: dr > 0 ? 'above' : 'left', cell };
        }
      }
      c += colSpan;
    }
  });
  // Rows shorter than the table (ragged HTML) stay short; holes left by spans are not cells.
  return grid.map((row) => Array.from(row, (slot) => slot ?? { covered: 'above' as const, cell: EMPTY_CELL }));
}

const EMPTY_CELL: SourceCell = { pieces: [], origin: {} };

/** Maps view positions back to the source: offsets for HTML, locations for PDF and DOCX. */
export class SourceMap {
  private readonly view: LineIndex;

  constructor(
    private readonly document: ReadDocument,
    view?: LineIndex,
  ) {
    this.view = view ?? new LineIndex(document.text);
  }

  /** The segment a view offset falls in, or the nearest one (after it when `forward`). */
  private segmentAt(offset: number, forward: boolean): Segment | undefined {
    return this.document.segments[this.segmentIndex(offset, forward)];
  }

  private segmentIndex(offset: number, forward: boolean): number {
    const s = this.document.segments;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid].to < offset || (s[mid].to === offset && forward && s[mid].from < offset)) lo = mid + 1;
      else hi = mid - 1;
    }
    // s[lo] is the first segment ending at or after offset.
    const next = s[lo];
    if (next && next.from <= offset) return lo;
    if (forward) return next ? lo : s.length - 1;
    return lo > 0 ? lo - 1 : lo;
  }

  /**
   * Whether an edit of this view range changes one run of the source only: a cell wrapped over
   * lines, or a paragraph made of several runs, has source text between its pieces (a row's line,
   * a tag) that an edit across them would destroy.
   */
  editsOnePiece(range: Range): boolean {
    const from = this.view.offsetAt(range.start);
    const to = this.view.offsetAt(range.end);
    if (from === to) return true;
    const s = this.document.segments;
    const last = this.segmentIndex(to, false);
    for (let i = this.segmentIndex(from, true); i < last; i++) {
      const [a, b] = [s[i].origin, s[i + 1].origin];
      // Pieces cut from one run of the source, side by side in both, are one piece.
      const together = a.exact && b.exact && a.source && b.source && a.source.end === b.source.start && s[i].to === s[i + 1].from;
      if (!together) return false;
    }
    return true;
  }

  /** Source offsets of a view range (HTML). */
  sourceRange(range: Range): { start: number; end: number } | undefined {
    const from = this.view.offsetAt(range.start);
    const to = this.view.offsetAt(range.end);
    const first = this.segmentAt(from, true);
    const last = from === to ? first : this.segmentAt(to, false);
    if (!first?.origin.source || !last?.origin.source) return undefined;
    const start = mapOffset(first, from, 'start');
    const end = Math.max(start, mapOffset(last, to, 'end'));
    return { start, end };
  }

  /** The view offset of a source offset (HTML, text read by a shape reader), or undefined outside every piece. */
  viewOffset(sourceOffset: number): number | undefined {
    for (const seg of this.document.segments) {
      const src = seg.origin.source;
      if (!src || sourceOffset < src.start || sourceOffset > src.end) continue;
      return seg.origin.exact ? seg.from + Math.min(sourceOffset - src.start, seg.to - seg.from) : seg.from;
    }
    return undefined;
  }

  /** The source location of a view range: the first located piece it touches (PDF page and box, DOCX cell). */
  location(range: Range): SourceLocation | undefined {
    const from = this.view.offsetAt(range.start);
    return this.segmentAt(from, true)?.origin.location;
  }
}

function mapOffset(segment: Segment, offset: number, side: 'start' | 'end'): number {
  const source = segment.origin.source!;
  if (segment.origin.exact && offset >= segment.from && offset <= segment.to) {
    return source.start + (offset - segment.from);
  }
  if (offset <= segment.from) return source.start;
  if (offset >= segment.to) return source.end;
  return side === 'start' ? source.start : source.end;
}
