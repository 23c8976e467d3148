import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { webviewHtml } from './webview';

/** What the server answers to `xxgk/tablesView` (server/src/lsp/server.ts; tables from core/tables-view.ts). */
export interface TablesModel {
  uri: string;
  version: number;
  locale: string;
  organ: string | null;
  year: number | null;
  format: string | null;
  findings: number;
  tables: unknown[];
}

/** What the webview reports once it has drawn a model: the tests read it. */
export interface Rendered {
  uri: string;
  version: number;
  tables: string[];
  cells: number;
  marked: Record<string, string>;
  culprits: string[];
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type FromWebview = { type: 'ready' } | { type: 'reveal'; range: Range } | ({ type: 'rendered' } & Rendered);

const REQUEST = 'xxgk/tablesView';
/** After a keystroke, the preview asks again this long after the last change (the diagnostics usually come first). */
const TYPING_MS = 400;

/**
 * 预览年报表格: a webview beside the editor that draws the active report's 表二/表三/表四 as the
 * official grids, the cells with findings coloured; it follows the active report and redraws as
 * the person types; a click on a cell selects it in the text.
 */
export class TablePreview implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private document?: vscode.TextDocument;
  /** The column the report's editor was in, to reveal cells there. */
  private column?: vscode.ViewColumn;
  private model?: TablesModel;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<Rendered>();
  /** Fires each time the webview has drawn a model (for tests). */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => Promise<BaseLanguageClient>,
    private readonly isReport: (doc: vscode.TextDocument) => boolean,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !this.panel || !this.isReport(editor.document)) return;
        this.column = editor.viewColumn;
        if (editor.document !== this.document) this.follow(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length) this.schedule(TYPING_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document!.uri.toString())) this.schedule(0);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc === this.document && !vscode.workspace.textDocuments.includes(doc)) this.document = undefined;
      }),
    );
  }

  /** Opens the preview (or brings it forward) for the active report, or `uri`'s. */
  async show(uri?: vscode.Uri): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc || !this.isReport(doc)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the report to check first.'));
      return;
    }
    if (editor?.document === doc) this.column = editor.viewColumn;
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
    else this.createPanel();
    this.follow(doc);
  }

  private createPanel(): void {
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media');
    const panel = vscode.window.createWebviewPanel(
      'xxgk.tablePreview',
      vscode.l10n.t('Report tables'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [media],
      },
    );
    panel.webview.html = webviewHtml(panel.webview, media, 'tables.js', {
      title: vscode.l10n.t('Report tables'),
      empty: vscode.l10n.t('No 表二, 表三 or 表四 was recognized in this document.'),
      waiting: vscode.l10n.t('Reading the report…'),
      legend: vscode.l10n.t(
        'Coloured: a cell with a finding (red error, yellow warning, blue information); thick outline: the cell that breaks a sum; hatched: a blank cell. Click a cell to select it in the text.',
      ),
      findings: vscode.l10n.t('{0} findings'),
      format: vscode.l10n.t('{0} format'),
      blank: vscode.l10n.t('blank'),
      missing: vscode.l10n.t('not written'),
    });
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m), undefined, this.subscriptions);
    panel.onDidDispose(
      () => {
        this.panel = undefined;
        this.model = undefined;
      },
      undefined,
      this.subscriptions,
    );
    this.panel = panel;
  }

  private follow(doc: vscode.TextDocument): void {
    this.document = doc;
    this.model = undefined;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), ms);
  }

  private async update(): Promise<void> {
    const doc = this.document;
    if (!doc || !this.panel) return;
    const client = await this.client();
    let model: TablesModel | null;
    try {
      model = await client.sendRequest<TablesModel | null>(REQUEST, { uri: doc.uri.toString() });
    } catch {
      return; // the server is restarting or the document was closed: the next change asks again
    }
    if (!model || doc !== this.document || !this.panel) return;
    this.model = model;
    this.panel.title = vscode.l10n.t('Report tables: {0}', baseName(doc.uri));
    void this.panel.webview.postMessage({ type: 'model', model });
  }

  private onMessage(m: FromWebview): void {
    if (m.type === 'ready') {
      if (this.model) void this.panel?.webview.postMessage({ type: 'model', model: this.model });
    } else if (m.type === 'reveal') void this.reveal(m.range);
    else if (m.type === 'rendered')
      this.renderedEmitter.fire({ uri: m.uri, version: m.version, tables: m.tables, cells: m.cells, marked: m.marked, culprits: m.culprits });
  }

  /** Selects a cell's text in the report's editor (opening it in its column if it was closed). */
  async reveal(range: Range): Promise<void> {
    const doc = this.document;
    if (!doc) return;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? this.column ?? vscode.ViewColumn.One,
      selection,
      preserveFocus: false,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.renderedEmitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
