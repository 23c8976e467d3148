import { charTable, hasAny, parseYear } from '../text';
import { findNumbers, isCount, NumberMention } from './numbers';
import { clauses, Sentence } from './sentences';

/**
 * What a sentence says about the figures the tables give (docs/domain.md, 正文与表格): counts (共收到申请5件,
 * 办结4件, 1件结转下年度, 行政复议一件, 制发规范性文件2件) and statements without numbers
 * (未收到申请, 均已办结, 未发生行政复议). Conservative by design: a sentence that could be about
 * something else (建议提案, 咨询, last year, a sub-period, a channel, the whole city) makes no claim.
 */

export type CountTopic =
  | 'received'
  | 'handled'
  | 'concluded'
  | 'carriedIn'
  | 'carriedOut'
  | 'disclosed'
  | 'partial'
  | 'withheld'
  | 'unable'
  | 'notProcessed'
  | 'otherHandling'
  | 'review'
  | 'litigation'
  | 'litigationDirect'
  | 'litigationAfterReview'
  | 'reg'
  | 'norm';

export type DocumentVerb = 'made' | 'repealed' | 'valid' | 'published';

export interface CountClaim {
  kind: 'count';
  /** One topic, or several result topics whose sum is stated (予以公开及部分公开258件). */
  topics: CountTopic[];
  value: number;
  /** For 规章/规范性文件: what was done with them. */
  verb?: DocumentVerb;
  /** Offsets of the number (and its count word) in the sentence. */
  start: number;
  end: number;
}

export interface NoneClaim {
  kind: 'none';
  subject: 'applications' | 'review' | 'litigation';
  start: number;
  end: number;
}

export interface AllDoneClaim {
  kind: 'allDone';
  start: number;
  end: number;
}

export type Claim = CountClaim | NoneClaim | AllDoneClaim;

// ------------------------------------------------------------------ vocabulary

const APPLICATION_CONTEXT = /依申请|公开申请|申请公开|信息公开|政务公开|政府信息/;
const LEGAL_CONTEXT = /信息公开|政务公开|依申请|公开申请|申请公开|政府信息/;
/** Clauses about something other than information-disclosure applications. */
const OTHER_SUBJECT = /建议|提案|议案|信访|投诉|举报|咨询|留言|许可|审批|办件|来信|来电|热线|信箱|政务服务|诉求|意见|督办|事项办理|网民/;
const COMPARISON = /同比|环比|较上|较去|比上|比去|相比|相较|增加|减少|增长|下降|上升|提高|降低|持平|翻番|占比|占/;
const CHANNEL = /通过|渠道|方式|网上|网络|在线|信函|当面|现场|邮件|邮寄|传真|平台/;
const SUBPERIOD = /上半年|下半年|季度|[0-9０-９一二三四五六七八九十]{1,2}\s*月|月份|期间|截至|截止|当月|每月/;
const SCOPE = /全市|全区|全县|全省|全州|全盟|全旗|全镇|全乡|全国|各(?:部门|单位|乡镇|街道|县|区|市|级|地)|系统内|下属|所属|指导|督促/;
const OTHER_TIME = /上年|去年|上一年|前年|历年|累计|以来|近[三五两几]年|往年/;
const APPLICANTS = /自然人|法人|企业|组织|机构|个人|公民|群众/;
const COMMITMENT = /确保|保证|做到|力争|争取|要求|应当|必须|务必|努力|将继续|今后|下一步|下步/;
const CARRIED_MENTION = /结转|未办结|正在办理|尚在办理|仍在办理|办理中|跨年|下一?年度|其余|其他申请|除/;

interface TopicWord {
  topic: CountTopic;
  re: RegExp;
}

