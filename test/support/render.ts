/**
 * Renders a ReportModel as the plain text of a full report, in each of the encodings real reports
 * come in (shapes copied from the seeds: 000/001/003 are A, 002 is B, 004 is C), and
 * records where every cell, label and heading ended up — an oracle independent of the parser.
 *
 *   A     one row per line, `a | b | c |`, pad cells `||`, group label + first sub-row on one line,
 *         half-width punctuation and spaced labels (`一、 本年…`, `1. 属于…`, `商业 企业`) as in seed 000
 *   A|    the same with a leading `| ` on every row (changchun.gov.cn)
 *   md    Markdown: `#`/`##` headings, `| a | b |` rows and `|---|` rules
 *   B     seed 002: `| ` line, each cell `             text  | ` on its own line, NBSP blanks, `        ||` row ends
 *   C     seed 004: `\tcell` lines, blank line between rows, rowspan placeholders as empty `\t` cells,
 *         wrapped header `\t本年新`/`制作数量`, U+3000/NBSP/empty blanks, `\t\u30000` numbers
 *   D1    `cell |` on each line, spans as `|||` lines
 *   D2    a cell on one line, `|` alone on the next
 *   pdf   a PDF text export: columns aligned by runs of spaces, long labels wrapped over two lines,
 *         a vertical 三、本年度办理结果, page footers `-3-` / `- 4 -` and form feeds (blank cells vanish)
 *   tsv   tab-separated rows
 * Variants: CRLF line ends, a BOM, full-width digits and punctuation, thousands separators.
 */
import { CellValue, Format, NUMERALS, ReportModel, SECTION_TITLES, T2_BLOCKS, T3_COL_NAMES, T3_GROUP_LABELS, T3_ORDER, T3_ROW_DEFS } from './model';

export type Encoding = 'A' | 'A|' | 'md' | 'B' | 'C' | 'D1' | 'D2' | 'pdf' | 'tsv';
export const ENCODINGS: Encoding[] = ['A', 'A|', 'md', 'B', 'C', 'D1', 'D2', 'pdf', 'tsv'];
/** Encodings that keep the position of blank cells (PDF text does not). */
export const BLANK_KEEPING: Encoding[] = ['A', 'A|', 'md', 'B', 'C', 'D1', 'D2', 'tsv'];

export interface Variant {
  crlf?: boolean;
  bom?: boolean;
  /** Full-width digits in cells and full-width punctuation in labels. */
  fullwidth?: boolean;
  /** `1,234` for numbers from 1000 up. */
  thousands?: boolean;
  /** Heading style: `一、总体情况` (default except A) or `一、 总体情况` (seed 000, default for A). */
  spacedHeadings?: boolean;
  /**
   * Seed-like decorations that a fix does not reproduce: B writes numbers beside blanks as
   * `\u00a00` (seed 002), C writes table-二 zeros as `\t\u30000` (seed 004).
   */
  seedish?: boolean;
  /**
   * Table 三 as a full grid (what Excel or an HTML-to-Markdown converter gives): three label
   * columns on every data row, with empty cells for rowspans and colspans (A, A|, md, tsv).
   */
  grid?: boolean;
}

/** 0-based line, UTF-16 start and end character. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export interface Rendered {
  text: string;
  encoding: Encoding;
  variant: Variant;
  /**
   * Where things are: `T3.R1.NP` (the value text; for a blank cell, the blank's own characters),
   * `seg:T3.R1.NP` (the characters the cell owns between its separators), `label:T3.R1`,
   * `heading:4`, `num:4` (the heading number as written), `title`, `row:T4.R` (first value).
   */
  pos: Map<string, Span>;
  at(key: string): Span;
}

// ------------------------------------------------------------------ text helpers

const FULL_DIGITS = '０１２３４５６７８９';

function toFullwidthNumber(s: string): string {
  return s
    .replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)])
    .replace(/,/g, '，')
    .replace(/\./g, '．');
}

function halfwidthPunct(s: string): string {
  return s.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',');
}

export function formatNumber(v: number, variant: Variant): string {
  let s = variant.thousands && Math.abs(v) >= 1000 ? v.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(v);
  if (variant.fullwidth) s = toFullwidthNumber(s);
  return s;
}

