import { wChild, wChildren, wOn, wVal, XmlElement } from './docx-xml';

/**
 * Word's automatic numbering: the 「四、」 or 「（一）」 that a paragraph shows without holding it.
 * A paragraph's `w:numPr` (its own, or its style's through `w:basedOn`) names a numbering instance
 * (`w:num`) and a level; the instance points at an abstract definition whose `w:lvl` gives the start,
 * the format (`chineseCounting` …) and the text (`%1、`). Counters run in document order, one set per
 * abstract definition (instances of one definition continue each other, as in Word), restarted by an
 * instance's `w:startOverride` when it is first used and, for deeper levels, by a higher level.
 */

const int = (s: string | undefined): number | undefined => {
  if (s === undefined || !/^-?\d{1,9}$/.test(s.trim())) return undefined;
  return Number(s);
};

interface Level {
  start: number;
  format: string;
  /** undefined: the level shows no number. */
  text?: string;
  /** 0-based levels whose use restarts this one: those below `restartAfter` (default: all higher levels). */
  restartAfter?: number;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  style?: string;
}

interface StyleInfo {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

const MAX_LEVELS = 9;

export class Numbering {
  private readonly styles = new Map<string, StyleInfo>();
  /** What each style's `basedOn` chain gives, followed once per style. */
  private readonly chains = new Map<string, { numId?: string; ilvl?: number }>();
  private defaultParagraphStyle?: string;
  private readonly abstracts = new Map<string, { levels: Map<number, Level>; styleLink?: string }>();
  private readonly nums = new Map<string, { abstract: string; overrides: Map<number, { start?: number; level?: Level }> }>();
  /** Counters per abstract definition; undefined where a level has not been used since its restart. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** Instances whose start overrides have been applied, by level. */
  private readonly applied = new Map<string, Set<number>>();

  constructor(styles?: XmlElement, numbering?: XmlElement) {
    if (styles) this.readStyles(styles);
    if (numbering) this.readNumbering(numbering);
  }

  private readStyles(root: XmlElement): void {
    for (const style of wChildren(root, 'style')) {
      const id = wVal(style, 'styleId');
      if (!id || wVal(style, 'type') !== 'paragraph') continue;
      const isDefault = wVal(style, 'default');
      if (isDefault === '1' || isDefault === 'true' || isDefault === 'on') this.defaultParagraphStyle = id;
      const pPr = wChild(style, 'pPr');
      const numPr = pPr && wChild(pPr, 'numPr');
      this.styles.set(id, {
        basedOn: wVal(wChild(style, 'basedOn')),
        numId: wVal(numPr && wChild(numPr, 'numId')),
        ilvl: int(wVal(numPr && wChild(numPr, 'ilvl'))),
      });
    }
  }

  private readNumbering(root: XmlElement): void {
    for (const abstract of wChildren(root, 'abstractNum')) {
      const id = wVal(abstract, 'abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of wChildren(abstract, 'lvl')) {
        const ilvl = int(wVal(lvl, 'ilvl'));
        if (ilvl !== undefined && ilvl >= 0 && ilvl < MAX_LEVELS) levels.set(ilvl, readLevel(lvl));
      }
      this.abstracts.set(id, { levels, styleLink: wVal(wChild(abstract, 'numStyleLink')) });
    }
    for (const num of wChildren(root, 'num')) {
      const id = wVal(num, 'numId');
      const abstract = wVal(wChild(num, 'abstractNumId'));
      if (id === undefined || abstract === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of wChildren(num, 'lvlOverride')) {
        const ilvl = int(wVal(o, 'ilvl'));
        if (ilvl === undefined || ilvl < 0 || ilvl >= MAX_LEVELS) continue;
        const lvl = wChild(o, 'lvl');
        overrides.set(ilvl, { start: int(wVal(wChild(o, 'startOverride'))), level: lvl && readLevel(lvl) });
      }
      this.nums.set(id, { abstract, overrides });
    }
  }

  /** The abstract definition an instance uses, following a numbering style's link to its instance. */
  private abstractOf(numId: string): string | undefined {
    let id = this.nums.get(numId)?.abstract;
    for (let hops = 0; id !== undefined && hops < 5; hops++) {
      const link = this.abstracts.get(id)?.styleLink;
      if (!link) return id;
      const linkedNum = this.styleChain(link).numId;
      id = linkedNum === undefined ? undefined : this.nums.get(linkedNum)?.abstract;
    }
    return id;
  }

  /** numId and level a style gives, through its `basedOn` chain (the nearest definition wins). */
  private styleChain(styleId: string | undefined): { numId?: string; ilvl?: number } {
    if (styleId === undefined) return {};
    let chain = this.chains.get(styleId);
    if (!chain) this.chains.set(styleId, (chain = this.followStyle(styleId)));
    return chain;
  }

