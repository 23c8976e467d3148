import * as iconv from 'iconv-lite';

/** Bytes → text for the CLI: BOMs, strict UTF-8, then GB18030 (which covers GBK and GB2312). */

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const ENCODINGS: EncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export type Decoded = { ok: true; text: string; encoding: EncodingName } | { ok: false; reason: 'binary' | 'undecodable' };

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function decodeAs(bytes: Uint8Array, encoding: EncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The charset a web page declares in its first bytes (`<meta charset>`, `http-equiv`), among those we decode. */
export function declaredCharset(bytes: Uint8Array): EncodingName | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|euc-cn|cp936)$/.test(name)) return 'gb18030';
  return undefined;
}

export function decode(bytes: Uint8Array, forced?: EncodingName): Decoded {
  if (forced) {
    const text = decodeAs(bytes, forced);
    return text === undefined ? { ok: false, reason: 'undecodable' } : { ok: true, text, encoding: forced };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return wrap(decodeAs(bytes, 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return wrap(decodeAs(bytes, 'utf-16be'), 'utf-16be');
  if (hasNul(bytes)) return { ok: false, reason: 'binary' };
  const utf8 = decodeAs(bytes, 'utf-8');
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8' };
  return wrap(decodeAs(bytes, 'gb18030'), 'gb18030');
}

function wrap(text: string | undefined, encoding: EncodingName): Decoded {
  return text === undefined ? { ok: false, reason: 'undecodable' } : { ok: true, text, encoding };
}

/** Text → bytes in the encoding it was read in (for --fix), keeping a UTF-8 BOM if there was one. */
export function encode(text: string, encoding: EncodingName, bom: boolean): Buffer {
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding === 'utf-16be') {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  }
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.from(bom ? `\ufeff${text}` : text, 'utf8');
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
