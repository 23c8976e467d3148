import { compiled, tableInstances } from '../arithmetic';
import type { Cell, Row, Table } from '../model';
import { countedValue } from '../numbers';
import type { ColumnSpec } from '../schema/formats';
import { RELATIONS, RelationSpec } from '../schema/invariants';
import { makeCell, phantomCell } from './cells';
import type { CellToken } from './tokens';

/**
 * Rows whose blank cells the text did not write (a text browser or an HTML→text converter drops
 * them): `（一）予以公开 0 0 5 0 5` holds five numbers for seven columns. Every order-keeping way of
 * putting the numbers under the columns is a reading; a reading is kept only when every sum of the
 * table holds with it. A row is read when all kept readings give it the same numbers (blank counts
 * as 0); its blank cells are known when exactly one reading is kept. The search runs row by row
 * over partial sums, cutting each partial reading that the rows ahead can no longer complete. A row left ambiguous stays
 * unparsed. A row put together from several lines has one reading, trusted only when the sums
 * hold: pdftotext without -layout runs a table down its columns, and such rows mix numbers of
 * several rows. When no reading of the table holds (a fault, or a mixed-up text), or the table
 * holds numbers that no row took, every row of either kind is left unparsed.
 */

export interface ShortRow {
  row: Row;
  columns: ColumnSpec[];
  /** The row's non-blank cells as read, in order: fewer than its columns, or all of them on several lines. */
  values: CellToken[];
  /** The values are digits whose cells ran together (`000000`, `088521`): each may hold several numbers. */
  glued?: boolean;
  /** A lone number on the next line, the end of one of the values wrapped in its cell (`71` / `0`). */
  tail?: CellToken;
}

interface Reading {
  numbers: number[];
  blank: boolean[];
  cells(): Cell[];
}

interface Term {
  variable: number;
  column: number;
  sign: 1 | -1;
  part: boolean;
}

interface Constraint {
  terms: Term[];
  residual: number;
  partsBlank: boolean;
  /** A total beside all-blank parts is not a broken sum (it is reported as blank cells). */
  detailsExcuse: boolean;
  last: number;
}

/** A table whose best reading breaks more sums than this is left as it was read. */
const MAX_BROKEN = 3;
/** Beyond this many partial states the table is left as it was read. */
const MAX_STATES = 50000;
/** Rows with more readings than this are not tried (a 15-column row with half its cells, say). */
const MAX_READINGS = 7000;

export function placeShortRows(table: Table, short: ShortRow[], strayNumbers: boolean, relations: readonly RelationSpec[] = RELATIONS): void {
  place(table, short, strayNumbers, relations);
  if (strayNumbers) return;
  // A row left unread for want of its blank cells still shows how many it has.
  for (const s of short) {
    const plain = !s.glued && !s.tail && s.values.length < s.columns.length;
    if (plain && s.row.unparsed) s.row.unparsed.blanks = s.columns.length - s.values.length;
  }
}

