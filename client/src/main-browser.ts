/**
 * The web entry (package.json `browser`: vscode.dev, github.dev, code-server's web worker host): the
 * language server runs in a web worker. Files there live under other schemes than `file`
 * (vscode-vfs, vscode-remote…), so the client follows reports by language, whatever their scheme.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { serveFiles } from './browser-files';
import { activate as activateWith, DETECTION_SCHEMES, LANGUAGE_ID, XxgkApi } from './extension';

export { deactivate } from './extension';

// The worker globals the extension host has (the project compiles without the DOM library, so the
// client's `ServerOptions`, `Worker | …`, is not checked here: mind the argument order below).
interface ServerWorker {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/**
 * The server's script as a URL a worker can load. An extension served over http(s) (vscode.dev) is
 * loaded directly; VS Code does not start workers from a remote extension's folder (code-server,
 * where extensions live under vscode-remote:), so its script is read through the editor's file
 * system and handed over as a blob.
 */
async function serverScript(extensionUri: vscode.Uri): Promise<string> {
  const script = vscode.Uri.joinPath(extensionUri, 'server', 'out', 'web-server.js');
  if (script.scheme === 'http' || script.scheme === 'https') return script.toString(true);
  return URL.createObjectURL(new Blob([await vscode.workspace.fs.readFile(script)], { type: 'text/javascript' }));
}

/**
 * The documents the server checks: reports and web pages in the workspace's file system (its
 * folders' schemes), untitled ones and PDF/Word views; any scheme when no folder is open. Not the
 * other views of a file (git:, diff editors), which would repeat its findings.
 */
function documentSelector(): { scheme?: string; language: string }[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const schemes = folders.length ? [...new Set([...folders.map((f) => f.uri.scheme), 'untitled', 'xxgk-view'])] : [undefined];
  return schemes.flatMap((scheme) => [LANGUAGE_ID, 'html'].map((language) => (scheme ? { scheme, language } : { language })));
}

export async function activate(context: vscode.ExtensionContext): Promise<XxgkApi> {
  const script = await serverScript(context.extensionUri);
  // First-line detection in the workspace's own file system (vscode-remote, vscode-vfs…) too.
  for (const folder of vscode.workspace.workspaceFolders ?? []) DETECTION_SCHEMES.add(folder.uri.scheme);
  return activateWith(context, (ctx, clientOptions) => {
    // vscode-languageclient 10+: (id, name, serverOptions, clientOptions); the worker is the server.
    const client = new LanguageClient('xxgk', vscode.l10n.t('XXGK Report language server'), new Worker(script, { name: 'xxgk-lint server' }), {
      ...clientOptions,
      documentSelector: documentSelector(),
      initializationOptions: { extensionUri: ctx.extensionUri.toString() },
    });
    serveFiles(client);
    return client;
  });
}
