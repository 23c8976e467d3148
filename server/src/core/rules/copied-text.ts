import { shortName } from '../report-digest';
import { Draft, defineRule, RelatedDraft } from '../rule';

/** Default share of copied sentences above which `copied-text` reports (setting `copiedTextThreshold`). */
export const DEFAULT_COPIED_TEXT_THRESHOLD = 0.5;
/** Fewer sentences than this (after boilerplate is left out) are not compared. */
export const MIN_COPIED_TEXT_SENTENCES = 5;

/** At most this many copied sentences are shown as related locations (each with its twin last year). */
const MAX_RELATED = 10;

const messages = {
  copied: {
    'zh-CN': '一、五部分{total}句中有{copied}句（{percent}%）与{prevYear}年报告（{prevFile}）相同',
    en: '{copied} of {total} sentences ({percent}%) in sections 一 and 五 are the same as in the {prevYear} report ({prevFile})',
  },
  here: { 'zh-CN': '与{prevYear}年报告相同', en: 'Same as in the {prevYear} report' },
  there: { 'zh-CN': '{prevYear}年报告中的同一句', en: 'The same sentence in the {prevYear} report' },
};

/** A cross-file rule, like carry-over: `checkWorkspace` compares a report's sentences with last year's. */
export const copiedText = defineRule({
  code: 'copied-text',
  defaultSeverity: 'information',
  description: { 'zh-CN': '一、五部分不照抄上一年度报告（同一文件夹）', en: "Sections 一 and 五 are not copied from last year's report (same folder)" },
  docs: {
    'zh-CN':
      '同一文件夹（含子文件夹）中有同一机关上一年度的报告时，比较“一、总体情况”和“五、存在的主要问题及改进情况”的句子：与上年完全相同（年份数字不计）的句子所占比例达到阈值（默认50%，设置 copiedTextThreshold）时提示。国办公开办函〔2021〕30号把“内容雷同、敷衍塞责”列为追责情形。小标题、过短的句子、套话（统计期限、联系方式等）以及同一文件夹中另外两个以上机关也使用的句子不计入。',
    en: "When the same body's report for the year before is in the same folder tree, the sentences of 一、总体情况 and 五、存在的主要问题及改进情况 are compared: when the share identical to last year's (years aside) reaches the threshold (default 50%, setting copiedTextThreshold), it is reported. 国办公开办函〔2021〕30号 names “内容雷同、敷衍塞责” as grounds for accountability. Sub-headings, very short sentences, boilerplate (statistics period, contact details) and sentences that two or more other bodies in the folder also use are not counted.",
  },
  messages,
  check: () => [],
  checkWorkspace(cur, prev, ctx): Draft<keyof typeof messages>[] {
    const threshold = ctx.copiedTextThreshold ?? DEFAULT_COPIED_TEXT_THRESHOLD;
    const theirs = new Map<string, (typeof prev.sentences)[number]>();
    for (const s of prev.sentences) if (s.key && !theirs.has(s.key)) theirs.set(s.key, s);
    const considered = cur.sentences.filter((s) => s.key && !ctx.isCommonSentence(s.key));
    if (considered.length < MIN_COPIED_TEXT_SENTENCES) return [];
    const copied = considered.filter((s) => theirs.has(s.key));
    const share = copied.length / considered.length;
    if (share < threshold || copied.length === 0) return [];
    const params = {
      copied: copied.length,
      total: considered.length,
      percent: Math.round(share * 100),
      prevYear: prev.year!,
      prevFile: shortName(prev.uri),
    };
    const related: RelatedDraft<keyof typeof messages>[] = [];
    for (const s of copied.slice(0, MAX_RELATED)) {
      related.push({ range: s.range, messageId: 'here', params });
      related.push({ range: theirs.get(s.key)!.range, messageId: 'there', params, uri: prev.uri });
    }
    return [{ messageId: 'copied', params, range: cur.anchor, related, target: 'text.copied' }];
  },
});