function place(table: Table, short: ShortRow[], strayNumbers: boolean, relations: readonly RelationSpec[]): void {
  if (strayNumbers) {
    // Numbers that no row took may be what a short row lacks, and a joined row may hold some of another's.
    for (const s of short) if (!s.row.unparsed) unread(s);
    return;
  }
  const variables = short.map((s) => ({ short: s, readings: readingsOf(table, s, relations) })).filter((v) => v.readings !== undefined) as {
    short: ShortRow;
    readings: Reading[];
  }[];
  if (variables.length === 0) return;
  const index = new Map(variables.map((v, i) => [v.short.row.key, i]));
  const constraints = constraintsOf(table, relations, index, variables);

  const single = constraints.filter((c) => new Set(c.terms.map((t) => t.variable)).size === 1);
  const shared = constraints.filter((c) => !single.includes(c));
  const order = solvingOrder(variables.length, shared);
  const ordered = shared.map((c) => ({
    ...c,
    terms: c.terms.map((t) => ({ ...t, variable: order.indexOf(t.variable) })),
    last: Math.max(...c.terms.map((t) => order.indexOf(t.variable))),
  }));
  const own = variables.map((v, i) =>
    v.readings.map((reading) => ({ reading, broken: single.filter((c) => c.terms[0].variable === i && !holds(c, reading)).length })),
  );
  // First the readings that keep every sum; with a fault there is none, and the readings that
  // break the fewest sums are taken instead, as long as they agree.
  const solved =
    solve(
      order.map((i) => own[i].filter((x) => x.broken === 0)),
      ordered,
      0,
    ) ??
    tolerant(
      order.map((i) => own[i]),
      ordered,
    );
  const used = solved && order.map((_, i) => solved.used[order.indexOf(i)]);
  if (!used) {
    for (const { short: s } of variables) if (!s.row.unparsed) unread(s);
    return;
  }

  used.forEach((kept, i) => {
    const short = variables[i].short;
    // A row put together from several lines, or cut from a run of digits, is taken only where every
    // sum holds: once a sum is broken anyway, the reading breaking the fewest is no evidence.
    const joined = short.values.length === short.columns.length && !short.glued && !short.tail;
    if ((joined || short.glued || short.tail) && solved.broken > 0) {
      if (!short.row.unparsed) unread(short);
      return;
    }
    if (joined) return;
    const first = kept[0];
    if (!kept.every((r) => r.numbers.every((n, c) => n === first.numbers[c]))) return;
    const row = variables[i].short.row;
    row.cells = first.cells();
    row.unparsed = undefined;
    row.inferred = { blanksKnown: kept.length === 1, faulty: solved.broken > 0, cut: variables[i].short.glued === true, wrapped: !!variables[i].short.tail };
  });
}

function unread(s: ShortRow): void {
  const first = s.values[0].range;
  const last = s.values[s.values.length - 1].range;
  s.row.unparsed = { reason: s.values.map((v) => v.text).join(' '), range: { start: first.start, end: last.end } };
  s.row.cells = [];
}

function readingsOf(table: Table, s: ShortRow, relations: readonly RelationSpec[]): Reading[] | undefined {
  const cuts = s.glued ? cutsOf(s.values, s.columns.length) : s.tail ? tailsOf(s.values, s.tail) : [s.values];
  if (!cuts) return undefined;
  const all = (keep?: (r: Reading) => boolean): Reading[] | undefined => {
    const readings: Reading[] = [];
    const seen = new Set<string>();
    for (const numbers of cuts) if (!placements(table, s, numbers, readings, seen, keep)) return undefined;
    return readings;
  };
  if (!s.glued) return all();
  // A row of digits is cut only where every sum holds (see placeShortRows): of its many readings,
  // only those keeping its own sums (its total, table 四's group totals) can be taken. With none,
  // the row is left out and the other rows are placed without it.
  const own = ownSums(table, s.row.key, s.columns, relations);
  const readings = all((r) => own.every((c) => holds(c, r)));
  return readings?.length ? readings : undefined;
}

/** Whether a row as read breaks one of the table's sums over its own cells (a row total, 表四's group totals). */
export function breaksOwnSums(table: Table, row: Row, columns: ColumnSpec[], relations: readonly RelationSpec[] = RELATIONS): boolean {
  const counted = columns.map((col) =>
    countedValue(
      row.cells.find((c) => c.column === col.key),
      true,
    ),
  );
  if (counted.some((x) => x === undefined)) return false;
  const reading = { numbers: counted.map((x) => x!.value), blank: counted.map((x) => x!.blank) };
  return ownSums(table, row.key, columns, relations).some((c) => !holds(c, reading));
}

