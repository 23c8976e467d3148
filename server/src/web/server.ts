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
import { CODE_ACTION_KINDS, codeActions, IGNORE_COMMAND, IgnoreArgs } from '../lsp/codeActions';
import { setRuleDocs } from '../lsp/convert';
import { DiagnosticsService } from '../lsp/diagnostics';
import { readSettings } from '../lsp/editor-settings';
import { localeOf, serveDocumentFeatures, SUMMARY_COMMAND } from '../lsp/protocol';
import { WebDocuments } from './documents';
import { ignoreFinding } from './ignore';
import { readPdfHere } from './peers';
import { displayPath, relativeTo } from './uri';

/**
 * The language server in a web worker (vscode.dev, github.dev, code-server's web worker host): the
 * same core and the same features as the desktop server (lsp/server.ts), with every file read,
 * listed or written through the client (./files.ts). The client passes the extension's URI
 * (`initializationOptions.extensionUri`) for the rule pages.
 */
export function startWebServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new WebDocuments(connection);
  const openedVersion = new Map<string, number>();
  let diagnostics: DiagnosticsService | undefined;
  let hierarchicalSymbols = true;
  let watchDynamically = false;
  let configurationDynamically = false;
  let applyEdit = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown; extensionUri?: string };
    workspace.locale = localeOf(init.locale ?? params.locale);
    workspace.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri.replace(/\/$/, ''));
    workspace.pullSettings = caps.workspace?.configuration === true;
    workspace.pushedSettings = readSettings(init.settings ?? init);
    if (init.extensionUri) setRuleDocs(`${init.extensionUri.replace(/\/$/, '')}/docs/rules/`);
    const pull = caps.textDocument?.diagnostic !== undefined;
    diagnostics = new DiagnosticsService(connection, documents, workspace, pull, caps.workspace?.diagnostics?.refreshSupport === true);
    workspace.onPeersChanged = () => void refresh();
    hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    watchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationDynamically = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    applyEdit = caps.workspace?.applyEdit === true;
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

  const refresh = async (changedConfigs?: string[]) => {
    await workspace.invalidate(changedConfigs);
    await diagnostics?.refreshAll();
  };

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as { xxgk?: unknown } | null)?.xxgk;
    if (pushed !== undefined) workspace.pushedSettings = readSettings(pushed);
    void refresh();
  });

  connection.onDidChangeWatchedFiles((params) => void refresh(params.changes.map((c) => c.uri)));

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
  serveDocumentFeatures(connection, documents, workspace, () => hierarchicalSymbols, readPdfHere);
  connection.onCodeAction((params) => codeActions(params, documents, workspace));

  connection.onExecuteCommand(async (params) => {
    if (params.command === SUMMARY_COMMAND) {
      const rows = await workspace.summary();
      const locale = workspace.locale;
      return summaryResponse(
        rows,
        (file) => {
          const folder = workspace.folderOf(file);
          return folder ? relativeTo(folder, file) : displayPath(file);
        },
        locale,
      );
    }
    if (params.command !== IGNORE_COMMAND) return null;
    const changed = await ignoreFinding(params.arguments?.[0] as IgnoreArgs, connection, workspace, applyEdit);
    if (changed) await refresh();
    return changed;
  });

  documents.listen(connection);
  connection.listen();
}
