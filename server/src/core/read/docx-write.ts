import { strFromU8, zipSync } from 'fflate';
import type { ReadDocument, ViewCell } from './document';
import type { DocxCell } from './docx-body';
import { openDocx } from './docx-package';
import { readPackage } from './docx';
import { isW, wChild, XmlElement } from './docx-xml';

/**
 * Puts corrected cell texts back into a .docx (what `--fix` writes): only the text inside the
 * cell's `w:t` changes, its run keeps its formatting, and every other part of the package keeps its
 * bytes — the ZIP is rewritten around the one new document.xml entry, the other entries copied as
 * stored. A cell whose text cannot be changed safely is refused with the reason, never guessed at.
 */

export interface CellEdit {
  location: { table: number; row: number; column: number };
  /** The cell's text as the reader shows it now; the edit is refused if the file says otherwise. */
  expected: string;
  text: string;
}

export type WriteRefusal =
  | 'unreadable'
  | 'no-such-cell'
  | 'text-changed'
  | 'duplicate-edit'
  | 'split-text'
  | 'field'
  | 'tracked-changes'
  | 'numbered'
  | 'nested-table'
  | 'bad-text'
  | 'package'
  | 'read-back';

export type WriteResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: WriteRefusal; edit?: number };

/** The refusals in words, for the user. */
export const WRITE_REFUSALS: Record<WriteRefusal, { 'zh-CN': string; en: string }> = {
  unreadable: { 'zh-CN': '文件无法读取', en: 'the file cannot be read' },
  'no-such-cell': { 'zh-CN': '表格中没有这个单元格', en: 'the table has no such cell' },
  'text-changed': { 'zh-CN': '单元格的内容已经改变', en: 'the cell’s text has changed' },
  'duplicate-edit': { 'zh-CN': '同一单元格有两处修改', en: 'two edits of one cell' },
  'split-text': { 'zh-CN': '单元格的文字分在格式不同的几段中', en: 'the cell’s text is split over runs formatted differently' },
  field: { 'zh-CN': '单元格的文字是域的结果', en: 'the cell’s text is a field result' },
  'tracked-changes': { 'zh-CN': '单元格中有修订（请先接受或拒绝修订）', en: 'the cell holds tracked changes (accept or reject them first)' },
  numbered: { 'zh-CN': '单元格的编号由自动编号生成', en: 'the cell’s number comes from automatic numbering' },
  'nested-table': { 'zh-CN': '单元格中嵌有表格', en: 'the cell holds a nested table' },
  'bad-text': { 'zh-CN': '新内容含有换行或制表符', en: 'the new text holds a line break or tab' },
  package: { 'zh-CN': '文件的压缩格式不支持改写', en: 'the file’s ZIP layout cannot be rewritten' },
  'read-back': { 'zh-CN': '改写后的文件读回与预期不符', en: 'the rewritten file did not read back as intended' },
};

interface Splice {
  start: number;
  end: number;
  text: string;
}

export function writeDocxCells(bytes: Uint8Array, edits: CellEdit[]): WriteResult {
  const opened = openDocx(bytes);
  if (!opened.ok) return { ok: false, reason: 'unreadable' };
  const { pkg } = opened;
  const part = pkg.document;
  const layout = zipLayout(bytes);
  if (part.encoding !== 'utf-8' || !layout) return { ok: false, reason: 'package' };
  const { body, document } = readPackage(pkg);
  const splices: Splice[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < edits.length; i++) {
    const { location, expected, text } = edits[i];
    const refuse = (reason: WriteRefusal): WriteResult => ({ ok: false, reason, edit: i });
    const key = `${location.table}.${location.row}.${location.column}`;
    if (seen.has(key)) return refuse('duplicate-edit');
    seen.add(key);
    const table = body.find((b) => b.kind === 'table' && b.index === location.table);
    const cell = table?.kind === 'table' ? table.rows[location.row - 1]?.find((c) => c.column === location.column && c.tc) : undefined;
    const viewCell = viewCellAt(document, location);
    if (!cell || !viewCell) return refuse('no-such-cell');
    if (viewCell.text !== expected) return refuse('text-changed');
    if (/[\r\n\t]/.test(text)) return refuse('bad-text');
    const planned = planCell(cell, text, part.xml);
    if (typeof planned === 'string') return refuse(planned);
    splices.push(...planned);
  }
  splices.sort((a, b) => b.start - a.start);
  let xml = part.xml;
  for (const s of splices) xml = xml.slice(0, s.start) + s.text + xml.slice(s.end);
  const data = new TextEncoder().encode(part.bom ? `\ufeff${xml}` : xml);
  const rewritten = replaceEntry(bytes, layout, part.entry.name, data);
  if (!rewritten) return { ok: false, reason: 'package' };
  // Read back: each edited cell must now show its new text, and nothing else of the view may change.
  const reread = openDocx(rewritten);
  if (!reread.ok) return { ok: false, reason: 'read-back' };
  const after = readPackage(reread.pkg).document;
  for (let i = 0; i < edits.length; i++) {
    if ((viewCellAt(after, edits[i].location)?.text ?? '') !== viewText(edits[i].text)) return { ok: false, reason: 'read-back', edit: i };
  }
  if (viewWithout(after, edits) !== viewWithout(document, edits)) return { ok: false, reason: 'read-back' };
  return { ok: true, bytes: rewritten };
}

