import { Unzip, UnzipFileInfo, UnzipInflate, unzipSync } from 'fflate';

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

/** The ZIP is fed in small chunks, so one chunk inflates to at most about a thousand times as much. */
const CHUNK = 4096;

/** An entry's bytes; refused before inflating when it declares more than `limit` bytes. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): InflateResult {
  const { name, originalSize: size } = entry;
  if (entry.compression === AES_ENCRYPTED) return { ok: false, problem: 'encrypted', detail: name };
  if (size > limit) return { ok: false, problem: 'too-large', detail: `${name} ${megabytes(size)} > ${megabytes(limit)}` };
  if (entry.compression !== 0 && entry.compression !== 8) return { ok: false, problem: 'corrupt', detail: `${name}: compression ${entry.compression}` };
  const out = new Uint8Array(size);
  let length = 0;
  let state = 'reading' as 'reading' | 'done' | 'failed';
  let found = false;
  const unzip = new Unzip((file) => {
    if (file.name !== name || found) return;
    found = true;
    file.ondata = (error, chunk, final) => {
      if (state !== 'reading') return;
      if (error || length + chunk.length > size) {
        state = 'failed';
        return;
      }
      out.set(chunk, length);
      length += chunk.length;
      if (final) state = 'done';
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let o = 0; o < bytes.length && state === 'reading'; o += CHUNK) unzip.push(bytes.subarray(o, o + CHUNK), o + CHUNK >= bytes.length);
  } catch {
    return { ok: false, problem: 'corrupt', detail: name };
  }
  if (state !== 'done' || length !== size) return { ok: false, problem: 'corrupt', detail: name };
  return { ok: true, data: out };
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
