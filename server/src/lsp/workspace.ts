import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, AnalyzeOptions } from '../core/analyze';
import { editorText } from '../core/editor-messages';
import type { Locale } from '../core/model';
import { ConfigStore, DEFAULT_SETTINGS, EditorSettings, mergeOptions, readSettings } from './settings';

export interface DocOptions {
  settings: EditorSettings;
  options: AnalyzeOptions;
}

export interface Checked {
  version: number;
  /** The text that was analyzed (the document may have moved on since). */
  text: string;
  generation: number;
  analysis: Analysis;
  options: AnalyzeOptions;
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
  readonly configs = new ConfigStore();
  /** Bumped whenever settings or a config file change; cached results of older generations are stale. */
  generation = 0;
  private readonly options = new Map<string, Promise<DocOptions>>();
  private readonly checked = new Map<string, Checked>();
  private readonly reportedConfigErrors = new Set<string>();

  constructor(private readonly connection: Connection) {}

  invalidate(changedConfigs?: string[]): void {
    this.generation++;
    this.options.clear();
    this.checked.clear();
    this.configs.invalidate(changedConfigs);
    this.reportedConfigErrors.clear();
  }

  forget(uri: string): void {
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
    const found = file ? this.configs.lookup(file) : undefined;
    if (found?.error && !this.reportedConfigErrors.has(found.path)) {
      this.reportedConfigErrors.add(found.path);
      void this.connection.window.showWarningMessage(editorText('configInvalid', this.locale, { file: found.path, problem: found.error }));
    }
    const relative = found && filePath(uri) ? path.relative(found.dir, filePath(uri)!).split(path.sep).join('/') : '';
    return { settings, options: mergeOptions(settings, found?.config, relative, this.locale) };
  }

  /** The analysis of the document's current text (cached per version and settings generation). */
  async check(doc: TextDocument): Promise<Checked> {
    const generation = this.generation;
    const cached = this.checked.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === generation) return cached;
    const { options } = await this.optionsFor(doc.uri);
    const text = doc.getText();
    const result: Checked = { version: doc.version, text, generation, analysis: analyze(text, options), options };
    if (this.generation === generation) this.checked.set(doc.uri, result);
    return result;
  }
}
