import type { FormatEvidence, FormatVersion, Report, Section, Table } from '../model';
import { effectiveFormat, FORMAT_MARKERS, otherFormat, rowsOf, TABLE2, TABLE3, T3_COLUMNS, T3_ROWS } from '../schema/formats';
import type { ViewGrid } from '../read/document';
import { LineIndex, normalizeLabel } from '../text';
import { readMeta } from './meta';
import { findSections, findSubHeadings } from './sections';
import { parseLabelledTable, parseTable4, RowTarget, targetLabels } from './tables';
import { CellToken, isValueToken, regionStyle, Token, tokenizeRegion } from './tokens';

const MARKERS = FORMAT_MARKERS.map((m) => ({ ...m, norm: normalizeLabel(m.text) }));
const T3_GROUPS = TABLE3.groups.map((g) => normalizeLabel(g.label));

interface Region {
  tokens: Token[];
  /** Grid copies (Markdown, TSV) keep every column: pad cells sit between a label and its numbers. */
  padsLead: boolean;
}

function region(doc: LineIndex, section: Section | undefined, grids: ViewGrid[] | undefined): Region {
  if (!section) return { tokens: [], padsLead: false };
  const tokens = grids && gridTokens(grids, section.bodyStart, section.bodyEnd);
  // A section in which the reader drew no grid (a table it did not take as one: reStructuredText's
  // simple table beside grid tables) is read from its lines, as plain text is.
  if (tokens?.length) return { tokens, padsLead: false };
  const style = regionStyle(doc, section.bodyStart, section.bodyEnd);
  return { tokens: tokenizeRegion(doc, section.bodyStart, section.bodyEnd, style), padsLead: style.markdown || style.tabRows };
}

/** The cells of the grid rows in lines [from, to), a break after each row: a reader has told the cells apart already. */
function gridTokens(grids: ViewGrid[], from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (const grid of grids) {
    for (const row of grid.rows) {
      if (row.line < from || row.line >= to) continue;
      for (const cell of row.cells) {
        tokens.push({ kind: 'cell', text: cell.text, norm: cell.blank ? '' : normalizeLabel(cell.text), range: cell.range, blank: cell.blank, line: row.line });
      }
      tokens.push({ kind: 'break', line: row.line });
    }
  }
  return tokens;
}

const TABLE3_TARGETS: RowTarget[] = T3_ROWS.map((r) => ({
  key: r.key,
  official: r.label,
  labels: targetLabels(r.label, r.aliases),
  columns: T3_COLUMNS,
  subRows: subRowsOf(r.label, r.key),
}));

/** The rows of 表三 in each format's order. */
const TABLE3_ORDERS = (['2019', '2021'] as const).map((format) => TABLE3_TARGETS.filter((t) => rowsOf('T3', format).some((r) => r.key === t.key)));

/**
 * A row whose label is also a group cell's (（六）其他处理: one row in 2019, a group in 2021) may stand
 * as that group above its own sub-rows, keyed under it (R3_6 → R3_6_1 …).
 */
function subRowsOf(label: string, key: string): string[] | undefined {
  if (!TABLE3.groups.some((g) => g.label === label)) return undefined;
  return T3_ROWS.filter((r) => r.key.startsWith(`${key}_`)).map((r) => r.key);
}

/** Rows of table 二 for a format, plus the other format's rows so that mixed templates are still read. */
function table2Targets(format: FormatVersion): RowTarget[] {
  const other = otherFormat(format);
  const targets: RowTarget[] = [];
  for (const version of [format, other]) {
    for (const block of TABLE2[version]) {
      for (const row of block.rows) {
        const existing = targets.find((t) => t.key === row.key);
        if (existing) {
          existing.labels.push(...targetLabels(row.label, row.aliases).filter((l) => !existing.labels.includes(l)));
          continue;
        }
        targets.push({ key: row.key, official: row.label, labels: targetLabels(row.label, row.aliases), columns: block.columns });
      }
    }
  }
  return targets;
}

const TABLE2_TARGETS: Record<FormatVersion, RowTarget[]> = { '2019': table2Targets('2019'), '2021': table2Targets('2021') };

