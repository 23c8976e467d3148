/**
 * The web worker language server has no file system: it asks the client, which answers through the
 * editor's file system API (whatever the workspace's scheme: vscode-remote, vscode-vfs, file…).
 * The requests are those of server/src/web/files.ts.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { toBase64 } from './webview';

function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Answers the server's file requests (registered before the client starts). */
export function serveFiles(client: BaseLanguageClient): void {
  client.onRequest('xxgk/web/readFile', async ({ uri }: { uri: string }) => {
    const file = vscode.Uri.parse(uri);
    try {
      const stat = await vscode.workspace.fs.stat(file);
      if (stat.type & vscode.FileType.Directory) return { missing: true };
    } catch {
      // Not there, or out of reach (a folder above the workspace): no file.
      return { missing: true };
    }
    try {
      return { data: toBase64(await vscode.workspace.fs.readFile(file)) };
    } catch (e) {
      return { error: message(e) };
    }
  });

  client.onRequest('xxgk/web/writeFile', async ({ uri, data }: { uri: string; data: string }) => {
    try {
      await vscode.workspace.fs.writeFile(vscode.Uri.parse(uri), fromBase64(data));
      return {};
    } catch (e) {
      return { error: message(e) };
    }
  });

  client.onRequest('xxgk/web/findFiles', async ({ folder, include, exclude, max }: { folder: string; include: string; exclude: string; max: number }) => {
    const base = vscode.Uri.parse(folder);
    const found = (await search(base, include, exclude, max)) ?? (await walk(base, max));
    const files = await Promise.all(
      found.map(async (uri) => {
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          return { uri: uri.toString(), mtime: stat.mtime, size: stat.size };
        } catch {
          return undefined;
        }
      }),
    );
    return files.filter((f) => f !== undefined);
  });
}

/** How long the editor's file search may take before the folder is walked instead. */
const SEARCH_TIMEOUT_MS = 20_000;

/**
 * The editor's file search (fast, honours files.exclude). It waits for a search provider of the
 * folder's scheme, and a file system without one would never answer: undefined after a time limit.
 */
async function search(base: vscode.Uri, include: string, exclude: string, max: number): Promise<vscode.Uri[] | undefined> {
  const cancel = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => cancel.cancel(), SEARCH_TIMEOUT_MS);
  try {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(base, include), exclude, max, cancel.token);
    return cancel.token.isCancellationRequested ? undefined : found;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
}

/** The same files (server/src/web/peers.ts's REPORT_FILES and EXCLUDED), by walking the folder tree. */
async function walk(base: vscode.Uri, max: number): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  const folders = [base];
  while (folders.length && out.length < max) {
    const folder = folders.shift()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      if (type & vscode.FileType.Directory) {
        if (name !== 'node_modules' && name !== '.git') folders.push(vscode.Uri.joinPath(folder, name));
      } else if (/\.(txt|md|html|htm|mhtml|mht|docx|pdf)$/i.test(name) && !name.startsWith('~$') && out.length < max) {
        out.push(vscode.Uri.joinPath(folder, name));
      }
    }
  }
  return out;
}