/** Checked in this order; each match is blanked out so that 复议后起诉 does not also read as 复议. */
const TOPIC_WORDS: TopicWord[] = [
  { topic: 'litigationAfterReview', re: /复议后(?:提起)?(?:行政)?(?:诉讼|起诉)/g },
  { topic: 'litigationDirect', re: /(?:未经复议)?直接(?:提起)?(?:行政)?(?:诉讼|起诉)|未经复议(?:提起)?(?:行政)?(?:诉讼|起诉)/g },
  { topic: 'review', re: /行政复议/g },
  { topic: 'litigation', re: /行政诉讼|提起诉讼|起诉/g },
  { topic: 'carriedOut', re: /结转(?:至|到|为|入)?下一?年度?|转入下一?年度?|结转下年|尚未办结|未办结|正在办理|尚在办理|仍在办理|办理中|跨年办理/g },
  { topic: 'carriedIn', re: /上一?年度?结转|结转上一?年度?|上一?年度?遗留|由上一?年度?转入|上一?年度?转入/g },
  { topic: 'partial', re: /部分公开/g },
  { topic: 'withheld', re: /不予公开/g },
  { topic: 'disclosed', re: /予以公开|全部公开/g },
  { topic: 'unable', re: /无法提供/g },
  { topic: 'notProcessed', re: /不予处理/g },
  { topic: 'otherHandling', re: /其他处理/g },
  { topic: 'concluded', re: /办结|答复|办理完毕|处理完毕|办理完成|完成办理/g },
  { topic: 'received', re: /收到|受理|新收|接到|接收|收悉|提出|提交/g },
  { topic: 'handled', re: /处理|办理/g },
  { topic: 'reg', re: /规章(?!制度)/g },
  { topic: 'norm', re: /规范性文件/g },
];

const RESULTS: CountTopic[] = ['disclosed', 'partial', 'withheld', 'unable', 'notProcessed', 'otherHandling'];
const T4: CountTopic[] = ['review', 'litigation', 'litigationDirect', 'litigationAfterReview'];
const T3_FLOW: CountTopic[] = ['received', 'handled', 'concluded', 'carriedIn', 'carriedOut'];

const DOCUMENT_VERBS: { verb: DocumentVerb; re: RegExp }[] = [
  { verb: 'repealed', re: /废止|废除|宣布失效/ },
  { verb: 'valid', re: /现行有效|继续有效/ },
  { verb: 'made', re: /制发|制定|出台|印发|新制作|发布/ },
  { verb: 'published', re: /公开|公布/ },
];
const DOCUMENT_SKIP = /清理|审查|备案|审核|解读|转发|转载|起草|征求|修订|修改|评估|梳理|报送|上报|汇编|宣传/;
/** What a T4 claim must not be about: one result column rather than the total. */
const T4_RESULT = /维持|纠正|其他结果|尚未审结|审结|胜诉|败诉|撤诉|驳回|撤销|确认违法/;

function topicsIn(window: string): Set<CountTopic> {
  let text = window;
  const found = new Set<CountTopic>();
  for (const w of TOPIC_WORDS) {
    w.re.lastIndex = 0;
    if (w.re.test(text)) {
      found.add(w.topic);
      w.re.lastIndex = 0;
      text = text.replace(w.re, (m) => '□'.repeat(m.length));
    }
  }
  return found;
}

/** Years written in a text (2019年, 二〇一九年), other than `allowed`. */
function mentionsOtherYear(text: string, allowed: number | undefined): boolean {
  if (!text.includes('年')) return false;
  for (const m of text.matchAll(/(\d{4}|[〇零一二三四五六七八九]{4})\s*年/g)) {
    const y = parseYear(m[1]);
    if (y !== undefined && y !== allowed) return true;
  }
  return false;
}

export interface ClaimOptions {
  /** The report year: a clause naming another year says nothing about this report's tables. */
  year?: number;
}

/** What is known about a sentence as a whole, computed once (long lines must stay linear). */
interface Scope {
  app: boolean;
  legal: boolean;
  /** The sentence mentions carried-over applications or an exception (其余, 除…外). */
  carried: boolean;
  /** Offset of the first word about another subject (建议, 咨询…), or -1. */
  firstOther: number;
}

function scopeOf(sentence: Sentence): Scope {
  return {
    app: applicationContext(sentence),
    legal: legalContext(sentence),
    carried: CARRIED_MENTION.test(sentence.text),
    firstOther: sentence.text.search(OTHER_SUBJECT),
  };
}

function applicationContext(sentence: Sentence): boolean {
  return (/申请/.test(sentence.text) && APPLICATION_CONTEXT.test(sentence.text + sentence.context)) || /依申请/.test(sentence.context);
}

function legalContext(sentence: Sentence): boolean {
  return LEGAL_CONTEXT.test(sentence.text) || /复议|诉讼/.test(sentence.context) || sentence.section === 4;
}

/** After the number: `1件结转下年度`, `1件政府信息公开申请尚在办理`, `4件已办结`. */
const AFTER_SUBJECT = '^[\\s\\u00a0]*(?:[^，,。；;\\d]{0,12}?申请)?[\\s\\u00a0]*';
const AFTER_CARRIED_OUT = new RegExp(
  `${AFTER_SUBJECT}(?:(?:已|均|仍|尚|需|将)?(?:结转|转入|转至)(?:至|到)?下|(?:正在|尚在|仍在)办理|(?:尚)?未办结|(?:仍)?在办理中)`,
);
const AFTER_CONCLUDED = new RegExp(`${AFTER_SUBJECT}(?:已|均已|已经)(?:办结|答复|办理完毕)`);