class Out {
  lines: string[] = [''];
  pos = new Map<string, Span>();
  get line(): number {
    return this.lines.length - 1;
  }
  get col(): number {
    return this.lines[this.line].length;
  }
  put(s: string, key?: string): void {
    const start = this.col;
    this.lines[this.line] += s;
    if (key) this.pos.set(key, { line: this.line, start, end: start + s.length });
  }
  mark(key: string, span: Span): void {
    this.pos.set(key, span);
  }
  nl(): void {
    this.lines.push('');
  }
  /** Writes a whole line. */
  ln(s = '', key?: string): void {
    this.put(s, key);
    this.nl();
  }
}

// ------------------------------------------------------------------ logical tables

interface LCell {
  text: string;
  /** For a value cell: the model value. */
  value?: CellValue;
  key?: string;
  /** Position-map key for a label, header or caption cell. */
  posKey?: string;
  kind: 'label' | 'group' | 'header' | 'caption' | 'value';
}

interface LRow {
  kind: 'caption' | 'header' | 'data';
  cells: LCell[];
  /** Rowspan placeholders that encoding C writes before the cells (empty `\t` cells). */
  placeholders: number;
  /** Pipes after the last cell in encoding A (` |||`). */
  pad: string;
  /** A row key for data rows. */
  rowKey?: string;
}

interface Style {
  enc: Encoding;
  variant: Variant;
  /** Half-width （）：， in labels. */
  half: boolean;
  /** Spaces inside labels where the original had line breaks. */
  spaced: boolean;
}

function styleLabel(s: string, style: Style): string {
  let out = style.half ? halfwidthPunct(s) : s;
  if (style.spaced) {
    out = out.replace(/^([一二三四五六七八九]、)/, '$1 ').replace(/^(\d\.)/, '$1 ');
  }
  return out;
}

function styleHeader(s: string, style: Style): string {
  let out = style.half ? halfwidthPunct(s) : s;
  if (style.spaced) out = out.replace(/^(商业|科研)(企业|机构)$/, '$1 $2').replace(/^(本年新)(制作|公开)(数量)$/, '$1$2 $3');
  return out;
}

function labelOf(model: ReportModel, key: string, official: string, style: Style): string {
  const custom = model.labels?.[key];
  return custom !== undefined ? custom : styleLabel(official, style);
}

function t2Rows(model: ReportModel, style: Style): LRow[][] {
  const blocks: LRow[][] = [];
  for (const block of T2_BLOCKS[model.format]) {
    const rows: LRow[] = [];
    const width = 3;
    rows.push({
      kind: 'caption',
      placeholders: 0,
      pad: ' |||',
      cells: [{ kind: 'caption', text: style.half ? halfwidthPunct(block.caption) : block.caption, posKey: `cap:T2.${block.key}` }],
    });
    rows.push({
      kind: 'header',
      placeholders: 0,
      pad: block.headers.length < width ? ' ||' : '',
      cells: [
        { kind: 'header', text: '信息内容' },
        ...block.headers.map((h, i) => ({ kind: 'header' as const, text: styleHeader(h, style), posKey: `hdr:T2.${block.key}.${i + 1}` })),
      ],
    });
    for (const r of block.rows) {
      const values = model.t2[r.key];
      if (!values) continue;
      rows.push({
        kind: 'data',
        rowKey: `T2.${r.key}`,
        placeholders: 0,
        pad: block.headers.length < width ? ' ||' : '',
        cells: [
          { kind: 'label', text: labelOf(model, `T2.${r.key}`, r.label, style), key: `T2.${r.key}`, posKey: `label:T2.${r.key}` },
          ...block.columns.map((c, i) => ({ kind: 'value' as const, text: '', value: values[i], key: `T2.${r.key}.${c}` })),
        ],
      });
    }
    blocks.push(rows);
  }
  return blocks;
}

