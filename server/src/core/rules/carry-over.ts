import { columnName, rowName } from '../labels';
import { countedValue } from '../numbers';
import { shortName, T3_COLUMNS } from '../report-digest';
import { Draft, defineRule } from '../rule';

const messages = {
  carry: {
    'zh-CN': '表三「二、上年结转政府信息公开申请数量」{column}为{value}{note}，但{prevYear}年报告（{prevFile}）「四、结转下年度继续办理」{column}为{prevValue}',
    en: 'Table 3 “二、上年结转” {column} is {value}{note}, but the {prevYear} report ({prevFile}) carries {prevValue} over in “四、结转下年度继续办理” {column}',
  },
  carryRelated: {
    'zh-CN': '{prevYear}年报告「四、结转下年度继续办理」{column}：{prevValue}',
    en: '{prevYear} report, 四、结转下年度继续办理 {column}: {prevValue}',
  },
  blankNote: { 'zh-CN': '（空白按0计）', en: ' (blank counted as 0)' },
  valid: {
    'zh-CN': '表二「{row}」现行有效件数为{value}，而上年（{prevYear}年）现行有效{prevValue}＋本年制发{issued}－本年废止{repealed}＝{expected}',
    en: "Table 2 “{row}” 现行有效件数 is {value}, while last year's ({prevYear}) {prevValue} + {issued} made − {repealed} repealed = {expected}",
  },
  validRelated: { 'zh-CN': '{what}：{value}', en: '{what}: {value}' },
};

type CarryOverId = keyof typeof messages;

/**
 * A cross-file rule: it compares a report with the same body's report for the year before
 * (`checkWorkspace`, run by core/workspace.ts); on one file alone it finds nothing.
 */
export const carryOver = defineRule({
  code: 'carry-over',
  defaultSeverity: 'warning',
  description: { 'zh-CN': '上年结转与上一年度报告的结转下年度一致（同一文件夹）', en: "Carried over from last year matches last year's report (same folder)" },
  docs: {
    'zh-CN':
      '同一文件夹（含子文件夹）中有同一机关上一年度的报告时（按标题中的机关名称匹配），表三“二、上年结转政府信息公开申请数量”的每一列应等于上一年度报告“四、结转下年度继续办理”的同一列。2021年格式的两份报告之间，还提示表二“现行有效件数”是否等于上年现行有效件数＋本年制发件数－本年废止件数（修改文件等情况可使其不成立，提示级别）。只在语言服务器和命令行一次检查多个文件时运行。',
    en: "When the same body's report for the year before is in the same folder tree (matched by the body named in the title), each column of 表三 二、上年结转 must equal that report's 四、结转下年度继续办理. Between two 2021-format reports it also notes when 表二 现行有效件数 differs from last year's plus 本年制发 minus 本年废止 (amendments can explain it, information only). Runs only when the language server or the CLI sees several files.",
  },
  messages,
  check: () => [],
  checkWorkspace(cur, prev) {
    const drafts: Draft<CarryOverId>[] = [];
    const blankAsZero = cur.settings.blankAsZero;
    const prevFile = shortName(prev.uri);
    const fmt = cur.format ?? '2021';
    for (const col of T3_COLUMNS) {
      const a = cur.t3.R2?.[col];
      const b = prev.t3.R4?.[col];
      const va = countedValue(a, blankAsZero);
      const vb = countedValue(b, blankAsZero);
      if (!a || !b || !va || !vb || va.value === vb.value) continue;
      const column = columnName('T3', col, fmt);
      const blank = va.blank || vb.blank;
      const params = {
        column,
        value: va.value,
        prevValue: vb.value,
        prevYear: prev.year!,
        prevFile,
        note: blank ? messages.blankNote : '',
      };
      drafts.push({
        messageId: 'carry',
        params,
        range: a.range,
        related: [{ range: b.range, messageId: 'carryRelated', params, uri: prev.uri }],
        target: `T3.R2.${col}`,
      });
    }
    if (cur.format === '2021' && prev.format === '2021') {
      for (const row of ['REG', 'NORM'] as const) {
        const c = cur.t2[row];
        const p = prev.t2[row];
        const valid = countedValue(c?.VALID, blankAsZero);
        const issued = countedValue(c?.ISSUED, blankAsZero);
        const repealed = countedValue(c?.REPEALED, blankAsZero);
        const prevValid = countedValue(p?.VALID, blankAsZero);
        if (!valid || !issued || !repealed || !prevValid) continue;
        const expected = prevValid.value + issued.value - repealed.value;
        if (valid.value === expected) continue;
        const what = (col: string) => columnName('T2', col, '2021', row);
        const lastYear = { 'zh-CN': `${prev.year}年报告${what('VALID')}`, en: `${what('VALID')} in the ${prev.year} report` };
        drafts.push({
          messageId: 'valid',
          params: {
            row: rowName('T2', row, '2021'),
            value: valid.value,
            prevValue: prevValid.value,
            prevYear: prev.year!,
            issued: issued.value,
            repealed: repealed.value,
            expected,
          },
          range: c!.VALID.range,
          severity: 'information',
          related: [
            { range: p!.VALID.range, messageId: 'validRelated', params: { what: lastYear, value: prevValid.value }, uri: prev.uri },
            { range: c!.ISSUED.range, messageId: 'validRelated', params: { what: what('ISSUED'), value: issued.value } },
            { range: c!.REPEALED.range, messageId: 'validRelated', params: { what: what('REPEALED'), value: repealed.value } },
          ],
          target: `T2.${row}.VALID`,
        });
      }
    }
    return drafts;
  },
});
