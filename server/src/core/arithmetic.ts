import type { Cell, Report, Table } from './model';
import { countedValue } from './numbers';
import { CellRef, InvariantSpec, invariantsOf, RELATIONS, RelationSpec } from './schema/invariants';

/**
 * Evaluates the relations of the schema on a parsed report and decides what to report, table by
 * table: when one cell explains every broken sum, that cell alone; otherwise each broken sum,
 * leaving out the total-column sums that only repeat a failure already reported.
 */

export interface Operand {
  ref: CellRef;
  /** `T3.R1.NP` */
  key: string;
  cell: Cell;
  value: number;
  blank: boolean;
}

export interface Relation {
  spec: InvariantSpec;
  /** The row or column this instance is about. */
  instance: string;
  total: Operand[];
  parts: Operand[];
  totalSum: number;
  partsSum: number;
  ok: boolean;
  blankOperands: boolean;
  /** The cell a suggestion rewrites when it trusts the other cells (a total, or 四). */
  fill?: Operand;
  /**
   * Every detail cell is blank: a total written beside blank details is reported as blank cells
   * (cell-empty), not as a broken sum.
   */
  detailsBlank: boolean;
}

export interface ArithmeticIssue {
  code: string;
  relation: Relation;
  /** One cell whose correction makes every broken relation hold. */
  culprit?: { operand: Operand; expected: number; relations: Relation[] };
}

export interface ArithmeticResult {
  /** The tables the schema has relations in. */
  tables: InvariantSpec['table'][];
  relations: Relation[];
  issues: ArithmeticIssue[];
}

interface KeyedRef extends CellRef {
  key: string;
}

/** Cell references are few and immutable: one object per cell, shared by every report. */
const REFS = new Map<string, Map<string, Map<string, KeyedRef>>>();

function refOf(table: CellRef['table'], row: string, column: string): KeyedRef {
  let rows = REFS.get(table);
  if (!rows) REFS.set(table, (rows = new Map()));
  let columns = rows.get(row);
  if (!columns) rows.set(row, (columns = new Map()));
  let ref = columns.get(column);
  if (!ref) columns.set(column, (ref = { table, row, column, key: `${table}.${row}.${column}` }));
  return ref;
}

function resolve(report: Report, ref: KeyedRef, blankAsZero: boolean): Operand | undefined {
  const row = report.tables[ref.table]?.rows.get(ref.row);
  if (!row || row.unparsed) return undefined;
  const cell = row.cells.find((c) => c.column === ref.column);
  if (!cell) return undefined;
  const counted = countedValue(cell, blankAsZero);
  return counted && { ref, key: ref.key, cell, ...counted };
}

/** Rows of a column relation; a `oneOf` part takes the first alternative the table has. */
function expandRows(table: Table, side: InvariantSpec['parts']): string[] | undefined {
  const rows = table.rows;
  const out: string[] = [];
  for (const part of side) {
    if (typeof part === 'string') {
      out.push(part);
      continue;
    }
    const alt = part.oneOf.find((keys) => keys.every((k) => rows.has(k)));
    if (!alt) return undefined;
    out.push(...alt);
  }
  return out;
}

export type Instance = { instance: string; total: KeyedRef[]; parts: KeyedRef[] };

const ROW_INSTANCES = new Map<InvariantSpec, Instance[]>();

/** The per-row instances of a row relation (the same for every report). */
function rowInstances(spec: InvariantSpec): Instance[] {
  let list = ROW_INSTANCES.get(spec);
  if (!list) {
    const refs = (row: string, side: InvariantSpec['parts']) => side.map((c) => refOf(spec.table, row, c as string));
    list = (spec.eachRow ?? []).map((row) => ({ instance: row, total: refs(row, spec.total), parts: refs(row, spec.parts) }));
    ROW_INSTANCES.set(spec, list);
  }
  return list;
}

function instances(report: Report, spec: InvariantSpec): Instance[] {
  const table = report.tables[spec.table];
  return table ? tableInstances(table, spec) : [];
}

/** The cells each sum of a relation adds up in one table: per row, or per column over the rows it has. */
export function tableInstances(table: Table, spec: InvariantSpec): Instance[] {
  const result: Instance[] = [];
  if (spec.eachRow) {
    for (const inst of rowInstances(spec)) if (table.rows.has(inst.instance)) result.push(inst);
  }
  if (!spec.eachColumn) return result;
  const totalRows = expandRows(table, spec.total);
  const partRows = expandRows(table, spec.parts);
  if (!totalRows || !partRows) return result;
  for (const column of spec.eachColumn) {
    const refs = (rows: string[]) => rows.map((row) => refOf(spec.table, row, column));
    result.push({ instance: column, total: refs(totalRows), parts: refs(partRows) });
  }
  return result;
}

/** The operands of one side, or undefined when a cell cannot be read. */
function resolveAll(report: Report, refs: KeyedRef[], blankAsZero: boolean): Operand[] | undefined {
  const out: Operand[] = [];
  for (const ref of refs) {
    const o = resolve(report, ref, blankAsZero);
    if (!o) return undefined;
    out.push(o);
  }
  return out;
}

