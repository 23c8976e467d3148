import { Analysis, analyze, AnalyzeOptions } from './analyze';
import { applyEdits } from './edits';

const MAX_FIX_PASSES = 5;

/**
 * Applies every offered fix, re-checking after each pass (a filled total can make the next sum
 * checkable), until nothing more changes. Overlapping edits wait for the next pass.
 */
export function fixAll(text: string, options: AnalyzeOptions, check: (text: string, options: AnalyzeOptions) => Analysis = analyze): { text: string; edits: number } {
  let current = text;
  let edits = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const all = check(current, options).findings.flatMap((f) => f.fix?.edits ?? []);
    if (all.length === 0) break;
    const next = applyEdits(current, all);
    if (next === current) break;
    edits += all.length;
    current = next;
  }
  return { text: current, edits };
}