function viewCellAt(document: ReadDocument, location: CellEdit['location']): ViewCell | undefined {
  return document.grids[location.table - 1]?.rows[location.row - 1]?.cells.find((c) => c.column === location.column - 1);
}

/** A cell text as the view shows it (see buildView). */
function viewText(text: string): string {
  return text.trim().replace(/\|/g, '｜');
}

/** The view's lines with the edited cells' lines left out. */
function viewWithout(document: ReadDocument, edits: CellEdit[]): string {
  const lines = document.text.split('\n');
  for (const e of edits) {
    const line = document.grids[e.location.table - 1]?.rows[e.location.row - 1]?.line;
    if (line !== undefined) lines[line] = '';
  }
  return lines.join('\n');
}

/** The splices that put `text` in the cell, or why that cannot be done safely. */
function planCell(cell: DocxCell, text: string, xml: string): Splice[] | WriteRefusal {
  if (cell.nested) return 'nested-table';
  if (cell.paragraphs.some((p) => p.tracked)) return 'tracked-changes';
  if (cell.paragraphs.some((p) => p.prefix)) return 'numbered';
  const parts = cell.paragraphs.flatMap((p) => p.parts.map((part) => ({ ...part, paragraph: p })));
  const visible = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.text.trim() !== '');
  if (visible.length === 0) {
    // A blank cell: the first empty w:t takes the text, else a new run in the first paragraph.
    const empty = parts.find((p) => p.t && !p.field);
    if (empty) return replaceText(empty.t!, text, xml);
    const first = cell.paragraphs[0];
    return first ? appendRun(first.p, text, xml) : 'no-such-cell';
  }
  const from = visible[0].i;
  const to = visible[visible.length - 1].i;
  const span = parts.slice(from, to + 1);
  if (span.some((p) => p.field)) return 'field';
  // Runs split where Word saved revisions or checked spelling still carry one format: the text may move between them.
  const format = runFormat(span[0].t, xml);
  if (span.some((p) => !p.t || p.paragraph !== span[0].paragraph || runFormat(p.t, xml) !== format)) return 'split-text';
  const first = span[0].text;
  const last = span[span.length - 1].text;
  const lead = first.slice(0, first.length - first.trimStart().length);
  const trail = last.slice(last.trimEnd().length);
  if (span.length === 1) return replaceText(span[0].t!, lead + text + trail, xml);
  const splices: Splice[] = [];
  for (let k = 0; k < span.length; k++) {
    splices.push(...replaceText(span[k].t!, k === 0 ? lead + text : k === span.length - 1 ? trail : '', xml));
  }
  return splices;
}

