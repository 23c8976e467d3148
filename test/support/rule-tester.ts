/**
 * RuleTester: tables of valid and invalid report models, each run in several encodings.
 * Every invalid case names the findings the rule must give — where (a key of the renderer's
 * position map, so the expected line and columns come from the renderer, not from the parser),
 * the message, the target — and the text after applying the finding's own fix, written as the
 * model the fix should produce (rendered in the same encoding) or as a function of the text.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, AnalyzeOptions, Finding } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { comparePositions } from '../../server/src/core/text';
import type { ReportModel } from './model';
import { Encoding, render, Rendered, Variant } from './render';

export interface Expected {
  /** Defaults to the rule under test. */
  code?: string;
  /**
   * Where the finding starts: a position key of the rendered text (`T3.R1.NP`, `label:T3.R1`,
   * `heading:4`, `num:4`, `title`) — or a function of the rendered text giving a 0-based line.
   */
  at: string | ((r: Rendered) => number);
  /** Compare the start and end character with the key's span too (default: true for cell keys and `num:`). */
  exact?: boolean;
  target?: string;
  severity?: Finding['severity'];
  /** The zh-CN message: exact text, or a pattern. */
  message: string | RegExp;
  /** The English message, checked with `locale: 'en'`. */
  en?: string | RegExp;
  /**
   * The text after applying this finding's fix: the model that it should yield (rendered in the same
   * encoding and variant), a function of the rendered text, or null when no fix may be offered.
   * Undefined: not checked.
   */
  fixed?: ReportModel | ((r: Rendered) => string) | null;
  /**
   * The suggestions the finding offers instead of a fix, in order: each one's zh-CN title and the
   * text after applying it (as for `fixed`). Undefined: not checked.
   */
  suggested?: { title: string; fixed: ReportModel | ((r: Rendered) => string) }[];
  /** Position keys of cells that must be among the finding's related locations (the operands of a sum). */
  related?: string[];
  /** How many related locations the finding has. */
  relatedCount?: number;
}

export interface InvalidCase {
  name: string;
  model: ReportModel;
  encodings?: Encoding[];
  variant?: Variant;
  options?: AnalyzeOptions;
  errors: Expected[];
  /** Codes that must not be reported at all (e.g. a misnumbered section is never also missing). */
  absent?: readonly string[];
  /** Mark a case that exposes an engine bug, so the suite stays green while it is open. */
  todo?: string;
}

export interface ValidCase {
  name: string;
  model: ReportModel;
  encodings?: Encoding[];
  variant?: Variant;
  options?: AnalyzeOptions;
  todo?: string;
}

const CELL_KEY = /^T[234]\.[A-Z0-9_]+\.[A-Z_]+$/;

function lineOf(r: Rendered, at: Expected['at']): number {
  return typeof at === 'function' ? at(r) : r.at(at).line;
}

function describeFinding(f: Finding): string {
  return `${f.code}@${f.range.start.line}:${f.range.start.character} ${f.target ?? ''} ${f.message}`;
}

