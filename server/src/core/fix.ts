import { Analysis, analyze, AnalyzeOptions } from './analyze';
import type { Position } from './model';
import type { SourceLocation } from './read/document';
import type { FixKind } from './rule';
import { LineIndex } from './text';

const MAX_FIX_PASSES = 5;

/** One edit that fix-all made, described for the `--fix` log. */
export interface AppliedEdit {
  /** Where it starts in the text before any fix, and in the fixed text. */
  original: Position;
  fixed: Position;
  /** In a Word file: the table cell it wrote, which says more than a position in the read text. */
  location?: SourceLocation;
  code: string;
  kind: FixKind;
  /** What it changed (`表三「（一）予以公开」 总计`), in the analysis locale. */
  subject: string;
  oldText: string;
  newText: string;
}

export interface FixResult {
  text: string;
  edits: AppliedEdit[];
}

/** An edit as applied in one pass: its span in the pass's input and the length it wrote. */
interface Step {
  from: number;
  to: number;
  length: number;
}

/**
 * Applies every safe fix (only the given kinds, if any), re-checking after each pass with `check`
 * (a filled cell can make the next sum checkable), until nothing more changes. Suggestions are
 * never applied. Overlapping edits wait for the next pass.
 */
export function fixAll(
  text: string,
  options: AnalyzeOptions,
  kinds?: readonly FixKind[],
  check: (text: string, options: AnalyzeOptions) => Analysis = analyze,
): FixResult {
  const passes: Step[][] = [];
  const made: { pass: number; step: Step; at: number; edit: Omit<AppliedEdit, 'original' | 'fixed'> }[] = [];
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const offered = check(current, { ...options, brief: false }).findings.flatMap((f) =>
      f.fix && (!kinds || kinds.includes(f.fix.kind)) ? f.fix.edits.map((e) => ({ e, code: f.code, kind: f.fix!.kind })) : [],
    );
    if (offered.length === 0) break;
    const doc = new LineIndex(current);
    const spans = offered
      .map((o) => ({ ...o, from: doc.offsetAt(o.e.range.start), to: doc.offsetAt(o.e.range.end) }))
      .sort((a, b) => a.from - b.from || a.to - b.to);
    const steps: Step[] = [];
    let out = '';
    let cursor = 0;
    let shift = 0;
    let previous: (typeof spans)[number] | undefined;
    for (const s of spans) {
      const repeated = previous && previous.from === s.from && previous.to === s.to && previous.e.newText === s.e.newText;
      previous = s;
      const oldText = current.slice(s.from, s.to);
      if (repeated || s.from < cursor || oldText === s.e.newText) continue;
      const step = { from: s.from, to: s.to, length: s.e.newText.length };
      steps.push(step);
      made.push({ pass, step, at: s.from + shift, edit: { code: s.code, kind: s.kind, subject: s.e.subject, oldText, newText: s.e.newText } });
      out += current.slice(cursor, s.from) + s.e.newText;
      shift += step.length - (step.to - step.from);
      cursor = s.to;
    }
    if (steps.length === 0) break;
    passes.push(steps);
    current = out + current.slice(cursor);
  }
  const before = new LineIndex(text);
  const after = new LineIndex(current);
  const edits = made.map(({ pass, step, at, edit }) => {
    let original = step.from;
    for (let p = pass - 1; p >= 0; p--) original = backward(original, passes[p]);
    let fixed = at;
    for (let p = pass + 1; p < passes.length; p++) fixed = forward(fixed, passes[p]);
    return { original: before.positionAt(original), fixed: after.positionAt(fixed), ...edit };
  });
  return { text: current, edits };
}

/** Where an offset of a pass's input lands in its output (inside a rewritten span: its start). */
function forward(offset: number, steps: Step[]): number {
  let shift = 0;
  for (const s of steps) {
    if (s.to <= offset && (s.from < offset || s.from === s.to)) shift += s.length - (s.to - s.from);
    else if (s.from < offset) return s.from + shift;
    else break;
  }
  return offset + shift;
}

/** Where an offset of a pass's output was in its input (inside written text: where it was written). */
function backward(offset: number, steps: Step[]): number {
  let shift = 0;
  for (const s of steps) {
    const start = s.from + shift;
    if (start + s.length <= offset && (start < offset || s.length === 0)) shift += s.length - (s.to - s.from);
    else if (start < offset) return s.from;
    else break;
  }
  return offset - shift;
}
