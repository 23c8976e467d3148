import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  createProtocolConnection,
  Diagnostic,
  DocumentDiagnosticReport,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../../support/fixtures';

/** A small LSP client that drives the real bundled server over stdio, the way an editor would. */

export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
const WAIT_MS = 15_000;

export interface StartOptions {
  locale?: string;
  /** Announce pull diagnostics (textDocument/diagnostic) support. */
  pull?: boolean;
  /** Answered to workspace/configuration; `undefined` = the client has no configuration support. */
  settings?: Record<string, unknown>;
  workspaceFolder?: string;
  capabilities?: ClientCapabilities;
}

interface Waiter<T> {
  match: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly messages: string[] = [];
  readonly docs = new Map<string, TextDocument>();
  refreshRequests = 0;
  private readonly waiters: Waiter<PublishDiagnosticsParams>[] = [];
  private stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly conn: ProtocolConnection,
    readonly settings: Record<string, unknown> | undefined,
    public initializeResult?: InitializeResult,
  ) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, conn, options.settings);
    child.stderr!.on('data', (d: Buffer) => {
      client.stderr += d.toString();
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      for (const w of [...client.waiters]) {
        if (w.match(p)) {
          client.waiters.splice(client.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    conn.onNotification('window/showMessage', (p: { message: string }) => {
      client.messages.push(p.message);
    });
    conn.onNotification('window/logMessage', () => undefined);
    conn.onRequest('window/showMessageRequest', () => null);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings ?? {}));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      return null;
    });
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      client.appliedEdits.push(p.edit);
      client.applyToDisk(p.edit);
      return { applied: true };
    });
    conn.listen();
    const folder = options.workspaceFolder;
    const capabilities: ClientCapabilities = options.capabilities ?? {
      workspace: {
        configuration: options.settings !== undefined,
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    client.initializeResult = (await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      capabilities,
      locale: options.locale,
    })) as InitializeResult;
    await conn.sendNotification('initialized', {});
    return client;
  }

  /** The next publishDiagnostics for `uri` that matches; register before sending what triggers it. */
  nextDiagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.guard(
      new Promise((resolve) => {
        this.waiters.push({ match: (p) => p.uri === uri && match(p), resolve });
      }),
      `publishDiagnostics for ${uri}`,
    );
  }

  async open(uri: string, text: string, languageId = 'xxgk-report'): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Opens and waits for the first diagnostics (push mode). */
  async openAndWait(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri);
    await this.open(uri, text);
    return next;
  }

  /** Sends incremental changes and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies text edits the way an editor applies a code action, as one incremental change each. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<number> {
    // Later edits first, so earlier positions stay valid.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    return this.change(
      uri,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  async save(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.guard(this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }), 'textDocument/diagnostic');
  }

  codeActions(uri: string, range: CodeActionParams['range'], only?: string[], diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    return this.guard(
      this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } }),
      'textDocument/codeAction',
    );
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.guard(this.conn.sendRequest(method, params) as Promise<T>, method);
  }

  /** Applies a workspace edit of files on disk (config files the server edits through the client). */
  private applyToDisk(edit: WorkspaceEdit): void {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const file = fileURLToPath(uri);
      const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, before), edits));
    }
  }

  private guard<T>(p: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms; server stderr:\n${this.stderr}`)), WAIT_MS);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  async stop(): Promise<void> {
    try {
      await this.guard(this.conn.sendRequest('shutdown'), 'shutdown');
      await this.conn.sendNotification('exit');
    } finally {
      const exited = this.child.exitCode !== null ? Promise.resolve() : new Promise((r) => this.child.once('exit', r));
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      if (this.child.exitCode === null) this.child.kill();
      this.conn.dispose();
    }
  }
}

export function uriOf(name: string): string {
  return `file:///protocol-test/${name}`;
}
