import type { Analysis, AnalyzeOptions, RuleSetting } from './analyze';
import type { CellState, FormatVersion, Range, Report, Severity } from './model';
import { cellOf, metric } from './narrative/metrics';
import { effectiveFormat } from './schema/formats';
import { organKey } from './narrative/organ';
import { isHeadingLike, proseSentences } from './narrative/sentences';
import { isSpaceChar } from './text';

/**
 * A report reduced to what the cross-file rules and the summary need: plain data (no Map, no
 * class), so it can be made where the file is analysed (a worker thread, the language server's
 * cache) and sent on. Sentences are kept as fingerprints, never as text.
 */

export interface DigestCell {
  value?: number;
  state: CellState;
  range: Range;
}

export interface DigestSentence {
  section: number;
  /** Fingerprint of the normalized text (`sentenceKey`); '' for boilerplate that is never compared. */
  key: string;
  range: Range;
}

/** The figures of the summary table; null when the report does not give them. */
export interface SummaryFigures {
  /** 表三 一、本年新收 总计 */
  received: number | null;
  /** 表三 （七）总计 总计 */
  concluded: number | null;
  /** 表三 四、结转下年度继续办理 总计 */
  carriedOut: number | null;
  /** 表四 行政复议 总计 */
  review: number | null;
  /** 表四 直接起诉 总计 + 复议后起诉 总计 */
  litigation: number | null;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  /** information and hint */
  information: number;
}

export interface ReportDigest {
  /** The document's URI or path, as the caller names it; findings are keyed by it. */
  uri: string;
  organ?: string;
  organKey?: string;
  year?: number;
  yearSource?: Report['yearSource'];
  /** The tables' format (or, when they do not tell, the one expected for the year). */
  format?: FormatVersion;
  /** Where a finding about the whole report goes: the 一 heading, else the title. */
  anchor: Range;
  /** 表三 rows 二 (R2) and 四 (R4), by column key. */
  t3: { R2?: Record<string, DigestCell>; R4?: Record<string, DigestCell> };
  /** 表二 (2021 format) rows 规章 / 行政规范性文件: ISSUED, REPEALED, VALID. */
  t2: { REG?: Record<string, DigestCell>; NORM?: Record<string, DigestCell> };
  /** Sentences of 一 and 五. */
  sentences: DigestSentence[];
  figures: SummaryFigures;
  /** Per-file findings (from `analyze`), counted. */
  counts: FindingCounts;
  /** Whether the report was checked: read but not understood, or not checked at all, is never a clean report. */
  status: ReportStatus;
  /** The settings this document was checked with that matter here. */
  settings: { rules?: Record<string, RuleSetting>; ignore?: { code: string; target?: string }[]; blankAsZero: boolean };
}

export type ReportStatus = 'checked' | 'unrecognized' | 'unchecked';

function statusOf(analysis: Analysis): ReportStatus {
  if (analysis.checked === false) return 'unchecked';
  return analysis.findings.some((f) => f.code === 'report-unrecognized') ? 'unrecognized' : 'checked';
}

/** The 表三 columns a digest keeps for rows 二 and 四 (carried over). */
export const T3_COLUMNS = ['NP', 'CE', 'RI', 'PW', 'LS', 'OT', 'TOT'];
const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Sentences that every report may share: not evidence of copying. */
const BOILERPLATE = [
  /第五十条/,
  /统计(?:期限|期间|时间|数据)/,
  /疑问|联系电话|联系方式|邮编|邮政编码|电子邮箱|地址/,
  /下载|网址|http|www\./i,
  /报告如下/,
  /其他需要报告的事项/,
];
const MIN_KEY = 12;

/** Characters left out of comparison keys: white space (but U+200B) and punctuation. */
const KEY_DROPS = (() => {
  const drops = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (c !== 0x200b && isSpaceChar(c)) drops[c] = 1;
  for (const ch of '。，,；;：:！!？?、"“”‘’\'()（）《》〈〉【】[]-—…·.') drops[ch.charCodeAt(0)] = 2;
  return drops;
})();
const BOOKMARK = /\[bookmark:[^\]]*\]/g;
const YEAR_SUFFIX = 0x5e74; // 年

/** A sentence's comparison key: NFKC, no white space or punctuation, four digits before 年 as Y. */
export function sentenceKey(text: string): string {
  let s = text.normalize('NFKC');
  if (s.includes('[bookmark:')) s = s.replace(BOOKMARK, '');
  let key = '';
  let run = 0;
  // ASCII digits at the end of the key, with only white space between them and here.
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const drop = KEY_DROPS[c];
    if (drop === 1) {
      key += s.slice(run, i);
      run = i + 1;
      continue;
    }
    if (c >= 48 && c <= 57) {
      digits++;
      continue;
    }
    if (c === YEAR_SUFFIX && digits >= 4) {
      key = (key + s.slice(run, i)).slice(0, -4) + 'Y';
      run = i;
    }
    digits = 0;
    if (drop === 2) {
      key += s.slice(run, i);
      run = i + 1;
    }
  }
  return key + s.slice(run);
}

