/**
 * The geometry of a PDF page, read as pdfplumber and Camelot do: glyph runs with boxes and ruling
 * lines first, meaning second. Ruled tables (lattice): nearly aligned edges are snapped and joined,
 * their crossings are cell corners, and a merged cell is one whose inner lines are missing. Text is
 * given to cells by where it stands, so a blank cell is a cell no text falls in. Tables without lines
 * (stream): columns from white-space gaps shared by the rows. All boxes are in points from the page's
 * top-left corner: [left, top, right, bottom].
 */

export type Box = [number, number, number, number];

/** A run of glyphs on one baseline, without white space inside. */
export interface Run {
  text: string;
  box: Box;
  /** Font size in points. */
  size: number;
  /** White space stands before it in the text it was cut from. */
  spaced?: boolean;
}

/** A ruling line: horizontal when y0 = y1, vertical when x0 = x1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGeometry {
  page: number;
  width: number;
  height: number;
  runs: Run[];
  rules: Rule[];
}

/** A text line outside tables. */
export interface TextLine {
  page: number;
  runs: Run[];
  box: Box;
  text: string;
  size: number;
}

/** A table cell by its grid lines: rows r0..r1 and columns between x positions left and right. */
export interface GridCell {
  r0: number;
  /** Exclusive. */
  r1: number;
  left: number;
  right: number;
  box: Box;
  /** The cell's text in reading order, a part per page the cell lies on. */
  parts: { page: number; box: Box; text: string }[];
}

export interface GridTable {
  page: number;
  box: Box;
  /** Column edges, left to right. */
  xs: number[];
  rowCount: number;
  cells: GridCell[];
}

export type PageItem = { kind: 'line'; line: TextLine } | { kind: 'table'; table: GridTable };

/** How far apart two edges may be and still be one (points). */
const SNAP = 2;

function union(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Groups nearly equal numbers; returns the group means, ascending. */
function cluster(values: number[], tolerance = SNAP): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1] > tolerance) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

function nearest(values: number[], v: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i] - v) < Math.abs(values[best] - v)) best = i;
  return best;
}

const isHorizontal = (r: Rule) => Math.abs(r.y1 - r.y0) <= Math.abs(r.x1 - r.x0);

/** Snaps rules to shared positions and joins touching or overlapping pieces of one line. */
function joinRules(rules: Rule[]): { horizontal: Rule[]; vertical: Rule[] } {
  const join = (lines: { at: number; from: number; to: number }[]) => {
    const positions = cluster(lines.map((l) => l.at));
    const byPosition = new Map<number, { from: number; to: number }[]>();
    for (const l of lines) {
      const at = positions[nearest(positions, l.at)];
      (byPosition.get(at) ?? byPosition.set(at, []).get(at)!).push(l);
    }
    const joined: { at: number; from: number; to: number }[] = [];
    for (const [at, pieces] of byPosition) {
      pieces.sort((a, b) => a.from - b.from);
      let current = { ...pieces[0], at };
      for (const p of pieces.slice(1)) {
        if (p.from <= current.to + SNAP) current.to = Math.max(current.to, p.to);
        else {
          joined.push(current);
          current = { ...p, at };
        }
      }
      joined.push(current);
    }
    return joined;
  };
  const h = join(rules.filter(isHorizontal).map((r) => ({ at: (r.y0 + r.y1) / 2, from: Math.min(r.x0, r.x1), to: Math.max(r.x0, r.x1) })));
  const v = join(rules.filter((r) => !isHorizontal(r)).map((r) => ({ at: (r.x0 + r.x1) / 2, from: Math.min(r.y0, r.y1), to: Math.max(r.y0, r.y1) })));
  return {
    horizontal: h.filter((l) => l.to - l.from > SNAP).map((l) => ({ x0: l.from, x1: l.to, y0: l.at, y1: l.at })),
    vertical: v.filter((l) => l.to - l.from > SNAP).map((l) => ({ x0: l.at, x1: l.at, y0: l.from, y1: l.to })),
  };
}

const crosses = (h: Rule, v: Rule) => v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP;

/** Sets of rules that cross one another: each with two lines either way is a ruled table. */
function lattices(rules: Rule[]): { horizontal: Rule[]; vertical: Rule[] }[] {
  const { horizontal, vertical } = joinRules(rules);
  const all = [...horizontal, ...vertical];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (crosses(h, v)) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, { horizontal: Rule[]; vertical: Rule[] }>();
  all.forEach((r, i) => {
    const g = groups.get(find(i)) ?? groups.set(find(i), { horizontal: [], vertical: [] }).get(find(i))!;
    (i < horizontal.length ? g.horizontal : g.vertical).push(r);
  });
  return [...groups.values()].filter((g) => g.horizontal.length >= 2 && g.vertical.length >= 2);
}