function markerEvidence(tokens: Token[]): FormatEvidence[] {
  const evidence: FormatEvidence[] = [];
  for (const t of tokens) {
    if (t.kind !== 'cell' || t.blank || isValueToken(t)) continue;
    const m = MARKERS.find((x) => t.norm === x.norm || t.norm.startsWith(x.norm) || (t.norm.length >= 3 && x.norm.startsWith(t.norm)));
    if (m) evidence.push({ version: m.version, text: (t as CellToken).text, range: t.range, weight: m.weight });
  }
  return evidence;
}

function table3Evidence(t3: Table | undefined): FormatEvidence[] {
  if (!t3) return [];
  const evidence: FormatEvidence[] = [];
  const single = t3.rows.get('R3_6');
  if (single) evidence.push({ version: '2019', text: single.label, range: single.labelRange, weight: 3 });
  for (const key of ['R3_6_1', 'R3_6_2', 'R3_6_3']) {
    const row = t3.rows.get(key);
    if (row) evidence.push({ version: '2021', text: row.label, range: row.labelRange, weight: key === 'R3_6_3' ? 1 : 3 });
  }
  return evidence;
}

export function scoreFormat(evidence: FormatEvidence[]): FormatVersion | undefined {
  const score = { '2019': 0, '2021': 0 };
  for (const e of evidence) score[e.version] += e.weight;
  if (score['2019'] === score['2021']) return undefined;
  return score['2019'] > score['2021'] ? '2019' : '2021';
}

export interface ParsedDocument {
  doc: LineIndex;
  report: Report;
}

/** Lines of numbers alone. */
const NUMBERS_LINE = /^[ \t]*\d+(?:[ \t]+\d+)*[ \t]*$/;

/**
 * Numbers on lines of their own in the section after 表四's: a text that lost the page's reading
 * order (pdftotext without -layout) may put the right half of the table after the next heading.
 */
function numbersAfter(doc: LineIndex, sections: Section[], table: Section): number {
  const next = sections[sections.indexOf(table) + 1];
  if (!next) return 0;
  let count = 0;
  for (let i = next.bodyStart; i <= next.bodyEnd && i < doc.lines.length; i++) {
    if (NUMBERS_LINE.test(doc.lines[i])) count += doc.lines[i].trim().split(/\s+/).length;
  }
  return count;
}

/**
 * Text → report model: sections, meta data, and tables 二/三/四 with every cell's range. A reader of a
 * structured source (HTML, DOCX, PDF) passes the grids of its view: their cells are taken as they are.
 */
export function parseReport(text: string, grids?: ViewGrid[]): ParsedDocument {
  const doc = new LineIndex(text.startsWith('\ufeff') ? ` ${text.slice(1)}` : text);
  const sections = findSections(doc);
  const section = (n: number) => sections.find((s) => s.heading.section === n);
  const meta = readMeta(doc, sections);

  const r2 = region(doc, section(2), grids);
  const r3 = region(doc, section(3), grids);
  const r4 = region(doc, section(4), grids);

  const t3 = section(3) ? parseLabelledTable('T3', r3.tokens, TABLE3_TARGETS, T3_GROUPS, r3.padsLead, TABLE3_ORDERS) : undefined;
  const evidence = [...markerEvidence(r2.tokens), ...table3Evidence(t3)];
  const format = scoreFormat(evidence);
  const t2 = section(2) ? parseLabelledTable('T2', r2.tokens, TABLE2_TARGETS[effectiveFormat({ format, year: meta.year })], [], r2.padsLead) : undefined;
  const t4 = section(4) ? parseTable4(r4.tokens, r4.padsLead, grids ? 0 : numbersAfter(doc, sections, section(4)!)) : undefined;

  const tables: Report['tables'] = {};
  if (t2) tables.T2 = t2;
  if (t3) tables.T3 = t3;
  if (t4) tables.T4 = t4;

  return {
    doc,
    report: {
      ...meta,
      sections,
      subHeadings: findSubHeadings(doc, sections),
      tables,
      format,
      formatEvidence: evidence,
    },
  };
}
