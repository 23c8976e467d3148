import { analyze, Analysis, AnalyzeOptions, Finding, isIgnored, RuleSetting } from './analyze';
import type { CellState, FormatVersion, Locale, Range, Report, Severity } from './model';
import { cellOf, cellValue, metric, reportFormat } from './narrative/metrics';
import { organKey } from './narrative/organ';
import { isHeadingLike, proseSentences } from './narrative/sentences';
import { Draft, format, Rule } from './rule';
import { RULES } from './rules';
import { carryOver } from './rules/carry-over';
import { copiedText, DEFAULT_COPIED_TEXT_THRESHOLD, MIN_COPIED_TEXT_SENTENCES } from './rules/copied-text';
import { columnName, rowName } from './labels';
import { comparePositions, isSpaceChar } from './text';

/**
 * Checks across the reports of one folder tree (pure: documents in, findings out, no file access).
 *
 * Each document is first reduced to a `ReportDigest`: plain data (no Map, no class), so it can be
 * made where the file is analysed (a worker thread, the language server's cache) and sent on.
 * `workspaceFindings` then pairs each report with the same body's report for the year before
 * (by the normalized issuing body in the title) and runs `carry-over` and `copied-text`.
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

export interface WorkspaceOptions {
  locale?: Locale;
  /** Share (0–1] of copied sentences from which `copied-text` reports; default 0.5. */
  copiedTextThreshold?: number;
}

/** A finding whose related information may point into another document (`uri`; absent: the same one). */
export interface WorkspaceFinding extends Finding {
  related?: { range: Range; message: string; uri?: string }[];
}

// ------------------------------------------------------------------ digest

const T3_COLUMNS = ['NP', 'CE', 'RI', 'PW', 'LS', 'OT', 'TOT'];
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

