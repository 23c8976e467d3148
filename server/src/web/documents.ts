import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReadDocument } from '../core/read/document';
import type { Locale } from '../core/model';
import { digestReport } from '../core/report-digest';
import type { Checked, DocOptions } from '../lsp/documents';
import { DEFAULT_SETTINGS, EditorSettings, mergeOptions, readSettings } from '../lsp/editor-settings';
import { analyzeOpenDocument } from '../lsp/protocol';

/**
 * The web worker server's documents: each open document checked alone, with the `xxgk.*` settings.
 * No file system here: `.xxgk-lint.json` and the cross-file checks (carry-over, copied-text) are
 * left to the desktop server.
 */
export class WebDocuments {
  locale: Locale = 'en';
  pullSettings = false;
  pushedSettings: EditorSettings = DEFAULT_SETTINGS;
  private generation = 0;
  private readonly options = new Map<string, Promise<DocOptions>>();
  private readonly checked = new Map<string, Checked>();
  private readonly views = new Map<string, ReadDocument>();

  constructor(private readonly connection: Connection) {}

  invalidate(): void {
    this.generation++;
    this.options.clear();
    this.checked.clear();
  }

  canIgnore(): boolean {
    return false;
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
    return { settings, options: mergeOptions(settings, undefined, '', this.locale) };
  }

  async check(doc: TextDocument): Promise<Checked> {
    const generation = this.generation;
    const cached = this.checked.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === generation) return cached;
    const { options } = await this.optionsFor(doc.uri);
    const text = doc.getText();
    const analysis = analyzeOpenDocument(doc, text, options, this.views.get(doc.uri));
    const digest = digestReport(doc.uri, analysis.view ? { ...analysis, doc: analysis.view.doc } : analysis, options);
    const result: Checked = { version: doc.version, text, generation, analysis, options, digest, findings: analysis.findings };
    if (this.generation === generation) this.checked.set(doc.uri, result);
    return result;
  }
}