const T3_CAPTION = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function t3Rows(model: ReportModel, style: Style): LRow[] {
  const rows: LRow[] = [];
  const h = (text: string): LCell => ({ kind: 'header', text: styleHeader(text, style) });
  rows.push({ kind: 'header', placeholders: 0, pad: ' ||||||||', cells: [h(T3_CAPTION), h('申请人情况')] });
  rows.push({ kind: 'header', placeholders: 1, pad: ' |||||||', cells: [h('自然人'), h('法人或其他组织'), h('总计')] });
  rows.push({ kind: 'header', placeholders: 2, pad: ' |||||', cells: T3_COL_NAMES.slice(1, 6).map(h) });
  const present = T3_ORDER.filter((k) => model.t3[k]);
  const opened = new Set<string>();
  for (const key of present) {
    const def = T3_ROW_DEFS[key];
    const cells: LCell[] = [];
    let placeholders = 0;
    for (const g of def.groups) {
      // A 2019-style single （六）其他处理 row is its own label, not a group.
      if (opened.has(g)) {
        placeholders++;
        continue;
      }
      opened.add(g);
      cells.push({ kind: 'group', text: styleLabel(T3_GROUP_LABELS[g], style), posKey: `group:${g}` });
    }
    cells.push({ kind: 'label', text: labelOf(model, `T3.${key}`, def.label, style), key: `T3.${key}`, posKey: `label:T3.${key}` });
    model.t3[key].forEach((v, i) => cells.push({ kind: 'value', text: '', value: v, key: `T3.${key}.${['NP', 'CE', 'RI', 'PW', 'LS', 'OT', 'TOT'][i]}` }));
    rows.push({ kind: 'data', rowKey: `T3.${key}`, placeholders, pad: cells.some((c) => c.kind === 'group') ? ' |' : ' ||', cells });
  }
  // The last row of seed 000 has no pad.
  if (rows.length) rows[rows.length - 1].pad = '';
  return rows;
}

function t4Rows(model: ReportModel): LRow[] {
  const h = (text: string): LCell => ({ kind: 'header', text });
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const cols = ['RV', 'LD', 'LR'].flatMap((g) => ['KEEP', 'CORR', 'OTH', 'PEND', 'TOT'].map((c) => `T4.R.${g}_${c}`));
  return [
    { kind: 'header', placeholders: 0, pad: ' |||||||||||||', cells: [h('行政复议'), h('行政诉讼')] },
    { kind: 'header', placeholders: 0, pad: ' ||||||||', cells: [...results.map(h), h('未经复议直接起诉'), h('复议后起诉')] },
    { kind: 'header', placeholders: 5, pad: ' |||||', cells: [...results, ...results].map(h) },
    { kind: 'data', rowKey: 'T4.R', placeholders: 0, pad: '', cells: model.t4.map((v, i) => ({ kind: 'value' as const, text: '', value: v, key: cols[i] })) },
  ];
}

// ------------------------------------------------------------------ cell text per encoding

function valueText(v: CellValue, blank: string, style: Style): string {
  if (v === null) return blank;
  if (typeof v === 'number') return formatNumber(v, style.variant);
  return v;
}

/** Writes a value, recording its span (and for blanks the blank's own characters). */
function putValue(out: Out, cell: LCell, blank: string, style: Style, prefix = ''): void {
  const text = valueText(cell.value ?? null, blank, style);
  if (prefix) out.put(prefix);
  out.put(text, cell.key);
}

// ------------------------------------------------------------------ encoders

type TableWriter = (out: Out, rows: LRow[], style: Style, table: 'T2' | 'T3' | 'T4') => void;

/** A, A| and md: one row per line. */
/** The cells of a row as written in `grid` style: 表三 data rows get three label columns. */
function gridCells(row: LRow, style: Style): LCell[] {
  if (!style.variant.grid || row.kind !== 'data' || !row.rowKey?.startsWith('T3.')) return row.cells;
  const labels = row.cells.filter((c) => c.kind !== 'value');
  const empty = (): LCell => ({ kind: 'header', text: '' });
  const before = Array.from({ length: row.placeholders }, empty);
  const after = Array.from({ length: Math.max(0, 3 - row.placeholders - labels.length) }, empty);
  return [...before, ...labels, ...after, ...row.cells.filter((c) => c.kind === 'value')];
}