function sum(operands: Operand[]): number {
  let total = 0;
  for (const o of operands) total += o.value;
  return total;
}

/** The sums of a relation list and the tables they run in (the same for every report). */
const COMPILED = new WeakMap<readonly RelationSpec[], { sums: InvariantSpec[]; tables: InvariantSpec['table'][] }>();

export function compiled(relations: readonly RelationSpec[]) {
  let c = COMPILED.get(relations);
  if (!c) COMPILED.set(relations, (c = { sums: invariantsOf(relations), tables: [...new Set(relations.map((r) => r.table))] }));
  return c;
}

function evaluate(report: Report, blankAsZero: boolean, sums: InvariantSpec[]): Relation[] {
  const relations: Relation[] = [];
  for (const spec of sums) {
    for (const inst of instances(report, spec)) {
      const t = resolveAll(report, inst.total, blankAsZero);
      const p = t && resolveAll(report, inst.parts, blankAsZero);
      if (!t || !p) continue;
      const totalSum = sum(t);
      const partsSum = sum(p);
      const side = spec.fill.side === 'total' ? t : p;
      const fill = side.find((o) => (spec.fill.side === 'total' ? o.ref.column === spec.fill.key || o.ref.row === spec.fill.key : o.ref.row === spec.fill.key));
      relations.push({
        spec,
        instance: inst.instance,
        total: t,
        parts: p,
        totalSum,
        partsSum,
        ok: Math.abs(totalSum - partsSum) < 1e-9,
        blankOperands: t.some((o) => o.blank) || p.some((o) => o.blank),
        fill,
        detailsBlank: spec.relation.partsDetailTotal && p.every((o) => o.blank),
      });
    }
  }
  return relations;
}

/** The change to one operand that makes a relation hold. */
function deltaFor(rel: Relation, cellKey: string): number | undefined {
  const residual = rel.totalSum - rel.partsSum;
  if (rel.total.some((o) => o.key === cellKey)) return -residual;
  if (rel.parts.some((o) => o.key === cellKey)) return residual;
  return undefined;
}

function findCulprit(failing: Relation[], passing: Relation[]): ArithmeticIssue['culprit'] {
  const candidates = new Map<string, Operand>();
  for (const rel of failing) for (const o of [...rel.total, ...rel.parts]) candidates.set(o.key, o);
  const found: NonNullable<ArithmeticIssue['culprit']>[] = [];
  for (const [cellKey, operand] of candidates) {
    const deltas = failing.map((r) => deltaFor(r, cellKey));
    if (deltas.some((d) => d === undefined || d !== deltas[0])) continue;
    if (passing.some((r) => deltaFor(r, cellKey) !== undefined)) continue;
    const expected = operand.value + (deltas[0] as number);
    if (expected < 0 && !failing.every((r) => r.spec.relation.signed)) continue;
    found.push({ operand, expected, relations: failing });
  }
  return found.length === 1 ? found[0] : undefined;
}

/** A total-column sum whose failure follows from other failures in the same table. */
function isEcho(rel: Relation, failing: Relation[]): boolean {
  const echoes = rel.spec.relation.echoes;
  if (!echoes || rel.instance !== echoes.instance) return false;
  return failing.some((r) => r !== rel && r.spec.table === rel.spec.table && echoes.of.includes(r.spec.code));
}

export function checkArithmetic(report: Report, blankAsZero: boolean, schema: readonly RelationSpec[] = RELATIONS): ArithmeticResult {
  const { sums, tables } = compiled(schema);
  const relations = evaluate(report, blankAsZero, sums);
  const issues: ArithmeticIssue[] = [];
  for (const table of tables) {
    const inTable = relations.filter((r) => r.spec.table === table && !r.detailsBlank);
    const failing = inTable.filter((r) => !r.ok);
    if (failing.length === 0) continue;
    const culprit =
      failing.length > 1
        ? findCulprit(
            failing,
            inTable.filter((r) => r.ok),
          )
        : undefined;
    if (culprit) {
      const main = [...failing].sort((a, b) => a.spec.relation.priority - b.spec.relation.priority)[0];
      issues.push({ code: main.spec.code, relation: main, culprit });
      continue;
    }
    for (const rel of failing) if (!isEcho(rel, failing)) issues.push({ code: rel.spec.code, relation: rel });
  }
  return { tables, relations, issues };
}

const byCellCache = new WeakMap<ArithmeticResult, Map<Cell, Relation[]>>();

/** Every evaluated relation a cell of the report takes part in. */
export function relationsOfCell(result: ArithmeticResult, cell: Cell): Relation[] {
  let index = byCellCache.get(result);
  if (!index) {
    index = new Map();
    for (const r of result.relations) {
      for (const side of [r.total, r.parts]) {
        for (const o of side) {
          const list = index.get(o.cell);
          if (list) list.push(r);
          else index.set(o.cell, [r]);
        }
      }
    }
    byCellCache.set(result, index);
  }
  return index.get(cell) ?? [];
}