/** The table's sums over this row's cells alone, as constraints on its readings. */
function ownSums(table: Table, rowKey: string, columns: ColumnSpec[], relations: readonly RelationSpec[]): Constraint[] {
  const out: Constraint[] = [];
  for (const spec of compiled(relations).sums) {
    if (spec.table !== table.id) continue;
    for (const inst of tableInstances(table, spec)) {
      const refs = [...inst.total.map((ref) => ({ ref, sign: 1 as const, part: false })), ...inst.parts.map((ref) => ({ ref, sign: -1 as const, part: true }))];
      if (!refs.every(({ ref }) => ref.row === rowKey)) continue;
      const terms = refs.map(({ ref, sign, part }) => ({ variable: 0, column: columns.findIndex((c) => c.key === ref.column), sign, part }));
      if (terms.some((t) => t.column < 0)) continue;
      out.push({ terms, residual: 0, partsBlank: true, detailsExcuse: spec.relation.partsDetailTotal, last: 0 });
    }
  }
  return out;
}

/** The most ways of cutting a row's runs of digits into numbers that are tried. */
const MAX_CUTS = 2000;
/** The longest number a cell is read as when digits are cut apart. */
const MAX_DIGITS = 6;

/** Every way of cutting each run of digits into numbers (none with a leading zero), in order. */
function cutsOf(values: CellToken[], k: number): CellToken[][] | undefined {
  if (!values.every((v) => /^\d+$/.test(v.text))) return undefined;
  // Each run makes at least one number: more than k of them are no reading of the row.
  if (values.reduce((n, v) => n + Math.ceil(v.text.length / MAX_DIGITS), 0) > k) return undefined;
  let out: CellToken[][] = [[]];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // The numbers this run and those before it may make: the runs after it need one each.
    const room = k - (values.length - i - 1);
    const ways: CellToken[][] = [];
    const walk = (from: number, parts: CellToken[]): void => {
      if (ways.length > MAX_CUTS || parts.length > room) return;
      if (from === v.text.length) {
        ways.push(parts);
        return;
      }
      for (let to = from + 1; to <= Math.min(v.text.length, from + MAX_DIGITS); to++) {
        if (to - from > 1 && v.text[from] === '0') break;
        walk(to, [...parts, partOf(v, from, to)]);
      }
    };
    walk(0, []);
    if (ways.length > MAX_CUTS) return undefined;
    out = out.flatMap((head) => ways.map((w) => [...head, ...w])).filter((c) => c.length <= room);
    if (out.length > MAX_CUTS) return undefined;
  }
  return out;
}

/** The values with the wrapped digits put back after each one in turn: one of them is the row. */
function tailsOf(values: CellToken[], tail: CellToken): CellToken[][] {
  return values.flatMap((v, p) =>
    /^\d+$/.test(v.text) && /^\d+$/.test(tail.text) && v.text !== '0'
      ? [
          values.map((x, i) =>
            i === p ? { ...v, text: v.text + tail.text, norm: v.text + tail.text, range: { start: v.range.start, end: tail.range.end } } : x,
          ),
        ]
      : [],
  );
}

/** Characters [from, to) of a value: its own range when the value stands on one line as written. */
function partOf(v: CellToken, from: number, to: number): CellToken {
  const { start, end } = v.range;
  const exact = start.line === end.line && end.character - start.character === v.text.length;
  const range = exact
    ? { start: { line: start.line, character: start.character + from }, end: { line: start.line, character: start.character + to } }
    : v.range;
  const text = v.text.slice(from, to);
  return { ...v, text, norm: text, range };
}

/**
 * Adds to `readings` every order-keeping way of putting `numbers` under the row's columns, the
 * others blank, once each; false when there are too many to try.
 */
