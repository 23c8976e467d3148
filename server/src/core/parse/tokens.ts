import type { Range } from '../model';
import { charTable, displayWidth, isAsciiDigits, isBlank, isSpaceChar, LineIndex, normalizeLabel } from '../text';

/**
 * Turns the lines of a table region into a stream of cells and row breaks, whatever the encoding:
 * pipe rows (A, Markdown), one pipe cell per line (B, D), tab-prefixed cells (C, TSV),
 * and space-aligned columns (PDF text). Row breaks are hints; rows are found by their labels.
 */

export interface CellToken {
  kind: 'cell';
  /** Text with surrounding white space removed (may span two lines when a cell wraps). */
  text: string;
  norm: string;
  /** Range of `text`; for a blank cell, the whole space between its separators. */
  range: Range;
  blank: boolean;
  line: number;
  /** In space-aligned text: the display columns the cell spans (CJK and full-width count 2). */
  columns?: { from: number; to: number };
}

export interface BreakToken {
  kind: 'break';
  line: number;
}

export type Token = CellToken | BreakToken;

/** Conversion debris that occupies columns but is not content; blanked out in place. */
const ARTIFACTS = /\[bookmark: [^\]]*\]|\f/g;
/** A separator line of D2; NBSP or U+3000 before a pipe would make it a blank cell instead. */
const LONE_PIPE = /^[ \t]*\|[ \t]*$/;
const ONLY_PIPES = /^[ \t|]*$/;
const MAY_BE_FOOTER = /[-－—–第]/;
const PAGE_FOOTER = /^\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)\s*$/;
/** `|---|:--:|` (checked together with a `---`; one character class keeps it linear). */
const MARKDOWN_RULE = /^[\s|:-]*$/;
/** A word that can stand for a number cell in space-aligned text. */
const VALUE_WORD = /^(?:[+-]?\d[\d,，]*(?:\.\d+)?|[/—–－-]{1,2}|无)$/;

/** A line that belongs to a table: a pipe row or a tab-prefixed cell. */
export function isTableLine(line: string): boolean {
  return line.includes('|') || line.startsWith('\t');
}

export function cleanLine(line: string): string {
  if (!line.includes('[') && !line.includes('\f')) return line;
  return line.replace(ARTIFACTS, (m) => ' '.repeat(m.length));
}

/** How a region writes its table, read from its lines before any is tokenized. */
export interface RegionStyle {
  /** Pipe-separated: lines of white space only pad cells apart and mean nothing. */
  pipes: boolean;
  /** Rows open with a pipe (`| a | b |`): a blank before the first pipe is not a cell. */
  leadingPipes: boolean;
  /** Cells on their own lines with a lone `|` after each (D2): a blank line before a `|` is a blank cell. */
  lonePipes: boolean;
  /** Tab-separated rows (TSV): a leading tab is a blank first cell, not the one-cell-per-line prefix. */
  tabRows: boolean;
  /** A Markdown table (it has a `|---|` rule): `||` is an empty cell, not merged-cell padding. */
  markdown: boolean;
  /** Most rows end with their last cell, no pipe after it: a row's trailing `| ` holds an empty last cell. */
  openEnds: boolean;
}

