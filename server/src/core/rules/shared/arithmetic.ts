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

function toDraft(ctx: RuleContext, issue: ArithmeticIssue, format?: FormatVersion): Draft {
  const rel = issue.relation;
  const culprit = issue.culprit;
  const related = (relations: Relation[], trim = false) => {
    const seen = new Set<string>();
    const out: NonNullable<Draft['related']> = [];
    for (const r of relations) {
      // Beside the culprit, a long sum (（七）总计 has 20 addends) lists its total and the addends that are not 0.
      const parts = trim && r.parts.length > MAX_LISTED_PARTS ? r.parts.filter((o) => o.value !== 0) : r.parts;
      for (const o of [...r.total, ...parts]) {
        const k = cellTarget(o.ref);
        if (seen.has(k) || !o.cell.present) continue;
        seen.add(k);
        out.push({ range: o.cell.range, messageId: 'operand', params: { cell: named(o, format), value: shown(o) } });
      }
    }
    return out;
  };
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
      related: related(culprit.relations, true),
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
    related: related([rel]),
    fix,
    target: cellTarget(target.ref),
  };
}

/** The message texts that are the same for all four arithmetic rules. */
export const COMMON_ARITHMETIC_MESSAGES: Record<'culprit' | 'fixCell' | 'fixTotal' | 'operand', Localized> = {
  culprit: {
    'zh-CN': '{cell}为{value}，与{relations}都不符，应为{expected}{blank}',
    en: '{cell} is {value}, which breaks {relations}; it should be {expected}{blank}',
  },
  fixCell: { 'zh-CN': '将{cell}改为{expected}', en: 'Change {cell} to {expected}' },
  fixTotal: { 'zh-CN': '将{cell}填为{expected}', en: 'Set {cell} to {expected}' },
  operand: { 'zh-CN': '{cell}：{value}', en: '{cell} = {value}' },
};
