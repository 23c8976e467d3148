import * as path from 'node:path';
import {
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../core/config';
import { summaryResponse } from '../shared/summary-table';
import { CODE_ACTION_KINDS, codeActions, IGNORE_COMMAND, IgnoreArgs } from './codeActions';
import { DiagnosticsService } from './diagnostics';
import { EditCapabilities, ignoreFinding } from './ignore';
import { readSettings } from './editor-settings';
import { localeOf, serveDocumentFeatures, SUMMARY_COMMAND } from './protocol';
import type { ConfigFiles } from './settings';
import { filePath, Workspace } from './documents';
import { pdfThread } from './peers';

/** A file URI as a path relative to its workspace folder. */
function shortPath(uri: string, folders: string[]): string {
  const file = filePath(uri);
  if (!file) return uri;
  const folder = folders.find((f) => file.startsWith(f + path.sep));
  return folder ? path.relative(folder, file).split(path.sep).join('/') : file;
}

/**
 * Wires the LSP requests to the core; every answer is computed from the cached analysis. `configFiles`
 * is how the host finds and reads `.xxgk-lint.json`.
 */
export function startServer(connection: Connection, configFiles: ConfigFiles): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(connection, configFiles);
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

  serveDocumentFeatures(
    connection,
    documents,
    workspace,
    () => hierarchicalSymbols,
    (bytes) => pdfThread.read(bytes),
  );
  connection.onCodeAction((params) => codeActions(params, documents, workspace));

  connection.onExecuteCommand(async (params) => {
    if (params.command === SUMMARY_COMMAND) {
      const rows = await workspace.summary();
      const locale = workspace.locale;
      return summaryResponse(rows, (file) => shortPath(file, workspace.folders), locale);
    }
    if (params.command !== IGNORE_COMMAND) return null;
    const changed = await ignoreFinding(params.arguments?.[0] as IgnoreArgs, connection, workspace, editCaps);
    if (changed) refresh();
    return changed;
  });

  documents.listen(connection);
  connection.listen();
}
