import type { Locale } from './model';
import { format, Localized, Params } from './rule';

/** Texts of the editor features (hovers, outline, code actions), beside the rules' own message tables. */
export const EDITOR_MESSAGES = {
  // hover: what a thing is
  sectionHeading: { 'zh-CN': '第{index}部分（共六部分）：{title}', en: 'Section {index} of 6: {title}' },
  reportTitle: { 'zh-CN': '年度报告标题', en: 'Report title' },
  titleOrgan: { 'zh-CN': '机关：{organ}', en: 'Organ: {organ}' },
  titleYear: { 'zh-CN': '年度：{year}（依据：{source}）', en: 'Year: {year} (from the {source})' },
  titleFormat: { 'zh-CN': '表格格式：{format}', en: 'Table format: {format}' },
  titleExpected: { 'zh-CN': '该年度应使用：{format}', en: 'Expected for this year: {format}' },
  format2019: { 'zh-CN': '2019年格式（国办公开办函〔2019〕60号）', en: 'the 2019 format (国办公开办函〔2019〕60号)' },
  format2021: { 'zh-CN': '2021年格式（国办公开办函〔2021〕30号）', en: 'the 2021 format (国办公开办函〔2021〕30号)' },
  yearFromTitle: { 'zh-CN': '标题', en: 'title' },
  yearFromPeriod: { 'zh-CN': '统计期限', en: 'reporting period' },
  yearFromSignature: { 'zh-CN': '落款日期的前一年', en: 'year before the signature date' },
  yearFromText: { 'zh-CN': '正文中最常提到的年份', en: 'year most mentioned in the text' },
  basis: { 'zh-CN': '依据：《中华人民共和国政府信息公开条例》{basis}', en: 'Legal basis: Regulations on Open Government Information, {basis}' },
  caption: { 'zh-CN': '《条例》第二十条第（{item}）项：{text}', en: 'Art. 20 item ({item}) of the Regulations: {text}' },
  blockColumns: { 'zh-CN': '本块各列：{columns}', en: 'Columns of this block: {columns}' },
  columnOf: { 'zh-CN': '列：{column}', en: 'Column: {column}' },
  cellValue: { 'zh-CN': '单元格内容：{raw}', en: 'Cell content: {raw}' },
  cellBlank: { 'zh-CN': '单元格为空白', en: 'The cell is blank' },
  cellProblem: { 'zh-CN': '无法作为数字读取：“{raw}”', en: 'Not readable as a number: “{raw}”' },
  equations: { 'zh-CN': '勾稽关系', en: 'Cross-checks (勾稽关系)' },
  noEquations: { 'zh-CN': '此单元格不参与勾稽关系核对', en: 'This cell is not part of any cross-check' },
  // hover: the relations a cell takes part in (their titles are in the schema)
  ok: { 'zh-CN': '✓', en: '✓' },
  off: { 'zh-CN': '✗ 差{diff}', en: '✗ off by {diff}' },
  others: { 'zh-CN': '其余{count}项为0', en: '{count} more at 0' },
  blankNote: { 'zh-CN': '□ 为空白单元格，按0计算', en: '□ is a blank cell, counted as 0' },
  // outline
  title: { 'zh-CN': '标题', en: 'Title' },
  table2: { 'zh-CN': '表二', en: 'Table 2' },
  table3: { 'zh-CN': '表三', en: 'Table 3' },
  table4: { 'zh-CN': '表四', en: 'Table 4' },
  table2Detail: { 'zh-CN': '主动公开政府信息情况', en: 'proactive disclosure' },
  table3Detail: { 'zh-CN': '收到和处理政府信息公开申请情况', en: 'applications received and handled' },
  table4Detail: { 'zh-CN': '行政复议、行政诉讼情况', en: 'administrative review and litigation' },
  // code actions
  fixAll: { 'zh-CN': '修复本文件所有可自动修复的问题（{count}处修改）', en: 'Fix all auto-fixable problems in this file ({count} edits)' },
  fixTotals: { 'zh-CN': '修正本文件中能确定的合计（{count}处修改）', en: 'Fix the totals that are certain in this file ({count} edits)' },
  ignoreTarget: { 'zh-CN': '在 .xxgk-lint.json 中忽略此项（{code}{target}）', en: 'Ignore this finding in .xxgk-lint.json ({code}{target})' },
  ignoreCode: { 'zh-CN': '在 .xxgk-lint.json 中忽略本文件的 {code}', en: 'Ignore {code} for this file in .xxgk-lint.json' },
  ignoreLabel: { 'zh-CN': '忽略 {code}（{file}）', en: 'Ignore {code} ({file})' },
  // server notices
  configInvalid: { 'zh-CN': '配置文件 {file} 无效，已忽略：{problem}', en: 'Ignoring the invalid config {file}: {problem}' },
  ignoreFailed: { 'zh-CN': '无法写入 {file}：{problem}', en: 'Could not update {file}: {problem}' },
} satisfies Record<string, Localized>;

export type EditorMessageId = keyof typeof EDITOR_MESSAGES;

export function editorText(id: EditorMessageId, locale: Locale, params: Params = {}): string {
  return format(EDITOR_MESSAGES[id][locale], params, locale);
}
