import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';

/**
 * Replaces `file` whole or not at all: the data goes to a new temporary file beside it, created
 * exclusively under a random name (so no existing file or link is written through), then renamed
 * over it. `mode` defaults to that of the file replaced.
 */
export function writeAtomically(file: string, data: Uint8Array | string | readonly (Uint8Array | string)[], mode?: number): void {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', mode ?? fs.statSync(file, { throwIfNoEntry: false })?.mode ?? 0o666);
  try {
    try {
      writeAll(fd, typeof data === 'string' || data instanceof Uint8Array ? [data] : data);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes the pieces in order, gathered into chunks of about 1 MB. */
function writeAll(fd: number, pieces: readonly (Uint8Array | string)[]): void {
  let chunk: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    const buffer = Buffer.concat(chunk);
    for (let at = 0; at < buffer.length; ) at += fs.writeSync(fd, buffer, at);
    chunk = [];
    size = 0;
  };
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    chunk.push(bytes);
    size += bytes.length;
    if (size >= 1 << 20) flush();
  }
  flush();
}
