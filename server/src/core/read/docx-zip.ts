import { AsyncFlateStreamHandler, Unzip, UnzipDecoder, UnzipFileInfo, UnzipInflate, unzipSync } from 'fflate';

/**
 * The ZIP container of a .docx, read with fflate: the central directory lists the entries (with
 * the sizes they declare), and an entry is inflated through fflate's streaming `Unzip`, fed a
 * little at a time, so inflating stops as soon as more comes out than the entry declared — a bomb
 * that lies about its size costs no more than the size it declares. fflate checks no CRC: an entry
 * is taken when it inflates to exactly its declared size (damage then shows as broken XML).
 */

export type ZipEntry = UnzipFileInfo;

/** Compression method 99: the entry is encrypted with AES (WinZip's AE-x, also written by 7-Zip). */
const AES_ENCRYPTED = 99;

/** The entries by name, or why the bytes are not a readable ZIP. */
export function listZip(bytes: Uint8Array): Map<string, ZipEntry> | { error: string } {
  const entries = new Map<string, ZipEntry>();
  // A central record takes at least 46 bytes: a directory claiming more entries than fit is broken.
  let records = bytes.length / 46;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        if (--records < 0) throw new Error('broken ZIP directory');
        if (!entries.has(entry.name)) entries.set(entry.name, entry);
        return false;
      },
    });
  } catch (e) {
    return { error: e instanceof Error ? e.message : 'broken ZIP directory' };
  }
  return entries;
}

export type InflateResult = { ok: true; data: Uint8Array } | { ok: false; problem: 'too-large' | 'corrupt' | 'encrypted'; detail: string };

/** fflate's inflater for ZIP entries, which stops when its entry is terminated (fflate's own goes on). */
class StoppableInflate implements UnzipDecoder {
  static readonly compression = UnzipInflate.compression;
  private readonly inflate = new UnzipInflate();
  private stopped = false;
  ondata: AsyncFlateStreamHandler = () => undefined;

  constructor() {
    this.inflate.ondata = (error, chunk, final) => this.ondata(error, chunk, final);
  }

  push(chunk: Uint8Array, final: boolean): void {
    if (!this.stopped) this.inflate.push(chunk, final);
  }

  terminate = (): void => {
    this.stopped = true;
  };
}

/** The ZIP is fed in small chunks, so one chunk inflates to at most about a thousand times as much. */
const CHUNK = 4096;

/** An entry's bytes; refused before inflating when it declares more than `limit` bytes. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): InflateResult {
  return inflateEntries(bytes, [entry], limit).get(entry.name)!;
}

/**
 * Several entries' bytes, by name, in one pass over the ZIP: streaming has to walk through the
 * entries before the one it wants (those written with a data descriptor byte by byte), so a pass
 * per part cost more than inflating them. Each is refused before inflating when it declares more
 * than `limit` bytes, and stops inflating once more comes out than it declared.
 */
export function inflateEntries(bytes: Uint8Array, entries: ZipEntry[], limit: number): Map<string, InflateResult> {
  const results = new Map<string, InflateResult>();
  const wanted = new Map<string, { out: Uint8Array; length: number; state: 'waiting' | 'reading' | 'done' | 'failed' }>();
  for (const entry of entries) {
    const { name, originalSize: size } = entry;
    if (results.has(name) || wanted.has(name)) continue;
    if (entry.compression === AES_ENCRYPTED) results.set(name, { ok: false, problem: 'encrypted', detail: name });
    else if (size > limit) results.set(name, { ok: false, problem: 'too-large', detail: `${name} ${megabytes(size)} > ${megabytes(limit)}` });
    else if (entry.compression !== 0 && entry.compression !== 8) {
      results.set(name, { ok: false, problem: 'corrupt', detail: `${name}: compression ${entry.compression}` });
    } else wanted.set(name, { out: new Uint8Array(size), length: 0, state: 'waiting' });
  }
  let pending = wanted.size;
  const unzip = new Unzip((file) => {
    const target = wanted.get(file.name);
    // The first entry of that name, as `listZip` keeps it.
    if (!target || target.state !== 'waiting') return;
    target.state = 'reading';
    file.ondata = (error, chunk, final) => {
      if (target.state !== 'reading') return;
      if (error || target.length + chunk.length > target.out.length) {
        target.state = 'failed';
        pending--;
        // Not another byte of a bomb is inflated while the pass reads the other entries.
        file.terminate();
        return;
      }
      target.out.set(chunk, target.length);
      target.length += chunk.length;
      if (final) {
        target.state = 'done';
        pending--;
      }
    };
    file.start();
  });
  unzip.register(StoppableInflate);
  try {
    for (let o = 0; o < bytes.length && pending > 0; o += CHUNK) unzip.push(bytes.subarray(o, o + CHUNK), o + CHUNK >= bytes.length);
  } catch {
    // What was not read by now is corrupt.
  }
  for (const [name, target] of wanted) {
    const ok = target.state === 'done' && target.length === target.out.length;
    results.set(name, ok ? { ok: true, data: target.out } : { ok: false, problem: 'corrupt', detail: name });
  }
  return results;
}

function megabytes(size: number): string {
  return `${(size / 1048576).toFixed(1)} MB`;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE2_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * The stream names of an OLE2 compound file (a legacy .doc, or an encrypted .docx, whose package is
 * the `EncryptedPackage` stream). Directory entries are 128-byte records at 128-byte-aligned offsets
 * (sectors are 512 or 4096 bytes): each aligned record that is a well-formed stream entry is taken,
 * which needs no FAT chain to follow and so holds on a damaged file too.
 */
export function ole2StreamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let o = 512; o + 128 <= bytes.length; o += 128) {
    const nameLength = u16(bytes, o + 64);
    // A stream (type 2) with an even, terminated name of 2…64 bytes.
    if (bytes[o + 66] !== 2 || nameLength < 4 || nameLength > 64 || nameLength % 2) continue;
    if (u16(bytes, o + nameLength - 2) !== 0) continue;
    let name = '';
    for (let i = 0; i < nameLength - 2; i += 2) name += String.fromCharCode(u16(bytes, o + i));
    if (/^[\x01-\x06]?[\x20-\x7e]+$/.test(name)) names.add(name);
  }
  return names;
}