function pipeRows(out: Out, rows: LRow[], style: Style, table: 'T2' | 'T3' | 'T4'): void {
  const md = style.enc === 'md';
  const lead = style.enc === 'A|' || md;
  rows.forEach((row, r) => {
    if (lead) out.put('| ');
    gridCells(row, style).forEach((cell, i) => {
      if (i > 0) out.put(' | ');
      const segStart = out.col - (i > 0 || lead ? 1 : 0);
      if (cell.kind === 'value') {
        // A blank at the very start of an A line would look like a leading pipe: write NBSP there.
        const blank = !lead && i === 0 ? '\u00a0' : '';
        putValue(out, cell, blank, style);
      } else {
        out.put(cell.text, cell.posKey);
      }
      if (cell.key && cell.kind === 'value') out.mark(`seg:${cell.key}`, { line: out.line, start: segStart, end: out.col + 1 });
    });
    out.put(md ? ' |' : ` |${row.pad}`);
    out.nl();
    if (md && r === 0) {
      const width = table === 'T3' ? 10 : table === 'T4' ? 15 : row.cells.length;
      out.ln(`|${'---|'.repeat(Math.max(width, row.cells.length))}`);
    }
  });
}

const B_CELL = '             ';
const B_GAP = '            ';
const B_END = '        ';

function bRows(out: Out, rows: LRow[], style: Style): void {
  for (const row of rows) {
    out.ln('| ');
    row.cells.forEach((cell, i) => {
      if (i > 0) out.ln(B_GAP);
      const segStart = 0;
      out.put(B_CELL);
      if (cell.kind === 'value') {
        // Seed 002 writes numbers beside blanks as `\u00a00`.
        const nbsp = style.variant.seedish && row.cells.some((c) => c.kind === 'value' && c.value === null) && cell.value !== null ? '\u00a0' : '';
        putValue(out, cell, '\u00a0', style, nbsp);
      } else out.put(cell.text, cell.posKey);
      out.put('  | ');
      if (cell.key && cell.kind === 'value') out.mark(`seg:${cell.key}`, { line: out.line, start: segStart, end: out.col });
      out.nl();
    });
    out.ln(B_END + row.pad.trim());
  }
}

const C_BLANKS = ['\u00a0', '', '\u3000\u3000', '\u00a0'];

/** A stable small number for a key, so that a cell's blank looks the same whatever else changes. */
function hash(s: string): number {
  let h = 7;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000003;
  return h;
}

function cRows(out: Out, rows: LRow[], style: Style): void {
  for (const row of rows) {
    for (let p = 0; p < row.placeholders; p++) out.ln('\t');
    for (const cell of row.cells) {
      if (cell.kind === 'value') {
        out.put('\t');
        const blank = C_BLANKS[hash(cell.key ?? '') % C_BLANKS.length];
        // Seed 004 writes some numbers as `\t\u30000`.
        const ideo = style.variant.seedish && cell.key?.startsWith('T2.') && cell.value === 0 ? '\u3000' : '';
        putValue(out, cell, blank, style, ideo);
        if (cell.key) out.mark(`seg:${cell.key}`, { line: out.line, start: 0, end: out.col });
        out.nl();
      } else if (cell.kind === 'header' && /^本年新(制作|公开)数量$/.test(cell.text)) {
        out.put('\t');
        out.ln(cell.text.slice(0, 3), cell.posKey);
        out.ln(cell.text.slice(3));
      } else {
        out.put('\t');
        out.put(cell.text, cell.posKey);
        out.nl();
      }
    }
    out.ln('');
  }
}

function d1Rows(out: Out, rows: LRow[], style: Style): void {
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.kind === 'value') {
        putValue(out, cell, '\u00a0', style);
        out.put(' |');
        if (cell.key) out.mark(`seg:${cell.key}`, { line: out.line, start: 0, end: out.col });
        out.nl();
      } else {
        out.put(cell.text, cell.posKey);
        out.ln(' |');
      }
    }
    if (row.kind !== 'data') out.ln('|||');
  }
}

function d2Rows(out: Out, rows: LRow[], style: Style): void {
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.kind === 'value') {
        putValue(out, cell, '\u00a0', style);
        if (cell.key) out.mark(`seg:${cell.key}`, { line: out.line, start: 0, end: out.col });
        out.nl();
      } else out.ln(cell.text, cell.posKey);
      out.ln('|');
    }
  }
}

function tsvRows(out: Out, rows: LRow[], style: Style): void {
  for (const row of rows) {
    gridCells(row, style).forEach((cell, i) => {
      if (i > 0) out.put('\t');
      const segStart = out.col;
      if (cell.kind === 'value') {
        putValue(out, cell, '', style);
        if (cell.key) out.mark(`seg:${cell.key}`, { line: out.line, start: segStart, end: out.col });
      } else out.put(cell.text, cell.posKey);
    });
    out.nl();
  }
}