function placements(table: Table, s: ShortRow, numbers: CellToken[], readings: Reading[], seen: Set<string>, keep?: (r: Reading) => boolean): boolean {
  const k = s.columns.length;
  const n = numbers.length;
  if (n === 0 || n > k) return true;
  if (!keep && readings.length + binomial(k, n) > MAX_READINGS) return false;
  if (readings.length > MAX_READINGS) return false;
  // A number with a leading zero is cells glued together, not one cell.
  if (numbers.some((v) => /^0\d/.test(v.norm))) return false;
  const last = numbers[n - 1].range;
  const cellOf = (j: number, c: number) => makeCell(table.id, s.row.key, s.columns[c], numbers[j]);
  const empty = s.columns.map((col) => phantomCell(table.id, s.row.key, col, last));
  // What each number counts for under each column; columns of one type read a number alike.
  const counts = new Map<string, ReturnType<typeof countedValue>>();
  const placedCounted = numbers.map((v, j) =>
    s.columns.map((col, c) => {
      const key = `${col.type}|${v.text}`;
      if (!counts.has(key)) counts.set(key, countedValue(cellOf(j, c), true));
      return counts.get(key);
    }),
  );
  if (placedCounted.some((row) => row.some((x) => x === undefined))) return false;
  const emptyCounted = empty.map((c) => countedValue(c, true)!);
  const positions: number[] = [];
  const walk = (from: number): void => {
    if (positions.length === n) {
      const values = emptyCounted.map((x) => x.value);
      const blank = emptyCounted.map((x) => x.blank);
      positions.forEach((c, j) => {
        values[c] = placedCounted[j][c]!.value;
        blank[c] = placedCounted[j][c]!.blank;
      });
      const at = [...positions];
      const reading = { numbers: values, blank, cells: () => s.columns.map((_, c) => (at.includes(c) ? cellOf(at.indexOf(c), c) : empty[c])) };
      if (keep && !keep(reading)) return;
      const key = values.map((v, c) => (blank[c] ? '' : v)).join(',');
      if (seen.has(key)) return;
      seen.add(key);
      readings.push(reading);
      return;
    }
    for (let c = from; c <= k - (n - positions.length); c++) {
      positions.push(c);
      walk(c + 1);
      positions.pop();
    }
  };
  walk(0);
  return true;
}

function binomial(k: number, n: number): number {
  let r = 1;
  for (let i = 1; i <= n; i++) r = (r * (k - n + i)) / i;
  return r;
}

/** The table's sums over the short rows; those touching a row that cannot be read are left out. */
function constraintsOf(
  table: Table,
  relations: readonly RelationSpec[],
  index: Map<string, number>,
  variables: { short: ShortRow; readings: Reading[] }[],
): Constraint[] {
  const out: Constraint[] = [];
  for (const spec of compiled(relations).sums) {
    if (spec.table !== table.id) continue;
    next: for (const inst of tableInstances(table, spec)) {
      const c: Constraint = { terms: [], residual: 0, partsBlank: true, detailsExcuse: spec.relation.partsDetailTotal, last: -1 };
      /** Whether the total may be other than 0: only then can blank parts excuse it. */
      let totalMayCount = false;
      for (const [refs, sign, part] of [
        [inst.total, 1, false],
        [inst.parts, -1, true],
      ] as const) {
        for (const ref of refs) {
          const variable = index.get(ref.row);
          if (variable !== undefined) {
            const column = variables[variable].short.columns.findIndex((col) => col.key === ref.column);
            if (column < 0) continue next;
            if (!part) totalMayCount ||= variables[variable].readings.some((r) => r.numbers[column] !== 0);
            c.terms.push({ variable, column, sign, part });
            c.last = Math.max(c.last, variable);
            continue;
          }
          const row = table.rows.get(ref.row);
          if (!row || row.unparsed) continue next;
          const counted = countedValue(
            row.cells.find((cell) => cell.column === ref.column),
            true,
          );
          if (!counted) continue next;
          c.residual += sign * counted.value;
          if (part) c.partsBlank &&= counted.blank;
          else totalMayCount ||= counted.value !== 0;
        }
      }
      // A total of 0 beside blank parts holds anyway: the excuse, and the states it splits, are not needed.
      c.detailsExcuse &&= totalMayCount;
      if (c.terms.length > 0) out.push(c);
    }
  }
  return out;
}

/** Whether a sum over one row alone holds with this reading of it. */
function holds(c: Constraint, r: Pick<Reading, 'numbers' | 'blank'>): boolean {
  let residual = c.residual;
  let partsBlank = c.partsBlank;
  for (const t of c.terms) {
    residual += t.sign * r.numbers[t.column];
    if (t.part) partsBlank &&= r.blank[t.column];
  }
  return ok(c, residual, partsBlank);
}

