import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { webviewHtml } from './webview';

/** The server's answer to `xxgk.workspaceSummary` (server/src/lsp/server.ts). */
export interface SummaryResult {
  rows: (Record<string, string | number | null> & { file: string; path: string; statusName: string })[];
  columns: { key: string; numeric: boolean; title: string }[];
  text: string;
  /** The CLI's `summary --format csv --bom`. */
  csv: string;
}

type FromWebview = { type: 'ready' } | { type: 'open'; file: string } | { type: 'export' } | { type: 'refresh' } | { type: 'rendered'; rows: number };

/**
 * 汇总本工作区的年度报告: one row per report of the workspace folders in a webview table (sortable,
 * a row opens its report, CSV export for Excel).
 */
export class SummaryView implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private result?: SummaryResult;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<number>();
  /** Fires with the number of rows each time the webview has drawn the table (for tests). */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => Promise<BaseLanguageClient>,
    private readonly open: (file: vscode.Uri) => Promise<void>,
  ) {}

  async show(): Promise<SummaryResult | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of reports first.'));
      return undefined;
    }
    if (this.panel) this.panel.reveal();
    else this.createPanel();
    await this.refresh();
    return this.result;
  }

  private createPanel(): void {
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media');
    const panel = vscode.window.createWebviewPanel('xxgk.summary', vscode.l10n.t('Report summary'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    panel.webview.html = webviewHtml(panel.webview, media, 'summary.js', {
      title: vscode.l10n.t('Report summary'),
      waiting: vscode.l10n.t('Reading the reports…'),
      none: vscode.l10n.t('No report found in this workspace.'),
      count: vscode.l10n.t('{0} reports'),
      total: vscode.l10n.t('Total'),
      exportCsv: vscode.l10n.t('Export CSV…'),
      refresh: vscode.l10n.t('Refresh'),
      hint: vscode.l10n.t('Click a column title to sort; click a row to open its report.'),
    });
    panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m), undefined, this.subscriptions);
    panel.onDidDispose(
      () => {
        this.panel = undefined;
      },
      undefined,
      this.subscriptions,
    );
    this.panel = panel;
  }

  private async refresh(): Promise<void> {
    const client = await this.client();
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the reports…') }, () =>
      client.sendRequest<SummaryResult | null>('workspace/executeCommand', { command: 'xxgk.workspaceSummary', arguments: [] }),
    );
    if (!result) return;
    this.result = result;
    void this.panel?.webview.postMessage({ type: 'summary', result });
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready' && this.result) void this.panel?.webview.postMessage({ type: 'summary', result: this.result });
    else if (m.type === 'open') await this.open(vscode.Uri.parse(m.file));
    else if (m.type === 'refresh') await this.refresh();
    else if (m.type === 'export') await this.exportCsv();
    else if (m.type === 'rendered') this.renderedEmitter.fire(m.rows);
  }

  /** Saves the CLI's CSV (UTF-8 with BOM, so that Excel reads the Chinese right). */
  async exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.result) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder && vscode.Uri.joinPath(folder, `${vscode.l10n.t('report-summary')}.csv`),
        filters: { CSV: ['csv'] },
      }));
    if (!file) return undefined;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(this.result.csv));
    return file;
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderedEmitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
