import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { Block, buildView, Origin, Piece, ReadDocument, SourceCell } from './document';

/**
 * HTML → the readers' intermediate. The page is parsed by parse5 with source locations; the report
 * is found among the site chrome (navigation, breadcrumbs, footers); tables become cell grids with
 * their spans; every piece of text keeps its offsets in the HTML source, so findings and fixes land
 * on the source itself.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'select', 'button', 'input', 'textarea']);
/** Elements that end the line before and after them. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'caption',
  'html',
]);

/** A report's own headings and title: what tells the article from the chrome around it. */
export const SIGNAL =
  /^[\s\u3000]*(?:[一二三四五六]|[1-6１-６])[\s\u3000]*[、.．,，][\s\u3000]*(?:总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)/;
export const TITLE = /政府信息公开(?:工作)?年度?报告/;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isText(node: Node): node is TextNode {
  return node.nodeName === '#text';
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function hidden(el: Element): boolean {
  for (const a of el.attrs) if (a.name === 'hidden' || (a.name === 'style' && HIDDEN_STYLE.test(a.value))) return true;
  return false;
}

function children(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}

/**
 * Splits a text node into pieces that map exactly onto the source: runs of literal characters map
 * one to one, each character reference (`&nbsp;`, `&#x4e00;`) is a piece of its own.
 */
function textPieces(node: TextNode, source: string): Piece[] {
  const loc = node.sourceCodeLocation;
  if (!loc) return [{ text: node.value, origin: {} }];
  const raw = source.slice(loc.startOffset, loc.endOffset);
  const value = node.value;
  if (raw === value) return [{ text: value, origin: { source: { start: loc.startOffset, end: loc.endOffset }, exact: true } }];
  const pieces: Piece[] = [];
  let r = 0;
  let v = 0;
  let runStart = 0;
  let runValueStart = 0;
  const flush = () => {
    if (r > runStart) {
      pieces.push({ text: value.slice(runValueStart, v), origin: { source: { start: loc.startOffset + runStart, end: loc.startOffset + r }, exact: true } });
    }
  };
  const reference = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/y;
  while (r < raw.length && v < value.length) {
    if (raw[r] === '&') {
      reference.lastIndex = r;
      const m = reference.exec(raw);
      if (m) {
        flush();
        // A character reference stands for one character (two for an astral one).
        const width = value.codePointAt(v)! > 0xffff ? 2 : 1;
        pieces.push({
          text: value.slice(v, v + width),
          origin: { source: { start: loc.startOffset + r, end: loc.startOffset + r + m[0].length }, exact: false },
        });
        r += m[0].length;
        v += width;
        runStart = r;
        runValueStart = v;
        continue;
      }
    }
    if (raw[r] !== value[v]) {
      // Newline normalization (\r\n → \n) or something unforeseen: the node maps as a whole.
      return [{ text: value, origin: { source: { start: loc.startOffset, end: loc.endOffset }, exact: false } }];
    }
    r++;
    v++;
  }
  if (r !== raw.length || v !== value.length) {
    return [{ text: value, origin: { source: { start: loc.startOffset, end: loc.endOffset }, exact: false } }];
  }
  flush();
  return pieces;
}

/** Collapses HTML white space: pieces split at white space, runs written as one space. */
function collapse(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let pendingSpace: Origin | undefined;
  let any = false;
  for (const piece of pieces) {
    const re = /[ \t\n\r\f]+/g;
    let last = 0;
    const emit = (from: number, to: number) => {
      if (to <= from) return;
      if (pendingSpace && any) out.push({ text: ' ', origin: pendingSpace });
      pendingSpace = undefined;
      out.push({ text: piece.text.slice(from, to), origin: sub(piece.origin, from, to, piece.text.length) });
      any = true;
    };
    for (let m = re.exec(piece.text); m; m = re.exec(piece.text)) {
      emit(last, m.index);
      pendingSpace ??= sub(piece.origin, m.index, m.index + m[0].length, piece.text.length);
      last = m.index + m[0].length;
    }
    emit(last, piece.text.length);
  }
  return out;
}

function sub(origin: Origin, from: number, to: number, length: number): Origin {
  if (!origin.source) return origin;
  if (!origin.exact) return from === 0 && to === length ? origin : { ...origin };
  return { ...origin, source: { start: origin.source.start + from, end: origin.source.start + to } };
}

interface Walk {
  source: string;
  blocks: Block[];
  line: Piece[];
}

function endLine(w: Walk): void {
  const pieces = collapse(w.line);
  w.line = [];
  if (pieces.some((p) => p.text.trim() !== '')) w.blocks.push({ kind: 'paragraph', pieces });
}

function walk(node: Node, w: Walk): void {
  if (isText(node)) {
    w.line.push(...textPieces(node, w.source));
    return;
  }
  if (!isElement(node)) {
    for (const child of children(node)) walk(child, w);
    return;
  }
  const tag = node.tagName;
  if (SKIPPED.has(tag) || hidden(node)) return;
  if (tag === 'br') {
    endLine(w);
    return;
  }
  if (tag === 'table' && isDataTable(node)) {
    endLine(w);
    w.blocks.push({ kind: 'table', rows: readTable(node, w.source) });
    return;
  }
  const block = BLOCKS.has(tag) || tag === 'table' || tag === 'tr' || tag === 'td' || tag === 'th';
  if (block) endLine(w);
  for (const child of children(node)) walk(child, w);
  if (block) endLine(w);
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const r of child.childNodes) if (isElement(r) && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
}

function contains(node: Node, tags: Set<string>): boolean {
  for (const child of children(node)) {
    if (isElement(child) && (tags.has(child.tagName) || contains(child, tags))) return true;
  }
  return false;
}

const LAYOUT_INSIDE = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A table of data, not one that lays out the page: more than one column, no tables or headings inside. */
function isDataTable(table: Element): boolean {
  const rows = rowsOf(table);
  if (!rows.some((r) => cellsOf(r).length > 1)) return false;
  return !rows.some((r) => cellsOf(r).some((c) => contains(c, LAYOUT_INSIDE)));
}

function span(el: Element, name: string): number {
  const n = Number.parseInt(attr(el, name) ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

function readTable(table: Element, source: string): SourceCell[][] {
  return rowsOf(table).map((row) => cellsOf(row).map((td) => readCell(td, source)));
}

function readCell(td: Element, source: string): SourceCell {
  const w: Walk = { source, blocks: [], line: [] };
  for (const child of td.childNodes) walk(child, w);
  endLine(w);
  return { pieces: joinLines(w.blocks), origin: blankOrigin(td), rowSpan: span(td, 'rowspan'), colSpan: span(td, 'colspan') };
}

/** A cell's lines (its `<p>`s and `<br>`s) as pieces, a space between lines. */
function joinLines(blocks: Block[]): Piece[] {
  const out: Piece[] = [];
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    if (out.length) out.push({ text: ' ', origin: {} });
    out.push(...b.pieces);
  }
  return out;
}

/** Where a blank cell is filled: its white-space text (`&nbsp;`) if it has one, else the cell's content. */
function blankOrigin(td: Element): Origin {
  const innermost = (node: Node): TextNode | undefined => {
    for (const child of children(node)) {
      if (isText(child) && child.sourceCodeLocation) return child;
      const found = isElement(child) && !SKIPPED.has(child.tagName) ? innermost(child) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const text = innermost(td);
  if (text?.sourceCodeLocation) return { source: { start: text.sourceCodeLocation.startOffset, end: text.sourceCodeLocation.endOffset } };
  const loc = td.sourceCodeLocation;
  if (!loc?.startTag) return {};
  const end = loc.endTag ? loc.endTag.startOffset : loc.startTag.endOffset;
  return { source: { start: loc.startTag.endOffset, end } };
}

/** Whether an element's text is read at all (what a reader of the page sees). */
const shown = (node: Node) => !isElement(node) || !(SKIPPED.has(node.tagName) || hidden(node));

/** The first `limit` characters of an element's text (enough to tell a heading or a title). */
function leadingText(node: Node, limit = 2000): string {
  let text = '';
  const visit = (n: Node): boolean => {
    if (isText(n)) text += n.value;
    else if (shown(n)) for (const child of children(n)) if (visit(child)) return true;
    return text.length >= limit;
  };
  visit(node);
  return text.length > limit ? text.slice(0, limit) : text;
}

/** A heading is shorter than this: telling one needs no more of an element's text. */
const HEADING_LENGTH = 120;

/** The element that holds the report: the innermost one holding all its headings and tables. */
function article(body: Element): Element {
  const signals: Element[] = [];
  /**
   * One pass, children before their parent: each element's text up to a heading's length (a child's
   * text is part of its parent's), and the headings: elements whose short text reads as one while
   * none of their child elements' does.
   */
  const scan = (node: Node): string => {
    if (isText(node)) return node.value.length > HEADING_LENGTH ? node.value.slice(0, HEADING_LENGTH) : node.value;
    if (!shown(node)) return '';
    let text = '';
    let childSignal = false;
    for (const child of children(node)) {
      const inner = scan(child);
      if (isElement(child) && SIGNAL.test(inner)) childSignal = true;
      if (text.length < HEADING_LENGTH) text += inner;
    }
    if (text.length > HEADING_LENGTH) text = text.slice(0, HEADING_LENGTH);
    if (isElement(node) && text.length < HEADING_LENGTH && !childSignal && SIGNAL.test(text)) signals.push(node);
    return text;
  };
  scan(body);
  if (signals.length < 2) return body;
  const ancestors = (el: Element): Element[] => {
    const chain: Element[] = [];
    for (let n: Node | null = el; n && isElement(n); n = n.parentNode as Node | null) chain.unshift(n);
    return chain;
  };
  let common = ancestors(signals[0]);
  for (const signal of signals.slice(1)) {
    const chain = ancestors(signal);
    let k = 0;
    while (k < common.length && k < chain.length && common[k] === chain[k]) k++;
    common = common.slice(0, k);
  }
  // Climb until the title is inside too: it often stands in its own box above the text.
  for (let k = common.length - 1; k >= 0; k--) {
    if (TITLE.test(leadingText(common[k]))) return common[k];
  }
  return common[common.length - 1] ?? body;
}

function findBody(node: Node): Element | undefined {
  for (const child of children(node)) {
    if (isElement(child) && child.tagName === 'body') return child;
    const found = isElement(child) && child.tagName === 'html' ? findBody(child) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** HTML source text → the report's blocks and view; ranges map back to offsets in `html`. */
export function readHtml(html: string, options: { locate?: boolean } = {}): ReadDocument {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const body = findBody(document);
  const root = body ? article(body) : document;
  const w: Walk = { source: html, blocks: [], line: [] };
  if (root !== body && body) {
    // The title may stand outside the article: take the last title-like line before it.
    const before: Walk = { source: html, blocks: [], line: [] };
    walkUntil(body, root, before);
    const title = [...before.blocks].reverse().find((b) => b.kind === 'paragraph' && TITLE.test(b.pieces.map((p) => p.text).join('')));
    if (title && !TITLE.test(leadingText(root, 400))) w.blocks.push(title);
  }
  walk(root, w);
  endLine(w);
  if (options.locate) locate(w.blocks);
  return buildView('html', w.blocks);
}

/**
 * Where each piece stands when the page is not the text the user sees (a page saved as one .mhtml
 * file): the table, the row and the column slot of a cell, or the paragraph, each counted from 1.
 */
function locate(blocks: Block[]): void {
  let table = 0;
  let paragraph = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      paragraph++;
      for (const piece of block.pieces) piece.origin = { ...piece.origin, location: { paragraph } };
      continue;
    }
    table++;
    // Rows still covered, per column slot, by a cell merged down from a row above.
    const covered: number[] = [];
    block.rows.forEach((row, r) => {
      let slot = 0;
      for (const cell of row) {
        while ((covered[slot] ?? 0) > 0) slot++;
        const location = { table, row: r + 1, column: slot + 1 };
        cell.origin = { ...cell.origin, location };
        for (const piece of cell.pieces) piece.origin = { ...piece.origin, location };
        for (let k = 0; k < (cell.colSpan ?? 1); k++) covered[slot + k] = cell.rowSpan ?? 1;
        slot += cell.colSpan ?? 1;
      }
      for (let k = 0; k < covered.length; k++) if ((covered[k] ?? 0) > 0) covered[k]--;
    });
  }
}

/** Walks the document up to (not into) `stop`. */
function walkUntil(node: Node, stop: Node, w: Walk): boolean {
  if (node === stop) {
    endLine(w);
    return true;
  }
  if (isText(node)) {
    w.line.push(...textPieces(node, w.source));
    return false;
  }
  if (isElement(node) && (SKIPPED.has(node.tagName) || hidden(node))) return false;
  const block = isElement(node) && (BLOCKS.has(node.tagName) || node.tagName === 'br' || node.tagName === 'td' || node.tagName === 'tr');
  if (block) endLine(w);
  for (const child of children(node)) if (walkUntil(child, stop, w)) return true;
  if (block) endLine(w);
  return false;
}

/**
 * Text that is really HTML: a page saved as text, or a fragment of markup with tables. Markdown that
 * carries raw `<table>` blocks among lines of its own is not: the Markdown reader takes its tables.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'))) return true;
  const tables = text.match(/<table[\s>]/gi)?.length ?? 0;
  const cells = text.match(/<t[dh][\s>]/gi)?.length ?? 0;
  if (tables === 0 || cells < 20) return false;
  const outside = text
    .replace(/<table[\s>][\s\S]*?<\/table>/gi, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '');
  return outside.filter((l) => l.trimStart().startsWith('<')).length * 2 >= outside.length;
}

/** The data tables of a text that carries raw HTML tables (Markdown), with their offsets in the text. */
export function htmlTablesIn(text: string): { start: number; end: number; rows: SourceCell[][] }[] {
  const found: { start: number; end: number; rows: SourceCell[][] }[] = [];
  const visit = (node: Node) => {
    for (const child of children(node)) {
      if (!isElement(child)) continue;
      const loc = child.sourceCodeLocation;
      if (child.tagName === 'table' && loc && isDataTable(child)) {
        found.push({ start: loc.startOffset, end: loc.endOffset, rows: readTable(child, text) });
        continue;
      }
      visit(child);
    }
  };
  visit(parse(text, { sourceCodeLocationInfo: true }));
  return found;
}
