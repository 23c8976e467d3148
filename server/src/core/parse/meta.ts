import type { Report, Section } from '../model';
import { isBlank, LineIndex, parseYear } from '../text';

const YEAR = '(\\d{4}|[０-９]{4}|[〇零一二三四五六七八九]{4})';
const TITLE_YEAR = new RegExp(`${YEAR}\\s*年度?`);
const PERIOD = new RegExp(`${YEAR}\\s*年\\s*0?1\\s*月\\s*0?1\\s*日`);
const DATE_LINE = new RegExp(`^[\\s\\u3000]*${YEAR}\\s*年\\s*(\\d{1,2}|[０-９]{1,2})\\s*月\\s*(\\d{1,2}|[０-９]{1,2})\\s*日[\\s\\u3000]*$`);
const REPORT_WORDS = /政府信息公开|年度报告|年报/;

const FULL_TITLE = new RegExp(`${YEAR}\\s*年度?.*政府信息公开.*(年度报告|年报)`);

type Meta = Pick<Report, 'title' | 'organ' | 'year' | 'yearSource' | 'signature'>;

function titleAt(doc: LineIndex, i: number): NonNullable<Meta['title']> {
  const title = doc.lines[i].trim().replace(/^#+\s*/, '');
  const start = doc.lines[i].indexOf(title);
  return { text: title, range: doc.range(i, start, start + title.length), line: i };
}

/** Title, issuing body, report year and signature date (in the order of docs/domain.md, 报告年度与应用格式). */
export function readMeta(doc: LineIndex, sections: Section[]): Meta {
  const meta: Meta = {};
  const firstHeading = sections.length ? sections[0].heading.line : Math.min(doc.lines.length, 5);
  for (let i = 0; i < firstHeading; i++) {
    const text = doc.lines[i].trim();
    if (isBlank(text)) continue;
    if (REPORT_WORDS.test(text)) meta.title = titleAt(doc, i);
    break;
  }
  // A page printed from a site puts its menus first: then the title is the first line that names
  // the report in full (year, 政府信息公开 and 年度报告) before the first section.
  for (let i = 0; !meta.title && i < firstHeading; i++) if (FULL_TITLE.test(doc.lines[i])) meta.title = titleAt(doc, i);
  if (meta.title) {
    const m = TITLE_YEAR.exec(meta.title.text);
    const reportWords = meta.title.text.search(/政府信息公开|年度报告/);
    // The body comes before the year (某某局2020年…) or between it and the report words (2020年某某局…).
    const before = meta.title.text.slice(0, m ? m.index : Math.max(reportWords, 0));
    const after = m && reportWords > m.index + m[0].length ? meta.title.text.slice(m.index + m[0].length, reportWords) : '';
    const organ = (before.trim() ? before : after).replace(/[\s\u3000]+/g, '');
    if (organ) meta.organ = organ;
    const year = m ? parseYear(m[1]) : undefined;
    if (year) {
      meta.year = year;
      meta.yearSource = 'title';
    }
  }
  meta.signature = readSignature(doc);
  if (meta.year === undefined) {
    const head = doc.lines.slice(0, Math.min(doc.lines.length, 40)).join('\n');
    const period = /统计|期限|时间/.test(head) ? PERIOD.exec(head) : null;
    const year = period ? parseYear(period[1]) : undefined;
    if (year) {
      meta.year = year;
      meta.yearSource = 'period';
    } else if (meta.signature) {
      meta.year = meta.signature.year - 1;
      meta.yearSource = 'signature';
    } else {
      const mentioned = mostMentionedYear(doc, sections);
      if (mentioned) {
        meta.year = mentioned;
        meta.yearSource = 'text';
      }
    }
  }
  return meta;
}

function readSignature(doc: LineIndex): Meta['signature'] {
  let seen = 0;
  for (let i = doc.lines.length - 1; i >= 0 && seen < 8; i--) {
    const line = doc.lines[i];
    if (isBlank(line)) continue;
    seen++;
    const m = DATE_LINE.exec(line);
    if (!m) continue;
    const year = parseYear(m[1]);
    if (!year) continue;
    const start = line.search(/\S/);
    return {
      text: line.trim(),
      range: doc.range(i, start, line.trimEnd().length),
      year,
      month: Number(m[2].normalize('NFKC')),
      day: Number(m[3].normalize('NFKC')),
    };
  }
  return undefined;
}

/** The year most often named as `YYYY年` in the prose sections 一 and 五. */
function mostMentionedYear(doc: LineIndex, sections: Section[]): number | undefined {
  const counts = new Map<number, number>();
  for (const s of sections.filter((x) => x.heading.section === 1 || x.heading.section === 5)) {
    for (let i = s.bodyStart; i < s.bodyEnd; i++) {
      for (const m of doc.lines[i].matchAll(/(20\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) {
        const y = Number(m[1]);
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    }
  }
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && y > best)) best = y;
  return best;
}