// ---- PDF text: aligned columns

const PDF_LABEL_WIDTH = 30;
const PDF_COL_WIDTH = 7;
const PDF_WRAP = 16;

function pad(s: string, n: number): string {
  return s.length >= n ? `${s}  ` : s + ' '.repeat(n - s.length);
}

function pdfRows(out: Out, rows: LRow[], style: Style, table: 'T2' | 'T3' | 'T4', state: { page: number; vertical: string[] }): void {
  let dataRow = 0;
  for (const row of rows) {
    if (row.kind === 'caption') {
      out.ln(row.cells[0].text);
      continue;
    }
    if (row.kind === 'header') {
      if (table === 'T3' && /^[（(]本列/.test(row.cells[0].text)) {
        const t = row.cells[0].text;
        out.ln(`${pad(t.slice(0, PDF_WRAP + 4), PDF_LABEL_WIDTH + 10)}${row.cells[1].text}`);
        out.ln(t.slice(PDF_WRAP + 4));
        continue;
      }
      out.put(table === 'T3' ? ' '.repeat(PDF_LABEL_WIDTH + 2) : '');
      row.cells.forEach((c, i) => {
        if (i > 0) out.put('    ');
        out.put(c.text, c.posKey);
      });
      out.nl();
      continue;
    }
    // data row
    const label = row.cells.find((c) => c.kind === 'label');
    const groups = row.cells.filter((c) => c.kind === 'group' && !/^三、|^三、 /.test(c.text));
    const values = row.cells.filter((c) => c.kind === 'value');
    const inG3 = row.rowKey?.startsWith('T3.R3_');
    const vertical = inG3 ? (state.vertical.shift() ?? '') : '';
    let head = vertical ? pad(vertical, 4) : table === 'T3' ? '    ' : '';
    if (groups.length) head += pad(groups.map((g) => g.text).join(''), 10);
    else if (table === 'T3' && row.rowKey && /^T3\.R3_[3456]_/.test(row.rowKey)) head += ' '.repeat(10);
    const text = label?.text ?? '';
    const wrap = text.length > PDF_WRAP + 2;
    const first = wrap ? text.slice(0, PDF_WRAP) : text;
    const rest = wrap ? text.slice(PDF_WRAP) : '';
    const valuesFirst = !wrap || dataRow % 2 === 0;
    const writeValues = () => {
      for (const cell of values) {
        const t = valueText(cell.value ?? null, '', style);
        const before = out.col;
        out.put(' '.repeat(Math.max(2, PDF_COL_WIDTH - t.length)));
        out.put(t, cell.key);
        if (cell.key) out.mark(`seg:${cell.key}`, { line: out.line, start: before, end: out.col });
      }
    };
    if (label) {
      out.put(head);
      out.put(first, label.posKey);
      if (valuesFirst) {
        out.put(' '.repeat(Math.max(2, PDF_LABEL_WIDTH - head.length - first.length)));
        writeValues();
      }
      out.nl();
      if (wrap) {
        out.put(' '.repeat(head.length));
        out.put(rest);
        if (!valuesFirst) {
          out.put(' '.repeat(Math.max(2, PDF_LABEL_WIDTH - head.length - rest.length)));
          writeValues();
        }
        out.nl();
      }
    } else {
      writeValues();
      // Table 四's values start at column 0 in a PDF export.
      out.lines[out.line] = out.lines[out.line].replace(/^ +/, (m) => {
        const shift = m.length;
        for (const c of values) {
          for (const k of [c.key!, `seg:${c.key}`]) {
            const s = out.pos.get(k);
            if (s && s.line === out.line) out.pos.set(k, { line: s.line, start: Math.max(0, s.start - shift), end: s.end - shift });
          }
        }
        return '';
      });
      out.nl();
    }
    dataRow++;
    // A page break after the fourth 不予公开 row, and one in table 二.
    if (row.rowKey === 'T3.R3_3_4' || row.rowKey === 'T2.LIC') {
      out.ln('');
      out.ln(state.page % 2 ? `- ${state.page} -` : `-${state.page}-`);
      state.page++;
      out.put('\f');
    }
  }
}

// ------------------------------------------------------------------ the report

function headingText(model: ReportModel, n: number, style: Style): { number: string; sep: string; title: string } {
  const custom = model.sections?.number?.[n];
  const number = custom !== undefined ? custom : `${NUMERALS[n - 1]}、`;
  const sep = custom === undefined && style.variant.spacedHeadings ? ' ' : '';
  return { number, sep, title: model.sections?.title?.[n] ?? SECTION_TITLES[n - 1] };
}

/** Prose of sections 1, 5 and 6 when a model gives none. */
export const DEFAULT_BODY: Record<number, string[]> = {
  1: ['（一）主动公开', '本机关依法主动公开政府信息，及时更新政府信息公开专栏。', '（二）依申请公开', '本机关依法办理政府信息公开申请，按时答复申请人。'],
  5: ['（一）存在的主要问题', '公开内容的深度和广度有待加强。', '（二）改进措施', '进一步完善信息公开工作制度。'],
  6: ['本年度未收取政府信息处理费，无其他需要报告的事项。'],
};

export function render(model: ReportModel, encoding: Encoding, variant: Variant = {}): Rendered {
  const v: Variant = { spacedHeadings: encoding === 'A', ...variant };
  const style: Style = {
    enc: encoding,
    variant: v,
    half: !v.fullwidth && (encoding === 'A' || encoding === 'A|' || encoding === 'B'),
    spaced: encoding === 'A',
  };
  const out = new Out();
  const md = encoding === 'md';
  const roomy = md || encoding === 'C';
  const pdfState = { page: 3, vertical: ['三、', '本', '年', '度', '办', '理', '结', '果'] };

  const title = model.title === undefined ? `${model.organ}${model.year}年政府信息公开工作年度报告` : model.title;
  if (title !== null) {
    if (md) out.put('# ');
    out.ln(title, 'title');
    if (roomy) out.ln('');
  }
  const order = model.sections?.order ?? [1, 2, 3, 4, 5, 6];
  const writer: Record<Encoding, TableWriter> = {
    A: pipeRows,
    'A|': pipeRows,
    md: pipeRows,
    B: bRows,
    C: cRows,
    D1: d1Rows,
    D2: d2Rows,
    tsv: tsvRows,
    pdf: (o, rows, s, t) => pdfRows(o, rows, s, t, pdfState),
  };
  for (const n of order) {
    if (model.sections?.omit?.includes(n)) continue;
    const h = headingText(model, n, style);
    if (md) out.put('## ');
    const start = out.col;
    const numeral = /^[^、.．,，\s]*/.exec(h.number)![0];
    out.put(numeral, `num:${n}`);
    out.put(h.number.slice(numeral.length));
    out.put(h.sep + h.title);
    out.mark(`heading:${n}`, { line: out.line, start, end: out.col });
    out.nl();
    if (roomy) out.ln('');
    const body = model.sections?.body?.[n] ?? DEFAULT_BODY[n] ?? [];
    for (const line of body) out.ln(line);
    if (body.length && roomy) out.ln('');
    if (n >= 2 && n <= 4 && !model.sections?.noTable?.includes(n)) {
      if (n === 2) {
        for (const block of t2Rows(model, style)) {
          writer[encoding](out, block, style, 'T2');
          if (md) out.ln('');
        }
      } else {
        writer[encoding](out, n === 3 ? t3Rows(model, style) : t4Rows(model), style, n === 3 ? 'T3' : 'T4');
        if (md) out.ln('');
      }
    }
  }
  const signature = model.signature === undefined ? [model.organ, `${model.year + 1}年1月20日`] : model.signature;
  if (signature) signature.forEach((line, i) => out.ln(line, i === 0 ? 'signature' : undefined));

  let text = out.lines.join(v.crlf ? '\r\n' : '\n');
  const pos = out.pos;
  if (v.bom) {
    text = `\ufeff${text}`;
    for (const [k, s] of pos) if (s.line === 0) pos.set(k, { line: 0, start: s.start + 1, end: s.end + 1 });
  }
  return {
    text,
    encoding,
    variant: v,
    pos,
    at(key: string): Span {
      const s = pos.get(key);
      if (!s) throw new Error(`render(${encoding}): nothing recorded at ${key}`);
      return s;
    },
  };
}

/** The format a model's year calls for (docs/domain.md, 报告年度与应用格式). */
export function formatForYear(year: number): Format {
  return year <= 2020 ? '2019' : '2021';
}
