import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces `file` whole or not at all: the data goes to a new temporary file beside it, created
 * exclusively under a random name (so no existing file or link is written through), then renamed
 * over it. A link is followed to the file it names; that file keeps its mode and, where the
 * system allows, its owner.
 */
export function writeAtomically(file: string, data: Uint8Array | string | Iterable<Uint8Array | string>): void {
  const target = realpathOr(file);
  const old = fs.statSync(target, { throwIfNoEntry: false });
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o666);
  try {
    try {
      if (old) keep(fd, old);
      writeAll(fd, typeof data === 'string' || data instanceof Uint8Array ? [data] : data);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Whether `name` (in the folder of `file`) is a temporary file `writeAtomically` made for `file`. */
export function isTempOf(file: string, name: string): boolean {
  const prefix = `${path.basename(file)}.`;
  return name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
}

function realpathOr(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** The replaced file's mode (whatever the umask) and, where the system allows, its owner. */
function keep(fd: number, old: fs.Stats): void {
  fs.fchmodSync(fd, old.mode & 0o7777);
  try {
    fs.fchownSync(fd, old.uid, old.gid);
  } catch {
    // only root may give a file away: it stays the writer's
  }
}

/**
 * Runs `fn` while holding `<file>.lock`, so that runs sharing `file` take turns. A lock older
 * than `staleMs` was left by a run that was stopped, and is taken over (two runs that take it over
 * at the same moment may both go on; with atomic writes the worst outcome is a lost update).
 */
export function withLock<T>(file: string, fn: () => T, waitMs = 10_000, staleMs = 60_000): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > staleMs) fs.rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error('another run holds its lock');
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Writes the pieces in order as they come, gathered into chunks of about 1 MB. */
function writeAll(fd: number, pieces: Iterable<Uint8Array | string>): void {
  let chunk: Uint8Array[] = [];
  let size = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    chunk.push(bytes);
    size += bytes.length;
    if (size >= 1 << 20) {
      fs.writeFileSync(fd, Buffer.concat(chunk));
      chunk = [];
      size = 0;
    }
  }
  fs.writeFileSync(fd, Buffer.concat(chunk));
}
