import { Analysis, AnalyzeOptions, analyze, analyzeDocument, DEFAULT_MAX_FILE_SIZE, Finding, unreadable } from './analyze';
import { hoverAt, HoverText } from './hover';
import type { Locale, Position, Range } from './model';
import { outline, OutlineItem } from './outline';
import { buildView, ReadDocument, ReadResult, SourceKind, SourceMap } from './read/document';
import { readDocx } from './read/docx';
import { CellEdit, WRITE_REFUSALS, writeDocxCells } from './read/docx-write';
import { looksLikeHtml, readHtml } from './read/html';
import { readMhtml } from './read/mhtml';
import { readPdf } from './read/pdf';
import { SHAPE_READERS } from './read/text';
import type { AppliedEdit } from './fix';
import type { FixKind, TextEdit } from './rule';
import { comparePositions, LineIndex, unifiedIdeographs } from './text';

/**
 * Any source → findings. Text and HTML are what the user edits, so findings are placed in them;
 * PDF and DOCX are read into a view (the recognized text), findings are placed in the view and
 * carry the page and box or the table cell they came from.
 */

export interface SourceAnalysis extends Analysis {
  kind: SourceKind;
  /** The reader's document, for HTML, PDF and DOCX. */
  read?: ReadDocument;
  /** For a document read into a view but edited as its source (HTML, shaped text): positions both ways. */
  view?: ViewMapping;
}

export interface ViewMapping {
  doc: LineIndex;
  toView(p: Position): Position | undefined;
  toSource(r: Range): Range;
}

/** The hover at a position of what the user sees, for any source. */
export function hoverInSource(analysis: SourceAnalysis, position: Position, locale: Locale): HoverText | undefined {
  const view = analysis.view;
  if (!view) return hoverAt(analysis, position, locale);
  const at = view.toView(position);
  const hover = at && hoverAt({ ...analysis, doc: view.doc }, at, locale);
  return hover && { ...hover, range: view.toSource(hover.range) };
}

/** The outline of what the user sees, for any source. */
export function outlineInSource(analysis: SourceAnalysis, locale: Locale): OutlineItem[] {
  const view = analysis.view;
  if (!view) return outline(analysis, locale);
  const place = (item: OutlineItem): OutlineItem => ({
    ...item,
    range: view.toSource(item.range),
    selectionRange: view.toSource(item.selectionRange),
    children: item.children.map(place),
  });
  return outline({ ...analysis, doc: view.doc }, locale).map(place);
}

/** How a file is read, by its name. */
export function sourceKindOf(name: string): SourceKind {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  if (ext === 'mhtml' || ext === 'mht') return 'mhtml';
  if (ext === 'docx' || ext === 'pdf') return ext;
  return 'text';
}

/** Text the user edits: HTML (by its kind, or because it really is HTML) through the HTML reader, else as text. */
export function analyzeText(source: string, options: AnalyzeOptions = {}, kind: SourceKind = 'text'): SourceAnalysis {
  // Text copied or converted from a PDF may hold radicals for ideographs (⼀、总体情况): read as the ideographs.
  const text = unifiedIdeographs(source);
  if (kind === 'html' || looksLikeHtml(text)) return analyzeInSource(text, readHtml(text), options);
  if (text.length <= (options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) {
    const lines = new LineIndex(text);
    for (const reader of SHAPE_READERS) {
      const blocks = reader.read(lines);
      if (blocks) return analyzeInSource(text, buildView('text', blocks), options, lines);
    }
  }
  return { ...analyze(text, options), kind: 'text' };
}

/** A document read from `text` (HTML, or text in a converter's shape), its findings placed in `text`. */
function analyzeInSource(text: string, read: ReadDocument, options: AnalyzeOptions, source = new LineIndex(text)): SourceAnalysis {
  const inView = analyzeDocument(read, options);
  const map = new SourceMap(read, inView.doc);
  const place = (range: Range): Range => {
    const at = map.sourceRange(range);
    if (!at) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: source.positionAt(at.start), end: source.positionAt(at.end) };
  };
  const view: ViewMapping = {
    doc: inView.doc,
    toSource: place,
    toView: (p) => {
      const at = map.viewOffset(source.offsetAt(p));
      return at === undefined ? undefined : inView.doc.positionAt(at);
    },
  };
  const editable = (edits: { range: Range }[]) => edits.every((e) => map.editsOnePiece(e.range));
  return { ...inView, doc: source, findings: inView.findings.map((f) => placeFinding(f, place, editable)), kind: read.kind, read, view };
}

/**
 * A finding with every range (its own, related, fix and suggestion edits) moved by `place`; a fix or
 * suggestion with an edit that `editable` refuses (it would cross text between two pieces) is dropped.
 */
function placeFinding(f: Finding, place: (r: Range) => Range, editable: (edits: { range: Range }[]) => boolean): Finding {
  const placed: Finding = { ...f, range: place(f.range) };
  if (f.related) placed.related = f.related.map((r) => ({ ...r, range: place(r.range) }));
  if (f.fix) placed.fix = editable(f.fix.edits) ? { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, range: place(e.range) })) } : undefined;
  if (f.suggestions) {
    placed.suggestions = f.suggestions.filter((s) => editable(s.edits)).map((s) => ({ ...s, edits: s.edits.map((e) => ({ ...e, range: place(e.range) })) }));
  }
  if (!placed.fix) delete placed.fix;
  if (placed.suggestions?.length === 0) delete placed.suggestions;
  return placed;
}