/** The cells of a lattice: elementary cells joined where the line between them is missing. */
function gridOf(page: number, g: { horizontal: Rule[]; vertical: Rule[] }): GridTable | undefined {
  const xs = cluster(g.vertical.map((v) => v.x0));
  // A table cut by a page break may lack its top or bottom line: its vertical lines still tell where it ends.
  const ys = cluster([...g.horizontal.map((h) => h.y0), Math.min(...g.vertical.map((v) => v.y0)), Math.max(...g.vertical.map((v) => v.y1))]);
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const covers = (lines: Rule[], at: number, mid: number, vertical: boolean) =>
    lines.some((l) => (vertical ? Math.abs(l.x0 - at) <= SNAP && l.y0 <= mid && l.y1 >= mid : Math.abs(l.y0 - at) <= SNAP && l.x0 <= mid && l.x1 >= mid));
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covers(g.vertical, xs[c + 1], (ys[r] + ys[r + 1]) / 2, true)) join(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !covers(g.horizontal, ys[r + 1], (xs[c] + xs[c + 1]) / 2, false)) join(id(r, c), id(r + 1, c));
    }
  }
  // A merged cell is a rectangle: grow each group to its bounding box until none changes.
  for (let changed = true; changed;) {
    changed = false;
    const bounds = new Map<number, [number, number, number, number]>();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const k = find(id(r, c));
        const b = bounds.get(k);
        if (!b) bounds.set(k, [r, c, r, c]);
        else bounds.set(k, [Math.min(b[0], r), Math.min(b[1], c), Math.max(b[2], r), Math.max(b[3], c)]);
      }
    }
    for (const [k, [r0, c0, r1, c1]] of bounds) {
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          if (find(id(r, c)) !== find(k)) {
            join(id(r, c), k);
            changed = true;
          }
        }
      }
    }
  }
  const cells = new Map<number, GridCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = find(id(r, c));
      const cell = cells.get(k);
      if (!cell) cells.set(k, { r0: r, r1: r + 1, left: xs[c], right: xs[c + 1], box: [xs[c], ys[r], xs[c + 1], ys[r + 1]], parts: [] });
      else {
        cell.r1 = Math.max(cell.r1, r + 1);
        cell.right = Math.max(cell.right, xs[c + 1]);
        cell.box = union(cell.box, [xs[c], ys[r], xs[c + 1], ys[r + 1]]);
      }
    }
  }
  return { page, box: [xs[0], ys[0], xs[cols], ys[rows]], xs, rowCount: rows, cells: [...cells.values()] };
}

const center = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const inside = (b: Box, [x, y]: [number, number]) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

export const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Text of runs on one line, left to right: a space where the gap is a space wide. Next to Chinese
 * text only a wide gap is a space (Word and LibreOffice set digits in another font, a little apart).
 */
function lineText(runs: Run[]): string {
  let text = '';
  let previous: Run | undefined;
  for (const run of runs) {
    if (previous) {
      const wide = WIDE.test(run.text[0]) || WIDE.test(previous.text[previous.text.length - 1]);
      const gap = run.box[0] - previous.box[2];
      if (run.spaced || gap > (wide ? 0.5 : 0.2) * Math.min(run.size, previous.size)) text += ' ';
    }
    text += run.text;
    previous = run;
  }
  return text;
}

/** Runs grouped into lines, top to bottom, each left to right. */
function linesOf(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => center(a.box)[1] - center(b.box)[1] || a.box[0] - b.box[0]);
  const lines: { runs: Run[]; y: number; size: number }[] = [];
  for (const run of sorted) {
    const y = center(run.box)[1];
    const line = lines[lines.length - 1];
    if (line && y - line.y <= 0.5 * Math.min(line.size, run.size)) line.runs.push(run);
    else lines.push({ runs: [run], y, size: run.size });
  }
  return lines.map((l) => l.runs.sort((a, b) => a.box[0] - b.box[0]));
}

/** A cell's text: its lines joined; a label wrapped in its cell (or written one character a line) is one text. */
function cellText(runs: Run[]): string {
  let text = '';
  for (const line of linesOf(runs)) {
    const next = lineText(line);
    if (text && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z]/.test(next)) text += ' ';
    text += next;
  }
  return text;
}

function boxOf(runs: Run[]): Box {
  return runs.map((r) => r.box).reduce(union);
}

function toLine(page: number, runs: Run[]): TextLine {
  return { page, runs, box: boxOf(runs), text: lineText(runs), size: Math.max(...runs.map((r) => r.size)) };
}

/** A gap between columns of text, at x, over the lines from top to bottom. */
interface Gutter {
  x: number;
  top: number;
  bottom: number;
}

