import type { Range, Report } from '../model';
import { cleanLine, isTableLine } from '../parse/tokens';
import { charTable, isBlank, isSpaceChar, LineIndex } from '../text';
import { signatureOrgan } from './organ';

/**
 * Prose of a report cut into sentences and clauses, each with its exact source range.
 * Sentences never cross a line break: plain-text reports hold one paragraph per line.
 */

export interface Sentence {
  /** The sentence as written, artifacts like `[bookmark: _GoBack]` blanked out, trimmed. */
  text: string;
  line: number;
  /** UTF-16 offsets in the line; `text === line.slice(start, end)` (after artifact blanking). */
  start: number;
  end: number;
  range: Range;
  /** Section 1..6, or 0 for the lines between the title and the first section heading. */
  section: number;
  /** The nearest sub-heading above it in the same section (`（二）依申请公开`), or ''. */
  context: string;
}

export interface Clause {
  text: string;
  /** Offsets in the sentence text. */
  start: number;
  end: number;
}

/** Ends a sentence (kept with it). */
const SENTENCE_END = /[。！？!?；;]+/g;
/** Ends a clause inside a sentence (not 、, which joins list items). */
const CLAUSE_ENDS = charTable('，,：:。！？!?；;');
/** `（二）`, `(3)`, `二、`, `3.` at the start of a line: a sub-heading when the line is short. */
const SUBHEADING = /^[\s\u3000]*(?:[（(]\s*[一二三四五六七八九十\d０-９]{1,3}\s*[)）]|[一二三四五六七八九十]{1,2}\s*、|\d{1,2}\s*[.．、](?!\d))/;
const MAX_SUBHEADING = 40;

/** Prose inside a table section: a line with a sentence end that is not a cell. */
function isProseInTableSection(line: string): boolean {
  const t = line.trim();
  return !isTableLine(line) && t.length >= 10 && /[。；;]/.test(t);
}

/** A short line with no sentence end (a sub-heading like `（二）依申请公开`, or a signature line). */
export function isHeadingLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_SUBHEADING && !/[。；;，,！!？?]/.test(t);
}

/** A numbered sub-heading line (`（二）依申请公开办理情况`, `（3） 政府信息资源…管理情况。`). */
export function isSubHeading(text: string): boolean {
  const t = text.trim();
  return t.length <= MAX_SUBHEADING && SUBHEADING.test(t) && !/[，,；;]/.test(t);
}

/** The sentences of one line, with exact offsets. */
export function splitLine(doc: LineIndex, line: number, section: number, context = '', raw = cleanLine(doc.lines[line])): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && isSpaceChar(raw.charCodeAt(a))) a++;
    while (b > a && isSpaceChar(raw.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ text: raw.slice(a, b), line, start: a, end: b, range: doc.range(line, a, b), section, context });
  };
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(raw); m; m = SENTENCE_END.exec(raw)) {
    const end = m.index + m[0].length;
    push(from, end);
    from = end;
  }
  push(from, raw.length);
  return out;
}

/** Clauses of a sentence, split at ，：。；！？ (the separator stays with the clause before it). */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (CLAUSE_ENDS[text.charCodeAt(i)]) {
      out.push({ text: text.slice(from, i + 1), start: from, end: i + 1 });
      from = i + 1;
    }
  }
  if (from < text.length) out.push({ text: text.slice(from), start: from, end: text.length });
  return out;
}

export interface ProseOptions {
  /** Which sections to read (default: all; 0 is the preamble). */
  sections?: number[];
  /** Leave out the lines of the signature (落款) at the end. */
  skipSignature?: boolean;
}

/** Several rules read the same prose: split it once per report (with or without the signature). */
const cache = new WeakMap<Report, Map<boolean, Sentence[]>>();

/**
 * Every prose sentence of the report: the preamble, sections 一, 五, 六 in full, and in 二–四 only
 * lines that read as sentences (table cells are skipped). Sub-heading lines are returned too
 * (they are short sentences of their own) and set the `context` of what follows.
 */
export function proseSentences(report: Report, doc: LineIndex, options: ProseOptions = {}): Sentence[] {
  const skipSignature = options.skipSignature ?? false;
  let forReport = cache.get(report);
  if (!forReport) {
    forReport = new Map();
    cache.set(report, forReport);
  }
  let all = forReport.get(skipSignature);
  if (!all) {
    all = splitProse(report, doc, skipSignature);
    forReport.set(skipSignature, all);
  }
  const wanted = options.sections;
  return wanted ? all.filter((s) => wanted.includes(s.section)) : all;
}

function splitProse(report: Report, doc: LineIndex, skipSignature: boolean): Sentence[] {
  const out: Sentence[] = [];
  const skip = new Set<number>();
  if (skipSignature && report.signature) {
    skip.add(report.signature.range.start.line);
    const organ = signatureOrgan(report, doc);
    if (organ) skip.add(organ.line);
  }
  const regions: { section: number; from: number; to: number }[] = [];
  const first = report.sections[0]?.heading.line ?? doc.lines.length;
  const titleLine = report.title?.line ?? -1;
  regions.push({ section: 0, from: titleLine + 1, to: first });
  for (const s of report.sections) regions.push({ section: s.heading.section, from: s.bodyStart, to: s.bodyEnd });
  for (const r of regions) {
    let context = '';
    for (let i = r.from; i < r.to; i++) {
      const line = doc.lines[i];
      if (isBlank(line) || skip.has(i)) continue;
      const tableSection = r.section >= 2 && r.section <= 4;
      if (tableSection ? !isProseInTableSection(line) : isTableLine(line)) continue;
      const raw = cleanLine(line);
      if (isSubHeading(raw)) context = raw.trim();
      for (const s of splitLine(doc, i, r.section, context, raw)) out.push(s);
    }
  }
  return out;
}
