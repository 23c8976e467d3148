import { Block, buildView, Piece, ReadDocument, ReadResult, SourceCell } from './document';
import { BodyWalker, DocxBlock, DocxCell, DocxParagraph } from './docx-body';
import { Numbering } from './docx-numbering';
import { DocxPackage, openDocx } from './docx-package';

/**
 * A .docx → the reader's document: body paragraphs as lines (a numbered one with the number Word
 * shows), tables as grids with their merged cells. Pure: bytes in, document out.
 */
export function readDocx(bytes: Uint8Array): ReadResult {
  const opened = openDocx(bytes);
  if (!opened.ok) return opened;
  return { ok: true, document: readPackage(opened.pkg).document };
}

/** The walked body and the view built from it (the writer needs both). */
export function readPackage(pkg: DocxPackage): { body: DocxBlock[]; document: ReadDocument } {
  const numbering = new Numbering(pkg.styles?.root, pkg.numbering?.root);
  const body = new BodyWalker(numbering).walk(pkg.document.root);
  return { body, document: buildView('docx', toBlocks(body)) };
}

/** A paragraph's text with its line breaks (`\n`), tabs (`\t`) and hyphens as they print. */
function paragraphText(paragraph: DocxParagraph): string {
  let text = '';
  for (const part of paragraph.parts) text += part.text;
  return text;
}

function toBlocks(body: DocxBlock[]): Block[] {
  const blocks: Block[] = [];
  /** Lines of a paragraph whose mark was deleted: its last line runs on into the next paragraph. */
  let runOn: Piece[][] | undefined;
  const emit = (lines: Piece[][]) => {
    for (const pieces of lines) blocks.push({ kind: 'paragraph', pieces });
  };
  for (const block of body) {
    if (block.kind === 'table') {
      if (runOn) emit(runOn);
      runOn = undefined;
      blocks.push({ kind: 'table', rows: block.rows.map((row) => row.map((cell) => toCell(block.index, cell))) });
      continue;
    }
    const location = { paragraph: block.index };
    const { paragraph } = block;
    // A line break starts a new line of the view, as it does on the page.
    let lines: Piece[][] = paragraphText(paragraph)
      .split('\n')
      .map((line) => (line ? [{ text: line, origin: { location, exact: true } }] : []));
    if (runOn) lines = [...runOn.slice(0, -1), [...runOn[runOn.length - 1], ...lines[0]], ...lines.slice(1)];
    runOn = undefined;
    if (paragraph.markDeleted) {
      runOn = lines;
      continue;
    }
    // The merged paragraph keeps the properties, and so the number, of the paragraph it ran into.
    if (paragraph.prefix) lines[0] = [{ text: paragraph.prefix, origin: { location } }, ...lines[0]];
    emit(lines);
  }
  if (runOn) emit(runOn);
  return blocks;
}

function toCell(table: number, cell: DocxCell): SourceCell {
  const location = { table, row: cell.row, column: cell.column };
  return {
    pieces: cell.paragraphs.map((p) => ({ text: (p.prefix ?? '') + paragraphText(p), origin: { location, exact: !p.prefix } })),
    origin: { location },
    colSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
  };
}
