import type { Rule } from '../rule';

/** Default share of copied sentences above which `copied-text` reports (setting `copiedTextThreshold`). */
export const DEFAULT_COPIED_TEXT_THRESHOLD = 0.5;
/** Fewer sentences than this (after boilerplate is left out) are not compared. */
export const MIN_COPIED_TEXT_SENTENCES = 5;

/** A workspace rule, like carry-over: registered for settings and docs, run by `core/workspace.ts`. */
export const copiedText: Rule = {
  code: 'copied-text',
  defaultSeverity: 'information',
  description: { 'zh-CN': '一、五部分不照抄上一年度报告（同一文件夹）', en: 'Sections 一 and 五 are not copied from last year\'s report (same folder)' },
  docs: {
    'zh-CN': '同一文件夹（含子文件夹）中有同一机关上一年度的报告时，比较“一、总体情况”和“五、存在的主要问题及改进情况”的句子：与上年完全相同（年份数字不计）的句子所占比例达到阈值（默认50%，设置 copiedTextThreshold）时提示。国办公开办函〔2021〕30号把“内容雷同、敷衍塞责”列为追责情形。小标题、过短的句子、套话（统计期限、联系方式等）以及同一文件夹中另外两个以上机关也使用的句子不计入。',
    en: 'When the same body\'s report for the year before is in the same folder tree, the sentences of 一、总体情况 and 五、存在的主要问题及改进情况 are compared: when the share identical to last year\'s (years aside) reaches the threshold (default 50%, setting copiedTextThreshold), it is reported. 国办公开办函〔2021〕30号 names “内容雷同、敷衍塞责” as grounds for accountability. Sub-headings, very short sentences, boilerplate (statistics period, contact details) and sentences that two or more other bodies in the folder also use are not counted.',
  },
  messages: {
    copied: {
      'zh-CN': '一、五部分{total}句中有{copied}句（{percent}%）与{prevYear}年报告（{prevFile}）相同',
      en: '{copied} of {total} sentences ({percent}%) in sections 一 and 五 are the same as in the {prevYear} report ({prevFile})',
    },
    here: { 'zh-CN': '与{prevYear}年报告相同', en: 'Same as in the {prevYear} report' },
    there: { 'zh-CN': '{prevYear}年报告中的同一句', en: 'The same sentence in the {prevYear} report' },
  },
  check() {
    return [];
  },
};
