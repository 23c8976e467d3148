import { ArithmeticIssue, Operand, Relation, relationsOfCell } from '../../arithmetic';
import { cellFixEdit } from '../../edits';
import { cellNames, columnName, rowName } from '../../labels';
import type { FormatVersion } from '../../model';
import type { Draft, FixDraft, FixEdit, Localized, Params, RuleContext } from '../../rule';
import { cellTarget } from '../../rule';

const MAX_LISTED_PARTS = 8;

/** The message ids an arithmetic rule declares: the common ones and its own `mismatch`. */
export type ArithmeticMessageId = keyof typeof COMMON_ARITHMETIC_MESSAGES | 'mismatch';

export const BLANK_NOTE: Localized = { 'zh-CN': '（空白按0计算）', en: ' (blank cells counted as 0)' };

export function relationNames(relations: Relation[]): Localized {
  const names = [...new Set(relations.map((r) => r.spec.relation))].map((r) => r.name);
  return {
    'zh-CN': names.map((n) => n['zh-CN']).join('、'),
    en: names.map((n) => n.en).join(' and '),
  };
}

/** Names what a relation instance is about: a row, a column or a labelled sum (a table-四 group). */
export function instanceName(rel: Relation, format?: FormatVersion): Localized | string {
  if (rel.spec.label) return rel.spec.label;
  if (rel.spec.eachRow) return rowName(rel.spec.table, rel.instance, format);
  return columnName(rel.spec.table, rel.instance, format);
}

/** How an operand reads in a message: its number, its placeholder as written, or □ for a blank. */
function shown(o: Operand): string | number {
  if (!o.blank) return o.value;
  return o.cell.state === 'placeholder' ? `“${o.cell.raw}”` : '□';
}

function named(o: Operand, format?: FormatVersion): Localized {
  return cellNames(o.ref, format);
}

/**
 * Turns the arithmetic issues of one relation code into drafts: the finding sits on the cell a
 * fix would write (or on the single culprit cell), the operands are related information.
 */
export function arithmeticDrafts(ctx: RuleContext, code: string): Draft<ArithmeticMessageId>[] {
  const format = ctx.format;
  return ctx.arithmetic.issues.filter((i) => i.code === code).map((issue) => toDraft(ctx, issue, format));
}

type Related = NonNullable<Draft<ArithmeticMessageId>['related']>;

const sameOperand = (a: Operand, b: Operand) => cellTarget(a.ref) === cellTarget(b.ref);

/** `6+6+4+3+3+4`; a long sum (（七）总计 has 20 addends) shows its addends that are not 0. */
function partValues(parts: Operand[]): Localized {
  const listed = parts.length > MAX_LISTED_PARTS ? parts.filter((o) => o.value !== 0 || o.blank) : parts;
  const values = listed.map((o) => String(shown(o))).join('+') || '0';
  const rest = listed.length < parts.length && listed.length > 0;
  return { 'zh-CN': rest ? `${values}（其余为0）` : values, en: rest ? `${values} (the rest 0)` : values };
}

/** The span from the first to the last written cell of a side. */
function spanOf(operands: Operand[]): Related[number]['range'] | undefined {
  const ranges = operands.filter((o) => o.cell.present).map((o) => o.cell.range);
  if (!ranges.length) return undefined;
  const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  const start = ranges.reduce((a, r) => (key(r.start) < key(a.start) ? r : a)).start;
  const end = ranges.reduce((a, r) => (key(r.end) > key(a.end) ? r : a)).end;
  return { start, end };
}

/**
 * The few cells that explain a finding on `cell`: for each broken relation, the other side's total
 * (or, when `cell` is the total, its addends folded into one entry), and the other cell of a
 * two-cell side (the balance's 一＋二, （七）＋四).
 */
function explaining(relations: Relation[], cell: Operand, format?: FormatVersion): Related {
  const seen = new Set<string>([cellTarget(cell.ref)]);
  const out: Related = [];
  const single = (o: Operand) => {
    const k = cellTarget(o.ref);
    if (seen.has(k) || !o.cell.present) return;
    seen.add(k);
    out.push({ range: o.cell.range, messageId: 'operand', params: { cell: named(o, format), value: shown(o) } });
  };
  for (const r of relations) {
    const own = r.total.some((o) => sameOperand(o, cell)) ? r.total : r.parts;
    const other = own === r.total ? r.parts : r.total;
    if (own.length <= 2) own.forEach(single);
    if (other.length <= 2) {
      other.forEach(single);
      continue;
    }
    const range = spanOf(other);
    const k = other.map((o) => cellTarget(o.ref)).join('+');
    if (!range || seen.has(k)) continue;
    seen.add(k);
    out.push({ range, messageId: 'parts', params: { values: partValues(other), sum: other === r.parts ? r.partsSum : r.totalSum } });
  }
  return out;
}

