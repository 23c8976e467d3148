import * as path from 'node:path';
import {
  Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentSymbol,
  FoldingRange, FoldingRangeKind, InitializeParams, InitializeResult, SymbolInformation, SymbolKind,
  TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../core/config';
import type { Locale } from '../core/model';
import { foldingRanges, OutlineItem, OutlineKind } from '../core/outline';
import { unreadable } from '../core/analyze';
import { readDocx } from '../core/read/docx';
import { hoverInSource, outlineInSource } from '../core/source';
import { tablesInSource } from '../core/tables-view';
import { STATUS, SUMMARY_COLUMNS, toSummaryCsv, toSummaryText } from '../node/summary';
import { CODE_ACTION_KINDS, codeActions, IGNORE_COMMAND, IgnoreArgs } from './codeActions';
import { DiagnosticsService } from './diagnostics';
import { EditCapabilities, ignoreFinding } from './ignore';
import { readSettings } from './settings';
import { filePath, Workspace } from './documents';
import { pdfThread } from './peers';

/** `xxgk.workspaceSummary`: one row per report in the workspace folders, as data, a text table and CSV. */
export const SUMMARY_COMMAND = 'xxgk.workspaceSummary';
/** The client hands a PDF or Word file's bytes to the server, which answers with the recognized text. */
export const READ_SOURCE_REQUEST = 'xxgk/readSource';
/** The recognized tables of an open document, for the table preview: `{ uri }` → `TablesViewResult | null`. */
export const TABLES_VIEW_REQUEST = 'xxgk/tablesView';

/** A file URI as a path relative to its workspace folder. */
function shortPath(uri: string, folders: string[]): string {
  const file = filePath(uri);
  if (!file) return uri;
  const folder = folders.find((f) => file.startsWith(f + path.sep));
  return folder ? path.relative(folder, file).split(path.sep).join('/') : file;
}

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

/** Wires the LSP requests to the core; every answer is computed from the cached analysis. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(connection);
  const openedVersion = new Map<string, number>();
  let diagnostics: DiagnosticsService | undefined;
  let hierarchicalSymbols = true;
  let watchDynamically = false;
  let configurationDynamically = false;
  let editCaps: EditCapabilities = { applyEdit: false };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown };
    workspace.locale = localeOf(init.locale ?? params.locale);
    workspace.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .map((f) => filePath(f.uri))
      .filter((f): f is string => f !== undefined);
    workspace.pullSettings = caps.workspace?.configuration === true;
    // Settings come as initializationOptions.settings, or as the options object itself.
    workspace.pushedSettings = readSettings(init.settings ?? init);
    const pull = caps.textDocument?.diagnostic !== undefined;
    diagnostics = new DiagnosticsService(connection, documents, workspace, pull, caps.workspace?.diagnostics?.refreshSupport === true);
    workspace.onPeersChanged = () => {
      workspace.invalidate();
      void diagnostics?.refreshAll();
    };
    hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    watchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationDynamically = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    editCaps = { applyEdit: caps.workspace?.applyEdit === true };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: caps.textDocument?.codeAction?.codeActionLiteralSupport ? { codeActionKinds: CODE_ACTION_KINDS } : true,
        executeCommandProvider: { commands: [IGNORE_COMMAND, SUMMARY_COMMAND] },
        ...(pull ? { diagnosticProvider: { identifier: 'xxgk', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'xxgk-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
    }
    if (configurationDynamically) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'xxgk' });
  });

  const refresh = (changedConfigs?: string[]) => {
    workspace.invalidate(changedConfigs);
    void diagnostics?.refreshAll();
  };

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as { xxgk?: unknown } | null)?.xxgk;
    if (pushed !== undefined) workspace.pushedSettings = readSettings(pushed);
    refresh();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.map((c) => filePath(c.uri)).filter((p): p is string => p !== undefined);
    refresh(changed);
  });

  documents.onDidOpen((e) => {
    openedVersion.set(e.document.uri, e.document.version);
    void diagnostics?.opened(e.document);
  });
  documents.onDidChangeContent((e) => {
    if (openedVersion.get(e.document.uri) === e.document.version) return;
    void diagnostics?.changed(e.document);
  });
  documents.onDidSave((e) => void diagnostics?.savedDoc(e.document));
  documents.onDidClose((e) => {
    openedVersion.delete(e.document.uri);
    diagnostics?.closed(e.document.uri);
  });

  connection.languages.diagnostics.on((params, token) => diagnostics!.report(params, token));

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
    return hierarchicalSymbols ? items.map(toSymbol) : flatSymbols(items, doc.uri);
  });

  connection.onFoldingRanges(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    return foldingRanges(outlineInSource((await workspace.check(doc)).analysis, workspace.locale))
      .map((f): FoldingRange => ({ startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Region }));
  });

  connection.onCodeAction((params) => codeActions(params, documents, workspace));

  /** A PDF or Word report's bytes (base64) from the client: read, kept for its view document, its text returned. */
  connection.onRequest(READ_SOURCE_REQUEST, async (params: { viewUri: string; kind: 'pdf' | 'docx'; data: string }) => {
    const bytes = new Uint8Array(Buffer.from(params.data, 'base64'));
    const result = params.kind === 'pdf' ? await pdfThread.read(bytes) : readDocx(bytes);
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

  connection.onExecuteCommand(async (params) => {
    if (params.command === SUMMARY_COMMAND) {
      const rows = await workspace.summary();
      const locale = workspace.locale;
      const shown = rows.map((r) => ({ ...r, file: shortPath(r.file, workspace.folders) }));
      return {
        rows: rows.map((r, i) => ({ ...r, path: shown[i].file, statusName: STATUS[r.status][locale] })),
        columns: SUMMARY_COLUMNS.map((c) => ({ key: c.key, numeric: c.numeric, title: c.title[locale] })),
        text: toSummaryText(shown, locale),
        csv: toSummaryCsv(shown, locale, true),
      };
    }
    if (params.command !== IGNORE_COMMAND) return null;
    const changed = await ignoreFinding(params.arguments?.[0] as IgnoreArgs, connection, workspace, editCaps);
    if (changed) refresh();
    return changed;
  });

  documents.listen(connection);
  connection.listen();
}
