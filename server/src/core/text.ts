import type { Position, Range } from './model';

/** A document's lines with LSP positions (line breaks: \r\n, \n, \r). */
export class LineIndex {
  readonly lines: string[];
  /** Offset of each line's first character in the text. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const lines: string[] = [];
    const starts: number[] = [];
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      starts.push(last);
      lines.push(text.slice(last, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      last = i + 1;
    }
    starts.push(last);
    lines.push(text.slice(last));
    this.lines = lines;
    this.starts = starts;
    const nl = text.search(/\r\n|\n|\r/);
    this.eol = nl < 0 ? '\n' : text.startsWith('\r\n', nl) ? '\r\n' : text[nl];
  }

  /** The document's line break, for inserted lines. */
  readonly eol: string;

  range(line: number, start: number, end: number): Range {
    return { start: { line, character: start }, end: { line, character: end } };
  }

  lineRange(line: number): Range {
    return this.range(line, 0, this.lines[line].length);
  }

  /** The LSP position of an offset (a line break counts as the end of its line). */
  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(offset - this.starts[lo], this.lines[lo].length) };
  }

  offsetAt(p: Position): number {
    const line = Math.min(Math.max(p.line, 0), this.lines.length - 1);
    return this.starts[line] + Math.min(Math.max(p.character, 0), this.lines[line].length);
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** `1、属于国家秘密` is `1.属于国家秘密`: the mark after a row number is not wording. */
const ROW_NUMBER_COMMA = /^(\d{1,2})、(?=\D)/;
const QUOTES = /[“”"＂„‟〝〞‘’'「」『』]/g;
const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/**
 * Folds a label for comparison: NFKC (full-width → half-width), no whitespace,
 * one quote style, 、 and ， as the same comma, ． as a full stop.
 */
export function normalizeLabel(s: string): string {
  if (isPlainNumberText(s)) return s;
  const cached = labelCache.get(s);
  if (cached !== undefined) return cached;
  const norm = s
    .normalize('NFKC')
    .replace(WHITESPACE, '')
    .replace(ROW_NUMBER_COMMA, '$1.')
    .replace(QUOTES, '"')
    .replace(/[、，,]/g, ',')
    .replace(/[。]/g, '.');
  if (s.length <= MAX_CACHED_LABEL) {
    if (labelCache.size >= MAX_CACHE_ENTRIES) labelCache.clear();
    labelCache.set(s, norm);
  }
  return norm;
}

/** Digits and `.+-/` only: nothing to normalize (a loop beats a regular expression on such short strings). */
function isPlainNumberText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 0x2e && c !== 0x2b && c !== 0x2d && c !== 0x2f) return false;
  }
  return true;
}

/** Labels repeat across rows and reports: normalizing each once saves most of the parse time. */
const labelCache = new Map<string, string>();
const MAX_CACHED_LABEL = 200;
const MAX_CACHE_ENTRIES = 20_000;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns a monospace rendering (a terminal, a PDF export) gives `s` or s[from..to]: 2 for CJK and full-width forms. */
export function displayWidth(s: string, from = 0, to = s.length): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    let code = s.charCodeAt(i);
    const low = i + 1 < to ? s.charCodeAt(i + 1) : 0;
    if (code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      i++;
    }
    w += isWide(code) ? 2 : 1;
  }
  return w;
}

/** A lookup table by UTF-16 code unit: 1 for each character of `chars` (faster than a regex class on short strings). */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** True when `text` (or the part from..to) holds a character of `table`. */
export function hasAny(text: string, table: Uint8Array, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (table[text.charCodeAt(i)]) return true;
  return false;
}

export function isSpaceChar(code: number): boolean {
  // Most text is CJK or ASCII letters and digits: rule those out first.
  if (code > 0x3000) return code === 0xfeff;
  if (code > 0x20 && code < 0xa0) return false;
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x200b ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** True for a string (or the part from..to) that holds nothing but white space of any kind. */
export function isBlank(s: string, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) if (!isSpaceChar(s.charCodeAt(i))) return false;
  return true;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Value of a Chinese numeral up to 九千九百九十九 (一, 十二, 两百零五); undefined if not one. */
export function chineseNumeral(s: string): number | undefined {
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[ch];
    } else {
      total += (digit ?? 1) * units[ch];
      digit = undefined;
    }
  }
  return total + (digit ?? 0);
}

/** A year written as digits or as 二〇二〇. */
export function parseYear(s: string): number | undefined {
  const ascii = s.normalize('NFKC');
  if (/^\d{4}$/.test(ascii)) return Number(ascii);
  if (/^[〇零一二三四五六七八九]{4}$/.test(s)) {
    return Number([...s].map((c) => CHINESE_DIGITS[c]).join(''));
  }
  return undefined;
}

/** `0`, `2048`: one or more ASCII digits and nothing else. */
export function isAsciiDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Fonts often map ideographs to their look-alike radicals (⼀ U+2F00 for 一, ⼈ for 人, ⻔ for 门), and
 * text copied or converted from such a PDF keeps them: the text a reader sees is the ideograph, so
 * the radicals (and only they) are folded to it. One UTF-16 unit each way: offsets do not move.
 */
export function unifiedIdeographs(text: string): string {
  return /[\u2e80-\u2fdf]/.test(text) ? text.replace(/[\u2e80-\u2fdf]/g, (c) => SIMPLIFIED_RADICALS[c] ?? oneUnit(c.normalize('NFKC'), c)) : text;
}

/** Radicals with no Unicode decomposition (or a traditional one) and the simplified ideograph they stand for. */
const SIMPLIFIED_RADICALS: Record<string, string> = {
  '⺠': '民',
  '⻔': '门',
  '⻓': '长',
  '⻚': '页',
  '⻋': '车',
  '⻢': '马',
  '⻅': '见',
  '⻉': '贝',
  '⻜': '飞',
  '⻬': '齐',
  '⻰': '龙',
  '⻳': '龟',
  '⻄': '西',
  '⻘': '青',
  '⻨': '麦',
  '⻩': '黄',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻛': '风',
  '⻣': '骨',
  '⻤': '鬼',
  '⻁': '虎',
  '⻆': '角',
  '⼾': '户',
};

const oneUnit = (folded: string, c: string) => (folded.length === 1 ? folded : c);
