import type { Cell, Report } from '../model';
import { CountClaim, CountTopic, DocumentVerb, readClaims } from '../narrative/claims';
import { metric, MetricId, MetricOptions, metricSum, MetricValue, table2Metric } from '../narrative/metrics';
import { proseSentences } from '../narrative/sentences';
import { defineRule, Draft, Localized } from '../rule';

/** What a count claim is about, for messages. */
const TOPIC_NAMES: Record<CountTopic, Localized> = {
  received: { 'zh-CN': '收到申请', en: 'applications received' },
  handled: { 'zh-CN': '处理申请', en: 'applications handled' },
  concluded: { 'zh-CN': '办结（答复）申请', en: 'applications concluded (answered)' },
  carriedIn: { 'zh-CN': '上年结转申请', en: 'applications carried over from last year' },
  carriedOut: { 'zh-CN': '结转下年度申请', en: 'applications carried over to next year' },
  disclosed: { 'zh-CN': '予以公开', en: 'disclosed in full' },
  partial: { 'zh-CN': '部分公开', en: 'disclosed in part' },
  withheld: { 'zh-CN': '不予公开', en: 'withheld' },
  unable: { 'zh-CN': '无法提供', en: 'could not be provided' },
  notProcessed: { 'zh-CN': '不予处理', en: 'not processed' },
  otherHandling: { 'zh-CN': '其他处理', en: 'other handling' },
  review: { 'zh-CN': '行政复议', en: 'administrative reviews' },
  litigation: { 'zh-CN': '行政诉讼', en: 'lawsuits' },
  litigationDirect: { 'zh-CN': '未经复议直接起诉', en: 'lawsuits without prior review' },
  litigationAfterReview: { 'zh-CN': '复议后起诉', en: 'lawsuits after review' },
  reg: { 'zh-CN': '规章', en: 'regulations (规章)' },
  norm: { 'zh-CN': '规范性文件', en: 'normative documents (规范性文件)' },
};

const VERB_NAMES: Record<DocumentVerb, Localized> = {
  made: { 'zh-CN': '制发', en: 'made' },
  repealed: { 'zh-CN': '废止', en: 'repealed' },
  valid: { 'zh-CN': '现行有效', en: 'in force' },
  published: { 'zh-CN': '公开', en: 'published' },
};

/** Table 二 columns a 规章/规范性文件 claim can mean, by verb and format. */
const T2_COLUMNS: Record<'2019' | '2021', Record<DocumentVerb, string[]>> = {
  '2021': { made: ['ISSUED'], repealed: ['REPEALED'], valid: ['VALID'], published: ['ISSUED', 'VALID'] },
  '2019': { made: ['NEW_MADE', 'NEW_PUB'], repealed: [], valid: ['TOTAL_PUB'], published: ['NEW_PUB', 'TOTAL_PUB', 'NEW_MADE'] },
};

function candidates(report: Report, claim: CountClaim, options: MetricOptions): MetricValue[] {
  const m = (...ids: MetricId[]) => metricSum(report, ids, options);
  const [topic] = claim.topics;
  let list: (MetricValue | undefined)[];
  switch (topic) {
    case 'received':
      list = [m('received'), m('received', 'carriedIn')];
      break;
    case 'handled':
      list = [m('received'), m('received', 'carriedIn'), m('concluded')];
      break;
    case 'reg':
    case 'norm': {
      const columns = T2_COLUMNS[options.format][claim.verb ?? 'published'];
      list = columns.map((c) => table2Metric(report, topic === 'reg' ? 'REG' : 'NORM', c, options));
      break;
    }
    default:
      list = [m(...(claim.topics as MetricId[]))];
  }
  // A reading the tables cannot give (a blank that is not 0, a missing row) could be the one meant.
  if (list.some((v) => v === undefined)) return [];
  const out: MetricValue[] = [];
  for (const v of list) {
    if (!v) continue;
    // 一 + 二 is only a separate candidate when 二 adds something.
    if (out.some((o) => o.value === v.value && o.parts.every((p) => v.parts.some((q) => q.cell === p.cell)))) continue;
    out.push(v);
  }
  return out;
}

const alternatives = (values: MetricValue[]): Localized => ({
  'zh-CN': values.map((v) => `${v.name['zh-CN']}为${v.value}`).join('，或'),
  en: values.map((v) => `${v.name.en} is ${v.value}`).join(', or '),
});

function topicName(claim: CountClaim): Localized {
  const names = claim.topics.map((t) => TOPIC_NAMES[t]);
  const verb = claim.verb ? VERB_NAMES[claim.verb] : undefined;
  return {
    'zh-CN': `${verb ? verb['zh-CN'] : ''}${names.map((n) => n['zh-CN']).join('及')}`,
    en: `${names.map((n) => n.en).join(' and ')}${verb ? ` ${verb.en}` : ''}`,
  };
}

