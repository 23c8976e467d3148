import { findSections } from '../parse/sections';
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, TABLE2, TABLE3 } from '../schema/formats';
import { LineIndex, normalizeLabel } from '../text';
import type { Block, Piece, SourceCell } from './document';
import { linePiece, paragraphOf, ShapeReader } from './text-pieces';

/**
 * pdftotext output of a report printed to PDF. Every page ends with a form feed. With `-layout`
 * a table row stands on one line (group label, row label, numbers), its label wrapped over the
 * lines around it, blank cells as runs of spaces; without it the numbers of one row may fall on
 * several lines. Rows are found by their numbers; their labels are gathered from the lines around
 * them by the official wording; a row short of numbers is read by the columns that the complete
 * rows of its page establish, and only when each number stands under exactly one column.
 */
export const columnsReader: ShapeReader = { name: 'columns', read: readColumns };

/** A run of non-space characters on a line; `start`/`end` are character offsets in the line. */
interface Word {
  line: number;
  start: number;
  end: number;
  text: string;
  /** A number whose digits wrapped in its cell: the words it is made of, top to bottom. */
  parts?: Word[];
}

/** A line with numbers at its end: one table row. */
interface ValueLine {
  line: number;
  page: number;
  labels: Word[];
  numbers: Word[];
}

/** A row as the table grid will hold it. */
interface RowDraft {
  line: number;
  cells: SourceCell[];
  /** Numbers that belong to no row: kept as a paragraph, out of the table. */
  stray?: boolean;
}

const NUMBER = /^[+-]?\d[\d,]*(\.\d+)?$/;
/** A page number alone on a line next to a page break: `3`, `- 3 -`, `3/5`, `第3页`. */
const PAGE_NUMBER = /^(-\s*)?\d{1,3}(\s*-)?$|^\d{1,3}\s*\/\s*\d{1,3}$|^第\s*\d{1,3}\s*页(\s*[，,]?\s*共\s*\d{1,3}\s*页)?$/;
/** Lines without a wide gap in a layout text are rare; without -layout they are nearly all. */
const MIN_LAYOUT_SHARE = 0.2;
const MIN_ROW_LINES = 3;
/** How far (characters) a number may stand beside its column's span. */
const MAX_DRIFT = 2;
/** A row's label is looked for this many lines around its numbers (the longest official label wraps over five). */
const MAX_LABEL_LINES = 6;
/** A window of candidate label words larger than this is not searched. */
const MAX_LABEL_WORDS = 24;

interface Label {
  norm: string;
  columns: number;
  /** Rows whose columns stand alike: the same table block. */
  block: string;
}

const T3_LABELS: Label[] = T3_ROWS.flatMap((r) =>
  [r.label, ...(r.aliases ?? [])].map((l) => ({ norm: normalizeLabel(l), columns: T3_COLUMNS.length, block: 'T3' })),
);
const T2_LABELS: Label[] = (['2019', '2021'] as const).flatMap((format) =>
  TABLE2[format].flatMap((block) =>
    block.rows.flatMap((r) =>
      [r.label, ...(r.aliases ?? [])].map((l) => ({ norm: normalizeLabel(l), columns: block.columns.length, block: `T2.${format}.${block.key}` })),
    ),
  ),
);

function readColumns(doc: LineIndex): Block[] | undefined {
  // pdftotext ends every page with a form feed; no other converter writes one.
  if (!doc.text.includes('\f')) return undefined;
  const sections = findSections(doc);
  if (sections.length === 0) return undefined;
  const layout = isLayout(doc);
  // Without -layout, a page whose table was read column by column has its numbers one a line, far
  // from their labels: no row can be told, so such a text is left to the line parser.
  if (!layout && rowLines(doc) < MIN_ROW_LINES) return undefined;
  const pageOf = pages(doc);
  const furniture = pageFurniture(doc);
  const tableLines = new Map<number, number>();
  for (const s of sections) {
    if (s.heading.section < 2 || s.heading.section > 4) continue;
    for (let l = s.bodyStart; l < s.bodyEnd; l++) tableLines.set(l, s.heading.section);
  }

  const blocks: Block[] = [];
  let line = 0;
  while (line < doc.lines.length) {
    const section = tableLines.get(line);
    if (section === undefined) {
      if (!furniture.has(line)) blocks.push(...paragraphsOf(doc, line, layout));
      line++;
      continue;
    }
    let end = line;
    while (end < doc.lines.length && tableLines.get(end) === section) end++;
    let rows: SourceCell[][] = [];
    for (const row of readTable(doc, line, end, section, layout, pageOf, furniture)) {
      if (!row.stray) {
        rows.push(row.cells);
        continue;
      }
      if (rows.length) blocks.push({ kind: 'table', rows });
      rows = [];
      blocks.push(paragraphOf(doc, row.line)!);
    }
    if (rows.length) blocks.push({ kind: 'table', rows });
    line = end;
  }
  return blocks;
}

/** A line of text; with -layout, text side by side (a page's menu beside a heading) as one paragraph each. */
function paragraphsOf(doc: LineIndex, line: number, layout: boolean): Block[] {
  if (!layout) return [paragraphOf(doc, line)].filter((b): b is Block => b !== undefined);
  const blocks: Block[] = [];
  const text = doc.lines[line];
  const re = /\S+(?: {1,2}\S+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const p = linePiece(doc, line, m.index, m.index + m[0].length);
    if (p) blocks.push({ kind: 'paragraph', pieces: [p] });
  }
  return blocks;
}

