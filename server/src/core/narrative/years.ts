import { parseYear } from '../text';
import type { Sentence } from './sentences';

/**
 * Years that a sentence names as the reporting period: `2024年，我局…` at the start of a sentence,
 * `现将2024年…报告如下`, `2024年度政府信息公开工作年度报告`, and the statistics period
 * `2024年1月1日至2024年12月31日`. Years in dates, document names, plans and comparisons are not.
 */

export interface PeriodYear {
  year: number;
  /** Offsets of the year (its digits, without 年) in the sentence. */
  start: number;
  end: number;
  kind: 'opening' | 'reportOn' | 'reportName' | 'period';
  /** Written as digits (a fix can replace them). */
  digits: boolean;
}

const Y = '(\\d{4}|[０-９]{4}|[〇零一二三四五六七八九]{4})';
const OPENING = new RegExp(`^(?:[（(][^）)]{1,3}[）)][\\s\\u3000]*)?${Y}[\\s\\u00a0]*年(度)?(?:全年|内|中|里)?[\\s\\u00a0]*([，,、]?)`);
const REPORT_ON = new RegExp(`现将[^。；;]{0,24}?${Y}[\\s\\u00a0]*年度?`, 'g');
const REPORT_NAME = new RegExp(`${Y}[\\s\\u00a0]*年度?(?:本机关|本单位|我局)?政府信息公开(?:工作)?(?:年度)?(?:报告|年报)`, 'g');
const PERIOD = new RegExp(
  `${Y}[\\s\\u00a0]*年[\\s\\u00a0]*0?1[\\s\\u00a0]*月[\\s\\u00a0]*0?1[\\s\\u00a0]*日[^。；;]{0,4}?(?:至|到|—|－|-|～|~)[^。；;]{0,3}?${Y}[\\s\\u00a0]*年[\\s\\u00a0]*12[\\s\\u00a0]*月[\\s\\u00a0]*31[\\s\\u00a0]*日`,
  'g',
);

/** After an opening year: a date, a document, an event of that year, not the reporting period. */
const NOT_PERIOD_AFTER =
  /^[\s\u00a0]*(?:[0-9０-９一二三四五六七八九十]{1,2}[\s\u00a0]*月|《|第|版|起|以来|至今|以前|之前|前|底|初|末|修订|颁布|出台|印发|施行|实施|发布|的|至|到|—|-|是|为)/;
const BODY = '(?:局|委|办|厅|院|部|中心|单位|机关|区|市|县|镇|乡|街道|政府|公司|会|所|站|队|馆|处|署)';
const SUBJECT = new RegExp(`^[\\s\\u00a0]*(?:我|本|全)${BODY}`);
/** 2019年，二七区工信局认真…: a named body at the start, then what it did. */
const SUBJECT_NAMED = new RegExp(`^[\\s\\u00a0]*[^，,。；;、\\s]{1,20}?${BODY}(?:认真|严格|坚持|按照|根据|围绕|深入|全面|持续|积极|紧紧|扎实|始终)`);
const FUTURE = /将|计划|拟|要|继续|持续|力争|争取|预计|打算|进一步|下一步|着力|重点/;
const COMPARISON = /比|较|相比|同比|对比|增|减|与/;

function value(text: string): { year: number; digits: boolean } | undefined {
  const year = parseYear(text);
  return year === undefined ? undefined : { year, digits: /^[0-9０-９]+$/.test(text) };
}

/** Most sentences name no year at all: one cheap test rules them out. */
const ANY_YEAR = new RegExp(Y);

export function periodYears(sentence: Sentence, reportYear: number): PeriodYear[] {
  const text = sentence.text;
  if (!ANY_YEAR.test(text)) return [];
  const out: PeriodYear[] = [];
  const seen = new Set<number>();
  const add = (raw: string, start: number, kind: PeriodYear['kind']) => {
    const v = value(raw);
    if (!v || v.year < 1990 || v.year > 2100 || seen.has(start)) return;
    seen.add(start);
    out.push({ year: v.year, start, end: start + raw.length, kind, digits: v.digits });
  };
  for (const m of text.matchAll(PERIOD)) {
    add(m[1], m.index!, 'period');
    add(m[2], m.index! + m[0].lastIndexOf(m[2]), 'period');
  }
  for (const m of text.matchAll(REPORT_ON)) add(m[1], m.index! + m[0].lastIndexOf(m[1]), 'reportOn');
  // Inside 《…》 it names a document, e.g. last year's report cited on purpose (one scan, in order).
  let pos = 0;
  let inTitle = false;
  for (const m of text.matchAll(REPORT_NAME)) {
    for (; pos < m.index!; pos++) {
      if (text[pos] === '《') inTitle = true;
      else if (text[pos] === '》') inTitle = false;
    }
    if (!inTitle) add(m[1], m.index!, 'reportName');
  }
  const o = OPENING.exec(text);
  if (o) {
    const start = o[0].indexOf(o[1]);
    const rest = text.slice(o[0].length);
    const v = value(o[1]);
    if (v && !NOT_PERIOD_AFTER.test(rest)) {
      const head = rest.slice(0, 20);
      const future = v.year > reportYear && FUTURE.test(head);
      const elsewhere = text.slice(0, o.index + start) + text.slice(o.index + start + o[1].length);
      const comparison = elsewhere.includes(String(reportYear)) || COMPARISON.test(head.slice(0, 6));
      // Another year is named as the period only when this body is the subject: 2019年，我局…
      const subject = SUBJECT.test(rest) || SUBJECT_NAMED.test(rest);
      if (!future && !comparison && (v.year === reportYear || subject)) add(o[1], start, 'opening');
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
