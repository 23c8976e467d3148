import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/analyze';
import { editorText } from '../core/editor-messages';
import type { Locale } from '../core/model';
import type { ReadDocument } from '../core/read/document';
import { digestReport, ReportDigest } from '../core/report-digest';
import { mergeFindings, SummaryRow, WorkspaceFinding, workspaceFindings } from '../core/workspace';
import type { Checked, DocOptions } from '../lsp/documents';
import { DEFAULT_SETTINGS, EditorSettings, mergeOptions, readSettings } from '../lsp/editor-settings';
import { analyzeOpenDocument } from '../lsp/protocol';
import { WebConfigs } from './config';
import { ClientFiles } from './files';
import { folderSummary } from '../shared/open-reports';
import { WebPeerIndex } from './peers';
import { isInside, relativeTo } from './uri';

/** A file of some file system (vscode-remote, vscode-vfs, file…), not an untitled document or a PDF's view. */
export function isFile(uri: string): boolean {
  return !/^(untitled|xxgk-view):/.test(uri);
}

/**
 * The web worker server's documents (the counterpart of lsp/documents.ts's Workspace): each open
 * document checked with the `xxgk.*` settings and its nearest `.xxgk-lint.json`, and against the
 * other reports of its workspace folder (carry-over, copied-text), all read through the client.
 */
export class WebDocuments {
  locale: Locale = 'en';
  /** The workspace folders' URIs (any scheme). */
  folders: string[] = [];
  pullSettings = false;
  pushedSettings: EditorSettings = DEFAULT_SETTINGS;
  generation = 0;
  readonly files: ClientFiles;
  readonly configs: WebConfigs;
  /** Called when reports in the folders changed in a way that can change open documents' findings. */
  onPeersChanged: () => void = () => undefined;
  private readonly options = new Map<string, Promise<DocOptions>>();
  private readonly checked = new Map<string, Checked>();
  private readonly views = new Map<string, ReadDocument>();
  private readonly reportedConfigErrors = new Set<string>();
  private readonly peers: WebPeerIndex;

  constructor(private readonly connection: Connection) {
    this.files = new ClientFiles(connection);
    this.configs = new WebConfigs(this.files);
    this.peers = new WebPeerIndex(
      this.files,
      async (uri) => (await this.optionsFor(uri)).options,
      (changed) => {
        // Only a report of a body that an open document is about can change its findings.
        const open = [...this.checked.values()].map((c) => c.digest);
        if (changed.some((d) => open.some((o) => o.uri !== d.uri && o.organKey !== undefined && o.organKey === d.organKey))) this.onPeersChanged();
      },
    );
  }

  async invalidate(changedConfigs?: string[]): Promise<void> {
    this.generation++;
    this.options.clear();
    this.checked.clear();
    this.reportedConfigErrors.clear();
    await this.configs.invalidate(changedConfigs);
  }

  /** The workspace folder that holds the URI. */
  folderOf(uri: string): string | undefined {
    return this.folders.filter((f) => isInside(uri, f)).sort((a, b) => b.length - a.length)[0];
  }

  /** A finding can be ignored in a `.xxgk-lint.json` when its document is a file. */
  canIgnore(uri: string): boolean {
    return isFile(uri);
  }

  organOf(uri: string): string | undefined {
    return this.checked.get(uri)?.digest.organKey;
  }

  forget(uri: string): void {
    this.views.delete(uri);
    this.options.delete(uri);
    this.checked.delete(uri);
  }

  setView(uri: string, read: ReadDocument): void {
    this.views.set(uri, read);
    this.checked.delete(uri);
  }

  optionsFor(uri: string): Promise<DocOptions> {
    let found = this.options.get(uri);
    if (!found) {
      found = this.resolveOptions(uri);
      this.options.set(uri, found);
    }
    return found;
  }

  private async resolveOptions(uri: string): Promise<DocOptions> {
    let settings = this.pushedSettings;
    if (this.pullSettings) {
      try {
        settings = readSettings(await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'xxgk' }));
      } catch {
        settings = this.pushedSettings;
      }
    }
    // A file outside the folders looks from its own folder up; a document that is no file (untitled,
    // a PDF's view) takes the first folder's config, as on the desktop.
    const folder = this.folderOf(uri);
    const own = isFile(uri) ? uri : undefined;
    const file = own ?? (this.folders[0] && `${this.folders[0]}/(untitled)`);
    const found = file ? await this.configs.lookup(file, own ? folder : this.folders[0], this.locale) : undefined;
    if (found?.error && !this.reportedConfigErrors.has(found.uri)) {
      this.reportedConfigErrors.add(found.uri);
      void this.connection.window.showWarningMessage(editorText('configInvalid', this.locale, { file: found.uri, problem: found.error }));
    }
    const relative = found && own ? relativeTo(found.dir, uri) : '';
    return {
      settings,
      options: mergeOptions(settings, found?.config, relative, this.locale),
      copiedTextThreshold: found?.config?.copiedTextThreshold,
    };
  }

  async check(doc: TextDocument): Promise<Checked> {
    const generation = this.generation;
    const cached = this.checked.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === generation) return cached;
    const { options, copiedTextThreshold } = await this.optionsFor(doc.uri);
    const text = doc.getText();
    const analysis = analyzeOpenDocument(doc, text, options, this.views.get(doc.uri));
    const digest = digestReport(doc.uri, analysis.view ? { ...analysis, doc: analysis.view.doc } : analysis, options);
    const result: Checked = {
      version: doc.version,
      text,
      generation,
      analysis,
      options,
      digest,
      findings: mergeFindings<WorkspaceFinding>(analysis.findings, this.crossFile(digest, copiedTextThreshold)),
    };
    if (this.generation === generation) this.checked.set(doc.uri, result);
    return result;
  }

  /** One row per report of the workspace folders (open documents as edited), with the cross-file findings counted. */
  async summary(): Promise<SummaryRow[]> {
    return folderSummary(this.checked.values(), this.folders, (f) => this.peers.allIn(f), this.locale);
  }

  /** Carry-over and copied-text against the other reports: open ones as edited, the rest as read from the folder. */
  private crossFile(digest: ReportDigest, copiedTextThreshold?: number): Finding[] | undefined {
    const folder = this.folderOf(digest.uri);
    if (!folder || !digest.organKey) return undefined;
    const open = [...this.checked.values()].map((c) => c.digest).filter((d) => d.uri !== digest.uri);
    const openUris = new Set(open.map((d) => d.uri));
    const inFolder = this.peers.peersOf(digest.uri, folder).filter((d) => d.uri !== digest.uri && !openUris.has(d.uri));
    const others = [...open, ...inFolder];
    if (!others.some((d) => d.organKey === digest.organKey)) return undefined;
    return workspaceFindings([digest, ...others], { locale: this.locale, copiedTextThreshold }).get(digest.uri);
  }
}
