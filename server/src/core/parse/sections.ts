import type { Heading, Section, SubHeading } from '../model';
import { SECTIONS } from '../schema/sections';
import { chineseNumeral, LineIndex, normalizeLabel } from '../text';
import { cleanLine, isTableLine } from './tokens';

/** `一、总体情况`, `4、 政府信息…`, `## 二. 主动公开…`, `五 存在的…` */
const HEADING = /^(?<lead>[\s#\u3000]*)(?<num>[一二三四五六七八九十]{1,2}|[0-9０-９]{1,2})(?<sep>\s*[、.．,，]\s*|\s+)(?<title>\S.*?)\s*$/;
const SUBHEADING = /^[\s\u3000]*[（(]\s*(?<num>[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\s*[）)]/;
const MAX_TITLE = 32;

function headingNumber(text: string): number | undefined {
  const ascii = text.normalize('NFKC');
  return /^\d+$/.test(ascii) ? Number(ascii) : chineseNumeral(text);
}

/** Which section a heading title names, by the keywords of its title (docs/domain.md, 六个部分). */
export function sectionOfTitle(title: string): number | undefined {
  const norm = normalizeLabel(title);
  if (norm.length > MAX_TITLE || /\d$/.test(norm)) return undefined;
  return SECTIONS.find((s) => s.keywords.every((k) => k.test(norm)))?.index;
}

/** Cheap test that rules out most lines before any regular expression or normalization runs. */
const MAY_BE_HEADING = /总体情况|主动公开|收到和处理|行政复议|问题|其他需要报告/;
const MAX_HEADING_LINE = 80;

function readHeading(doc: LineIndex, lineNo: number): Heading | undefined {
  const raw = doc.lines[lineNo];
  if (raw.length > MAX_HEADING_LINE || !MAY_BE_HEADING.test(raw)) return undefined;
  const line = cleanLine(raw);
  if (isTableLine(line)) return undefined;
  const m = HEADING.exec(line);
  if (m?.groups) {
    const { lead, num, sep, title } = m.groups;
    const section = sectionOfTitle(title);
    if (section === undefined || headingNumber(num) === undefined) return undefined;
    const numStart = lead.length;
    const titleStart = numStart + num.length + sep.length;
    return {
      section,
      numberText: num,
      numberRange: doc.range(lineNo, numStart, numStart + num.length),
      prefixRange: doc.range(lineNo, numStart, titleStart),
      title,
      range: doc.range(lineNo, numStart, line.trimEnd().length),
      line: lineNo,
    };
  }
  // An unnumbered heading counts only when it is the official title itself.
  const bare = normalizeLabel(line.replace(/^[\s#]*/, ''));
  const spec = SECTIONS.find((s) => normalizeLabel(s.title) === bare);
  if (!spec) return undefined;
  const start = line.search(/[^\s#\u3000]/);
  return {
    section: spec.index,
    numberText: '',
    numberRange: doc.range(lineNo, start, start),
    prefixRange: doc.range(lineNo, start, start),
    title: line.slice(start).trimEnd(),
    range: doc.range(lineNo, start, line.trimEnd().length),
    line: lineNo,
  };
}

/**
 * Finds the six section headings. When a section's keywords match several lines, the one whose
 * number agrees with the official index wins, else the first.
 */
export function findSections(doc: LineIndex): Section[] {
  const candidates: Heading[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    const h = readHeading(doc, i);
    if (h) candidates.push(h);
  }
  const chosen = new Map<number, Heading>();
  for (const h of candidates) {
    const current = chosen.get(h.section);
    if (!current || (headingNumber(current.numberText) !== h.section && headingNumber(h.numberText) === h.section)) {
      chosen.set(h.section, h);
    }
  }
  const headings = [...chosen.values()].sort((a, b) => a.line - b.line);
  return headings.map((heading, i) => ({
    heading,
    bodyStart: heading.line + 1,
    bodyEnd: i + 1 < headings.length ? headings[i + 1].line : doc.lines.length,
  }));
}

/** `二、依申请公开情况` on a line of its own (not a sentence: no full stop at the end). */
const SECTION_LIKE_SUB = /^([\s\u3000]*)([一二三四五六七八九十]{1,2})、[\s\u3000]*[^\s|\t][^|\t]*[^。；;，,|\s]$/;
const MAX_SECTION_LIKE_SUB = 30;
/** More lines like that than this are not a list of sub-headings: none is taken for one. */
const MAX_SECTION_LIKE_SUBS = 10;

export function findSubHeadings(doc: LineIndex, sections: Section[]): SubHeading[] {
  const result: SubHeading[] = [];
  for (const s of sections) {
    if (![1, 5, 6].includes(s.heading.section)) continue;
    const sectionLike: SubHeading[] = [];
    for (let i = s.bodyStart; i < s.bodyEnd; i++) {
      const line = doc.lines[i];
      if (isTableLine(line) || line.length > 60) continue;
      const m = SUBHEADING.exec(line);
      if (m?.groups) {
        const num = m.groups.num;
        const start = line.indexOf(num, line.search(/[（(]/));
        result.push({ section: s.heading.section, style: 'parenthesized', numberText: num, numberRange: doc.range(i, start, start + num.length), line: i });
        continue;
      }
      const bare = s.heading.section === 1 && line.length <= MAX_SECTION_LIKE_SUB ? SECTION_LIKE_SUB.exec(line) : null;
      if (bare && sectionOfTitle(line) === undefined && sectionLike.length <= MAX_SECTION_LIKE_SUBS) {
        const start = bare[1].length;
        sectionLike.push({ section: 1, style: 'sectionLike', numberText: bare[2], numberRange: doc.range(i, start, start + bare[2].length), line: i });
      }
    }
    if (sectionLike.length <= MAX_SECTION_LIKE_SUBS) result.push(...sectionLike);
  }
  return result.sort((a, b) => a.line - b.line);
}

export { headingNumber };