export function regionStyle(doc: LineIndex, from: number, to: number): RegionStyle {
  let content = 0;
  let pipeLines = 0;
  let rowLines = 0;
  let openedRows = 0;
  let openEndedRows = 0;
  let lone = 0;
  let cellWithPipe = 0;
  let tabRows = 0;
  let tabLines = 0;
  let rules = 0;
  for (let i = from; i < to; i++) {
    const line = doc.lines[i];
    if (isBlank(line)) continue;
    content++;
    const trimmed = line.trim();
    const pipes = countOf(line, '|');
    if (pipes > 0) pipeLines++;
    if (LONE_PIPE.test(line)) lone++;
    else if (pipes === 1 && trimmed.endsWith('|')) cellWithPipe++;
    if (pipes >= 2 && !/^[|\s]*$/.test(line)) {
      rowLines++;
      if (trimmed.startsWith('|')) openedRows++;
      if (!trimmed.endsWith('|')) openEndedRows++;
    }
    if (line.includes('---') && MARKDOWN_RULE.test(line)) rules++;
    const tabs = countOf(line, '\t');
    if (tabs > 0) tabLines++;
    if (tabs >= 2) tabRows++;
  }
  return {
    pipes: pipeLines > 0 && pipeLines * 10 >= content * 3,
    leadingPipes: openedRows * 2 > rowLines,
    lonePipes: lone > cellWithPipe && lone * 10 >= content * 3,
    tabRows: tabRows * 2 > tabLines && tabRows > 0,
    markdown: rules > 0,
    openEnds: openEndedRows * 2 > rowLines,
  };
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

export function tokenizeRegion(doc: LineIndex, from: number, to: number, style = regionStyle(doc, from, to)): Token[] {
  const tokens: Token[] = [];
  let previousWasTabCell = false;

  for (let i = from; i < to; i++) {
    const line = cleanLine(doc.lines[i]);
    if ((line.length < 40 && MAY_BE_FOOTER.test(line) && PAGE_FOOTER.test(line)) || (line.includes('---') && MARKDOWN_RULE.test(line))) continue;
    const startsWithTab = line.startsWith('\t');
    if (!startsWithTab && isBlank(line)) {
      if (style.lonePipes && i + 1 < to && LONE_PIPE.test(doc.lines[i + 1])) {
        tokens.push(cellToken(doc, i, line, 0, line.length));
      } else if (!style.pipes) {
        pushBreak(tokens, i);
      }
      previousWasTabCell = false;
      continue;
    }
    if (line.includes('|')) {
      tokenizePipeLine(doc, line, i, tokens, style);
      previousWasTabCell = false;
    } else if (line.includes('\t')) {
      tokenizeTabLine(doc, line, i, tokens, style.tabRows);
      previousWasTabCell = startsWithTab && !style.tabRows;
    } else if (previousWasTabCell && continuesCell(tokens, line)) {
      appendToLastCell(doc, tokens, line, i);
    } else {
      tokenizeAlignedLine(doc, line, i, tokens);
      previousWasTabCell = false;
    }
  }
  return tokens;
}

function pushBreak(tokens: Token[], line: number): void {
  const last = tokens[tokens.length - 1];
  if (last && last.kind !== 'break') tokens.push({ kind: 'break', line });
}

function cellToken(doc: LineIndex, line: number, text: string, start: number, end: number): CellToken {
  let s = start;
  let e = end;
  while (s < e && isSpaceChar(text.charCodeAt(s))) s++;
  while (e > s && isSpaceChar(text.charCodeAt(e - 1))) e--;
  if (s === e) {
    return { kind: 'cell', text: '', norm: '', range: doc.range(line, start, end), blank: true, line };
  }
  const content = text.slice(s, e);
  return { kind: 'cell', text: content, norm: normalizeLabel(content), range: doc.range(line, s, e), blank: false, line };
}

/**
 * `a | b | c |`: empty segments between adjacent pipes are merged-cell padding, segments of
 * white space are blank cells. A line with one cell (`text |`) is one cell of a cell-per-line table.
 */
function tokenizePipeLine(doc: LineIndex, line: string, lineNo: number, tokens: Token[], style: RegionStyle): void {
  // Segment k runs from bounds[k] + 1 to bounds[k + 1].
  const bounds = [-1];
  for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) bounds.push(i);
  bounds.push(line.length);
  const pipes = bounds.length - 2;
  if (pipes >= 2 && ONLY_PIPES.test(line)) {
    // `||`, `|||`: the end of a row, or merged-cell padding, in cell-per-line tables.
    pushBreak(tokens, lineNo);
    return;
  }
  let lo = 0;
  let hi = bounds.length - 1;
  // White space after the last pipe ends the row, unless the table's rows end without a pipe: then
  // that pipe stands before an empty last cell (`a | 1 | ` among `a | 1 | 2`).
  const emptyLastCell = style.openEnds && pipes >= 2 && line[bounds[hi - 1] + 1] !== undefined && !style.markdown;
  if (hi > 1 && isBlank(line, bounds[hi - 1] + 1, line.length) && !emptyLastCell) hi--;
  // A pipe at the very start opens a row (`| a |`, `| `); white space before the first pipe is a
  // blank first cell (` | 0 |`, or an indented blank before a lone pipe), unless rows open with pipes.
  const opensRow = bounds[1] === 0 || (style.leadingPipes && hi > 1);
  if (isBlank(line, 0, bounds[1]) && opensRow) lo++;
  const before = tokens.length;
  for (let k = lo; k < hi; k++) {
    const from = bounds[k] + 1;
    const to = bounds[k + 1];
    // Between adjacent pipes: merged-cell padding in pipe rows, an empty cell in Markdown tables.
    if (to > from || style.markdown) tokens.push(cellToken(doc, lineNo, line, from, to));
  }
  const cells = tokens.length - before;
  if (cells === 0) {
    // `||`, `|||`: the end of a row in cell-per-line tables; a lone `|` separates cells.
    if (pipes >= 2) pushBreak(tokens, lineNo);
    return;
  }
  if (cells >= 2) pushBreak(tokens, lineNo);
}