function ok(c: Constraint, residual: number, partsBlank: boolean): boolean {
  return Math.abs(residual) < 1e-9 || (c.detailsExcuse && partsBlank);
}

/** Rows in an order that closes small sums first, so fewer partial states stay open. */
function solvingOrder(count: number, shared: Constraint[]): number[] {
  const order: number[] = [];
  const bySize = [...shared].sort((a, b) => new Set(a.terms.map((t) => t.variable)).size - new Set(b.terms.map((t) => t.variable)).size);
  for (const c of bySize) for (const t of c.terms) if (!order.includes(t.variable)) order.push(t.variable);
  for (let i = 0; i < count; i++) if (!order.includes(i)) order.push(i);
  return order;
}

/** Beyond this many possible partial sums, a sum is not used to cut partial readings. */
const MAX_SUMS = 5000;

/** Every sum of a number from each set; undefined when unknown or too many to list. */
function add(a: Set<number> | undefined, b: Set<number>): Set<number> | undefined {
  if (!a) return undefined;
  const out = new Set<number>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out.size > MAX_SUMS ? undefined : out;
}

/** The least broken sums first: a small budget lets the lower bound cut most partial readings. */
function tolerant(candidates: { reading: Reading; broken: number }[][], shared: Constraint[]): ReturnType<typeof solve> {
  for (let budget = 1; budget <= MAX_BROKEN; budget++) {
    const solved = solve(candidates, shared, budget);
    if (solved) return solved;
  }
  return undefined;
}

/**
 * Per row index i and sum j, the amounts the rows from i on can still add to the sum (undefined
 * when too many to list): a sum whose missing amount is not among them will break.
 */
function reachable(candidates: { reading: Reading }[][], shared: Constraint[], termsOf: { j: number; t: Term }[][]): (Set<number> | undefined)[][] {
  const out: (Set<number> | undefined)[][] = [];
  out[candidates.length] = shared.map(() => new Set([0]));
  for (let i = candidates.length - 1; i >= 0; i--) {
    out[i] = shared.map((_, j) => {
      const later = out[i + 1][j];
      const terms = termsOf[i].filter((x) => x.j === j);
      if (!later || terms.length === 0) return later;
      const shares = new Set(candidates[i].map(({ reading }) => terms.reduce((acc, { t }) => acc + t.sign * reading.numbers[t.column], 0)));
      return add(later, shares);
    });
  }
  return out;
}

interface State {
  residual: number[];
  partsBlank: boolean[];
  /** The fewest broken sums on a way to this state. */
  cost: number;
  /** How this state is reached: the previous state's key, this row's reading, the sums it broke. */
  from: { key: string; reading: Reading; broken: number }[];
}

/**
 * The readings of each row that take part in a reading of the whole table breaking the fewest
 * sums, at most `budget` (own sums of a row are counted in `broken`); undefined when there is
 * none, or too many partial states to tell.
 */
