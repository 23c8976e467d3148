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
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return undefined;
  const start = doc.starts[line];
  return { text: text.slice(s, e), origin: { source: { start: start + s, end: start + e }, exact: true } };
}

/** A line as a paragraph block, or nothing for a blank line. */
export function paragraphOf(doc: LineIndex, line: number): Block | undefined {
  const piece = linePiece(doc, line);
  return piece ? { kind: 'paragraph', pieces: [piece] } : undefined;
}

/** `/\s/` for one UTF-16 unit, without a regular expression (pieces are cut from every line of a text). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