/** Lines that hold a label and then two or more numbers: a table row written as a row. */
function rowLines(doc: LineIndex): number {
  let rows = 0;
  doc.lines.forEach((_, l) => {
    const ws = wordsOf(doc, l);
    let n = ws.length;
    while (n > 0 && NUMBER.test(ws[n - 1].text)) n--;
    if (n > 0 && ws.length - n >= 2) rows++;
  });
  return rows;
}

/** `-layout` output: many lines hold words apart by a run of spaces. */
function isLayout(doc: LineIndex): boolean {
  let lines = 0;
  let wide = 0;
  for (const text of doc.lines) {
    if (!/\S\s+\S/.test(text)) continue;
    lines++;
    if (/\S {2,}\S/.test(text)) wide++;
  }
  return lines > 0 && wide / lines >= MIN_LAYOUT_SHARE;
}

/** The 0-based page of every line: a form feed starts a new one. */
function pages(doc: LineIndex): number[] {
  let page = 0;
  return doc.lines.map((text) => {
    page += (text.match(/\f/g) ?? []).length;
    return page;
  });
}

/** Page numbers: the last line before and the first after a page break, when they are only a page number. */
function pageFurniture(doc: LineIndex): Set<number> {
  const lines = new Set<number>();
  const check = (l: number) => {
    if (l >= 0 && l < doc.lines.length && PAGE_NUMBER.test(doc.lines[l].replace(/\f/g, '').trim())) lines.add(l);
  };
  doc.lines.forEach((text, l) => {
    if (!text.includes('\f')) return;
    let before = l - 1;
    while (before >= 0 && doc.lines[before].trim() === '') before--;
    // A bare number right under the page's last text, with no gap, is the end of a number wrapped in its cell.
    const bare = before >= 0 && /^\d+$/.test(doc.lines[before].trim());
    if (!(bare && before > 0 && doc.lines[before - 1].trim() !== '')) check(before);
    check(l);
    let after = l + (text.replace(/\f/g, '').trim() === '' ? 1 : 0);
    while (after < doc.lines.length && doc.lines[after].trim() === '') after++;
    check(after);
  });
  return lines;
}

function wordsOf(doc: LineIndex, line: number): Word[] {
  const words: Word[] = [];
  const re = /[^\s\f]+/g;
  const text = doc.lines[line];
  for (let m = re.exec(text); m; m = re.exec(text)) words.push({ line, start: m.index, end: m.index + m[0].length, text: m[0] });
  return words;
}

function piece(doc: LineIndex, word: Word, from = word.start, to = word.end): Piece {
  const start = doc.starts[word.line];
  return { text: doc.lines[word.line].slice(from, to), origin: { source: { start: start + from, end: start + to }, exact: true } };
}

