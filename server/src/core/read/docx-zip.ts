import { Inflate } from 'fflate';

/**
 * The ZIP container of a .docx, read from its central directory: which entries it holds, and an
 * entry's bytes inflated under a size bound. fflate's `unzipSync` trusts the sizes the directory
 * declares (a bomb that lies about them is inflated in full, only to be cut); here inflating stops
 * as soon as the output passes the declared size, so work and memory stay bounded by it.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  localOffset: number;
  /** Offset and length of the central directory record. */
  centralOffset: number;
  centralLength: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Offset of the end-of-central-directory record. */
  endOffset: number;
  centralStart: number;
  /** The ZIP64 end records are present (sizes or offsets past 4 GB or 65535 entries). */
  zip64: boolean;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
/** A 64-bit little-endian number, exact up to 2^53. */
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The central directory, or why the bytes are not a readable ZIP. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | { error: string } {
  // The end record is in the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let o = bytes.length - 22; o >= 0 && o >= bytes.length - 22 - 0xffff; o--) {
    if (u32(bytes, o) === END_SIGNATURE) {
      end = o;
      break;
    }
  }
  if (end < 0) return { error: 'no ZIP directory' };
  let count = u16(bytes, end + 10);
  let centralStart = u32(bytes, end + 16);
  let zip64 = false;
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const record = Number(u64(bytes, end - 12));
    if (record + 56 <= bytes.length && u32(bytes, record) === 0x06064b50) {
      zip64 = true;
      count = u64(bytes, record + 32);
      centralStart = u64(bytes, record + 48);
    }
  }
  const entries: ZipEntry[] = [];
  let o = centralStart;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CENTRAL_SIGNATURE) return { error: 'broken ZIP directory' };
    const nameLength = u16(bytes, o + 28);
    const extraLength = u16(bytes, o + 30);
    const commentLength = u16(bytes, o + 32);
    const length = 46 + nameLength + extraLength + commentLength;
    if (o + length > bytes.length) return { error: 'broken ZIP directory' };
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(o + 46, o + 46 + nameLength)),
      method: u16(bytes, o + 10),
      flags: u16(bytes, o + 8),
      crc: u32(bytes, o + 16),
      compressedSize: u32(bytes, o + 20),
      size: u32(bytes, o + 24),
      localOffset: u32(bytes, o + 42),
      centralOffset: o,
      centralLength: length,
    };
    readZip64Extra(bytes, o + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    o += length;
  }
  return { entries, endOffset: end, centralStart, zip64 };
}

/** Sizes and offset saturated at 0xFFFFFFFF are in the ZIP64 extra field, in this order. */
function readZip64Extra(bytes: Uint8Array, start: number, length: number, entry: ZipEntry): void {
  const fields = (['size', 'compressedSize', 'localOffset'] as const).filter((k) => entry[k] === 0xffffffff);
  if (fields.length === 0) return;
  for (let o = start; o + 4 <= start + length; ) {
    const id = u16(bytes, o);
    const size = u16(bytes, o + 2);
    if (id === 0x0001) {
      fields.forEach((k, i) => {
        if (8 * i + 8 <= size) entry[k] = u64(bytes, o + 4 + 8 * i);
      });
      return;
    }
    o += 4 + size;
  }
}

/** Where an entry's compressed data starts and ends, from its local header. */
export function entryDataRange(bytes: Uint8Array, entry: ZipEntry): { start: number; end: number } | undefined {
  const o = entry.localOffset;
  if (o + 30 > bytes.length || u32(bytes, o) !== LOCAL_SIGNATURE) return undefined;
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? { start, end } : undefined;
}

export type InflateResult = { ok: true; data: Uint8Array } | { ok: false; problem: 'too-large' | 'corrupt' | 'encrypted'; detail: string };

/** Input is fed in small chunks, so one chunk inflates to at most about a thousand times as much. */
const CHUNK = 4096;

/** An entry's bytes; refused before inflating when it declares more than `limit` bytes. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): InflateResult {
  const name = entry.name;
  if (entry.flags & 1) return { ok: false, problem: 'encrypted', detail: name };
  if (entry.size > limit) return { ok: false, problem: 'too-large', detail: `${name} ${megabytes(entry.size)} > ${megabytes(limit)}` };
  const range = entryDataRange(bytes, entry);
  if (!range) return { ok: false, problem: 'corrupt', detail: name };
  const raw = bytes.subarray(range.start, range.end);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    const inflated = boundedInflate(raw, entry.size);
    if (!inflated) return { ok: false, problem: 'corrupt', detail: name };
    data = inflated;
  } else return { ok: false, problem: 'corrupt', detail: `${name}: compression ${entry.method}` };
  if (data.length !== entry.size || crc32(data) !== entry.crc) return { ok: false, problem: 'corrupt', detail: name };
  return { ok: true, data };
}

function megabytes(size: number): string {
  return `${(size / 1048576).toFixed(1)} MB`;
}

/** Inflates `raw`, giving up (undefined) on broken data or as soon as the output exceeds `size`. */
function boundedInflate(raw: Uint8Array, size: number): Uint8Array | undefined {
  const out = new Uint8Array(size);
  let length = 0;
  let overflow = false;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    if (length + chunk.length > size) overflow = true;
    else out.set(chunk, length);
    length += chunk.length;
    if (final) done = true;
  });
  try {
    for (let o = 0; o < raw.length && !overflow && !done; o += CHUNK) {
      inflate.push(raw.subarray(o, Math.min(raw.length, o + CHUNK)), o + CHUNK >= raw.length);
    }
  } catch {
    return undefined;
  }
  return overflow || !done ? undefined : out.subarray(0, length);
}

let CRC_TABLE: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

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
