import type { Numbering } from './docx-numbering';
import { isW, textOf, W_NAMESPACES, wChild, wOn, wVal, XmlElement } from './docx-xml';

/**
 * The body of document.xml in print order: paragraphs and tables (also those inside content
 * controls `w:sdt` and `w:customXml`), each paragraph's text as it prints — tracked insertions kept,
 * deletions and moved-away text dropped, field instructions dropped and their results kept, hidden
 * runs dropped — and each table as rows of cells on Word's column grid. Reader and writer both walk
 * the document through here, so a cell's location means the same to both.
 */

export interface TextPart {
  /** `\t` for a tab, `\n` for a line break. */
  text: string;
  /** The `w:t` holding the text (none for tabs, breaks and hyphens). */
  t?: XmlElement;
  /** Inside a field's result: Word may recompute it. */
  field: boolean;
  /** A tracked insertion or move. */
  tracked: boolean;
}

export interface DocxParagraph {
  p: XmlElement;
  /** The number Word's automatic numbering shows before the text (with its trailing space). */
  prefix?: string;
  parts: TextPart[];
  /** Holds tracked changes (insertions, deletions, moves, a deleted paragraph mark). */
  tracked: boolean;
  /** The paragraph mark is a tracked deletion: the text runs on into the next paragraph. */
  markDeleted: boolean;
  /** Text boxes anchored in the paragraph (`w:txbxContent`), read after it. */
  boxes: XmlElement[];
}

export interface DocxCell {
  /** Absent for the empty slots a row leaves before its first cell (`w:gridBefore`). */
  tc?: XmlElement;
  /** 1-based row among the table's printed rows, and 1-based column slot of Word's grid. */
  row: number;
  column: number;
  colSpan: number;
  rowSpan: number;
  paragraphs: DocxParagraph[];
  /** Holds a table of its own (whose text is read into this cell). */
  nested: boolean;
}

export type DocxBlock = { kind: 'paragraph'; index: number; paragraph: DocxParagraph } | { kind: 'table'; index: number; rows: DocxCell[][] };

/** Content controls and custom XML wrap paragraphs, rows and cells without changing what prints. */
function contentOf(wrapper: XmlElement): XmlElement | undefined {
  return isW(wrapper, 'sdt') ? wChild(wrapper, 'sdtContent') : wrapper;
}

const int = (s: string | undefined): number => (s !== undefined && /^\d{1,4}$/.test(s.trim()) ? Number(s) : 0);

export class BodyWalker {
  /** Open complex fields (`w:fldChar` begin … separate … end): true while in the instruction part. */
  private readonly fields: boolean[] = [];
  private paragraphs = 0;
  private tables = 0;

  constructor(private readonly numbering: Numbering) {}

  walk(root: XmlElement): DocxBlock[] {
    const body = wChild(root, 'body');
    const blocks: DocxBlock[] = [];
    if (body) this.blocks(body, blocks);
    return blocks;
  }

  private blocks(parent: XmlElement, out: DocxBlock[]): void {
    for (const n of parent.children) {
      if (isW(n, 'p')) {
        const paragraph = this.paragraph(n);
        out.push({ kind: 'paragraph', index: ++this.paragraphs, paragraph });
        for (const box of paragraph.boxes) this.blocks(box, out);
      } else if (isW(n, 'tbl')) {
        const index = ++this.tables;
        out.push({ kind: 'table', index, rows: this.table(n) });
      } else if (isW(n, 'sdt') || isW(n, 'customXml')) {
        const content = contentOf(n);
        if (content) this.blocks(content, out);
      }
    }
  }

  private paragraph(p: XmlElement): DocxParagraph {
    const pPr = wChild(p, 'pPr');
    const mark = pPr && wChild(pPr, 'rPr');
    const markDeleted = !!mark && (!!wChild(mark, 'del') || !!wChild(mark, 'moveFrom'));
    const paragraph: DocxParagraph = { p, prefix: this.numbering.next(p), parts: [], tracked: markDeleted, markDeleted, boxes: [] };
    this.inline(p, paragraph, false, false);
    return paragraph;
  }

  private inline(parent: XmlElement, out: DocxParagraph, field: boolean, tracked: boolean): void {
    for (const el of parent.children) {
      if (typeof el === 'string') continue;
      if (isW(el, 'r')) this.run(el, out, field, tracked);
      else if (isW(el, 'ins') || isW(el, 'moveTo')) {
        out.tracked = true;
        this.inline(el, out, field, true);
      } else if (isW(el, 'del') || isW(el, 'moveFrom')) out.tracked = true;
      else if (isW(el, 'fldSimple')) this.inline(el, out, true, tracked);
      else if (isW(el, 'hyperlink') || isW(el, 'smartTag') || isW(el, 'customXml') || isW(el, 'sdt') || isW(el, 'bdo') || isW(el, 'dir')) {
        const content = contentOf(el);
        if (content) this.inline(content, out, field, tracked);
      }
    }
  }