function readTable(doc: LineIndex, from: number, to: number, section: number, layout: boolean, pageOf: number[], furniture: Set<number>): RowDraft[] {
  const labels = section === 3 ? T3_LABELS : section === 2 ? T2_LABELS : [];
  const words = new Map<number, Word[]>();
  const valueLines: ValueLine[] = [];
  /** Without -layout, lines of numbers only continue the row above until a line with text. */
  let continues = false;
  for (let l = from; l < to; l++) {
    if (furniture.has(l)) continue;
    const ws = wordsOf(doc, l);
    words.set(l, ws);
    if (ws.length === 0) continue;
    let n = ws.length;
    while (n > 0 && NUMBER.test(ws[n - 1].text)) n--;
    if (n === ws.length) {
      continues = false;
      continue;
    }
    if (!layout && n === 0 && continues) valueLines[valueLines.length - 1].numbers.push(...ws);
    else valueLines.push({ line: l, page: pageOf[l], labels: ws.slice(0, n), numbers: ws.slice(n) });
    continues = true;
  }

  const used = new Set<Word>();
  const rowsOfNumbers = layout && labels.length > 0 ? joinWrappedNumbers(valueLines, used) : valueLines;
  const drafts: { value: ValueLine; label?: Label; labelWords: Word[] }[] = [];
  rowsOfNumbers.forEach((v, i, all) => {
    const lo = Math.max(i > 0 ? all[i - 1].line + 1 : from, v.line - MAX_LABEL_LINES);
    const hi = Math.min(i + 1 < all.length ? all[i + 1].line : to, v.line + MAX_LABEL_LINES + 1);
    const window: Word[] = [];
    for (let l = lo; l < hi; l++) {
      for (const w of l === v.line ? v.labels : (words.get(l) ?? [])) if (!used.has(w)) window.push(w);
    }
    // Without -layout a row's numbers follow its label: the label takes a word of their line or of the line above.
    // A label its numbers' own line spells alone wins (行政强制 0 0 0 over the blank row 行政事业性收费
    // under it); else the longest the lines around spell.
    const own = v.labels.filter((w) => !used.has(w));
    const found = (layout && own.length ? findLabel(own, labels) : undefined) ?? findLabel(window, labels, layout ? undefined : labelEnd(v, words));
    const labelWords = found?.words ?? v.labels.slice(-1);
    labelWords.forEach((w) => used.add(w));
    drafts.push({ value: v, label: found?.label, labelWords });
  });

  const blockOf = (label: Label | undefined) => label?.block ?? `section ${section}`;
  const columns = columnSpans(
    drafts.map((d) => ({ value: d.value, block: blockOf(d.label), k: countOf(d.label, section) })),
    layout,
  );
  const rows: RowDraft[] = [];
  const valueRows = new Map<number, RowDraft>();
  // In a labelled table, numbers with no label of their own are a cell's text wrapped away from its
  // row (a wide total on the line above or below) or a row's numbers broken over lines: the rows
  // beside them cannot be completed by columns or sums. A lone character beside them is not a label
  // of theirs but one of a group label set vertically (结 / 果).
  const isStray = (d: (typeof drafts)[number] | undefined) => !!d && labels.length > 0 && !d.label && d.value.labels.every((w) => [...w.text].length === 1);
  /** The rows nearest (in lines) to stray numbers: the one, or the two, they were wrapped away from. */
  const nearestRows = (j: number): number[] => {
    const distance = (i: number) => (drafts[i] && !isStray(drafts[i]) ? Math.abs(drafts[i].value.line - drafts[j].value.line) : Infinity);
    let before = j - 1;
    while (before >= 0 && isStray(drafts[before])) before--;
    let after = j + 1;
    while (after < drafts.length && isStray(drafts[after])) after++;
    const [b, a] = [distance(before), distance(after)];
    return b === a ? [before, after] : b < a ? [before] : [after];
  };
  drafts.forEach((d, i) => {
    const k = countOf(d.label, section);
    const ownGroup = d.value.labels.filter((w) => !used.has(w));
    [...ownGroup, ...d.value.numbers].forEach((w) => used.add(w));
    const cells: SourceCell[] = [];
    if (ownGroup.length) cells.push({ pieces: ownGroup.map((w) => piece(doc, w)), origin: {} });
    if (d.labelWords.length) cells.push({ pieces: d.labelWords.map((w) => piece(doc, w)), origin: {} });
    const besideStray = [i - 1, i + 1].some((j) => isStray(drafts[j]) && nearestRows(j).includes(i));
    const spans = besideStray ? undefined : columns.get(`${blockOf(d.label)}|${d.value.page}|${k}`);
    // Without -layout, numbers that went on over lines stay on their lines, each a row of numbers:
    // the recognizer joins them and trusts the row only where the table's sums hold.
    const later = layout ? [] : d.value.numbers.filter((w) => w.line !== d.value.line);
    const own = later.length ? { ...d.value, numbers: d.value.numbers.filter((w) => w.line === d.value.line) } : d.value;
    cells.push(...valueCells(doc, own, later.length ? undefined : k, section === 3 && !besideStray, spans));
    const row: RowDraft = { line: d.value.line, cells, stray: isStray(d) };
    rows.push(row);
    valueRows.set(row.line, row);
    for (const line of new Set(later.map((w) => w.line))) {
      rows.push({ line, cells: later.filter((w) => w.line === line).map((w) => numberCell(doc, w)) });
    }
  });
  // Words no row took stay where they stand, a row a line: the table's headings, a heading wrapped in
  // its column (结果 over 维持) as one cell. Among table 三's rows they are group labels (（六） / 其他处
  // / 理): they lead the next row, as a rowspan cell leads its first row.
  const rowLines = new Set(valueLines.map((v) => v.line));
  const firstRow = valueLines[0]?.line ?? to;
  const pending: SourceCell[] = [];
  const isRowLabel = (w: Word) => labels.some((x) => x.norm === normalizeLabel(w.text));
  for (let l = from; l < to; l++) {
    const cells: SourceCell[] = [];
    for (const w of words.get(l) ?? []) {
      if (used.has(w)) continue;
      if (isRowLabel(w)) {
        // A row label with no number beside it: a row of blank cells.
        used.add(w);
        rows.push({ line: l, cells: [{ pieces: [piece(doc, w)], origin: {} }] });
        continue;
      }
      const stack = layout ? stackBelow(w, words, used, rowLines, to, isRowLabel) : [w];
      stack.forEach((x) => used.add(x));
      cells.push({ pieces: stack.map((x) => piece(doc, x)), origin: {} });
    }
    const row = valueRows.get(l);
    if (row && !row.stray && pending.length) row.cells.unshift(...pending.splice(0));
    if (section === 3 && l > firstRow && valueLines.some((v) => v.line > l)) pending.push(...cells);
    else if (cells.length) rows.push({ line: l, cells });
  }
  rows.sort((a, b) => a.line - b.line);
  return rows;
}

/**
 * A number too wide for its cell wraps there: with -layout its digits stand on the lines just above
 * and below its row's line (`11` / row / `2` for 112), or it starts on the row's line and ends below.
 * A line of a few numbers (and maybe a character of a group label set down its cell: 三 / 、 / 本),
 * next to one row's line and to no other's on its page, whose every number stands over (or under)
 * a number of that row or of the line on the row's other side, is joined into the row: each
 * number's digits top to bottom, one cell. Anything less clear is left as it stands.
 */