  private followStyle(styleId: string): { numId?: string; ilvl?: number } {
    let numId: string | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id !== undefined && !seen.has(id) && seen.size < 32;) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      numId ??= style.numId;
      ilvl ??= style.ilvl;
      id = style.basedOn;
    }
    return { numId, ilvl };
  }

  /**
   * The number text a paragraph shows (with the space its suffix leaves), counting it; undefined when
   * it is not numbered. Called once per paragraph, in document order.
   */
  next(paragraph: XmlElement): string | undefined {
    const pPr = wChild(paragraph, 'pPr');
    const numPr = pPr && wChild(pPr, 'numPr');
    const styleId = wVal(pPr && wChild(pPr, 'pStyle')) ?? this.defaultParagraphStyle;
    const fromStyle = this.styleChain(styleId);
    const numId = wVal(numPr && wChild(numPr, 'numId')) ?? fromStyle.numId;
    if (numId === undefined || numId === '0' || !this.nums.has(numId)) return undefined;
    const abstractId = this.abstractOf(numId);
    const abstract = abstractId === undefined ? undefined : this.abstracts.get(abstractId);
    if (!abstract || abstractId === undefined) return undefined;
    const num = this.nums.get(numId)!;
    const levelOf = (i: number): Level | undefined => num.overrides.get(i)?.level ?? abstract.levels.get(i);
    let ilvl = int(wVal(numPr && wChild(numPr, 'ilvl'))) ?? fromStyle.ilvl;
    if (ilvl === undefined) {
      for (const [i, level] of abstract.levels) if (level.style !== undefined && level.style === styleId) ilvl = i;
    }
    ilvl = Math.min(Math.max(ilvl ?? 0, 0), MAX_LEVELS - 1);
    const level = levelOf(ilvl);
    if (!level) return undefined;

    let counters = this.counters.get(abstractId);
    if (!counters) this.counters.set(abstractId, (counters = []));
    let applied = this.applied.get(numId);
    if (!applied) this.applied.set(numId, (applied = new Set()));
    const override = num.overrides.get(ilvl)?.start;
    if (override !== undefined && !applied.has(ilvl)) {
      applied.add(ilvl);
      counters[ilvl] = override;
    } else counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      const restartAfter = levelOf(deeper)?.restartAfter ?? deeper;
      if (ilvl < restartAfter) counters[deeper] = undefined;
    }

    if (level.text === undefined) return undefined;
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const shown = levelOf(i);
      if (!shown) return '';
      const value = counters![i] ?? shown.start;
      return formatNumber(value, level.legal && i < ilvl ? 'decimal' : shown.format);
    });
    const shownText = level.format === 'bullet' ? bulletText(level.text) : text;
    if (shownText === '') return undefined;
    return level.suffix === 'nothing' ? shownText : `${shownText} `;
  }
}

function readLevel(lvl: XmlElement): Level {
  const suffix = wVal(wChild(lvl, 'suff'));
  const lvlText = wChild(lvl, 'lvlText');
  return {
    start: int(wVal(wChild(lvl, 'start'))) ?? 1,
    format: wVal(wChild(lvl, 'numFmt')) ?? 'decimal',
    text: lvlText ? (wVal(lvlText) ?? '') : undefined,
    restartAfter: int(wVal(wChild(lvl, 'lvlRestart'))),
    legal: wOn(wChild(lvl, 'isLgl')),
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    style: wVal(wChild(lvl, 'pStyle')),
  };
}

/** A bullet as it prints: symbol-font characters (private use area) shown as •. */
function bulletText(text: string): string {
  return text.replace(/[\ue000-\uf8ff]/g, '•');
}

const DIGITS = '〇一二三四五六七八九';
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
/** Counting writes a zero inside a number as 零 (一百零一), digit by digit as 〇 (一〇〇). */
const COUNTING_DIGITS = '零一二三四五六七八九';
const COUNTING_UNITS = { ten: '十', hundred: '百', thousand: '千', myriad: '万' };

/** A counter value in a `w:numFmt` (those Chinese reports use, and the common Western ones). */
export function formatNumber(n: number, format: string): string {
  if (format === 'none') return '';
  if (n < 0) return String(n);
  switch (format) {
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      // 十, 十一, 二十 below 100; digit by digit from 100 (一〇〇).
      return n < 100 && n > 0 ? chineseCounting(n, COUNTING_DIGITS, COUNTING_UNITS) : digits(n, DIGITS);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return n === 0 ? DIGITS[0] : chineseCounting(n, COUNTING_DIGITS, COUNTING_UNITS);
    case 'chineseLegalSimplified':
      return n === 0 ? '零' : chineseCounting(n, '零壹贰叁肆伍陆柒捌玖', { ten: '拾', hundred: '佰', thousand: '仟', myriad: '万' }, true);
    case 'ideographLegalTraditional':
      return n === 0 ? '零' : chineseCounting(n, '零壹貳參肆伍陸柒捌玖', { ten: '拾', hundred: '佰', thousand: '仟', myriad: '萬' }, true);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
      return digits(n, DIGITS);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return digits(n, FULL_WIDTH_DIGITS);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    default:
      return String(n);
  }
}

function digits(n: number, set: string): string {
  return String(n).replace(/\d/g, (d) => set[Number(d)]);
}

/**
 * 一百零一, 一千零二十 …: zeros inside a group of four read as one 零; 十一 … 十九 drop the 一 (as
 * Chinese is read) except in the legal forms (壹拾壹).
 */
function chineseCounting(n: number, set: string, units: { ten: string; hundred: string; thousand: string; myriad: string }, legal = false): string {
  if (n >= 100_000_000) return String(n);
  const group = (g: number): string => {
    const places = [
      [Math.floor(g / 1000) % 10, units.thousand],
      [Math.floor(g / 100) % 10, units.hundred],
      [Math.floor(g / 10) % 10, units.ten],
      [g % 10, ''],
    ] as const;
    let out = '';
    let zero = false;
    for (const [d, unit] of places) {
      if (d === 0) {
        zero = out !== '';
        continue;
      }
      if (zero) out += set[0];
      zero = false;
      out += set[d] + unit;
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? group(high) + units.myriad : '';
  if (low) out += (high && low < 1000 ? set[0] : '') + group(low);
  if (!legal && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, glyph] of table) {
    while (n >= value) {
      out += glyph;
      n -= value;
    }
  }
  return out;
}

/** A … Z, AA … ZZ (Word repeats the letter). */
function letters(n: number): string {
  if (n <= 0 || n > 780) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}