const messages = {
  count: {
    'zh-CN': '正文称{what}{stated}件，与表格不符：{expected}',
    en: 'The text states {stated} for {what}, but the tables say otherwise: {expected}',
  },
  noneApplications: {
    'zh-CN': '正文称未收到政府信息公开申请，但{name}为{value}',
    en: 'The text says no applications were received, but {name} is {value}',
  },
  noneReview: {
    'zh-CN': '正文称没有行政复议，但{name}为{value}',
    en: 'The text says there was no administrative review, but {name} is {value}',
  },
  noneLitigation: {
    'zh-CN': '正文称没有行政诉讼，但{name}为{value}',
    en: 'The text says there was no lawsuit, but {name} is {value}',
  },
  allDone: {
    'zh-CN': '正文称申请已全部办结，但{name}为{value}（有申请结转下年度）',
    en: 'The text says every application was concluded, but {name} is {value} (some are carried over to next year)',
  },
  cell: { 'zh-CN': '{name}：{value}', en: '{name}: {value}' },
};

type MessageId = keyof typeof messages;

export const textTableMismatch = defineRule({
  code: 'text-table-mismatch',
  defaultSeverity: 'warning',
  description: { 'zh-CN': '正文所述数字与表格一致', en: 'Figures stated in the text agree with the tables' },
  docs: {
    'zh-CN':
      '正文（多在“一、总体情况”）复述的数字应与表格一致：收到申请N件对表三“一、本年新收”（或一＋二），上年结转、办结/答复（（七）总计）、结转下年度、予以公开等办理结果，行政复议对表四复议总计，行政诉讼对直接起诉与复议后起诉总计之和，制发/废止/现行有效的规章、规范性文件对表二。也检查不带数字的矛盾：称“未收到申请”而表三本年新收大于0；称“均已办结”而结转下年度大于0；称“未发生行政复议/行政诉讼”而表四总计大于0。汉字数字（一件、两件、十二件）同样识别。为避免误报，涉及建议提案、咨询、上年或其他年度、部分时段、个别渠道、全市（区）范围或同比变化的句子不作比较。诊断标在句子上，相关信息指向表格单元格。',
    en: 'Figures restated in the prose (mostly in 一、总体情况) should match the tables: applications received against 表三 一、本年新收 (or 一 + 二), carried over from last year, concluded/answered against （七）总计, carried over to next year, result groups such as 予以公开, administrative reviews against the 表四 review total, lawsuits against direct plus after-review totals, and 规章/规范性文件 made, repealed or in force against 表二. Contradictions without numbers too: “未收到申请” while 本年新收 > 0, “均已办结” while 结转下年度 > 0, “no review/lawsuit” while 表四 shows some. Chinese numerals (一件, 两件, 十二件) count. To avoid false alarms, sentences about proposals, enquiries, other years, part of the year, one channel, the whole city or year-on-year changes are not compared. The diagnostic is on the sentence, with the table cell as related information.',
  },
  example: {
    valid: '本机关依法办理政府信息公开申请，按时答复申请人。',
    flagged: '本年共收到政府信息公开申请12件。',
  },
  messages,
  check(ctx) {
    const { report, doc } = ctx;
    if (!report.tables.T2 && !report.tables.T3 && !report.tables.T4) return [];
    const options: MetricOptions = { blankAsZero: ctx.blankAsZero, format: ctx.format };
    const drafts: Draft<MessageId>[] = [];
    const related = (values: MetricValue[]) => {
      const seen = new Set<Cell>();
      return values
        .flatMap((v) => v.parts)
        .filter((p) => !seen.has(p.cell) && seen.add(p.cell))
        .map((p) => ({ range: p.cell.range, messageId: 'cell' as const, params: { name: p.name, value: p.value } }));
    };
    for (const sentence of proseSentences(report, doc, { skipSignature: true })) {
      // One finding per sentence for each thing it gets wrong, however often it repeats it.
      const reported = new Set<string>();
      for (const claim of readClaims(sentence, { year: report.year })) {
        const key =
          claim.kind === 'count' ? `${claim.topics.join('+')}:${claim.verb ?? ''}:${claim.value}` : claim.kind === 'none' ? `none:${claim.subject}` : 'allDone';
        if (reported.has(key)) continue;
        reported.add(key);
        if (claim.kind === 'count') {
          const values = candidates(report, claim, options);
          if (values.length === 0 || values.some((v) => v.value === claim.value)) continue;
          drafts.push({
            messageId: 'count',
            params: { what: topicName(claim), stated: claim.value, expected: alternatives(values) },
            range: sentence.range,
            related: related(values),
            target: `text.${claim.topics.join('+')}`,
          });
        } else if (claim.kind === 'none') {
          const id: MetricId = claim.subject === 'applications' ? 'received' : claim.subject;
          const v = metric(report, id, options);
          if (!v || v.value === 0) continue;
          const messageId = claim.subject === 'applications' ? 'noneApplications' : claim.subject === 'review' ? 'noneReview' : 'noneLitigation';
          drafts.push({
            messageId,
            params: { name: v.name, value: v.value },
            range: sentence.range,
            related: related([v]),
            target: `text.none.${claim.subject}`,
          });
        } else {
          const out = metric(report, 'carriedOut', options);
          if (!out || out.value === 0) continue;
          const concluded = metric(report, 'concluded', options);
          drafts.push({
            messageId: 'allDone',
            params: { name: out.name, value: out.value },
            range: sentence.range,
            related: related(concluded ? [out, concluded] : [out]),
            target: 'text.allDone',
          });
        }
      }
    }
    return drafts;
  },
});