function joinWrappedNumbers(valueLines: ValueLine[], used: Set<Word>): ValueLine[] {
  const byLine = new Map(valueLines.map((v) => [v.line, v]));
  const isWrap = (v: ValueLine | undefined) =>
    !!v && v.numbers.length <= 2 && v.labels.every((w) => [...w.text].length === 1) && v.numbers.every((w) => /^\d+$/.test(w.text));
  // A row's line: a label of its own beside its numbers, or three numbers or more.
  const isRow = (v: ValueLine | undefined) => !!v && (v.numbers.length >= 3 || v.labels.some((w) => [...w.text].length > 1));
  const eaten = new Set<ValueLine>();
  for (const row of valueLines) {
    if (!isRow(row)) continue;
    const near = (line: number): ValueLine | undefined => {
      const v = byLine.get(line);
      if (!isWrap(v) || eaten.has(v!) || v!.page !== row.page) return undefined;
      const beyond = byLine.get(line + (line < row.line ? -1 : 1));
      return isRow(beyond) && beyond!.page === v!.page ? undefined : v;
    };
    const above = near(row.line - 1);
    const below = near(row.line + 1);
    if (!above && !below) continue;
    const partnerOf = (w: Word, among: Word[]) => {
      const over = among.filter((x) => overlapsOrCentred(w, x));
      return over.length === 1 ? over[0] : undefined;
    };
    const joined = new Map<Word, Word[]>();
    const loose: Word[][] = [];
    let clear = true;
    for (const w of above?.numbers ?? []) {
      const mine = partnerOf(w, row.numbers);
      const under = partnerOf(w, below?.numbers ?? []);
      if (mine && !under) joined.set(mine, [w, mine]);
      else if (!mine && under) loose.push([w, under]);
      else clear = false;
    }
    for (const w of below?.numbers ?? []) {
      if (loose.some((pair) => pair[1] === w)) continue;
      const mine = partnerOf(w, row.numbers);
      if (mine && !joined.has(mine)) joined.set(mine, [mine, w]);
      else clear = false;
    }
    if (!clear) continue;
    const merged = (parts: Word[]): Word => ({
      line: row.line,
      start: Math.min(...parts.map((p) => p.start)),
      end: Math.max(...parts.map((p) => p.end)),
      text: parts.map((p) => p.text).join(''),
      parts,
    });
    row.numbers = [...row.numbers.map((w) => (joined.has(w) ? merged(joined.get(w)!) : w)), ...loose.map(merged)].sort((a, b) => a.start - b.start);
    for (const v of [above, below]) {
      if (!v) continue;
      eaten.add(v);
      v.numbers.forEach((w) => used.add(w));
    }
  }
  return valueLines.filter((v) => !eaten.has(v));
}

/** Digits of one number wrapped in its cell: over one another, or centred on one another. */
const overlapsOrCentred = (a: Word, b: Word) => overlaps(a, b) || Math.abs(a.start + a.end - b.start - b.end) <= 2;

/**
 * A word and the words wrapped under it in its column: on each following line (up to the next row
 * of numbers), the one word that overlaps it, when that word overlaps nothing else on the line above
 * and is not a row's label.
 */
function stackBelow(top: Word, words: Map<number, Word[]>, used: Set<Word>, rowLines: Set<number>, to: number, isRowLabel: (w: Word) => boolean): Word[] {
  const stack = [top];
  let last = top;
  for (let l = top.line + 1; l < to && !rowLines.has(l); l++) {
    const line = words.get(l) ?? [];
    if (line.length === 0) break;
    const under = line.filter((w) => overlaps(w, last));
    if (under.length === 0) continue;
    if (!sameColumn(under[0], last)) break;
    const below = under[0];
    const above = (words.get(last.line) ?? []).filter((w) => overlaps(w, below));
    if (under.length !== 1 || used.has(below) || above.length !== 1 || isRowLabel(below)) break;
    stack.push(below);
    last = below;
  }
  return stack;
}

const overlaps = (a: Word, b: Word) => a.start < b.end && b.start < a.end;
/** Lines of one wrapped heading start together or are centred on one another. */
const sameColumn = (a: Word, b: Word) => Math.abs(a.start - b.start) <= 1 || Math.abs(a.start + a.end - b.start - b.end) <= 2;

/** 表二's column headers, written whole. */
const T2_HEADERS = new Set(
  (['2019', '2021'] as const).flatMap((format) =>
    TABLE2[format].flatMap((block) => block.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])].map(normalizeLabel))),
  ),
);

/**
 * The word a row's label must take when numbers follow labels: its line's last word, or the last
 * word of the line above, past a column's header there (行政许可 / 本年处理决定数量 / 0).
 */
function labelEnd(value: ValueLine, words: Map<number, Word[]>): Word | null {
  if (value.labels.length) return value.labels[value.labels.length - 1];
  for (let l = value.line - 1; words.has(l); l--) {
    const ws = words.get(l)!;
    if (ws.length === 0 || T2_HEADERS.has(normalizeLabel(ws.map((w) => w.text).join('')))) continue;
    const last = ws[ws.length - 1];
    return NUMBER.test(last.text) ? null : last;
  }
  return null;
}

/** The number of value columns of a row: its table's, or table 四's for the unlabelled row there. */
function countOf(label: Label | undefined, section: number): number | undefined {
  if (label) return label.columns;
  return section === 4 ? T4_COLUMNS.length : undefined;
}

/**
 * Words of the window, in reading order, that spell one official row label. A group label's words
 * may stand among them (三、本年 / 度办理结 / 果 beside a wrapped row label), so any subsequence is
 * tried; the longest label found wins, and among spellings of it the one nearest the numbers.
 */
function findLabel(window: Word[], labels: Label[], taking?: Word | null): { label: Label; words: Word[] } | undefined {
  if (window.length === 0 || window.length > MAX_LABEL_WORDS || labels.length === 0 || taking === null) return undefined;
  const end = taking ? window.indexOf(taking) : -1;
  if (taking && end < 0) return undefined;
  const norms = window.map((w) => normalizeLabel(w.text));
  const isPrefix = (s: string) => labels.some((l) => l.norm.startsWith(s));
  let best: { label: Label; picked: number[] } | undefined;
  const picked: number[] = [];
  const walk = (i: number, text: string): void => {
    if (text) {
      const label = labels.find((l) => l.norm === text);
      const ends = end < 0 || picked.includes(end);
      if (label && ends && (!best || label.norm.length > best.label.norm.length)) best = { label, picked: [...picked] };
    }
    for (let j = i; j < window.length; j++) {
      const next = text + norms[j];
      if (!isPrefix(next)) continue;
      picked.push(j);
      walk(j + 1, next);
      picked.pop();
    }
  };
  walk(0, '');
  const found = best as { label: Label; picked: number[] } | undefined;
  return found && { label: found.label, words: found.picked.map((j) => window[j]) };
}