/** Checks one finding against its expectation; returns nothing, throws on mismatch. */
export function checkFinding(r: Rendered, f: Finding, e: Expected, label: string): void {
  assert.equal(f.range.start.line, lineOf(r, e.at), `${label}: line of ${describeFinding(f)}`);
  const exact = e.exact ?? (typeof e.at === 'string' && (CELL_KEY.test(e.at) || /^(num|label):/.test(e.at)));
  if (exact && typeof e.at === 'string') {
    const span = r.at(e.at);
    assert.deepEqual(
      [f.range.start.character, f.range.end.line, f.range.end.character],
      [span.start, span.line, span.end],
      `${label}: range of ${describeFinding(f)}`,
    );
  }
  if (e.target !== undefined) assert.equal(f.target, e.target, `${label}: target`);
  if (e.severity !== undefined) assert.equal(f.severity, e.severity, `${label}: severity of ${describeFinding(f)}`);
  if (typeof e.message === 'string') assert.equal(f.message, e.message, `${label}: message`);
  else assert.match(f.message, e.message, `${label}: message`);
  for (const key of e.related ?? []) {
    const span = r.at(key);
    assert.ok(
      // A blank cell's range may take in the padding around it: containment, not equality.
      // A sum's addends are folded into one location that spans them (over several lines for a column).
      f.related?.some(
        (x) =>
          comparePositions(x.range.start, { line: span.line, character: span.start }) <= 0 &&
          comparePositions({ line: span.line, character: span.end }, x.range.end) <= 0,
      ),
      `${label}: ${key} (${JSON.stringify(span)}) should be a related location of ${describeFinding(f)}; got ${JSON.stringify(f.related?.map((x) => x.range))}`,
    );
  }
  if (e.relatedCount !== undefined)
    assert.equal(f.related?.length ?? 0, e.relatedCount, `${label}: related of ${describeFinding(f)}: ${JSON.stringify(f.related?.map((x) => x.message))}`);
  if (e.fixed === null) assert.equal(f.fix, undefined, `${label}: no fix expected, got ${JSON.stringify(f.fix)}`);
  else if (e.fixed !== undefined) {
    assert.ok(f.fix, `${label}: a fix is expected for ${describeFinding(f)}`);
    const after = applyEdits(r.text, f.fix.edits);
    const want = typeof e.fixed === 'function' ? e.fixed(r) : render(e.fixed, r.encoding, r.variant).text;
    assert.equal(after, want, `${label}: text after the fix “${f.fix.title}”`);
  }
  if (e.suggested) {
    assert.deepEqual(
      f.suggestions?.map((s) => s.title) ?? [],
      e.suggested.map((s) => s.title),
      `${label}: suggestions of ${describeFinding(f)}`,
    );
    e.suggested.forEach((s, i) => {
      const want = typeof s.fixed === 'function' ? s.fixed(r) : render(s.fixed, r.encoding, r.variant).text;
      assert.equal(applyEdits(r.text, f.suggestions![i].edits), want, `${label}: text after the suggestion “${s.title}”`);
    });
  }
}

export function ruleTester(code: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }, defaults: { encodings: Encoding[] }): void {
  describe(`rule ${code}`, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        for (const enc of c.encodings ?? defaults.encodings) {
          it(`${c.name} [${enc}]`, c.todo ? { todo: c.todo } : {}, () => {
            const r = render(c.model, enc, c.variant);
            const found = analyze(r.text, c.options).findings.filter((f) => f.code === code);
            assert.deepEqual(found.map(describeFinding), [], `${code} must not fire`);
          });
        }
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        for (const enc of c.encodings ?? defaults.encodings) {
          it(`${c.name} [${enc}]`, c.todo ? { todo: c.todo } : {}, () => {
            const r = render(c.model, enc, c.variant);
            const findings = analyze(r.text, c.options).findings;
            const codes = new Set(c.errors.map((e) => e.code ?? code));
            const found = findings.filter((f) => codes.has(f.code));
            assert.equal(found.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${found.map(describeFinding).join('\n')}`);
            c.errors.forEach((e, i) => checkFinding(r, found[i], e, `${c.name} [${enc}] #${i}`));
            for (const a of c.absent ?? []) {
              assert.deepEqual(findings.filter((f) => f.code === a).map(describeFinding), [], `${a} must not be reported`);
            }
            const en = c.errors.some((e) => e.en !== undefined)
              ? analyze(r.text, { ...c.options, locale: 'en' }).findings.filter((f) => codes.has(f.code))
              : [];
            c.errors.forEach((e, i) => {
              if (e.en === undefined) return;
              if (typeof e.en === 'string') assert.equal(en[i].message, e.en);
              else assert.match(en[i].message, e.en);
            });
          });
        }
      }
    });
  });
}
