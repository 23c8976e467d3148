import type { LineIndex } from '../text';
import type { Block, Piece } from './document';

/** What every shape reader is, and the pieces it cuts from the text (see text.ts). */

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