interface Span {
  from: number;
  to: number;
}

/**
 * Where each column stands on a page: the character spans of the numbers of the complete rows of
 * one table block. Kept only when at least two complete rows agree: spans in order, apart.
 */
function columnSpans(drafts: { value: ValueLine; block: string; k?: number }[], layout: boolean): Map<string, Span[]> {
  const result = new Map<string, Span[]>();
  if (!layout) return result;
  const groups = new Map<string, ValueLine[]>();
  for (const d of drafts) {
    if (!d.k || d.value.numbers.length !== d.k) continue;
    const key = `${d.block}|${d.value.page}|${d.k}`;
    groups.set(key, [...(groups.get(key) ?? []), d.value]);
  }
  for (const [key, complete] of groups) {
    if (complete.length < 2) continue;
    const k = complete[0].numbers.length;
    const spans: Span[] = [];
    for (let c = 0; c < k; c++) {
      spans.push({ from: Math.min(...complete.map((v) => v.numbers[c].start)), to: Math.max(...complete.map((v) => v.numbers[c].end)) });
    }
    if (!spans.every((s, c) => c === 0 || s.from > spans[c - 1].to)) continue;
    // pdftotext rounds positions to characters: a number may stand a character or two beside its
    // column, never past the middle of the gap to the next one.
    result.set(
      key,
      spans.map((s, c) => {
        const before = c > 0 ? Math.floor((s.from - spans[c - 1].to - 1) / 2) : MAX_DRIFT;
        const after = c + 1 < k ? Math.floor((spans[c + 1].from - s.to - 1) / 2) : MAX_DRIFT;
        return { from: s.from - Math.min(MAX_DRIFT, before), to: s.to + Math.min(MAX_DRIFT, after) };
      }),
    );
  }
  return result;
}

/**
 * The value cells of a row: its numbers when it has as many as its table has columns; fewer, placed
 * under the page's columns; digits run together split where table 三's row sum allows one reading.
 * Otherwise the numbers as they stand, for the recognizer to report the row as unreadable.
 */
function valueCells(doc: LineIndex, value: ValueLine, k: number | undefined, sums: boolean, spans: Span[] | undefined): SourceCell[] {
  const numbers = value.numbers;
  const asIs = () => numbers.map((w) => numberCell(doc, w));
  if (!k || numbers.length === k) return asIs();
  if (numbers.length > k) return asIs();
  const placed = spans && spans.length === k ? placeUnder(numbers, spans) : undefined;
  if (!placed) {
    const split = sums ? splitRunTogether(numbers, k) : undefined;
    return split ? split.map(({ word, from, to }) => ({ pieces: [piece(doc, word, from, to)], origin: {} })) : asIs();
  }
  const lineStart = doc.starts[value.line];
  const lineLength = doc.lines[value.line].length;
  return spans!.map((span, c) => {
    const at = placed.indexOf(c);
    if (at >= 0) return numberCell(doc, numbers[at]);
    const offset = lineStart + Math.min(span.from, lineLength);
    return { pieces: [], origin: { source: { start: offset, end: offset } } };
  });
}

function numberCell(doc: LineIndex, word: Word): SourceCell {
  return word.parts ? { pieces: word.parts.map((w) => piece(doc, w)), origin: {}, glued: true } : { pieces: [piece(doc, word)], origin: {} };
}

/** The column each number stands under: the one span it overlaps, in order; undefined when any is unclear. */
function placeUnder(numbers: Word[], spans: Span[]): number[] | undefined {
  const at: number[] = [];
  for (const n of numbers) {
    const under = spans.flatMap((s, c) => (n.start < s.to && n.end > s.from ? [c] : []));
    if (under.length !== 1 || (at.length > 0 && under[0] <= at[at.length - 1])) return undefined;
    at.push(under[0]);
  }
  return at;
}

/**
 * Numbers whose cells lost the space between them (`147 134009`): the one way to cut the words into
 * k numbers, none with a leading zero, whose last is the sum of the others. None or several: undefined.
 */
function splitRunTogether(numbers: Word[], k: number): { word: Word; from: number; to: number }[] | undefined {
  if (!numbers.every((w) => !w.parts && /^\d+$/.test(w.text))) return undefined;
  const readings: { word: Word; from: number; to: number }[][] = [];
  const parts: { word: Word; from: number; to: number }[] = [];
  const walk = (w: number, pos: number): void => {
    if (readings.length > 1) return;
    if (w === numbers.length) {
      if (parts.length !== k) return;
      const values = parts.map((p) => Number(p.word.text.slice(p.from - p.word.start, p.to - p.word.start)));
      if (values.slice(0, -1).reduce((a, b) => a + b, 0) === values[k - 1]) readings.push([...parts]);
      return;
    }
    const word = numbers[w];
    const text = word.text;
    for (let end = pos + 1; end <= text.length; end++) {
      if (end - pos > 1 && text[pos] === '0') break;
      if (parts.length >= k) break;
      parts.push({ word, from: word.start + pos, to: word.start + end });
      if (end === text.length) walk(w + 1, 0);
      else walk(w, end);
      parts.pop();
    }
  };
  walk(0, 0);
  return readings.length === 1 ? readings[0] : undefined;
}