/** Findings in a view, each with the source location (page and box, table cell) of its range. */
export function locateFindings(analysis: Analysis, read: ReadDocument): Finding[] {
  const map = new SourceMap(read, analysis.doc);
  return analysis.findings.map((f) => {
    const location = map.location(f.range);
    return location ? { ...f, location } : f;
  });
}

/** Kinds of file read from their bytes, shown as the text read from them. */
export type BinaryKind = 'pdf' | 'docx' | 'mhtml';

export const isBinaryKind = (kind: SourceKind): kind is BinaryKind => kind === 'pdf' || kind === 'docx' || kind === 'mhtml';

/**
 * PDF, DOCX and saved-page (MHTML) bytes → findings in the reader's view, each with its source
 * location. `pdfReader` is how PDFs are read: the CLI and the language server read them on a thread
 * with a time limit.
 */
export async function analyzeBytes(
  bytes: Uint8Array,
  kind: BinaryKind,
  options: AnalyzeOptions = {},
  pdfReader: (bytes: Uint8Array) => Promise<ReadResult> = readPdf,
): Promise<SourceAnalysis> {
  const result = kind === 'pdf' ? await pdfReader(bytes) : kind === 'mhtml' ? await readMhtml(bytes) : readDocx(bytes);
  if (!result.ok) return { ...unreadable(result.problem, result.detail, options), kind };
  const read = result.document;
  if (read.text.trim() === '') return { ...unreadable('empty', undefined, options), kind, read };
  const inView = analyzeDocument(read, options);
  return { ...inView, findings: locateFindings(inView, read), kind, read };
}

/**
 * Fix edits in a DOCX view → the cells they change. Every edit must lie inside one table cell (a fix
 * edits only its own cell); anything else (a heading inserted between paragraphs) cannot be written
 * safely and comes back as `refused`.
 */
export function cellEdits(read: ReadDocument, edits: TextEdit[]): { cells: CellEdit[]; refused: TextEdit[] } {
  const cells = new Map<string, { edit: CellEdit; range: Range; edits: TextEdit[] }>();
  const refused: TextEdit[] = [];
  const map = new SourceMap(read);
  for (const edit of edits) {
    const cell = read.grids
      .flatMap((g) => g.rows.flatMap((r) => r.cells))
      .find((c) => comparePositions(c.range.start, edit.range.start) <= 0 && comparePositions(edit.range.end, c.range.end) <= 0);
    const location = cell && map.location(cell.range);
    if (!cell || location?.table === undefined || location.row === undefined || location.column === undefined) {
      refused.push(edit);
      continue;
    }
    const key = `${location.table}:${location.row}:${location.column}`;
    const entry = cells.get(key) ?? {
      edit: { location: { table: location.table, row: location.row, column: location.column }, expected: cell.text, text: cell.text },
      range: cell.range,
      edits: [],
    };
    entry.edits.push(edit);
    cells.set(key, entry);
  }
  for (const entry of cells.values()) {
    // The cell's text with its edits applied, from the last to the first.
    const line = entry.range.start.line;
    let text = entry.edit.expected;
    const from = entry.range.start.character;
    for (const e of [...entry.edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
      if (e.range.start.line !== line || e.range.end.line !== line) continue;
      text = text.slice(0, e.range.start.character - from) + e.newText + text.slice(e.range.end.character - from);
    }
    entry.edit.text = text.trim();
  }
  return { cells: [...cells.values()].map((c) => c.edit), refused };
}

const MAX_FIX_PASSES = 5;

/**
 * Every safe fix (only the given kinds, if any) written into a Word file's table cells, re-checking
 * after each pass as `fixAll` does for text. Fixes outside table cells, and cells the writer cannot
 * change safely, are refused with the reason; the file is then left as the last safe pass made it.
 * Each written cell is listed with its place in the file (table, row, column).
 */
export function fixDocx(
  bytes: Uint8Array,
  options: AnalyzeOptions,
  kinds?: readonly FixKind[],
): { bytes: Uint8Array; applied: AppliedEdit[]; refusal?: string } {
  const locale = options.locale ?? 'zh-CN';
  let current = bytes;
  const applied: AppliedEdit[] = [];
  let refusal: string | undefined;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const read = readDocx(current);
    if (!read.ok) break;
    const analysis = analyzeDocument(read.document, { ...options, brief: false });
    const fixes = analysis.findings.filter((f) => f.fix && (!kinds || kinds.includes(f.fix.kind)));
    const all = fixes.flatMap((f) => f.fix!.edits);
    if (all.length === 0) break;
    const { cells, refused } = cellEdits(read.document, all);
    if (refused.length) {
      refusal =
        locale === 'zh-CN'
          ? `${refused.length}处修复不在表格单元格内，未写入 Word 文件`
          : `${refused.length} fix(es) outside table cells not written into the Word file`;
    }
    if (cells.length === 0) break;
    const written = writeDocxCells(current, cells);
    if (!written.ok) {
      refusal = `${locale === 'zh-CN' ? '未写入修复：' : 'fixes not written: '}${WRITE_REFUSALS[written.reason][locale]}`;
      break;
    }
    for (const f of fixes) {
      for (const e of f.fix!.edits) {
        const [cell] = cellEdits(read.document, [e]).cells;
        if (!cell) continue;
        const at = e.range.start;
        applied.push({
          original: at,
          fixed: at,
          location: cell.location,
          code: f.code,
          kind: f.fix!.kind,
          subject: e.subject,
          oldText: cell.expected.trim(),
          newText: cell.text,
        });
      }
    }
    current = written.bytes;
  }
  return refusal ? { bytes: current, applied, refusal } : { bytes: current, applied };
}