  private run(r: XmlElement, out: DocxParagraph, field: boolean, tracked: boolean): void {
    const rPr = wChild(r, 'rPr');
    const hidden = !!rPr && wOn(wChild(rPr, 'vanish'));
    for (const el of r.children) {
      if (typeof el === 'string') continue;
      if (isW(el, 'fldChar')) {
        const type = wVal(el, 'fldCharType');
        if (type === 'begin') this.fields.push(true);
        else if (type === 'separate' && this.fields.length) this.fields[this.fields.length - 1] = false;
        else if (type === 'end') this.fields.pop();
        continue;
      }
      if (hidden || this.fields.includes(true)) continue;
      const inField = field || this.fields.length > 0;
      const put = (text: string, t?: XmlElement) => out.parts.push({ text, t, field: inField, tracked });
      if (isW(el, 't')) put(textOf(el), el);
      else if (isW(el, 'tab') || isW(el, 'ptab')) put('\t');
      else if (isW(el, 'br') || isW(el, 'cr')) put('\n');
      else if (isW(el, 'noBreakHyphen')) put('-');
      else if (isW(el, 'ruby')) {
        const base = wChild(el, 'rubyBase');
        if (base) this.inline(base, out, inField, tracked);
      } else if (!isW(el, 'rPr')) out.boxes.push(...textBoxes(el));
    }
  }

  private table(tbl: XmlElement): DocxCell[][] {
    const rows: DocxCell[][] = [];
    /** Vertical merges still open, by the column slot they start at. */
    let open = new Map<number, DocxCell>();
    for (const tr of this.childrenThrough(tbl, 'tr')) {
      const trPr = wChild(tr, 'trPr');
      // A row deleted with changes tracked does not print.
      if (trPr && wChild(trPr, 'del')) continue;
      const row = rows.length + 1;
      const cells: DocxCell[] = [];
      const continued = new Map<number, DocxCell>();
      let slot = 1;
      const before = int(wVal(trPr && wChild(trPr, 'gridBefore')));
      if (before > 0) {
        cells.push({ row, column: 1, colSpan: before, rowSpan: 1, paragraphs: [], nested: false });
        slot += before;
      }
      for (const tc of this.childrenThrough(tr, 'tc')) {
        const tcPr = wChild(tc, 'tcPr');
        const colSpan = Math.max(1, int(wVal(tcPr && wChild(tcPr, 'gridSpan'))));
        const vMerge = tcPr && wChild(tcPr, 'vMerge');
        const hMerge = tcPr && wChild(tcPr, 'hMerge');
        const above = open.get(slot);
        if (vMerge && wVal(vMerge) !== 'restart' && above && above.colSpan === colSpan) {
          // A continuation prints nothing of its own: the cell above grows over it.
          above.rowSpan++;
          continued.set(slot, above);
        } else if (hMerge && wVal(hMerge) !== 'restart' && cells.length && cells[cells.length - 1].tc) {
          cells[cells.length - 1].colSpan += colSpan;
        } else {
          const cell: DocxCell = { tc, row, column: slot, colSpan, rowSpan: 1, paragraphs: [], nested: false };
          this.cellContent(tc, cell);
          cells.push(cell);
          if (vMerge && wVal(vMerge) === 'restart') continued.set(slot, cell);
        }
        slot += colSpan;
      }
      open = continued;
      rows.push(cells);
    }
    return rows;
  }

  /** XmlElements `name` under `parent`, also inside content controls and custom XML. */
  private childrenThrough(parent: XmlElement, name: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const n of parent.children) {
      if (isW(n, name)) out.push(n);
      else if (isW(n, 'sdt') || isW(n, 'customXml')) {
        const content = contentOf(n);
        if (content) out.push(...this.childrenThrough(content, name));
      }
    }
    return out;
  }

  /** A cell's paragraphs, with those of tables nested in it, in order. */
  private cellContent(container: XmlElement, cell: DocxCell): void {
    for (const n of container.children) {
      if (isW(n, 'p')) {
        const paragraph = this.paragraph(n);
        cell.paragraphs.push(paragraph);
        for (const box of paragraph.boxes) this.cellContent(box, cell);
      } else if (isW(n, 'tbl')) {
        cell.nested = true;
        for (const tr of this.childrenThrough(n, 'tr')) for (const tc of this.childrenThrough(tr, 'tc')) this.cellContent(tc, cell);
      } else if (isW(n, 'sdt') || isW(n, 'customXml')) {
        const content = contentOf(n);
        if (content) this.cellContent(content, cell);
      }
    }
  }
}

/**
 * The text boxes inside a run's drawing (`w:drawing`, VML `w:pict`, or `mc:AlternateContent`). Word
 * writes a text box twice, as a DrawingML shape (the choice) and as VML (the fallback for older
 * readers): only one of them is read, the first choice that holds text boxes, else the fallback.
 */
function textBoxes(el: XmlElement): XmlElement[] {
  if (el.localName === 'txbxContent' && W_NAMESPACES.has(el.namespace)) return [el];
  const branches = el.children.filter((n): n is XmlElement => typeof n !== 'string');
  if (el.localName !== 'AlternateContent') return branches.flatMap(textBoxes);
  for (const choice of branches.filter((b) => b.localName === 'Choice')) {
    const boxes = choice.children.flatMap((n) => (typeof n === 'string' ? [] : textBoxes(n)));
    if (boxes.length) return boxes;
  }
  const fallback = branches.find((b) => b.localName === 'Fallback');
  return fallback ? fallback.children.flatMap((n) => (typeof n === 'string' ? [] : textBoxes(n))) : [];
}