// ---------------------------------------------------------------- cells run together (html-to-text)

/**
 * Text whose table cells lost every border (html-to-text): a row is its label with its numbers glued
 * on (`（一）予以公开00`), rows apart by a space, a blank cell a line of white space of its own. The
 * digits are cut into cells only where the table's own sums leave one reading.
 */
export const runTogetherReader: ShapeReader = { name: 'run-together', read: readRunTogether };

/** Official labels a converter glues numbers onto, longest first so that 行政规范性文件 wins over 规范性文件. */
const GLUED_LABELS: { text: string; columns: number; sums: Sums }[] = [
  ...T3_ROWS.flatMap((r) => [r.label, ...(r.aliases ?? [])].map((text) => ({ text, columns: T3_COLUMNS.length, sums: 'T3' as const }))),
  ...(['2019', '2021'] as const).flatMap((format) =>
    TABLE2[format].flatMap((block) => block.rows.map((r) => ({ text: r.label, columns: block.columns.length, sums: 'none' as const }))),
  ),
].sort((a, b) => b.text.length - a.text.length);
const GROUP_LABELS = TABLE3.groups.map((g) => g.label).sort((a, b) => b.length - a.length);
/** Fewer labels with digits glued on than this: not this shape. */
const MIN_GLUED_ROWS = 3;
/** The longest number a cell is read as when digits are cut apart. */
const MAX_DIGITS = 6;

type Sums = 'T3' | 'T4' | 'none';

type Item =
  | { kind: 'label'; start: number; end: number; columns: number; sums: Sums }
  | { kind: 'group' | 'text' | 'digits'; start: number; end: number }
  | { kind: 'blank'; at: number };

function readRunTogether(doc: LineIndex): Block[] | undefined {
  const text = doc.text;
  let glued = 0;
  for (const label of T3_ROWS.map((r) => r.label)) {
    for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
      // Digits glued on, or a blank cell written as a no-break space (html-to-text's &nbsp;).
      if (/[\d\u00a0]/.test(text[at + label.length] ?? '')) glued++;
    }
  }
  if (glued < MIN_GLUED_ROWS) return undefined;
  const sections = findSections(doc);
  const blocks: Block[] = [];
  let line = 0;
  for (const s of sections.filter((x) => x.heading.section >= 2 && x.heading.section <= 4)) {
    for (; line < s.bodyStart; line++) blocks.push(...[paragraphOf(doc, line)].filter((b): b is Block => b !== undefined));
    const rows = gluedRows(doc, items(doc, doc.starts[s.bodyStart], s.bodyEnd < doc.lines.length ? doc.starts[s.bodyEnd] : text.length), s.heading.section);
    if (rows.length) blocks.push({ kind: 'table', rows });
    line = s.bodyEnd;
  }
  for (; line < doc.lines.length; line++) blocks.push(...[paragraphOf(doc, line)].filter((b): b is Block => b !== undefined));
  return blocks;
}

/** The region [from, to) as labels, group labels, runs of digits, blank-cell lines and other text. */
function items(doc: LineIndex, from: number, to: number): Item[] {
  const text = doc.text;
  const out: Item[] = [];
  let p = from;
  while (p < to) {
    const c = text[p];
    if (c === '\n' || c === '\r') {
      // A line of white space only (not an empty one) is a blank cell.
      let e = p + 1;
      while (e < to && (text[e] === ' ' || text[e] === '\u00a0' || text[e] === '\u3000' || text[e] === '\t')) e++;
      const blankLine = e > p + 1 && (e === to || text[e] === '\n' || text[e] === '\r');
      if (blankLine) out.push({ kind: 'blank', at: p + 1 });
      p = blankLine ? e : p + 1;
      continue;
    }
    // Inside a line, a no-break space is a blank cell of its own (html-to-text writes &nbsp; so).
    if (c === '\u00a0') {
      out.push({ kind: 'blank', at: p });
      p++;
      continue;
    }
    if (/\s/.test(c)) {
      p++;
      continue;
    }
    const label = GLUED_LABELS.map((l) => ({ l, end: wrappedAt(text, p, to, l.text) })).find((m) => m.end > 0);
    if (label) {
      out.push({ kind: 'label', start: p, end: label.end, columns: label.l.columns, sums: label.l.sums });
      p = label.end;
      continue;
    }
    const group = GROUP_LABELS.map((g) => wrappedAt(text, p, to, g)).find((end) => end > 0);
    if (group) {
      out.push({ kind: 'group', start: p, end: group });
      p = group;
      continue;
    }
    let e = p + 1;
    if (/\d/.test(c)) {
      while (e < to && /\d/.test(text[e])) e++;
      out.push({ kind: 'digits', start: p, end: e });
    } else {
      while (
        e < to &&
        !/\s/.test(text[e]) &&
        !GLUED_LABELS.some((l) => wrappedAt(text, e, to, l.text) > 0) &&
        !GROUP_LABELS.some((g) => wrappedAt(text, e, to, g) > 0)
      )
        e++;
      out.push({ kind: 'text', start: p, end: e });
    }
    p = e;
  }
  return out;
}

/** Where `label` ends when the text at `p` spells it, line breaks inside it allowed (a label wrapped in its cell); else -1. */
function wrappedAt(text: string, p: number, to: number, label: string): number {
  let i = p;
  for (let k = 0; k < label.length; k++) {
    while (k > 0 && i < to && (text[i] === '\n' || text[i] === '\r')) i++;
    if (text[i] !== label[k]) return -1;
    i++;
  }
  return i;
}

