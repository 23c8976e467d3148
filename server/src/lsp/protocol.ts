import { Connection, DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolInformation, SymbolKind, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzeOptions, analyzeDocument, Finding, unreadable } from '../core/analyze';
import type { Locale } from '../core/model';
import { foldingRanges, OutlineItem, OutlineKind } from '../core/outline';
import type { ReadDocument } from '../core/read/document';
import { readDocx } from '../core/read/docx';
import { readPdf } from '../core/read/pdf';
import { analyzeText, BinaryKind, hoverInSource, isBinaryKind, locateFindings, outlineInSource, SourceAnalysis, sourceKindOf } from '../core/source';
import { readMhtml } from '../core/read/mhtml';
import { tablesInSource } from '../core/tables-view';

/** The protocol pieces both language servers (Node, web worker) share: custom requests and conversions. */

/** `xxgk.workspaceSummary`: one row per report in the workspace folders, as data, a text table and CSV. */
export const SUMMARY_COMMAND = 'xxgk.workspaceSummary';
/** The client hands a PDF or Word file's bytes to the server, which answers with the recognized text. */
export const READ_SOURCE_REQUEST = 'xxgk/readSource';
/** The recognized tables of an open document, for the table preview: `{ uri }` → `TablesViewResult | null`. */
export const TABLES_VIEW_REQUEST = 'xxgk/tablesView';

/** InitializeParams.locale (`zh-cn`, `zh-CN`, `zh-Hans`…) → the core's message language. */
export function localeOf(locale: string | undefined): Locale {
  return /^zh/i.test(locale ?? '') ? 'zh-CN' : 'en';
}

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Namespace,
  subheading: SymbolKind.String,
  table: SymbolKind.Struct,
  block: SymbolKind.Array,
};

function toSymbol(item: OutlineItem): DocumentSymbol {
  return {
    name: item.name,
    detail: item.detail,
    kind: SYMBOL_KINDS[item.kind],
    range: item.range,
    selectionRange: item.selectionRange,
    children: item.children.map(toSymbol),
  };
}

function flatSymbols(items: OutlineItem[], uri: string, container?: string): SymbolInformation[] {
  return items.flatMap((i) => [
    { name: i.name, kind: SYMBOL_KINDS[i.kind], location: { uri, range: i.range }, containerName: container },
    ...flatSymbols(i.children, uri, i.name),
  ]);
}

/** Base64 (as the client sends a file's bytes) to bytes, with what both Node and browsers have. */
function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** What the document features need of the server's documents. */
export interface AnalyzedDocuments {
  readonly locale: Locale;
  check(doc: TextDocument): Promise<{ analysis: SourceAnalysis; version: number; findings: readonly Finding[] }>;
  /** Keeps a PDF or Word file's reading for the view document that shows its text. */
  setView(uri: string, read: ReadDocument): void;
}

/** Hover, outline, folding, reading PDF and Word files and the table preview: the same on every host. */
export function serveDocumentFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: AnalyzedDocuments,
  hierarchicalSymbols: () => boolean,
  readPdfBytes: (bytes: Uint8Array) => ReturnType<typeof readPdf> = (bytes) => readPdf(bytes),
): void {
  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const { analysis } = await workspace.check(doc);
    const hover = hoverInSource(analysis, params.position, workspace.locale);
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  connection.onDocumentSymbol(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const items = outlineInSource((await workspace.check(doc)).analysis, workspace.locale);
    return hierarchicalSymbols() ? items.map(toSymbol) : flatSymbols(items, doc.uri);
  });

  connection.onFoldingRanges(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    return foldingRanges(outlineInSource((await workspace.check(doc)).analysis, workspace.locale)).map((f): FoldingRange => ({
      startLine: f.startLine,
      endLine: f.endLine,
      kind: FoldingRangeKind.Region,
    }));
  });

  /** A PDF, Word or saved-page report's bytes (base64) from the client: read, kept for its view document, its text returned. */
  connection.onRequest(READ_SOURCE_REQUEST, async (params: { viewUri: string; kind: BinaryKind; data: string }) => {
    const bytes = fromBase64(params.data);
    const result = params.kind === 'pdf' ? await readPdfBytes(bytes) : params.kind === 'mhtml' ? await readMhtml(bytes) : readDocx(bytes);
    if (!result.ok) return { problem: unreadable(result.problem, result.detail, { locale: workspace.locale }).findings[0]?.message ?? '' };
    workspace.setView(params.viewUri, result.document);
    return { text: result.document.text };
  });

  /** The preview's model, from the analysis the diagnostics came from: the document's version tells which text it shows. */
  connection.onRequest(TABLES_VIEW_REQUEST, async (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const { analysis, version, findings } = await workspace.check(doc);
    const report = analysis.report;
    return {
      uri: doc.uri,
      version,
      locale: workspace.locale,
      organ: report?.organ ?? null,
      year: report?.year ?? null,
      format: report?.format ?? null,
      findings: findings.length,
      tables: tablesInSource(analysis, workspace.locale),
    };
  });
}

const REPORT_TITLE = /政府信息公开(?:工作)?年度?报告/;

/** An open document's analysis: a PDF or Word view through the reading it shows, a web page only when it holds a report. */
export function analyzeOpenDocument(doc: TextDocument, text: string, options: AnalyzeOptions, read: ReadDocument | undefined): SourceAnalysis {
  if (read && read.text === text) {
    const inView = analyzeDocument(read, options);
    return { ...inView, findings: locateFindings(inView, read), kind: read.kind, read };
  }
  // Any web page the editor opens comes here; only one that holds a report is checked.
  if (doc.languageId === 'html' && !REPORT_TITLE.test(text.slice(0, 200_000))) return { ...analyzeText('', options), findings: [], kind: 'html' };
  const kind = doc.languageId === 'html' ? 'html' : sourceKindOf(doc.uri);
  return analyzeText(text, options, isBinaryKind(kind) ? 'text' : kind);
}