/** Count claims of one clause. */
function countClaims(
  scope: () => Scope,
  clauseStart: number,
  clause: string,
  other: () => boolean,
  numbers: NumberMention[],
  options: ClaimOptions,
): CountClaim[] {
  const out: CountClaim[] = [];
  let windowStart = 0;
  const counts = numbers.filter((n) => isCount(n, clause));
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    const before = clause.slice(windowStart, n.start);
    const nextStart = i + 1 < counts.length ? counts[i + 1].start : clause.length;
    const after = clause.slice(n.unitEnd, nextStart);
    windowStart = n.unitEnd;
    const claim = readCount(scope, other, before, after, options);
    if (!claim) continue;
    out.push({ kind: 'count', ...claim, value: n.value, start: clauseStart + n.start, end: clauseStart + n.unitEnd });
  }
  return out;
}

function readCount(
  scope: () => Scope,
  other: () => boolean,
  before: string,
  after: string,
  options: ClaimOptions,
): Omit<CountClaim, 'kind' | 'value' | 'start' | 'end'> | undefined {
  if (COMPARISON.test(before) || SUBPERIOD.test(before) || SCOPE.test(before) || mentionsOtherYear(before, options.year)) return undefined;
  if (/其中/.test(before) && APPLICANTS.test(before)) return undefined;
  if (/^[\s\u00a0]*(?:以上|以下|左右|次数)/.test(after)) return undefined;
  const topics = topicsIn(before);
  const afterTopics = AFTER_CARRIED_OUT.test(after) ? 'carriedOut' : AFTER_CONCLUDED.test(after) ? 'concluded' : undefined;
  const beforeWithoutCarriedIn = before.replace(/上一?年度?结转|结转上一?年度?|上一?年度?遗留|由?上一?年度?转入/g, '');
  if (OTHER_TIME.test(beforeWithoutCarriedIn)) return undefined;

  const t4 = T4.filter((t) => topics.has(t));
  if (t4.length) {
    if (t4.length > 1 || T4_RESULT.test(before) || !scope().legal) return undefined;
    return { topics: t4 };
  }
  if (topics.has('reg') || topics.has('norm')) {
    if ((topics.has('reg') && topics.has('norm')) || DOCUMENT_SKIP.test(before)) return undefined;
    const verb = DOCUMENT_VERBS.find((v) => v.re.test(before))?.verb;
    if (!verb) return undefined;
    return { topics: [topics.has('reg') ? 'reg' : 'norm'], verb };
  }
  if (other() || CHANNEL.test(before) || !scope().app) return undefined;
  if (afterTopics && !topics.has('carriedIn')) {
    // 1件结转下年度 / 4件已办结: the words after the number say what it is.
    if (afterTopics === 'carriedOut' || [...topics].every((t) => t === 'handled' || t === 'concluded')) return { topics: [afterTopics] };
    return undefined;
  }
  if (topics.has('carriedOut') || topics.has('carriedIn')) {
    if (topics.has('carriedOut') && topics.has('carriedIn')) return undefined;
    return { topics: [topics.has('carriedOut') ? 'carriedOut' : 'carriedIn'] };
  }
  const results = RESULTS.filter((t) => topics.has(t));
  if (results.length) return { topics: results };
  const flow = T3_FLOW.filter((t) => topics.has(t));
  if (flow.length === 1) return { topics: flow };
  // 处理/办理 beside 收到 or 办结 adds nothing (收到并办理, 办理完结).
  const specific = flow.filter((t) => t !== 'handled');
  if (specific.length === 1) return { topics: specific };
  return undefined;
}

const NEGATION = '(?:未|没有|并无|尚无|无)(?!论|需|须|法|正当|偿|误|效|关|经|予|按|及时)';
const NONE_APPLICATIONS = new RegExp(`${NEGATION}(?:收到|接到|受理|接收|发生|产生|出现|有)?([^，,。；;]{0,24}?)申请(?!人)`);
const NONE_LEGAL = new RegExp(`${NEGATION}(?:发生|接到|收到|出现|产生|被|有|因)?([^，,。；;]{0,30}?)(行政复议|行政诉讼)`);
const NOT_NONE = /复议|诉讼|投诉|举报|咨询|许可|审批|渠道|方式|信函|当面|网上|反复|重复|大量|逾期|补正|不予|信访|收费|费用/;