function solve(candidates: { reading: Reading; broken: number }[][], shared: Constraint[], budget: number): { used: Reading[][]; broken: number } | undefined {
  const start: State = { residual: shared.map((c) => c.residual), partsBlank: shared.map((c) => c.partsBlank), cost: 0, from: [] };
  const layers: Map<string, State>[] = [new Map([['', start]])];
  const termsOf = candidates.map((_, i) => shared.flatMap((c, j) => c.terms.filter((t) => t.variable === i).map((t) => ({ j, t }))));
  const ahead = reachable(candidates, shared, termsOf);
  const firstRow = shared.map((c) => Math.min(...c.terms.map((t) => t.variable)));
  /** Whether sum j cannot hold whatever the rows after row i read. */
  const doomed = (i: number, j: number, residual: number, partsBlank: boolean) => {
    const sums = ahead[i + 1][j];
    return !!sums && !(shared[j].detailsExcuse && partsBlank) && !sums.has(-residual);
  };
  for (let i = 0; i < candidates.length; i++) {
    // The sums this row adds to, and what each reading adds to each: the rest stay as they were.
    const touched = [...new Set(termsOf[i].map((x) => x.j))];
    const slot = new Map(touched.map((j, k) => [j, k]));
    const closes = touched.map((j) => shared[j].last === i);
    const effects = candidates[i].map(({ reading }) => {
      const add = touched.map(() => 0);
      const blank = touched.map(() => true);
      for (const { j, t } of termsOf[i]) {
        const k = slot.get(j)!;
        add[k] += t.sign * reading.numbers[t.column];
        if (t.part) blank[k] &&= reading.blank[t.column];
      }
      return { add, blank };
    });
    const untouched = shared.map((_, j) => j).filter((j) => !slot.has(j));
    // Sums open after this row: the only ones in which the states of the next layer differ.
    const isOpen = (j: number) => firstRow[j] <= i && shared[j].last > i;
    const openUntouched = untouched.filter(isOpen);
    const openTouched = touched.flatMap((j, k) => (isOpen(j) ? [k] : []));
    const residual = touched.map(() => 0);
    const partsBlank = touched.map(() => true);
    const next = new Map<string, State>();
    for (const [key, state] of layers[i]) {
      let still = 0;
      for (const j of untouched) if (doomed(i, j, state.residual[j], state.partsBlank[j])) still++;
      if (state.cost + still > budget) continue;
      let stateKey = '';
      for (const j of openUntouched) stateKey += shared[j].detailsExcuse && !state.partsBlank[j] ? `${state.residual[j]}!,` : `${state.residual[j]},`;
      for (let r = 0; r < candidates[i].length; r++) {
        const { reading, broken: own } = candidates[i][r];
        const { add, blank } = effects[r];
        let broken = own;
        let lower = still;
        for (let k = 0; k < touched.length; k++) {
          const j = touched[k];
          residual[k] = state.residual[j] + add[k];
          partsBlank[k] = state.partsBlank[j] && blank[k];
          if (closes[k]) {
            if (!ok(shared[j], residual[k], partsBlank[k])) broken++;
            residual[k] = 0;
            partsBlank[k] = true;
          } else if (doomed(i, j, residual[k], partsBlank[k])) lower++;
        }
        const cost = state.cost + broken;
        if (cost + lower > budget) continue;
        let nextKey = stateKey;
        for (const k of openTouched) nextKey += shared[touched[k]].detailsExcuse && !partsBlank[k] ? `${residual[k]}!,` : `${residual[k]},`;
        const known = next.get(nextKey);
        if (known) {
          known.from.push({ key, reading, broken });
          known.cost = Math.min(known.cost, cost);
          continue;
        }
        const after: State = { residual: [...state.residual], partsBlank: [...state.partsBlank], cost, from: [{ key, reading, broken }] };
        touched.forEach((j, k) => {
          after.residual[j] = residual[k];
          after.partsBlank[j] = partsBlank[k];
        });
        next.set(nextKey, after);
      }
    }
    if (next.size === 0 || next.size > MAX_STATES) return undefined;
    layers.push(next);
  }
  // Back from the end along the ways whose cost is the least: `rest` is what a state still adds.
  const best = Math.min(...[...layers[candidates.length].values()].map((st) => st.cost));
  const used: Set<Reading>[] = candidates.map(() => new Set());
  let rest = new Map([...layers[candidates.length]].filter(([, st]) => st.cost === best).map(([key]) => [key, 0]));
  for (let i = candidates.length; i > 0; i--) {
    const before = new Map<string, number>();
    for (const [key, after] of rest) {
      for (const edge of layers[i].get(key)!.from) {
        const prev = layers[i - 1].get(edge.key)!;
        if (prev.cost + edge.broken + after !== best) continue;
        before.set(edge.key, edge.broken + after);
        used[i - 1].add(edge.reading);
      }
    }
    rest = before;
  }
  return { used: used.map((set, i) => candidates[i].map((c) => c.reading).filter((r) => set.has(r))), broken: best };
}