/** `\tcell` (one cell per line) or `a\tb\tc` (a tab-separated row, where a leading tab is a blank cell). */
function tokenizeTabLine(doc: LineIndex, line: string, lineNo: number, tokens: Token[], tabRows: boolean): void {
  const parts: { start: number; end: number }[] = [];
  let start = line.startsWith('\t') && !tabRows ? 1 : 0;
  for (let i = start; i <= line.length; i++) {
    if (i === line.length || line[i] === '\t') {
      parts.push({ start, end: i });
      start = i + 1;
    }
  }
  const cells = parts.map((p) => cellToken(doc, lineNo, line, p.start, p.end));
  for (const c of cells) tokens.push(c);
  if (cells.length >= 2) pushBreak(tokens, lineNo);
}

/** A wrapped cell text (`\t本年新` then `制作数量`) continues on a line without a tab. */
function continuesCell(tokens: Token[], line: string): boolean {
  const last = tokens[tokens.length - 1];
  return !!last && last.kind === 'cell' && !last.blank && !VALUE_WORD.test(last.norm) && !VALUE_WORD.test(normalizeLabel(line));
}

function appendToLastCell(doc: LineIndex, tokens: Token[], line: string, lineNo: number): void {
  const last = tokens[tokens.length - 1] as CellToken;
  const piece = cellToken(doc, lineNo, line, 0, line.length);
  last.text += piece.text;
  last.norm = normalizeLabel(last.text);
  last.range = { start: last.range.start, end: piece.range.end };
}

/**
 * Space-aligned text (PDF exports, web copies): runs of two or more spaces separate cells,
 * and trailing numbers separated by single spaces are cells of their own.
 */
function tokenizeAlignedLine(doc: LineIndex, line: string, lineNo: number, tokens: Token[]): void {
  const cells: CellToken[] = [];
  const re = /(?:[ \t\u00a0\u3000]{2,})/g;
  let start = 0;
  const piece = (end: number) => {
    if (isBlank(line, start, end)) return;
    for (const w of splitTrailingValues(line, start, end)) cells.push(cellToken(doc, lineNo, line, w.start, w.end));
  };
  for (let m = re.exec(line); m; m = re.exec(line)) {
    piece(m.index);
    start = m.index + m[0].length;
  }
  piece(line.length);
  // Display columns, counted once along the line.
  let at = 0;
  let width = 0;
  for (const c of cells) {
    width += displayWidth(line, at, c.range.start.character);
    const to = width + displayWidth(line, c.range.start.character, c.range.end.character);
    c.columns = { from: width, to };
    at = c.range.end.character;
    width = to;
    tokens.push(c);
  }
  if (cells.length >= 2) pushBreak(tokens, lineNo);
}

function isInlineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

function isValueWord(line: string, start: number, end: number): boolean {
  const word = line.slice(start, end);
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return VALUE_WORD.test(word.normalize('NFKC'));
  return VALUE_WORD.test(word);
}

function splitTrailingValues(line: string, start: number, end: number): { start: number; end: number }[] {
  const words: { start: number; end: number }[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isInlineSpace(line.charCodeAt(i))) i++;
    const s = i;
    while (i < end && !isInlineSpace(line.charCodeAt(i))) i++;
    if (i > s) words.push({ start: s, end: i });
  }
  // One word: a cell as it stands, whether it reads as a value or not.
  if (words.length <= 1) return [{ start, end }];
  let k = words.length;
  while (k > 0 && isValueWord(line, words[k - 1].start, words[k - 1].end)) k--;
  if (k === words.length) return [{ start, end }];
  const head = k > 0 ? [{ start: words[0].start, end: words[k - 1].end }] : [];
  return [...head, ...words.slice(k)];
}

/** A cell that holds, or stands in for, a number: digits, a placeholder, or nothing. */
export function isValueToken(t: CellToken): boolean {
  if (t.blank || isAsciiDigits(t.norm)) return true;
  // Labels, the most common cells, start with none of the characters a value can start with.
  if (!VALUE_FIRST_CHARS[t.norm.charCodeAt(0)]) return false;
  return VALUE_CELL.test(t.norm) || PLACEHOLDER_CELL.test(t.norm);
}

const VALUE_FIRST_CHARS = charTable('+-,0123456789/\\—–－无Nn不');

/** A number (a digit at least: a lone 、 of a group label set down its cell folds to `,`, and is none). */
const VALUE_CELL = /^[+-]?,*\d[\d,]*(\.\d+)?(万元|元|件|个|项|条|次|起)?$/;
const PLACEHOLDER_CELL = /^(\/|\\|-{1,2}|—{1,2}|–|－|无|N\/?A|不适用)$/i;