function countFindings(findings: { severity: Severity }[]): FindingCounts {
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
  const m = (id: Parameters<typeof metric>[1]) => metric(report, id, { blankAsZero })?.value ?? null;
  const one = report.sections.find((s) => s.heading.section === 1);
  const sentences = proseSentences(report, analysis.doc, { sections: [1, 5], skipSignature: true })
    .map((s) => ({ section: s.section, key: sentenceFingerprint(s.text), range: s.range }));
  const format = report.format ?? reportFormat(report);
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
    t2: format === '2021'
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

// ------------------------------------------------------------------ pairing

function commonPrefix(a: string, b: string): number {
  const x = a.split(/[\\/]/);
  const y = b.split(/[\\/]/);
  let i = 0;
  while (i < x.length - 1 && i < y.length - 1 && x[i] === y[i]) i++;
  return i;
}

/** Reports by issuing body and year, for finding the year before. */
type ByOrganYear = Map<string, ReportDigest[]>;

function indexByOrganYear(digests: ReportDigest[]): ByOrganYear {
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

function previousIn(digest: ReportDigest, index: ByOrganYear): ReportDigest | undefined {
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

// ------------------------------------------------------------------ localization (as in analyze)

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

interface Located extends Draft {
  related?: { range: Range; messageId: string; params?: Draft['params']; uri?: string }[];
}

function emit(rule: Rule, draft: Located, digest: ReportDigest, locale: Locale): WorkspaceFinding | undefined {
  const setting = digest.settings.rules?.[rule.code];
  if (setting === 'off') return undefined;
  if (isIgnored(digest.settings.ignore, rule.code, draft)) return undefined;
  const configured = setting ?? rule.defaultSeverity;
  const severity = draft.severity && RANK[draft.severity] > RANK[configured] ? draft.severity : configured;
  const text = (id: string, params: Draft['params'] = {}) => format(rule.messages[id]?.[locale] ?? id, params, locale);
  const finding: WorkspaceFinding = { code: rule.code, severity, message: text(draft.messageId, draft.params), range: draft.range };
  if (draft.related?.length) {
    finding.related = draft.related.map((r) => ({ range: r.range, message: text(r.messageId, r.params), ...(r.uri ? { uri: r.uri } : {}) }));
  }
  if (draft.target) finding.target = draft.target;
  return finding;
}

// ------------------------------------------------------------------ carry-over

function known(cell: DigestCell | undefined, blankAsZero: boolean): { value: number; blank: boolean } | undefined {
  if (!cell) return undefined;
  return cellValue({ state: cell.state, value: cell.value } as Parameters<typeof cellValue>[0], { blankAsZero });
}

function carryDrafts(cur: ReportDigest, prev: ReportDigest): Located[] {
  const drafts: Located[] = [];
  const blankAsZero = cur.settings.blankAsZero;
  const prevFile = shortName(prev.uri);
  const fmt = cur.format ?? '2021';
  for (const col of T3_COLUMNS) {
    const a = cur.t3.R2?.[col];
    const b = prev.t3.R4?.[col];
    const va = known(a, blankAsZero);
    const vb = known(b, blankAsZero);
    if (!a || !b || !va || !vb || va.value === vb.value) continue;
    const column = columnName('T3', col, fmt);
    const blank = va.blank || vb.blank;
    const params = {
      column,
      value: va.value,
      prevValue: vb.value,
      prevYear: prev.year!,
      prevFile,
      note: blank ? carryOver.messages.blankNote : '',
    };
    drafts.push({
      messageId: 'carry',
      params,
      range: a.range,
      related: [{ range: b.range, messageId: 'carryRelated', params, uri: prev.uri }],
      target: `T3.R2.${col}`,
    });
  }
  if (cur.format === '2021' && prev.format === '2021') {
    for (const row of ['REG', 'NORM'] as const) {
      const c = cur.t2[row];
      const p = prev.t2[row];
      const valid = known(c?.VALID, blankAsZero);
      const issued = known(c?.ISSUED, blankAsZero);
      const repealed = known(c?.REPEALED, blankAsZero);
      const prevValid = known(p?.VALID, blankAsZero);
      if (!valid || !issued || !repealed || !prevValid) continue;
      const expected = prevValid.value + issued.value - repealed.value;
      if (valid.value === expected) continue;
      const what = (col: string) => columnName('T2', col, '2021', row);
      const lastYear = { 'zh-CN': `${prev.year}年报告${what('VALID')}`, en: `${what('VALID')} in the ${prev.year} report` };
      drafts.push({
        messageId: 'valid',
        params: { row: rowName('T2', row, '2021'), value: valid.value, prevValue: prevValid.value, prevYear: prev.year!, issued: issued.value, repealed: repealed.value, expected },
        range: c!.VALID.range,
        severity: 'information',
        related: [
          { range: p!.VALID.range, messageId: 'validRelated', params: { what: lastYear, value: prevValid.value }, uri: prev.uri },
          { range: c!.ISSUED.range, messageId: 'validRelated', params: { what: what('ISSUED'), value: issued.value } },
          { range: c!.REPEALED.range, messageId: 'validRelated', params: { what: what('REPEALED'), value: repealed.value } },
        ],
        target: `T2.${row}.VALID`,
      });
    }
  }
  return drafts;
}

// ------------------------------------------------------------------ copied-text

const MAX_RELATED = 10;

function copiedDrafts(cur: ReportDigest, prev: ReportDigest, threshold: number, common: (key: string) => boolean): Located[] {
  const theirs = new Map<string, DigestSentence>();
  for (const s of prev.sentences) if (s.key && !theirs.has(s.key)) theirs.set(s.key, s);
  const considered = cur.sentences.filter((s) => s.key && !common(s.key));
  if (considered.length < MIN_COPIED_TEXT_SENTENCES) return [];
  const copied = considered.filter((s) => theirs.has(s.key));
  const share = copied.length / considered.length;
  if (share < threshold || copied.length === 0) return [];
  const params = {
    copied: copied.length,
    total: considered.length,
    percent: Math.round(share * 100),
    prevYear: prev.year!,
    prevFile: shortName(prev.uri),
  };
  const related: Located['related'] = [];
  for (const s of copied.slice(0, MAX_RELATED)) {
    related.push({ range: s.range, messageId: 'here', params });
    related.push({ range: theirs.get(s.key)!.range, messageId: 'there', params, uri: prev.uri });
  }
  return [{ messageId: 'copied', params, range: cur.anchor, related, target: 'text.copied' }];
}

/** For each sentence key, the bodies whose reports contain it. */
function sentenceOwners(digests: ReportDigest[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const d of digests) {
    if (!d.organKey) continue;
    for (const s of d.sentences) {
      if (!s.key) continue;
      let set = owners.get(s.key);
      if (!set) owners.set(s.key, (set = new Set()));
      set.add(d.organKey);
    }
  }
  return owners;
}

/** Whether reports of at least two bodies other than `self` share the sentence: common wording, not copying. */
function isCommon(owners: Map<string, Set<string>>, key: string, self: string | undefined): boolean {
  const set = owners.get(key);
  if (!set) return false;
  return set.size - (self !== undefined && set.has(self) ? 1 : 0) >= 2;
}

// ------------------------------------------------------------------ entry points

const ORDER = new Map(RULES.map((r, i) => [r.code, i]));

/** Cross-file findings, by document URI (only documents with findings appear). */
export function workspaceFindings(digests: ReportDigest[], options: WorkspaceOptions = {}): Map<string, WorkspaceFinding[]> {
  const locale = options.locale ?? 'zh-CN';
  const threshold = options.copiedTextThreshold ?? DEFAULT_COPIED_TEXT_THRESHOLD;
  const out = new Map<string, WorkspaceFinding[]>();
  const organs = new Set(digests.map((d) => d.organKey).filter(Boolean));
  const byOrganYear = indexByOrganYear(digests);
  let owners: Map<string, Set<string>> | undefined;
  for (const cur of digests) {
    const prev = previousIn(cur, byOrganYear);
    if (!prev) continue;
    const findings: WorkspaceFinding[] = [];
    if (cur.settings.rules?.[carryOver.code] !== 'off') {
      for (const d of carryDrafts(cur, prev)) {
        const f = emit(carryOver, d, cur, locale);
        if (f) findings.push(f);
      }
    }
    if (cur.settings.rules?.[copiedText.code] !== 'off') {
      if (organs.size >= 3) owners ??= sentenceOwners(digests);
      const common = (key: string) => owners !== undefined && isCommon(owners, key, cur.organKey);
      for (const d of copiedDrafts(cur, prev, threshold, common)) {
        const f = emit(copiedText, d, cur, locale);
        if (f) findings.push(f);
      }
    }
    findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0));
    if (findings.length) out.set(cur.uri, findings);
  }
  return out;
}

/** Adds workspace findings to a document's own, in the order `analyze` uses (position, then rule). */
export function mergeFindings<F extends Finding>(own: F[], extra: F[] | undefined): F[] {
  if (!extra?.length) return own;
  return [...own, ...extra].sort((a, b) => comparePositions(a.range.start, b.range.start) || (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0));
}

export interface SummaryRow extends SummaryFigures, FindingCounts {
  file: string;
  organ: string | null;
  year: number | null;
  format: FormatVersion | null;
  status: ReportStatus;
}

/** One row per report: what a reviewer hands on. Counts include the workspace findings given. */
export function summaryRows(digests: ReportDigest[], extra: Map<string, Finding[]> = new Map()): SummaryRow[] {
  return digests.map((d) => {
    const more = countFindings(extra.get(d.uri) ?? []);
    return {
      file: d.uri,
      organ: d.organ ?? null,
      year: d.year ?? null,
      format: d.format ?? null,
      status: d.status,
      errors: d.counts.errors + more.errors,
      warnings: d.counts.warnings + more.warnings,
      information: d.counts.information + more.information,
      ...d.figures,
    };
  });
}

export interface WorkspaceDocument {
  uri: string;
  text: string;
  options?: AnalyzeOptions;
}

export interface WorkspaceAnalysis {
  /** Per document: its own findings merged with the workspace findings. */
  findings: Map<string, WorkspaceFinding[]>;
  /** Only the cross-file findings. */
  workspace: Map<string, WorkspaceFinding[]>;
  digests: ReportDigest[];
  rows: SummaryRow[];
}

/** Everything at once, for tests and simple callers: analyse each text, then the cross-file checks. */
export function analyzeWorkspace(docs: WorkspaceDocument[], options: WorkspaceOptions = {}): WorkspaceAnalysis {
  const own = new Map<string, Finding[]>();
  const digests = docs.map((d) => {
    const opts = { ...d.options, locale: options.locale ?? d.options?.locale };
    const analysis = analyze(d.text, opts);
    own.set(d.uri, analysis.findings);
    return digestReport(d.uri, analysis, opts);
  });
  const workspace = workspaceFindings(digests, options);
  const findings = new Map<string, WorkspaceFinding[]>();
  for (const d of docs) findings.set(d.uri, mergeFindings<WorkspaceFinding>(own.get(d.uri) ?? [], workspace.get(d.uri)));
  return { findings, workspace, digests, rows: summaryRows(digests, workspace) };
}