/**
 * Text side by side (a site's menu beside the report, in a printed page) is separate lines: split
 * at gaps wider than four characters, and at gaps of a character and a half or more that two other
 * lines of the page also leave open with text on both sides (a column's gutter, not a wide space).
 */
function splitAtGutters(lines: TextLine[]): { lines: TextLine[]; gutters: Gutter[] } {
  const gapsOf = (line: TextLine, min: number) => {
    const gaps: { at: number; from: number; to: number }[] = [];
    for (let i = 1; i < line.runs.length; i++) {
      const from = line.runs[i - 1].box[2];
      const to = line.runs[i].box[0];
      // In characters of the smaller text beside the gap (a menu beside a title).
      if (to - from >= min * Math.min(line.runs[i - 1].size, line.runs[i].size)) gaps.push({ at: i, from, to });
    }
    return gaps;
  };
  const open = lines.map((line) => gapsOf(line, 1));
  const gutters: Gutter[] = [];
  const out = lines.flatMap((line, k) => {
    const cuts = gapsOf(line, 1.5).filter((g) => {
      if (g.to - g.from > 4 * Math.min(line.runs[g.at - 1].size, line.runs[g.at].size)) return true;
      const beside = lines.filter((_, j) => j !== k && open[j].some((o) => o.from < g.to && o.to > g.from));
      if (beside.length < 2) return false;
      const all = [line, ...beside];
      gutters.push({ x: (g.from + g.to) / 2, top: Math.min(...all.map((l) => l.box[1])), bottom: Math.max(...all.map((l) => l.box[3])) });
      return true;
    });
    if (cuts.length === 0) return [line];
    const parts: Run[][] = [];
    let start = 0;
    for (const cut of [...cuts.map((c) => c.at), line.runs.length]) {
      parts.push(line.runs.slice(start, cut));
      start = cut;
    }
    return parts.map((runs) => toLine(line.page, runs));
  });
  return { lines: out, gutters };
}

/**
 * Reading order: top to bottom; where a gutter parts the page, the text left of it, then the text
 * right of it, so that a report's title wrapped beside a site's menu stays in one piece.
 */
function readingOrder(items: PageItem[], gutters: Gutter[]): PageItem[] {
  const boxOfItem = (item: PageItem) => (item.kind === 'table' ? item.table.box : item.line.box);
  const keyOf = (item: PageItem): [number, number, number] => {
    const box = boxOfItem(item);
    const middle = (box[1] + box[3]) / 2;
    const gutter = gutters.find((g) => middle >= g.top && middle <= g.bottom && (box[2] <= g.x || box[0] >= g.x));
    return gutter ? [gutter.top, box[2] <= gutter.x ? 0 : 1, box[1]] : [box[1], 0, box[1]];
  };
  const keys = new Map(items.map((item) => [item, keyOf(item)]));
  return items.sort((a, b) => {
    const [p, q] = [keys.get(a)!, keys.get(b)!];
    return p[0] - q[0] || p[1] - q[1] || p[2] - q[2];
  });
}

/** Stream mode: consecutive lines whose runs fall into the same columns, three lines or more. */
function streamTables(page: number, lines: TextLine[]): { tables: GridTable[]; rest: TextLine[] } {
  // A line's segments: runs closer than two characters are one segment.
  const segmentsOf = (line: TextLine) => {
    const out: Run[][] = [];
    for (const run of line.runs) {
      const last = out[out.length - 1];
      if (last && run.box[0] - last[last.length - 1].box[2] < 2 * run.size) last.push(run);
      else out.push([run]);
    }
    return out;
  };
  const tables: GridTable[] = [];
  const rest: TextLine[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && segmentsOf(lines[j]).length >= 3) j++;
    const region = lines.slice(i, j);
    const table = region.length >= 3 ? streamTable(page, region.map(segmentsOf)) : undefined;
    if (table) {
      tables.push(table);
      i = j;
    } else rest.push(lines[i++]);
  }
  return { tables, rest };
}