function toDraft(ctx: RuleContext, issue: ArithmeticIssue, format?: FormatVersion): Draft<ArithmeticMessageId> {
  const rel = issue.relation;
  const culprit = issue.culprit;
  const relations = culprit?.relations ?? [rel];
  const blank = relations.some((r) => r.blankOperands);
  // Rows whose numbers were placed by the sums: how sure the placement is.
  const placed = relations.flatMap((r) => [...r.total, ...r.parts]).flatMap((o) => ctx.report.tables[o.ref.table]?.rows.get(o.ref.row)?.inferred ?? []);
  // A row whose blank columns are not known may hold a blank among the operands.
  const severity = blank || placed.some((p) => !p.blanksKnown) ? 'warning' : undefined;
  if (culprit) {
    // Two or more broken sums agree on this one cell, and no sum that holds contains it: a safe fix.
    const edit = cellFixEdit(ctx.doc, culprit.operand.cell, String(culprit.expected), format);
    const params: Params = {
      cell: named(culprit.operand, format),
      value: shown(culprit.operand),
      expected: culprit.expected,
      relations: relationNames(culprit.relations),
      blank: blank ? BLANK_NOTE : '',
    };
    const fix = edit && { messageId: 'fixCell' as const, params, edits: [edit] };
    // Columns placed on the assumption that the fewest sums are broken make the culprit a guess.
    const assumed = placed.some((p) => p.faulty);
    return {
      messageId: 'culprit',
      params,
      range: culprit.operand.cell.range,
      severity,
      related: explaining(culprit.relations, culprit.operand, format),
      fix: assumed ? undefined : fix,
      suggestions: assumed && fix ? [fix] : undefined,
      target: cellTarget(culprit.operand.ref),
    };
  }
  const target = rel.fill ?? rel.total[0];
  const params: Params = {
    name: instanceName(rel, format),
    total: rel.totalSum,
    sum: rel.partsSum,
    blank: rel.blankOperands ? BLANK_NOTE : '',
  };
  return {
    messageId: 'mismatch',
    params,
    range: target.cell.range,
    severity,
    related: explaining([rel], target, format),
    suggestions: suggestions(ctx, rel, format),
    target: cellTarget(target.ref),
  };
}

/**
 * What a broken sum that no single cell explains offers instead of a fix: one suggestion that
 * trusts the addends and rewrites the fill cell (a total, or 四 for the balance), and one that
 * trusts the fill cell's side and changes the other side where the numbers single out the cells.
 */
function suggestions(ctx: RuleContext, rel: Relation, format?: FormatVersion): FixDraft<ArithmeticMessageId>[] {
  const out: FixDraft<ArithmeticMessageId>[] = [];
  const fill = rel.fill;
  if (!fill) return out;
  const fillOnTotal = rel.total.includes(fill);
  const otherSide = fillOnTotal ? rel.parts : rel.total;
  const fillSideSum = fillOnTotal ? rel.totalSum : rel.partsSum;
  const otherSum = fillOnTotal ? rel.partsSum : rel.totalSum;
  const draft = (messageId: ArithmeticMessageId, changes: [Operand, number][]): FixDraft<ArithmeticMessageId> | undefined => {
    const edits = changes.map(([o, v]) => cellFixEdit(ctx.doc, o.cell, String(v), format));
    if (!edits.every((e): e is FixEdit => e !== undefined)) return undefined;
    const names = changes.map(([o]) => shortName(rel, o, format));
    const cells = { 'zh-CN': names.map((n) => n['zh-CN']).join('、'), en: names.map((n) => n.en).join(names.length === 2 ? ' and ' : ', ') };
    return { messageId, params: { cells, expected: changes[0][1] }, edits };
  };
  const allowed = (value: number) => rel.spec.relation.signed || value >= 0;
  const fillValue = otherSum - (fillSideSum - fill.value);
  const trustParts = allowed(fillValue) ? draft('assumeParts', [[fill, fillValue]]) : undefined;
  if (trustParts) out.push(trustParts);
  // Trusting the fill cell's side: the other side must change by `diff`.
  const diff = fillSideSum - otherSum;
  const free = otherSide.filter((o) => !inHoldingSum(ctx, o));
  const single = free.filter((o) => allowed(o.value + diff));
  let changes: [Operand, number][] | undefined;
  if (single.length === 1) changes = [[single[0], single[0].value + diff]];
  else if (fillSideSum === 0) {
    // A side of 0 leaves no choice: every cell that is not 0 must be.
    changes = otherSide.filter((o) => o.value !== 0).map((o): [Operand, number] => [o, 0]);
  }
  const trustTotal = changes?.length ? draft('assumeTotal', changes) : undefined;
  if (trustTotal) out.push(trustTotal);
  return out;
}

/** Whether the cell takes part in a sum that holds (changing it alone would break that sum). */
function inHoldingSum(ctx: RuleContext, o: Operand): boolean {
  return relationsOfCell(ctx.arithmetic, o.cell).some((r) => r.ok && !r.detailsBlank);
}

/** A cell named within its relation: the column in a row's sum, the row in a column's sum. */
function shortName(rel: Relation, o: Operand, format?: FormatVersion): Localized {
  if (rel.spec.eachRow) {
    const column = columnName(o.ref.table, o.ref.column, format, o.ref.row);
    return { 'zh-CN': column, en: column };
  }
  const row = rowName(o.ref.table, o.ref.row, format);
  return { 'zh-CN': `「${row}」`, en: `“${row}”` };
}

/** The message texts that are the same for all four arithmetic rules. */
export const COMMON_ARITHMETIC_MESSAGES: Record<'culprit' | 'fixCell' | 'assumeParts' | 'assumeTotal' | 'operand' | 'parts', Localized> = {
  culprit: {
    'zh-CN': '{cell}为{value}，与{relations}都不符，应为{expected}{blank}',
    en: '{cell} is {value}, which breaks {relations}; it should be {expected}{blank}',
  },
  fixCell: { 'zh-CN': '将{cell}改为{expected}', en: 'Change {cell} to {expected}' },
  assumeParts: { 'zh-CN': '假设各项正确：将{cells}改为{expected}', en: 'Assuming the items are right: set {cells} to {expected}' },
  assumeTotal: { 'zh-CN': '假设总计正确：将{cells}改为{expected}', en: 'Assuming the total is right: change {cells} to {expected}' },
  operand: { 'zh-CN': '{cell}：{value}', en: '{cell} = {value}' },
  parts: { 'zh-CN': '各项之和：{values}＝{sum}', en: 'the parts: {values} = {sum}' },
};
