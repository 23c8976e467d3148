import type { LineIndex } from '../text';
import type { Block, Piece } from './document';
import { boxesReader } from './text-boxes';
import { columnsReader, runTogetherReader } from './text-columns';

/**
 * Text whose tables a converter drew in a shape of its own (box drawing, Markdown grids, pdftotext
 * columns…) is read by a shape reader into the same blocks as a web page: paragraphs, and tables
 * as cell grids whose pieces point at the text itself, so findings and fixes land where the user
 * sees them. A reader that does not find its shape says so (undefined) and the next one is tried;
 * when none does, the line parser reads the text as it always has.
 */
export interface ShapeReader {
  name: string;
  read(doc: LineIndex): Block[] | undefined;
}

/** A line of the text as a piece: exact, trimmed of white space at both ends. */
export function linePiece(doc: LineIndex, line: number, from = 0, to = doc.lines[line].length): Piece | undefined {
  const text = doc.lines[line];
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s === e) return undefined;
  const start = doc.starts[line];
  return { text: text.slice(s, e), origin: { source: { start: start + s, end: start + e }, exact: true } };
}

/** A line as a paragraph block, or nothing for a blank line. */
export function paragraphOf(doc: LineIndex, line: number): Block | undefined {
  const piece = linePiece(doc, line);
  return piece ? { kind: 'paragraph', pieces: [piece] } : undefined;
}

/** Shape readers, tried in order. */
export const SHAPE_READERS: ShapeReader[] = [boxesReader, columnsReader, runTogetherReader];
