import { relationsOfCell } from '../arithmetic';
import { cellFixEdit } from '../edits';
import { cellNames } from '../labels';
import type { Cell } from '../model';
import { defineRule, Draft } from '../rule';
import { cellTarget } from '../rule';
import { columnsOf } from '../schema/formats';

const MESSAGE_OF: Record<string, MessageId> = {
  placeholder: 'placeholder',
  negative: 'negative',
  signed: 'signed',
  decimal: 'decimal',
  prose: 'notNumber',
};

const messages = {
  placeholder: { 'zh-CN': '{cell}写作「{raw}」，应填数字（没有请填0）', en: '{cell} holds “{raw}”; write a number (0 if none)' },
  unit: { 'zh-CN': '{cell}「{raw}」带有单位“{unit}”，单元格只填数字', en: '{cell} “{raw}” carries the unit “{unit}”; cells hold plain numbers' },
  negative: { 'zh-CN': '{cell}为负数「{raw}」，件数不能为负', en: '{cell} is negative (“{raw}”); counts cannot be negative' },
  signed: { 'zh-CN': '{cell}「{raw}」带有正负号，件数只填非负整数', en: '{cell} “{raw}” carries a sign; counts are plain non-negative integers' },
  decimal: { 'zh-CN': '{cell}「{raw}」是小数，件数应为整数', en: '{cell} “{raw}” is a decimal; counts are whole numbers' },
  notNumber: { 'zh-CN': '{cell}「{raw}」不是数字', en: '{cell} “{raw}” is not a number' },
  fixZero: { 'zh-CN': '改为0', en: 'Change to 0' },
  fixUnit: { 'zh-CN': '删去单位，改为{value}', en: 'Remove the unit: {value}' },
};

type MessageId = keyof typeof messages;

export const cellInvalid = defineRule({
  code: 'cell-invalid',
  defaultSeverity: 'warning',
  fixKind: 'cells',
  description: { 'zh-CN': '数字单元格只写数字', en: 'Number cells hold plain numbers' },
  docs: {
    'zh-CN':
      '数字单元格中不应出现占位符（/、—、无）、单位（元、万元、件）、负数或小数（金额列和2019年格式“本年增/减”列除外）。占位符在算术检查中按0计算，无法读出的内容不参与算术检查。修复：不影响勾稽关系时，占位符改为0；与列单位相同的单位删去。',
    en: "Number cells hold no placeholders (/, —, 无), units (元, 万元, 件), negative numbers or decimals (except amount columns and the 2019 本年增/减 column). A placeholder counts as 0 in the sums; unreadable text takes no part in them. Fix: a placeholder becomes 0 where that keeps the sums true; a unit equal to the column's unit is removed.",
  },
  example: {
    valid: '| 行政处罚 | 0 |',
    flagged: '| 行政处罚 | 无 |',
    fixed: '| 行政处罚 | 0 |',
  },
  messages,
  check(ctx) {
    const drafts: Draft<MessageId>[] = [];
    const format = ctx.format;
    for (const table of Object.values(ctx.report.tables)) {
      for (const row of table.rows.values()) {
        for (const cell of row.cells) {
          const draft = judge(cell);
          if (draft) drafts.push(draft);
        }
      }
    }
    return drafts;

    function judge(cell: Cell): Draft<MessageId> | undefined {
      if (!cell.problem) return undefined;
      const params = { cell: cellNames(cell, format), raw: cell.raw };
      const base = { range: cell.range, target: cellTarget(cell), params };
      if (cell.problem.startsWith('unit:')) {
        const unit = cell.problem.slice(5);
        const column = columnsOf(cell.table, format, cell.row).find((c) => c.key === cell.column);
        const columnUnit = column?.type === 'amount' ? '万元' : '件';
        const edit = unit === columnUnit && cell.value !== undefined ? cellFixEdit(ctx.doc, cell, String(cell.value), format) : undefined;
        return {
          ...base,
          messageId: 'unit',
          params: { ...params, unit },
          fix: edit ? { messageId: 'fixUnit', params: { value: cell.value ?? '' }, edits: [edit] } : undefined,
        };
      }
      const messageId = MESSAGE_OF[cell.problem] ?? 'notNumber';
      // A placeholder already counts as 0; writing 0 is right only where the sums agree.
      const zeroKeepsSums = relationsOfCell(ctx.arithmetic, cell).every((r) => r.ok);
      const edit = cell.problem === 'placeholder' && zeroKeepsSums ? cellFixEdit(ctx.doc, cell, '0', format) : undefined;
      return { ...base, messageId, fix: edit ? { messageId: 'fixZero', edits: [edit] } : undefined };
    }
  },
});
