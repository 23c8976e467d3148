import type { ArithmeticIssue, Operand, Relation } from '../../arithmetic';
import { cellEdit } from '../../edits';
import { cellName, columnName, rowName } from '../../labels';
import type { FormatVersion } from '../../model';
import type { Draft, Localized, Params, RuleContext } from '../../rule';
import { cellTarget } from '../../rule';
import type { RelationCode } from '../../schema/invariants';

const MAX_LISTED_PARTS = 8;

export const BLANK_NOTE: Localized = { 'zh-CN': '（空白按0计算）', en: ' (blank cells counted as 0)' };

const RELATION_NAMES: Record<RelationCode, Localized> = {
  'row-total': { 'zh-CN': '本行总计', en: 'its row total' },
  'column-total': { 'zh-CN': '（七）总计', en: 'the （七）总计 row' },
  balance: { 'zh-CN': '“一＋二＝（七）总计＋四”', en: 'the balance 一 + 二 = （七）总计 + 四' },
  'review-total': { 'zh-CN': '本组总计', en: 'its group total' },
};

export function relationNames(relations: Relation[]): Localized {
  const codes = [...new Set(relations.map((r) => r.spec.code))];
  return {
    'zh-CN': codes.map((c) => RELATION_NAMES[c]['zh-CN']).join('、'),
    en: codes.map((c) => RELATION_NAMES[c].en).join(' and '),
  };
}

const T4_GROUPS: Record<string, Localized> = {
  RV: { 'zh-CN': '行政复议', en: '行政复议 (administrative review)' },
  LD: { 'zh-CN': '行政诉讼·未经复议直接起诉', en: '未经复议直接起诉 (direct litigation)' },
  LR: { 'zh-CN': '行政诉讼·复议后起诉', en: '复议后起诉 (litigation after review)' },
};

/** Names what a relation instance is about: a row, a column or a table-四 group. */
export function instanceName(rel: Relation, format?: FormatVersion): Localized | string {
  if (rel.spec.code === 'review-total') return T4_GROUPS[rel.total[0].ref.column.slice(0, 2)];
  if (rel.spec.eachRow) return rowName(rel.spec.table, rel.instance, format);
  return columnName(rel.spec.table, rel.instance, format);
}

/** How an operand reads in a message: its number, its placeholder as written, or □ for a blank. */
function shown(o: Operand): string | number {
  if (!o.blank) return o.value;
  return o.cell.state === 'placeholder' ? `“${o.cell.raw}”` : '□';
}

function named(o: Operand, format?: FormatVersion): Localized {
  return { 'zh-CN': cellName(o.ref, 'zh-CN', format), en: cellName(o.ref, 'en', format) };
}

/**
 * Turns the arithmetic issues of one relation code into drafts: the finding sits on the cell a
 * fix would write (or on the single culprit cell), the operands are related information.
 */
export function arithmeticDrafts(ctx: RuleContext, code: RelationCode): Draft[] {
  const format = ctx.report.format ?? ctx.expectedFormat;
  return ctx.arithmetic.issues.filter((i) => i.code === code).map((issue) => toDraft(ctx, issue, format));
}

type Related = NonNullable<Draft['related']>;

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

function toDraft(ctx: RuleContext, issue: ArithmeticIssue, format?: FormatVersion): Draft {
  const rel = issue.relation;
  const culprit = issue.culprit;
  const blank = [...(culprit?.relations ?? [rel])].some((r) => r.blankOperands);
  const severity = blank ? 'warning' : undefined;
  if (culprit) {
    const edit = cellEdit(ctx.doc, culprit.operand.cell, String(culprit.expected));
    const params: Params = {
      cell: named(culprit.operand, format),
      value: shown(culprit.operand),
      expected: culprit.expected,
      relations: relationNames(culprit.relations),
      blank: blank ? BLANK_NOTE : '',
    };
    return {
      messageId: 'culprit',
      params,
      range: culprit.operand.cell.range,
      severity,
      related: explaining(culprit.relations, culprit.operand, format),
      fix: edit ? { messageId: 'fixCell', params, edits: [edit] } : undefined,
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
  let fix: Draft['fix'];
  if (rel.fill && (!rel.spec.fill.onlyWhenBlank || rel.fill.blank)) {
    // The fill cell is a total (= the other side) or, for the balance, the carry-over row.
    const others = rel.spec.fill.side === 'total' ? rel.partsSum : rel.totalSum - (rel.partsSum - rel.fill.value);
    const edit = others >= 0 ? cellEdit(ctx.doc, rel.fill.cell, String(others)) : undefined;
    if (edit) fix = { messageId: 'fixTotal', params: { ...params, cell: named(rel.fill, format), expected: others }, edits: [edit] };
  }
  return {
    messageId: 'mismatch',
    params,
    range: target.cell.range,
    severity,
    related: explaining([rel], target, format),
    fix,
    target: cellTarget(target.ref),
  };
}

/** The message texts that are the same for all four arithmetic rules. */
export const COMMON_ARITHMETIC_MESSAGES: Record<'culprit' | 'fixCell' | 'fixTotal' | 'operand' | 'parts', Localized> = {
  culprit: {
    'zh-CN': '{cell}为{value}，与{relations}都不符，应为{expected}{blank}',
    en: '{cell} is {value}, which breaks {relations}; it should be {expected}{blank}',
  },
  fixCell: { 'zh-CN': '将{cell}改为{expected}', en: 'Change {cell} to {expected}' },
  fixTotal: { 'zh-CN': '将{cell}填为{expected}', en: 'Set {cell} to {expected}' },
  operand: { 'zh-CN': '{cell}：{value}', en: '{cell} = {value}' },
  parts: { 'zh-CN': '各项之和：{values}＝{sum}', en: 'the parts: {values} = {sum}' },
};
