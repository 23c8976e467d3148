import { cellName, tableName } from './labels';
import type { Cell, FormatVersion } from './model';
import type { FixEdit, Localized, TextEdit } from './rule';
import { comparePositions, LineIndex } from './text';

/**
 * The edit that writes `text` into a cell. A blank cell keeps the indentation and padding
 * around it, so only the cell's own characters change. Undefined for a cell the row never wrote.
 */
export function cellEdit(doc: LineIndex, cell: Cell, text: string): TextEdit | undefined {
  if (!cell.present) return undefined;
  if (cell.state !== 'blank') return { range: cell.range, newText: text };
  const { start, end } = cell.range;
  if (start.line !== end.line) return { range: cell.range, newText: text };
  const segment = doc.lines[start.line].slice(start.character, end.character);
  let lead = 0;
  while (lead < segment.length && isSpaceOrTab(segment.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < segment.length - lead && isSpaceOrTab(segment.charCodeAt(segment.length - 1 - trail))) trail++;
  const at = (c: number) => ({ line: start.line, character: start.character + c });
  if (lead < segment.length) {
    // NBSP or U+3000 standing for the blank: replace just those.
    return { range: { start: at(lead), end: at(segment.length - trail) }, newText: text };
  }
  if (segment.length <= 1) return { range: cell.range, newText: segment.length ? ` ${text} ` : text };
  const pos = at(segment.length - 1);
  return { range: { start: pos, end: pos }, newText: text };
}

/** A cell's full name (`表三「（一）予以公开」 总计`), the subject of an edit of the cell. */
export function cellSubject(cell: Pick<Cell, 'table' | 'row' | 'column'>, format?: FormatVersion): Localized {
  const zh = cellName(cell, 'zh-CN', format);
  return {
    // 「」 separates the table from a row name; 表四's cells have only a column name.
    'zh-CN': `${tableName(cell.table, 'zh-CN')}${zh.startsWith('「') ? '' : ' '}${zh}`,
    en: `${tableName(cell.table, 'en')} ${cellName(cell, 'en', format)}`,
  };
}

/** cellEdit with the cell named, for a fix or suggestion. */
export function cellFixEdit(doc: LineIndex, cell: Cell, text: string, format?: FormatVersion): FixEdit | undefined {
  const edit = cellEdit(doc, cell, text);
  return edit && { ...edit, subject: cellSubject(cell, format) };
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Applies non-overlapping edits; overlapping ones after the first are dropped. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    const from = doc.offsetAt(e.range.start);
    const to = doc.offsetAt(e.range.end);
    if (from < cursor) continue;
    out += text.slice(cursor, from) + e.newText;
    cursor = to;
  }
  return out + text.slice(cursor);
}
