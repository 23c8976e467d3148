import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { Rendered, TablesModel } from './preview';
import { webviewHtml } from './webview';

/** Opens PDF and Word files named like reports (package.json `customEditors`, priority "default"). */
export const REPORT_FILE_EDITOR = 'xxgk.reportFile';
/** The same editor offered under "Open With…" for any other PDF or Word file (priority "option"). */
export const OTHER_FILE_EDITOR = 'xxgk.otherFile';

/** A PDF or Word file read into its recognized text (a read-only document the server checks), or why it could not be. */
export type ReadReport = { doc: vscode.TextDocument } | { problem: string };

/** How long a file must stay unchanged on disk before it is read again: Word writes a save in several steps. */
const SETTLE_MS = 300;

/**
 * A PDF or Word file open in the report editor: read once for all its editors, and read again
 * when the file changes on disk (saved again from Word), which its editors are told of.
 */
class ReportFile implements vscode.CustomDocument {
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  /** Fires once the file has changed on disk and settled; `read()` then reads it afresh. */
  readonly onDidChangeOnDisk = this.changedEmitter.event;
  private readonly watcher: vscode.FileSystemWatcher;
  private reading: Promise<ReadReport> | undefined;
  private settle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly uri: vscode.Uri,
    private readonly reader: (file: vscode.Uri) => Promise<ReadReport>,
  ) {
    // The file's folder, not its name, as the pattern: a name may hold characters that a glob reads as syntax.
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), '*'));
    const changed = (at: vscode.Uri) => {
      if (at.toString() !== uri.toString()) return;
      clearTimeout(this.settle);
      this.settle = setTimeout(() => {
        this.reading = undefined;
        this.changedEmitter.fire();
      }, SETTLE_MS);
    };
    this.watcher.onDidChange(changed);
    this.watcher.onDidCreate(changed);
  }

  /** The file as last read (one read shared by all its editors). */
  read(): Promise<ReadReport> {
    this.reading ??= this.reader(this.uri);
    return this.reading;
  }

  dispose(): void {
    clearTimeout(this.settle);
    this.watcher.dispose();
    this.changedEmitter.dispose();
  }
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type FromWebview = { type: 'ready' } | { type: 'openText' } | { type: 'reveal'; range: Range } | ({ type: 'rendered'; problem?: string } & Rendered);

/**
 * The read-only editor of a PDF or Word report: the table preview of its recognized text with the
 * findings, and a button that opens that text (the squiggles and quick fixes are there).
 */
export class ReportFileEditor implements vscode.CustomReadonlyEditorProvider, vscode.Disposable {
  private readonly renderedEmitter = new vscode.EventEmitter<Rendered & { file: string; problem?: string }>();
  /** Fires each time a report file's editor has drawn its tables or its problem (for tests). */
  readonly onDidRender = this.renderedEmitter.event;
  private readonly registrations: vscode.Disposable[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => Promise<LanguageClient>,
    private readonly read: (file: vscode.Uri) => Promise<ReadReport>,
  ) {
    const options = { supportsMultipleEditorsPerDocument: true };
    this.registrations = [REPORT_FILE_EDITOR, OTHER_FILE_EDITOR].map((viewType) => vscode.window.registerCustomEditorProvider(viewType, this, options));
  }

  openCustomDocument(uri: vscode.Uri): ReportFile {
    return new ReportFile(uri, this.read);
  }

  async resolveCustomEditor(file: ReportFile, panel: vscode.WebviewPanel): Promise<void> {
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
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
      openText: vscode.l10n.t('Open the recognized text (squiggles and quick fixes)'),
    });
    const subscriptions: vscode.Disposable[] = [];
    let message: unknown;
    let doc: vscode.TextDocument | undefined;
    const post = (m: unknown) => {
      message = m;
      void panel.webview.postMessage(m);
    };
    const update = async () => {
      if (!doc) return;
      let model: TablesModel | null;
      try {
        model = await (await this.client()).sendRequest<TablesModel | null>('xxgk/tablesView', { uri: doc.uri.toString() });
      } catch {
        return; // the server is restarting: the next diagnostics ask again
      }
      if (model) post({ type: 'model', model });
    };
    panel.webview.onDidReceiveMessage(
      (m: FromWebview) => {
        if (m.type === 'ready' && message) void panel.webview.postMessage(message);
        else if (m.type === 'openText') void vscode.commands.executeCommand('xxgk.checkAsReport', file.uri);
        else if (m.type === 'reveal' && doc) void reveal(doc, m.range);
        else if (m.type === 'rendered') this.renderedEmitter.fire({ ...m, file: file.uri.toString() });
      },
      undefined,
      subscriptions,
    );
    // Once the recognized text is shown, its diagnostics follow the settings (a rule turned off): redraw with them.
    vscode.languages.onDidChangeDiagnostics(
      (e) => {
        if (doc && e.uris.some((u) => u.toString() === doc!.uri.toString())) void update();
      },
      undefined,
      subscriptions,
    );
    // The recognized text changes when the file is read again: redraw, whether or not the findings change.
    vscode.workspace.onDidChangeTextDocument(
      (e) => {
        if (doc && e.document.uri.toString() === doc.uri.toString()) void update();
      },
      undefined,
      subscriptions,
    );
    /** Counts the reads, so that a slow read never draws over a newer one. */
    let reads = 0;
    const load = async () => {
      const current = ++reads;
      const result = await file.read();
      if (current !== reads) return;
      if ('problem' in result) {
        doc = undefined;
        post({ type: 'problem', message: result.problem });
      } else {
        doc = result.doc;
        await update();
      }
    };
    file.onDidChangeOnDisk(() => void load(), undefined, subscriptions);
    panel.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
    });
    await load();
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.renderedEmitter.dispose();
  }
}

/** A click on a cell: the recognized text opens beside with the cell's text selected. */
async function reveal(doc: vscode.TextDocument, range: Range): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection, preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
