import { cellNames, rowName } from '../labels';
import type { Cell, Report } from '../model';
import { defineRule, Draft } from '../rule';
import { cellTarget } from '../rule';

const value = (report: Report, row: string, column: string): Cell | undefined =>
  report.tables.T2?.rows.get(row)?.cells.find((c) => c.column === column && c.state === 'number');

const messages = {
  sameValues: { 'zh-CN': '表二「{row}」三列数值都是{value}，请核对是否为复制填充', en: 'Table 2 “{row}”: all three columns are {value}; check for copy-fill' },
  exceeds: { 'zh-CN': '{small}（{a}）大于{large}（{b}），请核对', en: '{small} ({a}) exceeds {large} ({b}); please check' },
};

type MessageId = keyof typeof messages;

export const plausibility = defineRule({
  code: 'plausibility',
  defaultSeverity: 'information',
  description: { 'zh-CN': '表二数值的合理性提示（非错误）', en: 'Plausibility hints for table 2 (not errors)' },
  docs: {
    'zh-CN':
      '表二没有官方勾稽关系，这里只给出提示：2019年格式（五）（六）项中上一年项目数量、本年增/减、处理决定数量三列数值相同且不为0，常是复制填充；2019年格式本年新公开数量或本年新制作数量大于对外公开总数量；2021年格式现行有效件数小于本年制发件数（同年制发又废止时可能成立）。',
    en: 'Table 2 has no official arithmetic; these are hints only: in the 2019 format, three equal non-zero values across 上一年项目数量 / 本年增/减 / 处理决定数量, a sign of copy-fill; 2019 本年新公开数量 or 本年新制作数量 above 对外公开总数量; 2021 现行有效件数 below 本年制发件数 (can be right when documents were made and repealed in the same year).',
  },
  example: {
    valid: '| 规章 | 0 | 0 | 0 |',
    flagged: '| 规章 | 3 | 0 | 1 |',
  },
  messages,
  check(ctx) {
    const { report } = ctx;
    const drafts: Draft<MessageId>[] = [];
    const t2 = report.tables.T2;
    if (!t2 || !report.format) return drafts;
    const name = (c: Cell) => cellNames(c, ctx.format);
    const exceeds = (small?: Cell, large?: Cell) => {
      if (!small || !large || small.value! <= large.value!) return;
      drafts.push({
        messageId: 'exceeds',
        params: { small: name(small), large: name(large), a: small.value!, b: large.value! },
        range: small.range,
        target: cellTarget(small),
      });
    };
    if (report.format === '2019') {
      for (const row of ['LIC', 'OTHER_SVC', 'PUN', 'ENF']) {
        const cells = ['PREV', 'CHANGE', 'DECISIONS'].map((c) => value(report, row, c));
        if (cells.some((c) => !c) || cells[0]!.value === 0 || !cells.every((c) => c!.value === cells[0]!.value)) continue;
        drafts.push({
          messageId: 'sameValues',
          params: { row: rowName('T2', row, '2019'), value: cells[0]!.value! },
          range: { start: cells[0]!.range.start, end: cells[2]!.range.end },
          target: `T2.${row}`,
        });
      }
      for (const row of ['REG', 'NORM']) {
        exceeds(value(report, row, 'NEW_PUB'), value(report, row, 'TOTAL_PUB'));
        exceeds(value(report, row, 'NEW_MADE'), value(report, row, 'TOTAL_PUB'));
      }
    } else {
      for (const row of ['REG', 'NORM']) exceeds(value(report, row, 'ISSUED'), value(report, row, 'VALID'));
    }
    return drafts;
  },
});
