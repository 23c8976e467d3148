import { chineseNumeral } from '../text';

/** Numbers in prose: 5件, 1起, １２件, 一件, 两件, 十二件, 1,024条, 为0, 100%. */

export interface NumberMention {
  value: number;
  /** Offsets in the searched text: the number itself. */
  start: number;
  end: number;
  /** The count word after it (件, 起, …), or '' when there is none. */
  unit: string;
  /** End of the number and its unit (and 余/多 in between). */
  unitEnd: number;
  /** 20余件, 10多件, 约5件, 5件以上: not an exact count. */
  approximate: boolean;
  /** Followed by % or ％. */
  percent: boolean;
  /** Written in Chinese numerals. */
  chinese: boolean;
  /** A year (2024年), a month or a day, a time, an ordinal (第3), or a part of a code or name. */
  notACount: boolean;
}

/** Words that count things: what a claim's number must be followed by. */
export const COUNT_UNITS = '件起宗个份例次条项篇';
const UNIT = new RegExp(`^[\\s\\u00a0]*(?:(余|多)[\\s\\u00a0]*)?([${COUNT_UNITS}])`);
const ARABIC = /[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?/g;
const CHINESE = /[零〇一二两三四五六七八九十百千]+/g;

function arabicValue(s: string): number | undefined {
  const ascii = s.normalize('NFKC').replace(/[,，]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(ascii)) return undefined;
  return Number(ascii);
}

function mention(text: string, start: number, end: number, value: number, chinese: boolean): NumberMention {
  const rest = text.slice(end, end + 16);
  const before = text.slice(Math.max(0, start - 3), start);
  const unitMatch = UNIT.exec(rest);
  const unit = unitMatch ? unitMatch[2] : '';
  const unitEnd = unitMatch ? end + unitMatch[0].length : end;
  const afterUnit = text.slice(unitEnd, unitEnd + 4);
  const percent = /^[\s\u00a0]*[%％]/.test(rest) || /^[\s\u00a0]*个?百分点/.test(rest);
  const approximate = Boolean(unitMatch?.[1]) || /(?:约|近|逾|超过|不足|将近|大约|上百|几)$/.test(before) || /^(?:以上|以下|左右|上下|余)/.test(afterUnit);
  const notACount =
    /^[\s\u00a0]*(?:年|月|日|号|时|点|分|周|岁|万|亿|元|届|期|栋|层|楼|路|室|:|：|-|－|—|\/|[.．]\d)/.test(rest) ||
    /(?:第|前|后|编号|号码|电话|邮编|[a-zA-Z])$/.test(before) ||
    /^[a-zA-Z]/.test(rest);
  return { value, start, end, unit, unitEnd, approximate, percent, chinese, notACount };
}

/** Every number in `text`, in order. Chinese numerals count only when a count word follows them. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  ARABIC.lastIndex = 0;
  for (let m = ARABIC.exec(text); m; m = ARABIC.exec(text)) {
    let raw = m[0];
    // A trailing comma is punctuation, not a thousands separator.
    while (/[,，]$/.test(raw)) raw = raw.slice(0, -1);
    const value = arabicValue(raw);
    if (value === undefined) continue;
    out.push(mention(text, m.index, m.index + raw.length, value, false));
  }
  CHINESE.lastIndex = 0;
  for (let m = CHINESE.exec(text); m; m = CHINESE.exec(text)) {
    const value = chineseNumeral(m[0]);
    if (value === undefined) continue;
    const found = mention(text, m.index, m.index + m[0].length, value, true);
    if (found.approximate || found.notACount) continue;
    if (!found.unit) {
      if (isCount(found, text)) out.push(found);
      continue;
    }
    // 一起 (together), 一次性, 一个个, 一条龙, 一项项: words, not counts.
    const next = text.slice(found.unitEnd, found.unitEnd + 1);
    if (found.unit === '起' && next && !/[，,。；;、\s）)]/.test(next)) continue;
    if (/^[性些龙个项条次]/.test(next)) continue;
    // 统一件, 每一件: the numeral is part of a word.
    if (m.index > 0 && /[统每唯单同某逐万第]/.test(text[m.index - 1])) continue;
    out.push(found);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A number that a claim can be about: an exact count followed by a count word (or 为 before it). */
export function isCount(n: NumberMention, text: string): boolean {
  if (n.percent || n.notACount || n.approximate || !Number.isInteger(n.value)) return false;
  if (n.unit) return true;
  // 数量为0, 均为零: a bare number after 为 at the end of a clause.
  return /为[\s\u00a0]*$/.test(text.slice(Math.max(0, n.start - 2), n.start)) && /^[\s\u00a0]*(?:[，,。；;、）)]|$)/.test(text.slice(n.end, n.end + 8));
}
