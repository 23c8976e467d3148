import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, Analysis, AnalyzeOptions } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import type { Range } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text';
import { FIXTURES } from './fixtures';
import { mulberry32 } from './random';

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)];

/** Every report fixture in the repository (seeds and re-encodings), as text. */
export function fixtureTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e.name)) out.push({ name: path.relative(FIXTURES, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(FIXTURES);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

const ODD_CHARS = [
  '\u00a0',
  '\u3000',
  '\t',
  '|',
  '||',
  '\r',
  '\r\n',
  '\f',
  '\u200f',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u0000',
  '\u0007',
  '\u001b',
  '（',
  '）',
  '、',
  '，',
  '“',
  '”',
  '０',
  '９',
  '-3-',
  '—',
  '/',
  '无',
  '万元',
  '一、',
  '四、',
  '（七）总计',
  '第二十条第（九）项',
  '本年制发件数',
  '7000007',
  '1,234',
  '+5',
  '-1',
  '0.5',
  '\ud83d\ude00',
];

/** Random strings: bytes read as Latin-1, or a mix of CJK, digits, separators and odd code points. */
export function randomText(r: Rand, maxLen: number): string {
  const len = int(r, maxLen);
  if (r() < 0.2) {
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCharCode(int(r, 256));
    return s;
  }
  let s = '';
  while (s.length < len) {
    const k = r();
    if (k < 0.35) s += String.fromCharCode(0x4e00 + int(r, 0x9fa5 - 0x4e00));
    else if (k < 0.55) s += String(int(r, 1000));
    else if (k < 0.7) s += pick(r, [' ', ' | ', '\n', '\t', '  ']);
    else s += pick(r, ODD_CHARS);
  }
  return s;
}

/** Structure-aware mutations of a real report. */
export function mutate(r: Rand, text: string, steps: number): string {
  let lines = text.split('\n');
  for (let s = 0; s < steps && lines.length; s++) {
    const i = int(r, lines.length);
    switch (int(r, 12)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[i]);
        break;
      case 2: {
        const j = int(r, lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 3: {
        const l = lines[i];
        const k = int(r, l.length + 1);
        lines[i] = `${l.slice(0, k)}|${l.slice(k)}`;
        break;
      }
      case 4:
        lines[i] = lines[i].replace('|', '');
        break;
      case 5:
        lines[i] = lines[i].replace(/\s*\|\s*/g, pick(r, ['\t', '   ', ' | ', '|', '  |  ']));
        break;
      case 6:
        lines[i] = lines[i].replace(/\d+/, String(int(r, 100000)));
        break;
      case 7: {
        const l = lines[i];
        const k = int(r, l.length + 1);
        lines[i] = l.slice(0, k) + pick(r, ODD_CHARS) + l.slice(k);
        break;
      }
      case 8:
        lines = lines.slice(0, i);
        break;
      case 9:
        lines[i] = lines[i].slice(0, int(r, lines[i].length + 1));
        break;
      case 10:
        lines.splice(i, 0, randomText(r, 80));
        break;
      default:
        lines[i] = lines[i].replace(/[\u4e00-\u9fa5]/, () => String.fromCharCode(0x4e00 + int(r, 2000)));
    }
  }
  const joined = lines.join(r() < 0.1 ? '\r\n' : '\n');
  return r() < 0.05 ? `\ufeff${joined}` : joined;
}

export interface Violation {
  kind: string;
  detail: string;
}

function inside(doc: LineIndex, range: Range): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < doc.lines.length && p.character >= 0 && p.character <= doc.lines[p.line].length;
  return (
    ok(range.start) &&
    ok(range.end) &&
    (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character))
  );
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return !(before(a.end, b.start) || before(b.end, a.start));
}

/** Lines a finding names: its own range and its related ranges. */
function namedLines(f: Analysis['findings'][number]): Set<number> {
  const lines = new Set<number>();
  for (const r of [f.range, ...(f.related ?? []).map((x) => x.range)]) for (let l = r.start.line; l <= r.end.line; l++) lines.add(l);
  return lines;
}

/**
 * The properties every input must have: analyze returns; ranges lie in the document; the edits of
 * each fix and suggestion lie in the document, do not overlap, stay on the lines the finding names,
 * and apply.
 */
export function checkInvariants(text: string, options: AnalyzeOptions = {}): { violations: Violation[]; analysis?: Analysis } {
  const violations: Violation[] = [];
  let analysis: Analysis;
  try {
    analysis = analyze(text, options);
  } catch (e) {
    return { violations: [{ kind: 'throw', detail: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }] };
  }
  const doc = new LineIndex(text.startsWith('\ufeff') ? ` ${text.slice(1)}` : text);
  for (const f of analysis.findings) {
    if (!inside(doc, f.range)) violations.push({ kind: 'range', detail: `${f.code} ${JSON.stringify(f.range)}` });
    for (const r of f.related ?? []) if (!inside(doc, r.range)) violations.push({ kind: 'related-range', detail: `${f.code} ${JSON.stringify(r.range)}` });
    const lines = namedLines(f);
    for (const { edits } of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
      edits.forEach((e, i) => {
        if (!inside(doc, e.range)) violations.push({ kind: 'edit-range', detail: `${f.code} ${JSON.stringify(e.range)}` });
        for (let l = e.range.start.line; l <= e.range.end.line; l++) {
          if (!lines.has(l)) violations.push({ kind: 'edit-elsewhere', detail: `${f.code} edits line ${l} it does not name` });
        }
        for (const other of edits.slice(i + 1)) if (overlaps(e.range, other.range)) violations.push({ kind: 'edit-overlap', detail: f.code });
      });
      try {
        applyEdits(text, edits);
      } catch (e) {
        violations.push({ kind: 'apply', detail: `${f.code}: ${String(e)}` });
      }
    }
  }
  return { violations, analysis };
}

/** The cases of one fuzz run, generated from a seed. */
export function* fuzzCases(seed: number, count: number, fixtures: { name: string; text: string }[]): Generator<{ seed: number; kind: string; text: string }> {
  for (let i = 0; i < count; i++) {
    const caseSeed = (seed + i * 7919) >>> 0;
    const r = mulberry32(caseSeed);
    const k = r();
    if (k < 0.15) yield { seed: caseSeed, kind: 'random', text: randomText(r, 3000) };
    else {
      const base = pick(r, fixtures);
      yield { seed: caseSeed, kind: `mutate:${base.name}`, text: mutate(r, base.text, 1 + int(r, 8)) };
    }
  }
}