/**
 * A 53-bit fingerprint of a sentence key: digests compare sentences by it, stay small, and hold
 * no slice of the document's text (which would keep the whole document alive).
 */
function fingerprint(key: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Small integers print fast; a 53-bit double printed in base 36 costs ten times as much.
  return `${(h2 & 0x1fffff).toString(36)}.${(h1 & 0x3fffffff).toString(36)}${h1 >>> 30}`;
}

/** The fingerprint of a sentence worth comparing; '' for a short or boilerplate one. */
function sentenceFingerprint(text: string): string {
  if (isHeadingLike(text) || BOILERPLATE.some((re) => re.test(text))) return '';
  const key = sentenceKey(text);
  return key.length < MIN_KEY ? '' : fingerprint(key);
}

function rowCells(report: Report, table: 'T2' | 'T3', row: string, columns: string[]): Record<string, DigestCell> | undefined {
  const out: Record<string, DigestCell> = {};
  for (const c of columns) {
    const cell = cellOf(report, table, row, c);
    if (cell) out[c] = { value: cell.value, state: cell.state, range: cell.range };
  }
  return Object.keys(out).length ? out : undefined;
}

export function countFindings(findings: { severity: Severity }[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, information: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.information++;
  }
  return counts;
}

/** Reduces an analysed document to what the workspace checks and the summary need. */
export function digestReport(uri: string, analysis: Analysis, options: AnalyzeOptions = {}): ReportDigest {
  const blankAsZero = options.blankAsZero ?? true;
  const settings: ReportDigest['settings'] = { blankAsZero };
  if (options.rules) settings.rules = options.rules;
  if (options.ignore) settings.ignore = options.ignore;
  const counts = countFindings(analysis.findings);
  const status = statusOf(analysis);
  const report = analysis.report;
  if (!report) {
    const none = { received: null, concluded: null, carriedOut: null, review: null, litigation: null };
    return { uri, anchor: ZERO, t3: {}, t2: {}, sentences: [], figures: none, counts, settings, status };
  }
  const format = analysis.format ?? effectiveFormat(report);
  const m = (id: Parameters<typeof metric>[1]) => metric(report, id, { blankAsZero, format })?.value ?? null;
  const one = report.sections.find((s) => s.heading.section === 1);
  const sentences = proseSentences(report, analysis.doc, { sections: [1, 5], skipSignature: true }).map((s) => ({
    section: s.section,
    key: sentenceFingerprint(s.text),
    range: s.range,
  }));
  return compact({
    uri,
    organ: report.organ,
    organKey: organKey(report.organ),
    year: report.year,
    yearSource: report.yearSource,
    format,
    anchor: one?.heading.range ?? report.title?.range ?? ZERO,
    status,
    t3: { R2: rowCells(report, 'T3', 'R2', T3_COLUMNS), R4: rowCells(report, 'T3', 'R4', T3_COLUMNS) },
    t2:
      format === '2021'
        ? { REG: rowCells(report, 'T2', 'REG', ['ISSUED', 'REPEALED', 'VALID']), NORM: rowCells(report, 'T2', 'NORM', ['ISSUED', 'REPEALED', 'VALID']) }
        : {},
    sentences,
    figures: {
      received: m('received'),
      concluded: m('concluded'),
      carriedOut: m('carriedOut'),
      review: m('review'),
      litigation: m('litigation'),
    },
    counts,
    settings,
  });
}

/** Leaves out undefined properties, so that a digest survives JSON as it is. */
function compact<T extends object>(value: T): T {
  for (const k of Object.keys(value) as (keyof T)[]) if (value[k] === undefined) delete value[k];
  return value;
}

function commonPrefix(a: string, b: string): number {
  const x = a.split(/[\\/]/);
  const y = b.split(/[\\/]/);
  let i = 0;
  while (i < x.length - 1 && i < y.length - 1 && x[i] === y[i]) i++;
  return i;
}

/** Reports by issuing body and year, for finding the year before. */
export type ByOrganYear = Map<string, ReportDigest[]>;

export function indexByOrganYear(digests: ReportDigest[]): ByOrganYear {
  const index: ByOrganYear = new Map();
  for (const d of digests) {
    if (!d.organKey || d.year === undefined) continue;
    const key = `${d.organKey}\u0000${d.year}`;
    const list = index.get(key);
    if (list) list.push(d);
    else index.set(key, [d]);
  }
  return index;
}

/** The same body's report for the year before: the nearest by folder when there are several. */
export function previousReport(digest: ReportDigest, all: ReportDigest[]): ReportDigest | undefined {
  return previousIn(digest, indexByOrganYear(all));
}

export function previousIn(digest: ReportDigest, index: ByOrganYear): ReportDigest | undefined {
  if (!digest.organKey || digest.year === undefined) return undefined;
  let best: ReportDigest | undefined;
  let bestScore = -1;
  for (const d of index.get(`${digest.organKey}\u0000${digest.year - 1}`) ?? []) {
    if (d === digest) continue;
    const score = commonPrefix(d.uri, digest.uri);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** A file name for messages: the last part of a path or URI, decoded. */
export function shortName(uri: string): string {
  const last = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