/** The run properties of a w:t's run, as stored (equal markup: equal formatting). */
function runFormat(t: XmlElement | undefined, xml: string): string {
  const run = t?.parent;
  const rPr = run && isW(run, 'r') ? wChild(run, 'rPr') : undefined;
  return rPr ? xml.slice(rPr.start, rPr.end) : '';
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Replaces the content of a `w:t` (a `<w:t/>` becomes `<w:t>…</w:t>`). */
function replaceText(t: XmlElement, text: string, xml: string): Splice[] {
  const startTag = xml.slice(t.start, t.contentStart);
  const space = /^\s|\s$/.test(text) && !/xml:space\s*=\s*["']preserve["']/.test(startTag) ? ' xml:space="preserve"' : '';
  if (t.contentStart === t.end) {
    const open = startTag.replace(/\s*\/>$/, '');
    return [{ start: t.start, end: t.end, text: `${open}${space}>${escapeText(text)}</${t.name}>` }];
  }
  const splices: Splice[] = [{ start: t.contentStart, end: t.contentEnd, text: escapeText(text) }];
  if (space) splices.push({ start: t.contentStart - 1, end: t.contentStart - 1, text: space });
  return splices;
}

/** Adds a run holding `text` at the end of a paragraph, formatted as the paragraph mark is. */
function appendRun(p: XmlElement, text: string, xml: string): Splice[] | WriteRefusal {
  const prefix = p.prefix ? `${p.prefix}:` : '';
  const pPr = wChild(p, 'pPr');
  const markFormat = pPr && wChild(pPr, 'rPr');
  // The mark's own tracked changes are no run formatting.
  if (markFormat && ['ins', 'del', 'moveFrom', 'moveTo', 'rPrChange'].some((name) => wChild(markFormat, name))) return 'tracked-changes';
  const rPr = markFormat ? xml.slice(markFormat.start, markFormat.end) : '';
  const run = `<${prefix}r>${rPr}<${prefix}t xml:space="preserve">${escapeText(text)}</${prefix}t></${prefix}r>`;
  if (p.contentStart === p.end) {
    const open = xml.slice(p.start, p.contentStart).replace(/\s*\/>$/, '');
    return [{ start: p.start, end: p.end, text: `${open}>${run}</${p.name}>` }];
  }
  return [{ start: p.contentEnd, end: p.contentEnd, text: run }];
}

/** A copy (a Node Buffer's `slice` would share the caller's bytes). */
const copy = (b: Uint8Array, from: number, to: number) => new Uint8Array(b.subarray(from, to));
const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const put16 = (b: Uint8Array, o: number, v: number) => {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
};
const put32 = (b: Uint8Array, o: number, v: number) => {
  for (let k = 0; k < 4; k++) b[o + k] = (v >>> (8 * k)) & 0xff;
};

/** Where the records of a ZIP are: its end record, its central directory, and each entry's records. */
interface ZipLayout {
  endOffset: number;
  centralStart: number;
  records: { name: string; localOffset: number; centralOffset: number }[];
}

/**
 * The layout of a ZIP without ZIP64 records (a .docx never needs them), read by hand for the
 * splice below: fflate reads an entry's contents but tells no offsets, and its `Zip` writes every
 * entry anew (new local headers with data descriptors, its own dates and fields) from inflated data,
 * so no fflate path keeps the other entries' records as they are. The reader has checked the rest.
 */
function zipLayout(bytes: Uint8Array): ZipLayout | undefined {
  let endOffset = -1;
  for (let o = bytes.length - 22; o >= 0 && o >= bytes.length - 22 - 0xffff; o--) {
    if (u32(bytes, o) === 0x06054b50) {
      endOffset = o;
      break;
    }
  }
  if (endOffset < 0 || (endOffset >= 20 && u32(bytes, endOffset - 20) === 0x07064b50)) return undefined;
  const centralStart = u32(bytes, endOffset + 16);
  const records: ZipLayout['records'] = [];
  for (let i = 0, o = centralStart; i < u16(bytes, endOffset + 10); i++) {
    if (o + 46 > endOffset || u32(bytes, o) !== 0x02014b50) return undefined;
    const nameLength = u16(bytes, o + 28);
    // Names are decoded as fflate decodes them: UTF-8 when flagged so, else Latin-1.
    const name = strFromU8(bytes.subarray(o + 46, o + 46 + nameLength), !(u16(bytes, o + 8) & 0x0800));
    records.push({ name, localOffset: u32(bytes, o + 42), centralOffset: o });
    o += 46 + nameLength + u16(bytes, o + 30) + u16(bytes, o + 32);
  }
  return { endOffset, centralStart, records };
}

/**
 * The ZIP with one entry's data replaced: the bytes before it and the other entries are copied as
 * they are, the central directory keeps its records (offsets after the entry moved, the entry's
 * sizes and checksum new), so every other part keeps its compressed bytes, names, dates and order.
 */
function replaceEntry(bytes: Uint8Array, zip: ZipLayout, name: string, data: Uint8Array): Uint8Array | undefined {
  const entry = zip.records.find((r) => r.name === name);
  if (!entry) return undefined;
  const start = entry.localOffset;
  // The entry's local record runs to the next record (its data descriptor, if any, included).
  const next = Math.min(zip.centralStart, ...zip.records.map((r) => r.localOffset).filter((o) => o > start));
  if (start + 30 > next || u32(bytes, start) !== 0x04034b50) return undefined;
  // fflate deflates the new data and checksums it: its one-entry ZIP holds both in its local record.
  const deflated = zipSync({ part: [data, { level: 6 }] });
  const crc = u32(deflated, 14);
  const dataStart = 30 + u16(deflated, 26) + u16(deflated, 28);
  const compressed = deflated.subarray(dataStart, dataStart + u32(deflated, 18));
  const nameAndExtra = u16(bytes, start + 26) + u16(bytes, start + 28);
  const header = copy(bytes, start, start + 30 + nameAndExtra);
  const flags = u16(header, 6) & ~0x0008;
  put16(header, 6, flags);
  put16(header, 8, 8);
  put32(header, 14, crc);
  put32(header, 18, compressed.length);
  put32(header, 22, data.length);
  const delta = header.length + compressed.length - (next - start);
  const central = copy(bytes, zip.centralStart, zip.endOffset);
  for (const r of zip.records) {
    const o = r.centralOffset - zip.centralStart;
    if (r.localOffset > start) put32(central, o + 42, r.localOffset + delta);
    if (r === entry) {
      put16(central, o + 8, flags);
      put16(central, o + 10, 8);
      put32(central, o + 16, crc);
      put32(central, o + 20, compressed.length);
      put32(central, o + 24, data.length);
    }
  }
  const end = copy(bytes, zip.endOffset, bytes.length);
  put32(end, 16, zip.centralStart + delta);
  const out = new Uint8Array(start + header.length + compressed.length + (zip.centralStart - next) + central.length + end.length);
  let o = 0;
  for (const chunk of [bytes.subarray(0, start), header, compressed, bytes.subarray(next, zip.centralStart), central, end]) {
    out.set(chunk, o);
    o += chunk.length;
  }
  return out;
}
