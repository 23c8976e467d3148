import {
  CancellationToken,
  Connection,
  Diagnostic,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import type { Workspace } from './documents';

/** What the diagnostics need of the server's documents (the Node server's Workspace, the web server's). */
export type CheckedDocuments = Pick<Workspace, 'optionsFor' | 'forget' | 'organOf' | 'check'>;

interface Snapshot {
  resultId: string;
  items: Diagnostic[];
}

/**
 * When and how diagnostics reach the client. Push: a debounced check after the last change, sent
 * with the version it was made for; a result that a newer change overtook is dropped. Pull: the
 * client asks, the server answers once the document has been quiet for the debounce time, and a
 * request the client cancelled (because the text changed again) is answered with ServerCancelled.
 * With `xxgk.run: onSave`, results are made on open and save only.
 */
export class DiagnosticsService {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastChange = new Map<string, number>();
  /** onSave mode: the result made at the last open or save. */
  private readonly saved = new Map<string, Snapshot>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: CheckedDocuments,
    readonly pull: boolean,
    private readonly canRefresh: boolean,
  ) {}

  async opened(doc: TextDocument): Promise<void> {
    const { settings } = await this.workspace.optionsFor(doc.uri);
    if (settings.run === 'onSave') await this.snapshot(doc);
    if (!this.pull) await this.publish(doc.uri, true);
  }

  async changed(doc: TextDocument): Promise<void> {
    this.lastChange.set(doc.uri, Date.now());
    if (this.pull) return;
    const { settings } = await this.workspace.optionsFor(doc.uri);
    if (settings.run === 'onType') this.schedule(doc.uri, settings.debounceMs);
  }

  async savedDoc(doc: TextDocument): Promise<void> {
    const { settings } = await this.workspace.optionsFor(doc.uri);
    if (settings.run !== 'onSave') return;
    await this.snapshot(doc);
    if (this.pull) this.requestRefresh();
    else await this.publish(doc.uri);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.lastChange.delete(uri);
    this.saved.delete(uri);
    this.workspace.forget(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** After a settings or config change: everything open is checked again. */
  async refreshAll(): Promise<void> {
    this.saved.clear();
    const docs = this.documents.all();
    for (const doc of docs) {
      const { settings } = await this.workspace.optionsFor(doc.uri);
      if (settings.run === 'onSave') await this.snapshot(doc);
    }
    if (this.pull) this.requestRefresh();
    else await Promise.all(docs.map((d) => this.publish(d.uri)));
  }

  private requestRefresh(): void {
    if (this.canRefresh) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  private schedule(uri: string, delay: number, cascade = true): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri, cascade);
      }, delay),
    );
  }

  /**
   * The same body's other open reports (another year) take this one's figures in their cross-file
   * checks: check them again, once, without cascading further.
   */
  private async cascade(uri: string, organKey: string | undefined): Promise<void> {
    if (!organKey) return;
    for (const other of this.documents.all()) {
      if (other.uri === uri || this.workspace.organOf(other.uri) !== organKey) continue;
      this.workspace.forget(other.uri);
      if (this.pull) this.requestRefresh();
      else this.schedule(other.uri, 0, false);
    }
  }

  private async snapshot(doc: TextDocument): Promise<Snapshot> {
    const checked = await this.workspace.check(doc);
    const snap = { resultId: `saved:${checked.version}:${checked.generation}`, items: checked.findings.map((f) => toDiagnostic(f, doc.uri)) };
    this.saved.set(doc.uri, snap);
    return snap;
  }

  private async publish(uri: string, cascade = false): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const { settings } = await this.workspace.optionsFor(uri);
    if (settings.run === 'onSave') {
      const snap = this.saved.get(uri) ?? (await this.snapshot(doc));
      await this.connection.sendDiagnostics({ uri, diagnostics: snap.items });
      return;
    }
    const checked = await this.workspace.check(doc);
    // Stale: the text changed while this result was made, and that change has its own run coming.
    if (this.documents.get(uri)?.version !== checked.version || this.timers.has(uri)) return;
    await this.connection.sendDiagnostics({ uri, version: checked.version, diagnostics: checked.findings.map((f) => toDiagnostic(f, uri)) });
    if (cascade) await this.cascade(uri, checked.digest.organKey);
  }

  /** textDocument/diagnostic */
  async report(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const doc = this.documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const { settings } = await this.workspace.optionsFor(uri);
    let result: Snapshot;
    if (settings.run === 'onSave') {
      result = this.saved.get(uri) ?? (await this.snapshot(doc));
    } else {
      await this.quiet(uri, settings.debounceMs, token);
      const checked = await this.workspace.check(doc);
      result = { resultId: `${checked.version}:${checked.generation}`, items: [] };
      if (params.previousResultId !== result.resultId) result.items = checked.findings.map((f) => toDiagnostic(f, uri));
    }
    if (token.isCancellationRequested) throw cancelled();
    if (params.previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.items };
  }

  /** Waits until the document has had no change for `ms`. */
  private async quiet(uri: string, ms: number, token: CancellationToken): Promise<void> {
    for (;;) {
      if (token.isCancellationRequested) throw cancelled();
      const wait = (this.lastChange.get(uri) ?? 0) + ms - Date.now();
      if (wait <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        token.onCancellationRequested(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again.', { retriggerRequest: true });
}