function gluedRows(doc: LineIndex, list: Item[], section: number): SourceCell[][] {
  const rows: SourceCell[][] = [];
  const cellOf = (item: { start: number; end: number }): SourceCell => ({
    pieces: [{ text: doc.text.slice(item.start, item.end), origin: { source: { start: item.start, end: item.end }, exact: true } }],
    origin: {},
  });
  /** Group labels waiting for the row they lead. */
  const lead: SourceCell[] = [];
  const t3: Parameters<typeof resolveByColumns>[1] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (item.kind === 'blank') continue;
    if (item.kind === 'group') {
      lead.push(cellOf(item));
      continue;
    }
    // A row: a label and the digits and blank lines after it; in table 四, its unlabelled digits.
    const opensRow = item.kind === 'label' || (item.kind === 'digits' && section === 4);
    if (!opensRow) {
      rows.push([...lead.splice(0), cellOf(item)]);
      continue;
    }
    let j = item.kind === 'label' ? i + 1 : i;
    const values: Item[] = [];
    while (j < list.length && (list[j].kind === 'digits' || list[j].kind === 'blank')) values.push(list[j++]);
    if (item.kind === 'label' && values.length === 0 && list[j]?.kind === 'label') {
      // A row label with nothing of its own before another label is a group (2021's （六）其他处理).
      lead.push(cellOf(item));
      continue;
    }
    const { cells, readings } = item.kind === 'label' ? cutCells(doc, values, item.columns, item.sums) : cutCells(doc, values, T4_COLUMNS.length, 'T4');
    const row = [...lead.splice(0), ...(item.kind === 'label' ? [cellOf(item)] : []), ...cells];
    rows.push(row);
    const key = item.kind === 'label' && item.sums === 'T3' ? T3_KEY_OF.get(doc.text.slice(item.start, item.end).replace(/[\r\n]/g, '')) : undefined;
    if (key) t3.push({ key, row, from: row.length - cells.length, cells, readings });
    i = j - 1;
  }
  if (lead.length) rows.push(lead);
  resolveByColumns(doc, t3);
  return rows;
}

type Cut = { start: number; end: number };

/**
 * The value cells of a row from its runs of digits and blank lines: the one reading the row's sums
 * allow; else as written, with the readings the sums allow (up to MAX_READINGS) for the table's
 * column sums to choose from.
 */
function cutCells(doc: LineIndex, values: Item[], k: number, sums: Sums): { cells: SourceCell[]; readings: Cut[][] } {
  const readings = readingsOf(doc.text, values, k, sums);
  if (readings?.length === 1) return { cells: readings[0].map((c) => cutCell(doc, c)), readings: [] };
  const asWritten = values.map((v) => cutCell(doc, 'at' in v ? { start: v.at, end: v.at } : v));
  return { cells: asWritten, readings: readings ?? [] };
}

/**
 * Every way to cut `values` into k cells (a blank line one cell, a run of digits one or more numbers
 * of up to MAX_DIGITS digits, none with a leading zero) under which the row's sums hold, in the
 * order of their cuts; undefined when there are more than MAX_READINGS. Table 三's total is the
 * last cell, so it is chosen first and bounds the others; table 四 checks each group as it closes;
 * and no branch is followed that leaves too few or too many digits for the cells still to cut.
 */
function readingsOf(text: string, values: Item[], k: number, sums: Sums): Cut[][] | undefined {
  if (!values.every((v) => v.kind === 'digits' || v.kind === 'blank')) return [];
  const readings: Cut[][] = [];
  const last = values[values.length - 1];
  if (sums === 'T3' && last) {
    const before = values.slice(0, -1);
    if (last.kind === 'blank') cutInto(text, before, k - 1, { kind: 'bounded', total: 0, tail: { start: last.at, end: last.at } }, readings);
    else if (last.kind === 'digits') {
      for (let from = last.end - 1; from >= last.start && last.end - from <= MAX_DIGITS; from--) {
        if (last.end - from > 1 && text[from] === '0') continue;
        const rest: Item[] = from > last.start ? [...before, { kind: 'digits', start: last.start, end: from }] : before;
        cutInto(text, rest, k - 1, { kind: 'bounded', total: Number(text.slice(from, last.end)), tail: { start: from, end: last.end } }, readings);
        if (readings.length > MAX_READINGS) return undefined;
      }
    }
  } else cutInto(text, values, k, { kind: sums === 'T4' ? 'groups' : 'none' }, readings);
  if (readings.length > MAX_READINGS) return undefined;
  // The order a plain walk, shortest cell first, finds them in.
  const order = (a: Cut[], b: Cut[]) => {
    for (let i = 0; i < a.length; i++) if (a[i].end !== b[i].end) return a[i].end - b[i].end;
    return 0;
  };
  return readings.sort(order);
}

/** What the cells of a reading must satisfy: sum to a known total (then followed by it), close groups of 4 + total, or nothing. */
type Check = { kind: 'bounded'; total: number; tail: Cut } | { kind: 'groups' } | { kind: 'none' };

