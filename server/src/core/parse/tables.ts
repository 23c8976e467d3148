import type { Cell, Range, Row, Table, TableId } from '../model';
import type { ColumnSpec } from '../schema/formats';
import { T4_COLUMNS, T4_HEADER_WORDS, T4_ROW_KEY } from '../schema/formats';
import { normalizeLabel } from '../text';
import { makeCell, phantomCell } from './cells';
import { breaksOwnSums, placeShortRows, ShortRow } from './infer-cells';
import { CellToken, isValueToken, Token } from './tokens';

/** A row the matcher looks for: its labels (normalized) and the columns that follow the label. */
export interface RowTarget {
  key: string;
  official: string;
  labels: string[];
  columns: ColumnSpec[];
  /** The rows under it when its label may also stand as a rowspan group cell with no numbers of its own. */
  subRows?: string[];
}

interface LabelMatch {
  target: RowTarget;
  kind: 'exact' | 'alias';
  /** Index of the last token that belongs to the label (wrapped labels span several). */
  end: number;
  range: Range;
  text: string;
  /** Digits glued onto the label by a copy that lost the cell borders. */
  glued?: { digits: string; range: Range; contiguous: boolean };
}

const CAPTION = /^第二十条第?\(([一二三四五六七八九])\)项$/;
const MIN_PREFIX = 4;

export function targetLabels(official: string, aliases: string[] = []): string[] {
  return [official, ...aliases].map(normalizeLabel);
}

function cells(tokens: Token[], from: number): CellToken | undefined {
  const t = tokens[from];
  return t && t.kind === 'cell' ? t : undefined;
}

/** Whether the next label names one of the group's own sub-rows (（六）其他处理 → 1. 申请人…). */
function subRowFollows(
  tokens: Token[],
  from: number,
  subRows: string[],
  targets: RowTarget[],
  isOpen: (t: RowTarget) => boolean,
  groupLabels: string[],
): boolean {
  const at = tokens.findIndex((t, j) => j >= from && t.kind === 'cell');
  if (at < 0 || isValueToken(tokens[at] as CellToken)) return false;
  const next = matchLabel(tokens, at, targets, isOpen, groupLabels);
  return next !== undefined && subRows.includes(next.target.key);
}

function nextCell(tokens: Token[], from: number): CellToken | undefined {
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind === 'cell') return t;
  }
  return undefined;
}

/** Lookups over one list of row targets, built once per list. */
interface TargetIndex {
  /** Label → the targets that have it, in list order, with the label's place among their labels. */
  exact: Map<string, { target: RowTarget; idx: number }[]>;
  /** Every prefix of MIN_PREFIX or more characters of a label → the targets with such a label. */
  prefixes: Map<string, RowTarget[]>;
}

const indexes = new WeakMap<RowTarget[], TargetIndex>();

function targetIndex(targets: RowTarget[]): TargetIndex {
  const known = indexes.get(targets);
  if (known) return known;
  const exact: TargetIndex['exact'] = new Map();
  const prefixes: TargetIndex['prefixes'] = new Map();
  for (const target of targets) {
    target.labels.forEach((label, idx) => {
      const list = exact.get(label) ?? [];
      if (!list.some((e) => e.target === target)) list.push({ target, idx });
      exact.set(label, list);
      for (let n = MIN_PREFIX; n <= label.length; n++) {
        const owners = prefixes.get(label.slice(0, n)) ?? [];
        if (!owners.includes(target)) owners.push(target);
        prefixes.set(label.slice(0, n), owners);
      }
    });
  }
  const index = { exact, prefixes };
  indexes.set(targets, index);
  return index;
}

/**
 * A row label behind the head of its group label, the rest of which wrapped to the lines below
 * (`（三） 1.属于国家秘密` over `不予公` / `开`, as text copied from a PDF has it).
 */