function noneClaims(scope: () => Scope, clauseStart: number, clause: string, other: () => boolean, options: ClaimOptions): NoneClaim[] {
  const legal = NONE_LEGAL.exec(clause);
  const apps = NONE_APPLICATIONS.exec(clause);
  if (!legal && !apps) return [];
  if (SUBPERIOD.test(clause) || OTHER_TIME.test(clause) || mentionsOtherYear(clause, options.year) || SCOPE.test(clause)) return [];
  const out: NoneClaim[] = [];
  if (legal && scope().legal && !T4_RESULT.test(clause)) {
    const tail = clause.slice(legal.index);
    const start = clauseStart + legal.index;
    if (/行政复议/.test(tail)) out.push({ kind: 'none', subject: 'review', start, end: clauseStart + clause.length });
    if (/行政诉讼|起诉/.test(tail)) out.push({ kind: 'none', subject: 'litigation', start, end: clauseStart + clause.length });
    return out;
  }
  if (apps && scope().app && !NOT_NONE.test(apps[1]) && !other()) {
    out.push({ kind: 'none', subject: 'applications', start: clauseStart + apps.index, end: clauseStart + clause.length });
  }
  return out;
}

const ALL_DONE =
  /(?:均|全部|全都|都|一律|已经?)[^，,。；;]{0,10}?(?:办结|办理完毕|办理完成|处理完毕|完成办理|(?:作出|予以)?答复)|(?:办结|答复)率(?:为|达|达到)?[\s\u00a0]*100[\s\u00a0]*[%％]/;

function allDoneClaims(scope: () => Scope, clauseStart: number, clause: string, numbers: NumberMention[], options: ClaimOptions): AllDoneClaim[] {
  const m = ALL_DONE.exec(clause);
  if (!m) return [];
  const { app, carried, firstOther } = scope();
  if (!app || carried) return [];
  // 办理人大代表建议15件，均已按时办结: what is concluded is named before, in the sentence.
  if (firstOther >= 0 && firstOther < clauseStart + m.index + m[0].length) return [];
  if (COMMITMENT.test(clause.slice(0, m.index + m[0].length)) || SUBPERIOD.test(clause) || OTHER_TIME.test(clause) || mentionsOtherYear(clause, options.year))
    return [];
  // 已办结4件: a count, checked as such.
  if (numbers.some((n) => isCount(n, clause) && n.start >= m.index)) return [];
  return [{ kind: 'allDone', start: clauseStart + m.index, end: clauseStart + m.index + m[0].length }];
}

/**
 * A clause makes no claim without one of these: a number (Arabic or Chinese), a negation
 * (NONE_APPLICATIONS, NONE_LEGAL) or a word of ALL_DONE.
 */
const CLAIM_TRIGGERS = charTable('0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千未没无均全都已');

/** Every claim a sentence makes, in order. */
export function readClaims(sentence: Sentence, options: ClaimOptions = {}): Claim[] {
  const out: Claim[] = [];
  let known: Scope | undefined;
  const scope = () => (known ??= scopeOf(sentence));
  for (const c of clauses(sentence.text)) {
    if (!hasAny(c.text, CLAIM_TRIGGERS)) continue;
    const numbers = findNumbers(c.text);
    let otherKnown: boolean | undefined;
    const other = () => (otherKnown ??= OTHER_SUBJECT.test(c.text));
    out.push(...countClaims(scope, c.start, c.text, other, numbers, options));
    out.push(...noneClaims(scope, c.start, c.text, other, options));
    out.push(...allDoneClaims(scope, c.start, c.text, numbers, options));
  }
  return shareZero(sentence, scope, out);
}

/** 行政复议和行政诉讼均为0: a clause that names two topics and one number states it for both. */
function shareZero(sentence: Sentence, scope: () => Scope, claims: Claim[]): Claim[] {
  const m = /(行政复议)[^，,。；;]{0,6}(?:和|及|与|、|或)[^，,。；;]{0,6}(行政诉讼)[^，,。；;]{0,8}(?:均|都|皆)(?:为|是)[\s\u00a0]*(0|零)/.exec(sentence.text);
  if (!m || !scope().legal) return claims;
  const start = m.index + m[0].length - m[3].length;
  const end = start + m[3].length;
  const rest = claims.filter((c) => !(c.kind === 'count' && c.start === start));
  return [...rest, { kind: 'count', topics: ['review'], value: 0, start, end }, { kind: 'count', topics: ['litigation'], value: 0, start, end }];
}