/** Adds to `readings` the cuts of `values` into k cells that pass `check`, stopping past MAX_READINGS. */
function cutInto(text: string, values: Item[], k: number, check: Check, readings: Cut[][]): void {
  // The fewest and the most cells the values from each item on can make.
  const fewest = new Array<number>(values.length + 1).fill(0);
  const most = new Array<number>(values.length + 1).fill(0);
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    const digits = v.kind === 'digits' ? v.end - v.start : 0;
    fewest[i] = fewest[i + 1] + (v.kind === 'blank' ? 1 : Math.ceil(digits / MAX_DIGITS));
    most[i] = most[i + 1] + (v.kind === 'blank' ? 1 : digits);
  }
  const parts: Cut[] = [];
  const numbers: number[] = [];
  const total = check.kind === 'bounded' ? check.total : Infinity;
  /** A group of table 四 just closed whose total is not the sum of its four results. */
  const groupFails = () => {
    const n = parts.length;
    if (check.kind !== 'groups' || n % 5 !== 0 || n > 15) return false;
    return numbers[n - 5] + numbers[n - 4] + numbers[n - 3] + numbers[n - 2] !== numbers[n - 1];
  };
  const walk = (i: number, pos: number, sum: number): void => {
    if (readings.length > MAX_READINGS) return;
    const need = k - parts.length;
    if (i === values.length) {
      if (need === 0 && (check.kind !== 'bounded' || sum === total)) readings.push(check.kind === 'bounded' ? [...parts, check.tail] : [...parts]);
      return;
    }
    const item = values[i];
    if (item.kind === 'blank') {
      if (need < fewest[i] || need > most[i]) return;
      parts.push({ start: item.at, end: item.at });
      numbers.push(0);
      if (!groupFails()) walk(i + 1, 0, sum);
      parts.pop();
      numbers.pop();
      return;
    }
    if (item.kind !== 'digits') return;
    const start = pos || item.start;
    const left = item.end - start;
    if (need < fewest[i + 1] + Math.ceil(left / MAX_DIGITS) || need > most[i + 1] + left) return;
    let value = 0;
    for (let end = start + 1; end <= item.end && end - start <= MAX_DIGITS; end++) {
      if (end - start > 1 && text[start] === '0') break;
      value = value * 10 + (text.charCodeAt(end - 1) - 48);
      // A longer number is larger still.
      if (sum + value > total) break;
      parts.push({ start, end });
      numbers.push(value);
      if (!groupFails()) {
        if (end === item.end) walk(i + 1, 0, sum + value);
        else walk(i, end, sum + value);
      }
      parts.pop();
      numbers.pop();
    }
  };
  walk(0, 0, 0);
}

function cutCell(doc: LineIndex, c: Cut): SourceCell {
  return c.start === c.end
    ? { pieces: [], origin: { source: c } }
    : { pieces: [{ text: doc.text.slice(c.start, c.end), origin: { source: c, exact: true } }], origin: {} };
}

/** Table 三's result rows, whose sum per column is （七）总计. */
const T3_RESULT_KEYS = new Set(T3_ROWS.map((r) => r.key).filter((key) => key.startsWith('R3_') && key !== 'R3_7'));
const T3_KEY_OF = new Map(T3_ROWS.flatMap((r) => [r.label, ...(r.aliases ?? [])].map((label) => [label, r.key] as const)));
/** The most readings of one row, and of the rows together, that the column sums are tried on. */
const MAX_READINGS = 16;
const MAX_COMBINATIONS = 4096;

/**
 * Rows of table 三 whose digits the row's own sum leaves in several readings: the one combination
 * of readings under which every column adds up (results to （七）总计, 一 and 二 to （七） and 四),
 * if exactly one does; otherwise the rows stay as written (and unread).
 */
function resolveByColumns(doc: LineIndex, t3: { key: string; row: SourceCell[]; from: number; cells: SourceCell[]; readings: Cut[][] }[]): void {
  const open = t3.filter((r) => r.readings.length > 0);
  if (!open.length || open.reduce((n, r) => n * r.readings.length, 1) > MAX_COMBINATIONS) return;
  const keys = new Set(t3.map((r) => r.key));
  if (!keys.has('R3_7') || !keys.has('R1') || !keys.has('R2') || !keys.has('R4')) return;
  const valueOf = (c: Cut) => (c.start === c.end ? 0 : Number(doc.text.slice(c.start, c.end)));
  const known = new Map<string, number[]>();
  for (const r of t3) {
    if (r.readings.length) continue;
    // A row read as written without a full reading (short of cells) leaves the columns unknown.
    if (r.cells.length !== T3_COLUMNS.length) return;
    known.set(
      r.key,
      r.cells.map((c) => (c.pieces.length ? Number(cellTextOf(c)) : 0)),
    );
  }
  const fits: Cut[][][] = [];
  const chosen: Cut[][] = [];
  const check = (): boolean => {
    const value = new Map(known);
    open.forEach((r, i) => value.set(r.key, chosen[i].map(valueOf)));
    for (let c = 0; c < T3_COLUMNS.length; c++) {
      let results = 0;
      for (const [key, v] of value) if (T3_RESULT_KEYS.has(key)) results += v[c];
      const total = value.get('R3_7')![c];
      if (results !== total || value.get('R1')![c] + value.get('R2')![c] !== total + value.get('R4')![c]) return false;
    }
    return true;
  };
  const walk = (i: number): void => {
    if (fits.length > 1) return;
    if (i === open.length) {
      if (check()) fits.push([...chosen]);
      return;
    }
    for (const reading of open[i].readings) {
      chosen.push(reading);
      walk(i + 1);
      chosen.pop();
    }
  };
  walk(0);
  if (fits.length !== 1) return;
  open.forEach((r, i) => r.row.splice(r.from, r.cells.length, ...fits[0][i].map((c) => cutCell(doc, c))));
}

const cellTextOf = (c: SourceCell) => c.pieces.map((p) => p.text).join('');
