import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { TablePreview } from './preview';
import { ReadReport, ReportFileEditor } from './report-editor';
import { SummaryView } from './summary-view';
import { toBase64 } from './webview';

export const LANGUAGE_ID = 'xxgk-report';

/**
 * A report title on the first line: "…政府信息公开工作年度报告" (some bodies drop 工作). VS Code's own
 * `firstLine` detection (package.json) only applies to files no extension claims; a `.txt` file is
 * always plain text there, so `xxgk.detectByFirstLine` does it for plain-text documents.
 */
export const REPORT_TITLE = /政府信息公开(?:工作)?年度报告/;
/** Blank lines (PDF exports often start with some) skipped before the title line. */
const TITLE_SEARCH_LINES = 5;
/** Where `xxgk.detectByFirstLine` looks: files and untitled documents (the web entry adds its workspace's schemes). */
export const DETECTION_SCHEMES = new Set(['file', 'untitled']);

/** Makes the language client: a Node process on the desktop (main-node.ts), a web worker in the browser (main-browser.ts). */
export type ClientFactory = (context: vscode.ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient;

let createClient: ClientFactory;
let client: BaseLanguageClient | undefined;
let starting: Promise<void> | undefined;
/** Documents switched by detection once: if the person switches one back to plain text, it stays so. */
const detected = new Set<string>();

/** What the extension hands to whoever asks (the extension-host tests): its webviews. */
export interface XxgkApi {
  preview: TablePreview;
  summary: SummaryView;
  reportFiles: ReportFileEditor;
}

/**
 * Activated by a report document, the command, or any plain-text document (for the first-line
 * detection). The language server starts only once a report document is open.
 */
export async function activate(context: vscode.ExtensionContext, clientFactory: ClientFactory): Promise<XxgkApi> {
  createClient = clientFactory;
  const running = async () => {
    await startClient(context);
    return client!;
  };
  const preview = new TablePreview(context, running, isReportDocument);
  const summary = new SummaryView(context, running, (file) => openReport(context, file));
  const reportFiles = new ReportFileEditor(context, running, (file) => readReportView(context, file, binaryKindOf(file) ?? 'docx'));
  context.subscriptions.push(
    preview,
    summary,
    reportFiles,
    vscode.commands.registerCommand('xxgk.checkAsReport', (uri?: vscode.Uri) => checkAsReport(context, uri)),
    viewChanged,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, {
      provideTextDocumentContent: (uri) => views.get(uri.toString()) ?? '',
      onDidChange: viewChanged.event,
    }),
    vscode.commands.registerCommand('xxgk.showSummary', () => summary.show()),
    vscode.commands.registerCommand('xxgk.showPreview', (uri?: vscode.Uri) => preview.show(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.workspace.onDidOpenTextDocument((doc) => onOpen(context, doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // An untitled document opens empty: look again when text arrives on its first lines (a paste).
      if (e.document.isUntitled && e.contentChanges.some((c) => c.range.start.line < TITLE_SEARCH_LINES)) void detectReport(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      // A language change also "closes" the document, but it stays open: only a real close forgets it.
      if (!vscode.workspace.textDocuments.includes(doc)) detected.delete(doc.uri.toString());
    }),
  );
  for (const doc of vscode.workspace.textDocuments) onOpen(context, doc);
  return { preview, summary, reportFiles };
}

export async function deactivate(): Promise<void> {
  await starting?.catch(() => undefined);
  await client?.stop();
  client = undefined;
  starting = undefined;
}

/** A document the language server checks: a report, or a web page that holds one. */
function isReportDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID || (doc.languageId === 'html' && REPORT_TITLE.test(doc.getText(new vscode.Range(0, 0, 400, 0))));
}

function onOpen(context: vscode.ExtensionContext, doc: vscode.TextDocument): void {
  if (isReportDocument(doc)) void startClient(context);
  else void detectReport(doc);
}

function startClient(context: vscode.ExtensionContext): Promise<void> {
  starting ??= (async () => {
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
        { scheme: VIEW_SCHEME, language: LANGUAGE_ID },
        // Web pages: the server reports only on those that hold a report.
        { scheme: 'file', language: 'html' },
      ],
      // The server pulls `xxgk` settings per document; this makes the client tell it when they change.
      synchronize: { configurationSection: 'xxgk' },
      diagnosticPullOptions: { onChange: true, onSave: true },
    };
    client = createClient(context, clientOptions);
    await client.start();
  })();
  return starting;
}

