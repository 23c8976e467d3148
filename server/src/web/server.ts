import { Connection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODE_ACTION_KINDS, codeActions } from '../lsp/codeActions';
import { setRuleDocs } from '../lsp/convert';
import { DiagnosticsService } from '../lsp/diagnostics';
import { readSettings } from '../lsp/editor-settings';
import { localeOf, serveDocumentFeatures } from '../lsp/protocol';
import { WebDocuments } from './documents';

/**
 * The language server in a web worker (vscode.dev, github.dev, code-server's web worker host): the
 * same core and the same per-document features as the desktop server, over the editor's messages.
 * The client passes the extension's URI (`initializationOptions.extensionUri`) for the rule pages.
 */
export function startWebServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new WebDocuments(connection);
  const openedVersion = new Map<string, number>();
  let diagnostics: DiagnosticsService | undefined;
  let hierarchicalSymbols = true;
  let configurationDynamically = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown; extensionUri?: string };
    workspace.locale = localeOf(init.locale ?? params.locale);
    workspace.pullSettings = caps.workspace?.configuration === true;
    workspace.pushedSettings = readSettings(init.settings ?? init);
    if (init.extensionUri) setRuleDocs(`${init.extensionUri.replace(/\/$/, '')}/docs/rules/`);
    const pull = caps.textDocument?.diagnostic !== undefined;
    diagnostics = new DiagnosticsService(connection, documents, workspace, pull, caps.workspace?.diagnostics?.refreshSupport === true);
    hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    configurationDynamically = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: caps.textDocument?.codeAction?.codeActionLiteralSupport ? { codeActionKinds: CODE_ACTION_KINDS } : true,
        ...(pull ? { diagnosticProvider: { identifier: 'xxgk', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'xxgk-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (configurationDynamically) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'xxgk' });
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as { xxgk?: unknown } | null)?.xxgk;
    if (pushed !== undefined) workspace.pushedSettings = readSettings(pushed);
    workspace.invalidate();
    void diagnostics?.refreshAll();
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
  serveDocumentFeatures(connection, documents, workspace, () => hierarchicalSymbols);
  connection.onCodeAction((params) => codeActions(params, documents, workspace));

  documents.listen(connection);
  connection.listen();
}