function groupHeadExact(
  norm: string,
  groupLabels: string[],
  index: TargetIndex,
  isOpen: (t: RowTarget) => boolean,
): { target: RowTarget; idx: number } | undefined {
  for (const g of groupLabels) {
    for (let n = Math.min(g.length - 1, norm.length - 1); n >= 3; n--) {
      if (!norm.startsWith(g.slice(0, n))) continue;
      const found = index.exact.get(norm.slice(n))?.find((e) => isOpen(e.target));
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The row a label cell names, among the targets not found yet. A copy that lost its cell borders
 * may glue the group label in front (三、本年度办理结果(一)予以公开…) and the numbers behind (…0000000).
 */
function matchLabel(tokens: Token[], i: number, targets: RowTarget[], isOpen: (t: RowTarget) => boolean, groupLabels: string[]): LabelMatch | undefined {
  const t = tokens[i] as CellToken;
  const index = targetIndex(targets);
  const group = groupLabels.find((g) => t.norm.length > g.length && t.norm.startsWith(g)) ?? verticalGroupTail(t.norm, groupLabels, index);
  const norm = group ? t.norm.slice(group.length) : t.norm;
  const exact = index.exact.get(norm)?.find((e) => isOpen(e.target)) ?? groupHeadExact(norm, groupLabels, index, isOpen);
  if (exact) return { target: exact.target, kind: exact.idx === 0 ? 'exact' : 'alias', end: i, range: t.range, text: t.text };
  const lastCode = norm.charCodeAt(norm.length - 1);
  for (const target of lastCode >= 48 && lastCode <= 57 ? targets : []) {
    if (!isOpen(target)) continue;
    for (const label of target.labels) {
      if (norm.length > label.length && norm.startsWith(label) && /^\d[\d,]*$/.test(norm.slice(label.length))) {
        const digits = norm.slice(label.length).replace(/,/g, '');
        const raw = /[0-9０-９][0-9０-９,，]*$/.exec(t.text);
        // Only digits written side by side can be split by position; spaced ones are not glued.
        const contiguous = raw !== null && raw[0].replace(/[,，]/g, '').length === digits.length && t.range.start.line === t.range.end.line;
        const digitsRange = contiguous ? { start: { line: t.range.start.line, character: t.range.start.character + raw.index }, end: t.range.end } : t.range;
        return { target, kind: 'exact', end: i, range: t.range, text: t.text, glued: { digits, range: digitsRange, contiguous } };
      }
    }
  }
  if (t.norm.length < MIN_PREFIX) return undefined;
  const prefixOf = (index.prefixes.get(t.norm) ?? []).filter(isOpen);
  if (prefixOf.length !== 1) return undefined;
  const target = prefixOf[0];
  // A label wrapped over several cells or lines: absorb the pieces while they still spell the label.
  let text = t.norm;
  let end = i;
  for (let j = i + 1; j < tokens.length; j++) {
    const next = tokens[j];
    if (next.kind === 'break') continue;
    if (isValueToken(next)) break;
    const joined = text + next.norm;
    if (!target.labels.some((l) => l.startsWith(joined))) break;
    text = joined;
    end = j;
  }
  const last = tokens[end] as CellToken;
  return {
    target,
    kind: target.labels.includes(text) ? (target.labels[0] === text ? 'exact' : 'alias') : 'alias',
    end,
    range: { start: t.range.start, end: last.range.end },
    text: t.text,
  };
}

/**
 * The end of a group label written one character a line (三、本年度办理结果 down the first column)
 * that shares its last line with the first row: `果（一）予以公开`.
 */
function verticalGroupTail(norm: string, groupLabels: string[], index: TargetIndex): string | undefined {
  for (const g of groupLabels) {
    for (let k = 1; k < g.length && k < norm.length; k++) {
      const tail = g.slice(-k);
      if (norm.startsWith(tail) && index.exact.has(norm.slice(k))) return tail;
    }
  }
  return undefined;
}

/** A row as built, with the label match and the cells collected for it. */
interface Built {
  row: Row;
  match: Pick<LabelMatch, 'target' | 'range' | 'text' | 'kind' | 'glued'>;
  found: Collected;
}

interface Collected {
  values: CellToken[];
  /** Why collection stopped: a break, a text cell, or the end of the region. */
  stop: 'break' | 'text' | 'end';
  next: number;
  /** The row went on over lines that hold only numbers. */
  joined?: boolean;
  /** A lone number on the line after a full row: the end of one of its numbers, wrapped in its cell. */
  tail?: CellToken;
}

/**
 * The value cells after a label, up to the end of its row. A row of `columns` cells that has fewer
 * so far goes on over following lines that hold only numbers, as long as they fit: text browsers
 * break a row at its blank cells, and pdftotext without -layout breaks it anywhere.
 */
function collectValues(tokens: Token[], from: number, columns = 0): Collected {
  const values: CellToken[] = [];
  let joined = false;
  let j = from;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind === 'break') {
      if (values.length > 0) {
        const more = numbersLine(tokens, j);
        if (more && values.every((v) => !v.blank) && values.length + more.count <= columns) {
          j = more.start - 1;
          joined = true;
          continue;
        }
        const tail = more && more.count === 1 && columns > 0 && values.length === columns ? (tokens[more.start] as CellToken) : undefined;
        if (tail && /^\d+$/.test(tail.norm)) return { values, stop: 'break', next: more!.start + 1, joined, tail };
        return { values, stop: 'break', next: j, joined };
      }
      const after = nextCell(tokens, j + 1);
      if (!after || !isValueToken(after)) return { values, stop: 'break', next: j, joined };
      continue;
    }
    if (!isValueToken(t)) return { values, stop: 'text', next: j, joined };
    values.push(t);
  }
  return { values, stop: 'end', next: j, joined };
}

/**
 * Splits digits that lost their cell borders, but only when exactly one split exists:
 * one digit per cell, or (table 三) the one split whose last number is the sum of the others.
 */
export function splitGlued(digits: string, count: number, lastIsSum: boolean): number[][] {
  if (digits.length === count) return [[...digits].map(Number)];
  if (!lastIsSum || digits.length > count * 4 || digits.length < count) return [];
  const found: number[][] = [];
  const parts: string[] = [];
  const walk = (pos: number): void => {
    if (found.length > 1) return;
    if (parts.length === count) {
      if (pos !== digits.length) return;
      const nums = parts.map(Number);
      const sum = nums.slice(0, -1).reduce((a, b) => a + b, 0);
      if (sum === nums[nums.length - 1]) found.push(nums);
      return;
    }
    const remaining = count - parts.length;
    for (let len = 1; len <= 4 && pos + len <= digits.length - (remaining - 1); len++) {
      const piece = digits.slice(pos, pos + len);
      if (piece.length > 1 && piece.startsWith('0')) break;
      parts.push(piece);
      walk(pos + len);
      parts.pop();
    }
  };
  walk(0);
  return found;
}

function similarity(a: string, b: string): number {
  const strip = (s: string) => s.replace(/^(\(?[一二三四五六七八九十\d]+[).,、]?)/, '');
  const grams = (s: string) => {
    const out: string[] = [];
    for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
    return out;
  };
  const x = grams(strip(a));
  const y = grams(strip(b));
  if (!x.length || !y.length) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const k = pool.indexOf(g);
    if (k >= 0) {
      common++;
      pool.splice(k, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

function emptyTable(id: TableId, tokens: Token[]): Table {
  const cellsOnly = tokens.filter((t): t is CellToken => t.kind === 'cell');
  const range = cellsOnly.length
    ? { start: cellsOnly[0].range.start, end: cellsOnly[cellsOnly.length - 1].range.end }
    : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const valueCount = cellsOnly.filter((t) => !t.blank && isValueToken(t)).length;
  return { id, range, rows: new Map(), captions: new Map(), headers: [], valueCount, strayValues: 0, unreadRows: [] };
}

/** The next line after the breaks at `from`, when it holds only numbers: where it starts and how many. */
function numbersLine(tokens: Token[], from: number): { start: number; count: number } | undefined {
  let start = from;
  while (start < tokens.length && tokens[start].kind === 'break') start++;
  let count = 0;
  for (let j = start; j < tokens.length && tokens[j].kind === 'cell' && tokens[j].line === tokens[start].line; j++) {
    const t = tokens[j] as CellToken;
    if (t.blank || !isValueToken(t)) return undefined;
    count++;
  }
  return count > 0 ? { start, count } : undefined;
}

function buildRow(table: TableId, match: Pick<LabelMatch, 'target' | 'range' | 'text' | 'kind' | 'glued'>, found: Collected, padsLead: boolean): Row {
  const { target } = match;
  const k = target.columns.length;
  const row: Row = { table, key: target.key, label: match.text, labelRange: match.range, labelMatch: match.kind, cells: [] };
  const vals = found.values;
  const lastRange = vals.length ? vals[vals.length - 1].range : match.range;
  if (found.tail) {
    // Which of the numbers the wrapped digits end is not told: the row is not read.
    row.unparsed = { reason: [...vals, found.tail].map((v) => v.text).join(' '), range: { start: vals[0].range.start, end: found.tail.range.end } };
    return row;
  }
  if (match.glued && vals.every((v) => v.blank)) {
    const splits = match.glued.contiguous ? splitGlued(match.glued.digits, k, table === 'T3') : [];
    if (splits.length === 1) {
      row.cells = gluedCells(table, target, splits[0], match.glued.range);
    } else {
      row.unparsed = { reason: match.glued.digits, range: match.glued.range };
    }
    return row;
  }
  if (vals.length >= k) {
    const fits = valueWindows(vals, k);
    // Grid copies (Markdown, TSV) keep every column, so pads sit between label and numbers; pipe
    // rows (A) end with converter pads. That decides a row of blanks and pads that fits both ways.
    const at = padsLead ? fits[fits.length - 1] : fits[0];
    if (at === undefined) {
      row.unparsed = { reason: vals.map((v) => v.text || '□').join(' '), range: { start: vals[0].range.start, end: lastRange.end } };
      return row;
    }
    row.cells = target.columns.map((c, i) => makeCell(table, target.key, c, vals[at + i]));
    return row;
  }
  const filled = vals.filter((v) => !v.blank);
  if (filled.length === 0) {
    row.cells = target.columns.map((c, i) => (vals[i] ? makeCell(table, target.key, c, vals[i]) : phantomCell(table, target.key, c, lastRange)));
    return row;
  }
  if (filled.length === 1 && filled[0] === vals[0] && /^\d{2,}$/.test(filled[0].norm) && k > 1) {
    const splits = splitGlued(filled[0].norm, k, table === 'T3');
    if (splits.length === 1) {
      row.cells = gluedCells(table, target, splits[0], filled[0].range);
      return row;
    }
  }
  row.unparsed = { reason: vals.map((v) => v.text || '□').join(' '), range: { start: vals[0].range.start, end: lastRange.end } };
  return row;
}

/**
 * Where a row's k cells can start among more values than it has columns: every offset with only
 * blank (pad) cells around the window. Pads may trail (`| 0 | 0 | |`) or, in grid copies, follow
 * the label (empty colspan cells).
 */
function valueWindows(vals: CellToken[], k: number): number[] {
  const fits: number[] = [];
  for (let at = 0; at + k <= vals.length; at++) {
    if (vals.every((v, i) => v.blank || (i >= at && i < at + k))) fits.push(at);
  }
  return fits;
}

/**
 * Space-aligned text (PDF exports) does not show blank cells. A row with fewer numbers than columns
 * is read by where its numbers stand: under the columns that the table's complete rows of the same
 * block occupy. Only when every number falls clearly under a different column, in order.
 */
function placeByColumns(table: TableId, built: Built[]): void {
  const aligned = (f: Collected) => f.values.length > 0 && f.values.every((v) => v.columns);
  for (const b of built) {
    const k = b.match.target.columns.length;
    const values = b.found.values.filter((v) => !v.blank);
    if (!b.row.unparsed || !aligned(b.found) || values.length === 0 || values.length >= k) continue;
    const complete = built.filter(
      (o) =>
        o.match.target.columns === b.match.target.columns &&
        !o.row.unparsed &&
        aligned(o.found) &&
        o.found.values.length === k &&
        o.found.values.every((v) => !v.blank),
    );
    if (complete.length === 0) continue;
    const centers = b.match.target.columns.map((_, c) => {
      const xs = complete.map((o) => (o.found.values[c].columns!.from + o.found.values[c].columns!.to) / 2);
      return xs.reduce((a, x) => a + x, 0) / xs.length;
    });
    const spacing = Math.min(...centers.slice(1).map((x, c) => x - centers[c]));
    if (!(spacing > 0)) continue;
    const at: number[] = [];
    for (const v of values) {
      const x = (v.columns!.from + v.columns!.to) / 2;
      let best = 0;
      for (let c = 1; c < k; c++) if (Math.abs(centers[c] - x) < Math.abs(centers[best] - x)) best = c;
      if (Math.abs(centers[best] - x) > spacing / 2 || (at.length && best <= at[at.length - 1])) {
        at.length = 0;
        break;
      }
      at.push(best);
    }
    if (at.length !== values.length) continue;
    const end = values[values.length - 1].range;
    b.row.cells = b.match.target.columns.map((col, c) => {
      const v = values[at.indexOf(c)];
      return v ? makeCell(table, b.row.key, col, v) : phantomCell(table, b.row.key, col, end);
    });
    b.row.unparsed = undefined;
  }
}

function gluedCells(table: TableId, target: RowTarget, numbers: number[], range: Range): Cell[] {
  const oneLine = range.start.line === range.end.line;
  let offset = range.start.character;
  return target.columns.map((c, i) => {
    const raw = String(numbers[i]);
    const r = oneLine ? { start: { line: range.start.line, character: offset }, end: { line: range.start.line, character: offset + raw.length } } : range;
    offset += raw.length;
    return { table, row: target.key, column: c.key, raw, state: 'number' as const, value: numbers[i], range: r, present: true };
  });
}

/** Finds labelled rows (tables 二 and 三) in a region's tokens. */
export function parseLabelledTable(
  id: TableId,
  tokens: Token[],
  targets: RowTarget[],
  groupLabels: string[],
  padsLead = false,
  orders: RowTarget[][] = [],
): Table {
  const table = emptyTable(id, tokens);
  const strays: { token: CellToken; found: Collected }[] = [];
  const built: Built[] = [];
  /** A label names each row once: only rows not found yet are looked for. */
  const isOpen = (target: RowTarget) => !table.rows.has(target.key);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'break' || isValueToken(t)) continue;
    const caption = t.norm.startsWith('第二十条') ? CAPTION.exec(t.norm) : null;
    if (caption) {
      table.captions.set(caption[1], t.range);
      continue;
    }
    const match = matchLabel(tokens, i, targets, isOpen, groupLabels);
    if (!match) {
      if (groupLabels.includes(t.norm)) continue;
      const found = collectValues(tokens, i + 1);
      if (found.values.some((v) => !v.blank) && t.norm.length >= 2) strays.push({ token: t, found });
      else table.headers.push({ text: t.norm, range: t.range });
      continue;
    }
    const found = collectValues(tokens, match.end + 1, match.target.columns.length);
    const subRows = match.target.subRows;
    if (
      found.values.length === 0 &&
      subRows &&
      !match.glued &&
      (found.stop === 'text' || subRowFollows(tokens, found.next, subRows, targets, isOpen, groupLabels))
    ) {
      continue; // a group label such as （六）其他处理 above its 2021 sub-rows
    }
    const row = buildRow(id, match, found, padsLead);
    table.rows.set(match.target.key, row);
    built.push({ row, match, found });
    i = Math.max(i, found.next - 1, match.end);
  }
  placeByColumns(id, built);

  for (const { token, found } of strays) {
    let best: RowTarget | undefined;
    let score = 0;
    for (const target of targets) {
      if (table.rows.has(target.key)) continue;
      const s = similarity(token.norm, target.labels[0]);
      if (s > score) {
        score = s;
        best = target;
      }
    }
    if (best && score >= 0.5) {
      const match = { target: best, range: token.range, text: token.text, kind: 'exact' as const };
      const row = buildRow(id, match, found, padsLead);
      row.labelMatch = 'fuzzy';
      table.rows.set(best.key, row);
      built.push({ row, match, found });
    }
  }
  settle(table, built);
  const inOrder = readInRowOrder(table, tokens, orders);
  if (inOrder) return inOrder;
  // A label the text holds, run together with other text, is a row not read, not a row missing.
  const texts = tokens.filter((t): t is CellToken => t.kind === 'cell' && !t.blank).map((t) => t.norm);
  table.unreadRows = targets.filter((t) => !table.rows.has(t.key) && texts.some((x) => t.labels.some((l) => x.includes(l)))).map((t) => t.key);
  return table;
}

/**
 * pdftotext without -layout writes a table's numbers row by row, but not its labels beside them: a
 * merged cell's text comes before or after the rows it spans, and a label wraps round its numbers.
 * When the labels leave the table unread (numbers no row took, rows unread or not found), though
 * half its rows at least are found, and it holds exactly as many numbers as the rows of one format
 * have cells, the numbers are dealt out to those rows in order. The reading is kept only when every sum of the table holds with it.
 */
function readInRowOrder(read: Table, tokens: Token[], orders: RowTarget[][]): Table | undefined {
  const rows = [...read.rows.values()];
  const failed = read.strayValues > 0 || rows.some((r) => r.unparsed);
  if (!failed) return undefined;
  const values = tokens.filter((t): t is CellToken => t.kind === 'cell' && !t.blank && isValueToken(t));
  const order = orders.find((o) => o.reduce((n, t) => n + t.columns.length, 0) === values.length);
  // The labels must still be there, if not beside their numbers: at least half the rows found.
  if (!order || order.filter((t) => read.rows.has(t.key)).length * 2 < order.length) return undefined;
  const table: Table = { ...read, rows: new Map(), strayValues: 0, unreadRows: [] };
  const short: ShortRow[] = [];
  let next = 0;
  for (const target of order) {
    const own = values.slice(next, next + target.columns.length);
    next += own.length;
    // A label that matched only roughly is no evidence of its wording here: it was read among
    // pieces of other labels.
    const label = read.rows.get(target.key);
    const sure = label && (label.labelMatch === 'exact' || label.labelMatch === 'alias');
    const row: Row = {
      table: read.id,
      key: target.key,
      label: sure ? label.label : '',
      labelRange: label?.labelRange ?? own[0].range,
      labelMatch: sure ? label.labelMatch : 'none',
      cells: target.columns.map((c, i) => makeCell(read.id, target.key, c, own[i])),
    };
    table.rows.set(target.key, row);
    short.push({ row, columns: target.columns, values: own });
  }
  placeShortRows(table, short, false);
  if (short.some((s) => s.row.unparsed)) return undefined;
  for (const { row } of short) row.inferred = { blanksKnown: true, faulty: false, cut: false, inOrder: true };
  return table;
}

/**
 * Counts the numbers no row took, then places the short rows. While some numbers are astray, a row
 * that holds none is not known to be blank: its numbers may be among them.
 */
function settle(table: Table, built: Built[], numbersElsewhere = 0): void {
  let taken = 0;
  for (const { found } of built) for (const v of [...found.values, ...(found.tail ? [found.tail] : [])]) if (!v.blank) taken++;
  table.strayValues = Math.max(0, table.valueCount - taken) + numbersElsewhere;
  if (table.strayValues > 0) {
    for (const { row, found } of built) {
      if (row.unparsed || found.values.length > 0) continue;
      row.unparsed = { reason: '', range: row.labelRange };
      row.cells = [];
    }
  }
  placeShortRows(table, shortRows(table, built), table.strayValues > 0);
}

/**
 * Rows whose columns the table's sums must settle: those left unread because the text wrote fewer
 * cells than the row has columns, and those put together from several lines.
 */
function shortRows(table: Table, built: Built[]): ShortRow[] {
  const out: ShortRow[] = [];
  // Only a row, or a table, that plainly runs cells together (digits glued to the label, a number
  // with a leading zero, a digit per column) has its runs of digits cut: elsewhere a row short of
  // numbers lost its blank cells.
  const plainlyGlued = ({ match, found }: Built) =>
    !!match.glued || found.values.some((v) => /^\d+$/.test(v.text) && (/^0\d/.test(v.text) || v.text.length >= match.target.columns.length));
  const gluedTable = built.filter((b) => b.row.unparsed && plainlyGlued(b)).length >= MIN_GLUED_ROWS;
  // Where rows of digits are shorter than their columns, the text dropped blank cells as well: a
  // row of a digit per column whose sum breaks (7494996) may be 74 9 □ 4 □ 9 96 instead.
  const dropsBlanks = built.some((b) => {
    const digits = gluedDigits(b.match, b.found);
    return !!digits && digits.reduce((n, v) => n + v.text.length, 0) < b.match.target.columns.length;
  });
  for (const b of built) {
    const digits = gluedDigits(b.match, b.found);
    if (!dropsBlanks || !digits || b.row.unparsed || !plainlyGlued(b) || !breaksOwnSums(table, b.row, b.match.target.columns)) continue;
    b.row.unparsed = { reason: digits.map((v) => v.text).join(' '), range: { start: digits[0].range.start, end: digits[digits.length - 1].range.end } };
    b.row.cells = [];
  }
  for (const { row, match, found } of built) {
    const values = found.values.filter((v) => !v.blank);
    const columns = match.target.columns;
    const digits = gluedDigits(match, found);
    if (row.unparsed && found.tail && values.length === columns.length) {
      out.push({ row, columns, values, tail: found.tail });
      continue;
    }
    if (row.unparsed && digits && (gluedTable || plainlyGlued({ row, match, found }))) {
      out.push({ row, columns, values: digits, glued: true });
      continue;
    }
    // One number with a digit per column may be cells run together (buildRow found no single split).
    const mayBeGlued = values.length === 1 && /^\d+$/.test(values[0].norm) && values[0].norm.length >= columns.length;
    const short = row.unparsed && !match.glued && !mayBeGlued && values.length > 0 && values.length < columns.length;
    const joined = !row.unparsed && found.joined === true && values.length === columns.length;
    if (short || joined) out.push({ row, columns, values });
  }
  return out;
}

/** Rows of digits run together that a table must hold before its rows of digits are cut by its sums. */
const MIN_GLUED_ROWS = 3;

/**
 * A row's digits when they may be cells run together: glued onto its label, or runs of digits at
 * least one of which is longer than a digit (`0000`, `088521`); undefined otherwise.
 */
function gluedDigits(match: Built['match'], found: Collected): CellToken[] | undefined {
  if (match.glued) {
    if (!match.glued.contiguous || !found.values.every((v) => v.blank)) return undefined;
    const { digits, range } = match.glued;
    return [{ kind: 'cell', text: digits, norm: digits, range, blank: false, line: range.start.line }];
  }
  const values = found.values.filter((v) => !v.blank);
  if (values.length === 0 || !values.every((v) => /^\d+$/.test(v.text)) || !values.some((v) => v.text.length > 1)) return undefined;
  return values;
}

const T4_HEADER_CHARS = new Set([...T4_HEADER_WORDS.join('')]);

/** A cell of table 四's header cut short by wrapping: only the header's own characters, no number. */
function isHeaderPiece(t: CellToken): boolean {
  return !t.blank && !isValueToken(t) && [...t.norm].every((c) => T4_HEADER_CHARS.has(c));
}

/**
 * Table 四: a header of fixed words, then one unlabelled row of 15 numbers. `numbersElsewhere`:
 * numbers outside the region that may be the row's (a short row then lacks them, not blank cells).
 */
export function parseTable4(tokens: Token[], padsLead = false, numbersElsewhere = 0): Table {
  const table = emptyTable('T4', tokens);
  let lastHeader = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'cell' && !isValueToken(t) && T4_HEADER_WORDS.some((w) => t.norm.includes(w))) {
      lastHeader = i;
      table.headers.push({ text: t.norm, range: t.range });
    }
  }
  if (lastHeader < 0) return table;
  // Skip what is left of the header: its own row's pad cells, and lines holding only pieces of its
  // words (a narrow PDF column wraps 结果纠正 so that 纠正 stands alone on the next line).
  let start = lastHeader + 1;
  for (;;) {
    while (start < tokens.length && tokens[start].kind === 'break') start++;
    const rowEnd = tokens.findIndex((t, i) => i >= start && t.kind === 'break');
    const rest = tokens.slice(start, rowEnd < 0 ? tokens.length : rowEnd);
    if (rowEnd < 0 || rest.length === 0 || !rest.every((t) => t.kind === 'cell' && (t.blank || isHeaderPiece(t)))) break;
    start = rowEnd + 1;
  }
  // Text with a cell a line (copied from a PDF viewer) has no row breaks: skip the pieces one by one
  // (not blank cells: those may be the row's own).
  while (start < tokens.length && (tokens[start].kind === 'break' || isHeaderPiece(tokens[start] as CellToken))) start++;
  if (!cells(tokens, start)) return table;
  const found = collectValues(tokens, start, T4_COLUMNS.length);
  if (found.values.length === 0) return table;
  const target: RowTarget = { key: T4_ROW_KEY, official: '', labels: [], columns: T4_COLUMNS };
  const range = { start: found.values[0].range.start, end: found.values[0].range.start };
  const match = { target, range, text: '', kind: 'exact' as const };
  const row = buildRow('T4', match, found, padsLead);
  table.rows.set(T4_ROW_KEY, row);
  settle(table, [{ row, match, found }], numbersElsewhere);
  return table;
}
