import type { Connection } from 'vscode-languageserver';

/**
 * The web worker has no file system: files are read, listed and written by the client through the
 * editor's file system API (client/src/browser-files.ts answers these requests), whatever the
 * workspace's scheme is (vscode-remote, vscode-vfs, file…).
 */

/** `{ uri }` → `{ data }` (base64), `{ missing: true }` or `{ error }`. */
export const READ_FILE_REQUEST = 'xxgk/web/readFile';
/** `{ uri, data }` (base64) → `{ error? }`: writes (creates) a file. */
export const WRITE_FILE_REQUEST = 'xxgk/web/writeFile';
/** `{ folder, include, exclude, max }` → `{ uri, mtime, size }[]`: the files of a folder tree matching a glob. */
export const FIND_FILES_REQUEST = 'xxgk/web/findFiles';

export type ReadResult = { kind: 'ok'; bytes: Uint8Array } | { kind: 'missing' } | { kind: 'error'; message: string };

export interface FoundFile {
  uri: string;
  mtime: number;
  size: number;
}

export function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The client's file system, over the connection. */
export class ClientFiles {
  constructor(private readonly connection: Connection) {}

  async read(uri: string): Promise<ReadResult> {
    try {
      const r = await this.connection.sendRequest<{ data?: string; missing?: boolean; error?: string } | null>(READ_FILE_REQUEST, { uri });
      if (typeof r?.data === 'string') return { kind: 'ok', bytes: fromBase64(r.data) };
      if (r?.missing) return { kind: 'missing' };
      return { kind: 'error', message: r?.error ?? 'no answer' };
    } catch (e) {
      return { kind: 'error', message: message(e) };
    }
  }

  /** Undefined when written, else the problem. */
  async write(uri: string, text: string): Promise<string | undefined> {
    try {
      const r = await this.connection.sendRequest<{ error?: string } | null>(WRITE_FILE_REQUEST, { uri, data: toBase64(new TextEncoder().encode(text)) });
      return r?.error;
    } catch (e) {
      return message(e);
    }
  }

  async find(folder: string, include: string, exclude: string, max: number): Promise<FoundFile[]> {
    try {
      return (await this.connection.sendRequest<FoundFile[] | null>(FIND_FILES_REQUEST, { folder, include, exclude, max })) ?? [];
    } catch {
      return [];
    }
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Bytes → text as the CLI decodes them (server/src/shared/decode.ts, which needs Node's Buffer):
 * a BOM decides, else strict UTF-8, else GB18030 (which covers GBK); NULs mean binary (undefined).
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, 'utf-16be');
  for (let i = 0; i < Math.min(bytes.length, 8192); i++) if (bytes[i] === 0) return undefined;
  return decodeAs(bytes, 'utf-8') ?? decodeAs(bytes, 'gb18030');
}