/** The first non-blank line among the first few, without a BOM. */
function titleLine(doc: vscode.TextDocument): string {
  for (let i = 0; i < Math.min(doc.lineCount, TITLE_SEARCH_LINES); i++) {
    const text = doc
      .lineAt(i)
      .text.replace(/^\uFEFF/, '')
      .trim();
    if (text) return text;
  }
  return '';
}

/** `xxgk.detectByFirstLine`: a plain-text file or untitled document with a report title becomes a report. */
async function detectReport(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'plaintext' || !DETECTION_SCHEMES.has(doc.uri.scheme)) return;
  const key = doc.uri.toString();
  if (detected.has(key)) return;
  if (!vscode.workspace.getConfiguration('xxgk', doc.uri).get<boolean>('detectByFirstLine', true)) return;
  if (!REPORT_TITLE.test(titleLine(doc))) return;
  detected.add(key);
  try {
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  } catch {
    // The document was closed meanwhile.
  }
}

/** PDF and Word reports are shown as the text the reader recognized, in read-only documents of this scheme. */
const VIEW_SCHEME = 'xxgk-view';
const views = new Map<string, string>();
/** Fires when a file was read again and its recognized text differs: VS Code then asks for the new text. */
const viewChanged = new vscode.EventEmitter<vscode.Uri>();

/** The file of the active tab, when it is not a text editor (a PDF or a Word file opened as binary). */
function activeFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

/** Files read from their bytes and shown as the text read from them: PDF, Word, pages saved as one file. */
type BinaryKind = 'pdf' | 'docx' | 'mhtml';

function binaryKindOf(file: vscode.Uri): BinaryKind | undefined {
  const ext = /\.(pdf|docx|mhtml|mht)$/i.exec(file.path)?.[1].toLowerCase();
  return ext === 'mht' ? 'mhtml' : (ext as BinaryKind | undefined);
}

/**
 * A PDF or Word report: its bytes go to the language server, which reads them and keeps the grids;
 * the recognized text becomes a read-only report document, which the server checks.
 */
async function readReportView(context: vscode.ExtensionContext, file: vscode.Uri, kind: BinaryKind): Promise<ReadReport> {
  await startClient(context);
  const bytes = await vscode.workspace.fs.readFile(file);
  const view = vscode.Uri.from({ scheme: VIEW_SCHEME, path: `${file.path}.txt`, query: file.toString() });
  const result = await client!.sendRequest<{ text?: string; problem?: string }>('xxgk/readSource', {
    viewUri: view.toString(),
    kind,
    data: toBase64(bytes),
  });
  if (result.problem !== undefined) return { problem: result.problem };
  const before = views.get(view.toString());
  views.set(view.toString(), result.text ?? '');
  if (before !== undefined && before !== result.text) viewChanged.fire(view);
  const doc = await vscode.workspace.openTextDocument(view);
  return { doc: await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID) };
}

/** The recognized text of a PDF or Word report opens beside, with the findings on it (each names its page or cell). */
async function openReportView(context: vscode.ExtensionContext, file: vscode.Uri, kind: BinaryKind): Promise<void> {
  const result = await readReportView(context, file, kind);
  if ('problem' in result) void vscode.window.showErrorMessage(`${file.path.split('/').pop()}：${result.problem}`);
  else await vscode.window.showTextDocument(result.doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

/** "Check as disclosure report": any open text file becomes an xxgk-report document; a PDF or Word file opens as its recognized text. */
async function checkAsReport(context: vscode.ExtensionContext, uri?: vscode.Uri): Promise<void> {
  const file = uri ?? activeFile();
  const kind = file && binaryKindOf(file);
  if (file && kind) {
    await openReportView(context, file, kind);
    return;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the report to check first.'));
    return;
  }
  if (editor.document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
}

/** A report of the summary: a PDF or Word file as its recognized text, any other in its editor. */
async function openReport(context: vscode.ExtensionContext, file: vscode.Uri): Promise<void> {
  const kind = binaryKindOf(file);
  if (kind) await openReportView(context, file, kind);
  else await vscode.window.showTextDocument(file, { preview: false });
}
