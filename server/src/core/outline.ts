import type { Analysis } from './analyze';
import { editorText } from './editor-messages';
import type { FormatVersion, Locale, Range, Table, TableId } from './model';
import { blockOf, effectiveFormat, otherFormat } from './schema/formats';
import { ARTICLE_20_ITEMS } from './schema/regulation';
import { SECTIONS } from './schema/sections';
import { comparePositions, isBlank, LineIndex } from './text';

/** The report's structure for an outline and for folding: title, six sections, tables, 表二 blocks. */

export type OutlineKind = 'title' | 'section' | 'subheading' | 'table' | 'block';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineItem[];
}

export interface Fold {
  startLine: number;
  endLine: number;
  kind: 'section' | 'subheading' | 'table' | 'block';
}

const TABLE_NAMES = { T2: 'table2', T3: 'table3', T4: 'table4' } as const;
const TABLE_DETAILS = { T2: 'table2Detail', T3: 'table3Detail', T4: 'table4Detail' } as const;

/** The last line in [from, to) that is not blank, or `from` when all are. */
function lastTextLine(doc: LineIndex, from: number, to: number): number {
  for (let i = Math.min(to, doc.lines.length) - 1; i > from; i--) if (!isBlank(doc.lines[i])) return i;
  return from;
}

function lineSpan(doc: LineIndex, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: { line: to, character: doc.lines[to].length } };
}

/** The smallest range holding both, so a child never sticks out of its parent. */
function union(a: Range, b: Range): Range {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}

interface Block {
  id: string;
  caption: Range;
  range: Range;
}

/** 表二's blocks: from each caption to the last cell of its rows (or to the next caption). */
function table2Blocks(format: FormatVersion, table: Table): Block[] {
  const captions = [...table.captions.entries()].sort((a, b) => comparePositions(a[1].start, b[1].start));
  return captions.map(([id, caption], i) => {
    let range = caption;
    for (const row of table.rows.values()) {
      const block = blockOf(format, row.key) ?? blockOf(otherFormat(format), row.key);
      if (!block || block.caption !== `第二十条第（${id}）项`) continue;
      range = union(range, row.labelRange);
      for (const c of row.cells) if (c.present) range = union(range, c.range);
    }
    const next = captions[i + 1]?.[1];
    if (next && comparePositions(range.end, next.start) >= 0) range = { start: caption.start, end: caption.end };
    return { id, caption, range };
  });
}

function tableItem(format: FormatVersion, table: Table, locale: Locale): OutlineItem {
  const id: TableId = table.id;
  const children =
    id === 'T2'
      ? table2Blocks(format, table).map((b): OutlineItem => {
          return {
            name: `第二十条第（${b.id}）项`,
            detail: ARTICLE_20_ITEMS[b.id]?.text,
            kind: 'block',
            range: b.range,
            selectionRange: b.caption,
            children: [],
          };
        })
      : [];
  const range = children.reduce((r, c) => union(r, c.range), table.range);
  return {
    name: editorText(TABLE_NAMES[id], locale),
    detail: editorText(TABLE_DETAILS[id], locale),
    kind: 'table',
    range,
    selectionRange: { start: range.start, end: range.start },
    children,
  };
}

export function outline(analysis: Analysis, locale: Locale): OutlineItem[] {
  const { doc, report } = analysis;
  if (!report) return [];
  const items: OutlineItem[] = [];
  if (report.title) {
    items.push({
      name: report.title.text,
      detail: editorText('title', locale),
      kind: 'title',
      range: report.title.range,
      selectionRange: report.title.range,
      children: [],
    });
  }
  for (const section of report.sections) {
    const { heading } = section;
    const end = lastTextLine(doc, heading.line, section.bodyEnd);
    let range = lineSpan(doc, heading.line, end);
    const children: OutlineItem[] = [];
    const subs = report.subHeadings.filter((s) => s.section === heading.section && s.style === 'parenthesized');
    subs.forEach((sub, i) => {
      const subEnd = lastTextLine(doc, sub.line, i + 1 < subs.length ? subs[i + 1].line : section.bodyEnd);
      const text = doc.lines[sub.line].trim();
      const start = doc.lines[sub.line].indexOf(text);
      const selection = doc.range(sub.line, start, start + text.length);
      children.push({
        name: text.length > 40 ? `${text.slice(0, 40)}…` : text,
        kind: 'subheading',
        range: lineSpan(doc, sub.line, subEnd),
        selectionRange: selection,
        children: [],
      });
    });
    for (const table of Object.values(report.tables)) {
      const spec = { T2: 2, T3: 3, T4: 4 }[table.id];
      if (spec !== heading.section) continue;
      const item = tableItem(analysis.format ?? effectiveFormat(report), table, locale);
      children.push(item);
      range = union(range, item.range);
    }
    const spec = SECTIONS[heading.section - 1];
    items.push({
      name: `${spec.numeral}、${spec.title}`,
      detail: heading.title === spec.title ? undefined : heading.title,
      kind: 'section',
      range,
      selectionRange: heading.range,
      children,
    });
  }
  return items;
}

/** Folds of an outline: every item spanning more than one line, the title excepted. */
export function foldingRanges(items: OutlineItem[]): Fold[] {
  const folds: Fold[] = [];
  const walk = (items: OutlineItem[]) => {
    for (const item of items) {
      if (item.kind !== 'title' && item.range.end.line > item.range.start.line) {
        folds.push({ startLine: item.range.start.line, endLine: item.range.end.line, kind: item.kind });
      }
      walk(item.children);
    }
  };
  walk(items);
  return folds;
}
