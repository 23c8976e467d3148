import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, Finding } from '../core/analyze';
import type { ReadDocument } from '../core/read/document';
import type { SourceAnalysis } from '../core/source';
import { digestReport, ReportDigest } from '../core/report-digest';
import { mergeFindings, SummaryRow, WorkspaceFinding, workspaceFindings } from '../core/workspace';
import { editorText } from '../core/editor-messages';
import type { Locale } from '../core/model';
import { folderSummary } from '../shared/open-reports';
import { PeerIndex } from './peers';
import { analyzeOpenDocument } from './protocol';
import { DEFAULT_SETTINGS, EditorSettings, mergeOptions, readSettings } from './editor-settings';
import { ConfigFiles, ConfigStore } from './settings';

export interface DocOptions {
  settings: EditorSettings;
  options: AnalyzeOptions;
  copiedTextThreshold?: number;
}

export interface Checked {
  version: number;
  /** The text that was analyzed (the document may have moved on since). */
  text: string;
  generation: number;
  analysis: SourceAnalysis;
  options: AnalyzeOptions;
  /** The analysis's findings and the cross-file ones (carry-over, copied-text). */
  findings: WorkspaceFinding[];
  digest: ReportDigest;
}

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * What a document is checked with (settings + nearest .xxgk-lint.json) and its latest analysis,
 * both cached: a keystroke costs one analysis of the current text and nothing else.
 */
export class Workspace {
  locale: Locale = 'en';
  folders: string[] = [];
  /** Pull settings per document with workspace/configuration, else use what the client pushes. */
  pullSettings = false;
  pushedSettings: EditorSettings = DEFAULT_SETTINGS;
  readonly configs: ConfigStore;
  /** Bumped whenever settings or a config file change; cached results of older generations are stale. */
  generation = 0;
  private readonly options = new Map<string, Promise<DocOptions>>();
  private readonly checked = new Map<string, Checked>();
  private readonly reportedConfigErrors = new Set<string>();

  /** Called when reports on disk changed in a way that can change open documents' findings. */
  onPeersChanged: () => void = () => undefined;
  private readonly peers = new PeerIndex(
    () => this.folders,
    async (file) => (await this.optionsFor(pathToFileURL(file).href)).options,
    (changed) => {
      // Only a report of a body that an open document is about can change its findings.
      const open = [...this.checked.values()].map((c) => c.digest);
      if (changed.some((d) => open.some((o) => o.uri !== d.uri && o.organKey !== undefined && o.organKey === d.organKey))) this.onPeersChanged();
    },
  );

  constructor(
    private readonly connection: Connection,
    configFiles: ConfigFiles,
  ) {
    this.configs = new ConfigStore(configFiles);
  }

  invalidate(changedConfigs?: string[]): void {
    this.generation++;
    this.options.clear();
    this.checked.clear();
    this.configs.invalidate(changedConfigs);
    this.reportedConfigErrors.clear();
  }

  /** A finding can be ignored in the `.xxgk-lint.json` of a file on disk. */
  canIgnore(uri: string): boolean {
    return filePath(uri) !== undefined;
  }

  /** The issuing body of an open document's last analysis. */
  organOf(uri: string): string | undefined {
    return this.checked.get(uri)?.digest.organKey;
  }

  forget(uri: string): void {
    this.views.delete(uri);
    this.options.delete(uri);
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
    const file = filePath(uri) ?? (this.folders[0] ? path.join(this.folders[0], '(untitled)') : undefined);
    const found = file ? this.configs.lookup(file, this.locale) : undefined;
    if (found?.error && !this.reportedConfigErrors.has(found.path)) {
      this.reportedConfigErrors.add(found.path);
      void this.connection.window.showWarningMessage(editorText('configInvalid', this.locale, { file: found.path, problem: found.error }));
    }
    const relative = found && filePath(uri) ? path.relative(found.dir, filePath(uri)!).split(path.sep).join('/') : '';
    return {
      settings,
      options: mergeOptions(settings, found?.config, relative, this.locale),
      copiedTextThreshold: found?.config?.copiedTextThreshold,
    };
  }

  /** The analysis of the document's current text (cached per version and settings generation). */
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

  /** PDF and DOCX views the client opened, by the view's URI: their grids, as the reader found them. */
  private readonly views = new Map<string, ReadDocument>();

  setView(uri: string, read: ReadDocument): void {
    this.views.set(uri, read);
    this.checked.delete(uri);
  }

  /**
   * One row per report in the workspace folders (open documents as edited), with the cross-file
   * findings counted: the summary a reviewer hands on.
   */
  async summary(): Promise<SummaryRow[]> {
    return folderSummary(this.checked.values(), this.folders, (f) => this.peers.allIn(f), this.locale);
  }

  /** Carry-over and copied-text against the other reports: open ones as edited, the rest as on disk. */
  private crossFile(digest: ReportDigest, copiedTextThreshold?: number): Finding[] | undefined {
    const file = filePath(digest.uri);
    if (!file || !digest.organKey) return undefined;
    const open = [...this.checked.values()].map((c) => c.digest).filter((d) => d.uri !== digest.uri);
    const openUris = new Set(open.map((d) => d.uri));
    const onDisk = this.peers.peersOf(file).filter((d) => d.uri !== digest.uri && !openUris.has(d.uri));
    const others = [...open, ...onDisk];
    if (!others.some((d) => d.organKey === digest.organKey)) return undefined;
    return workspaceFindings([digest, ...others], { locale: this.locale, copiedTextThreshold }).get(digest.uri);
  }
}
