import type { TextEdit } from './rule';
import { LineIndex } from './text';

/**
 * The edits that turn one text into another, as small as a line diff gives: a fix-all result is
 * sent as the few cells it changed, so the editor keeps the cursor, folding and undo steps.
 */

const MAX_DIFFERENCES = 2000;

/** Lines with their terminators, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

/** Myers' O((N+M)D) shortest edit script over lines, as [oldStart, oldEnd, newStart, newEnd] hunks. */
function lineHunks(a: string[], b: string[]): [number, number, number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_DIFFERENCES);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  if (!found) return undefined;
  // Walk back through the trace, collecting the diagonal-free steps as hunks.
  const hunks: [number, number, number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    // One step: an insertion (x unchanged) or a deletion (y unchanged).
    const hunk: [number, number, number, number] = [prevX, x, prevY, y];
    const last = hunks[hunks.length - 1];
    if (last && last[0] === x && last[2] === y) {
      last[0] = prevX;
      last[2] = prevY;
    } else {
      hunks.push(hunk);
    }
    x = prevX;
    y = prevY;
  }
  return hunks.reverse();
}

export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const starts: number[] = [];
  let acc = 0;
  for (const line of a) {
    starts.push(acc);
    acc += line.length;
  }
  starts.push(acc);
  const doc = new LineIndex(before);
  const at = (offset: number) => doc.positionAt(offset);
  const hunks = lineHunks(a, b) ?? [[0, a.length, 0, b.length]];
  const newStarts: number[] = [];
  let bAcc = 0;
  for (const line of b) {
    newStarts.push(bAcc);
    bAcc += line.length;
  }
  newStarts.push(bAcc);
  return hunks.map(([a0, a1, b0, b1]) => {
    let from = starts[a0];
    let to = starts[a1];
    let text = after.slice(newStarts[b0], newStarts[b1]);
    // Trim what the old and new text share at both ends, so a changed cell is the whole edit.
    const old = before.slice(from, to);
    let p = 0;
    while (p < old.length && p < text.length && old[p] === text[p]) p++;
    let s = 0;
    while (s < old.length - p && s < text.length - p && old[old.length - 1 - s] === text[text.length - 1 - s]) s++;
    // Never split a \r\n pair.
    while (p > 0 && old[p - 1] === '\r' && (old[p] === '\n' || text[p] === '\n')) p--;
    while (s > 0 && old[old.length - s] === '\n' && old[old.length - s - 1] === '\r') s--;
    from += p;
    to -= s;
    text = text.slice(p, text.length - s);
    return { range: { start: at(from), end: at(to) }, newText: text };
  });
}