function streamTable(page: number, rows: Run[][][]): GridTable | undefined {
  const most = Math.max(...rows.map((r) => r.length));
  const full = rows.filter((r) => r.length === most);
  const columns: [number, number][] = [];
  for (let k = 0; k < most; k++) {
    const boxes = full.map((r) => boxOf(r[k]));
    columns.push([Math.min(...boxes.map((b) => b[0])), Math.max(...boxes.map((b) => b[2]))]);
  }
  // The columns must not overlap: otherwise the gaps are not shared and this is no table.
  for (let k = 1; k < most; k++) if (columns[k][0] <= columns[k - 1][1]) return undefined;
  const xs = [columns[0][0], ...columns.slice(1).map((c, k) => (c[0] + columns[k][1]) / 2), columns[most - 1][1]];
  const cells: GridCell[] = [];
  const tops = rows.map((r) => Math.min(...r.map((s) => boxOf(s)[1])));
  const bottoms = rows.map((r) => Math.max(...r.map((s) => boxOf(s)[3])));
  rows.forEach((segments, r) => {
    const top = r === 0 ? tops[0] : (bottoms[r - 1] + tops[r]) / 2;
    const bottom = r === rows.length - 1 ? bottoms[r] : (bottoms[r] + tops[r + 1]) / 2;
    const taken = new Map<number, Run[]>();
    const spans = new Map<number, number>();
    for (const s of segments) {
      const b = boxOf(s);
      const overlapping = columns.map((c, k) => (b[0] < c[1] && b[2] > c[0] ? k : -1)).filter((k) => k >= 0);
      const first =
        overlapping[0] ??
        nearest(
          columns.map((c) => (c[0] + c[1]) / 2),
          (b[0] + b[2]) / 2,
        );
      taken.set(first, [...(taken.get(first) ?? []), ...s]);
      spans.set(first, Math.max(spans.get(first) ?? first, overlapping[overlapping.length - 1] ?? first));
    }
    for (let k = 0; k < most;) {
      const end = spans.get(k) ?? k;
      const runs = taken.get(k) ?? [];
      const box: Box = [xs[k], top, xs[end + 1], bottom];
      cells.push({ r0: r, r1: r + 1, left: xs[k], right: xs[end + 1], box, parts: runs.length ? [{ page, box: boxOf(runs), text: cellText(runs) }] : [] });
      k = end + 1;
    }
  });
  return { page, box: [xs[0], tops[0], xs[most], bottoms[rows.length - 1]], xs, rowCount: rows.length, cells };
}

/**
 * A run that crosses a column edge of a ruled table is the text of two cells that a PDF writer set
 * as one string (`458113080` for 4581 | 13080): cut where the edge falls, by the glyphs' widths.
 */
function splitAtColumnEdges(run: Run, tables: GridTable[]): Run[] {
  const middle = center(run.box);
  const cell = tables.find((t) => inside(t.box, middle))?.cells.find((c) => inside(c.box, middle));
  const chars = [...run.text];
  if (!cell || chars.length < 2) return [run];
  const units = chars.map((ch) => (WIDE.test(ch) ? 1 : 0.55));
  const total = units.reduce((a, b) => a + b, 0);
  const width = run.box[2] - run.box[0];
  // Only the edges of the cell the run stands in: a merged cell spans other rows' column edges.
  const edges = [cell.box[0], cell.box[2]].filter((x) => x > run.box[0] + 0.25 * run.size && x < run.box[2] - 0.25 * run.size);
  if (edges.length === 0) return [run];
  const out: Run[] = [];
  let from = 0;
  let at = 0;
  let left = run.box[0];
  for (const edge of [...edges, Infinity]) {
    let to = from;
    // The glyphs whose middle stands before the edge.
    while (to < chars.length && run.box[0] + ((at + units[to] / 2) * width) / total < edge) at += units[to++];
    if (to === from) continue;
    const right = run.box[0] + (at * width) / total;
    out.push({ ...run, text: chars.slice(from, to).join(''), box: [left, run.box[1], right, run.box[3]], spaced: from > 0 || run.spaced });
    [from, left] = [to, right];
  }
  // A piece out in the next cell may cross that cell's edge too.
  return out.length > 1 ? out.flatMap((piece) => splitAtColumnEdges(piece, tables)) : out;
}

/** A page as text lines and tables in reading order (top to bottom). */
export function layoutPage(geometry: PageGeometry): PageItem[] {
  const tables = lattices(geometry.rules)
    .map((g) => gridOf(geometry.page, g))
    // A box with one column is a frame or a text box around prose, not a table.
    .filter((t): t is GridTable => t !== undefined && t.xs.length >= 3 && t.cells.length > 1);
  const free: Run[] = [];
  const byCell = new Map<GridCell, Run[]>();
  for (const run of geometry.runs.flatMap((r) => splitAtColumnEdges(r, tables))) {
    const at = center(run.box);
    const table = tables.find((t) => inside(t.box, at));
    const cell = table?.cells.find((c) => inside(c.box, at));
    if (cell) byCell.set(cell, [...(byCell.get(cell) ?? []), run]);
    else if (!table) free.push(run);
  }
  for (const [cell, runs] of byCell) cell.parts = [{ page: geometry.page, box: boxOf(runs), text: cellText(runs) }];
  const stream = streamTables(
    geometry.page,
    linesOf(free).map((runs) => toLine(geometry.page, runs)),
  );
  const split = splitAtGutters(stream.rest);
  const items: PageItem[] = [
    ...[...tables, ...stream.tables].map((table): PageItem => ({ kind: 'table', table })),
    ...split.lines.map((line): PageItem => ({ kind: 'line', line })),
  ];
  return readingOrder(items, split.gutters);
}
