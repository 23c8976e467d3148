/** The report model: what the parser finds, each piece with its exact source range. */

export interface Position {
  line: number;
  /** UTF-16 code units, as in LSP. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type FormatVersion = '2019' | '2021';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Locale = 'zh-CN' | 'en';

export type TableId = 'T2' | 'T3' | 'T4';

export type CellState = 'number' | 'blank' | 'placeholder' | 'invalid';

export interface Cell {
  table: TableId;
  row: string;
  column: string;
  /** Text as written, trimmed. */
  raw: string;
  state: CellState;
  /** Parsed value; for a blank or placeholder cell, undefined. */
  value?: number;
  /** Why a cell is invalid or a number is doubtful, e.g. `unit:元`, `negative`, `decimal`, `prose`. */
  problem?: string;
  /** Range of the cell text; for a blank cell, the space between its separators. */
  range: Range;
  /** False for a cell the row did not write at all (a fully blank row with fewer separators). */
  present: boolean;
}

export interface Row {
  table: TableId;
  key: string;
  /** Label as written; empty for table 四's data row. */
  label: string;
  labelRange: Range;
  /** How the label was recognised. */
  labelMatch: 'exact' | 'alias' | 'fuzzy' | 'none';
  cells: Cell[];
  /**
   * Set when the cells of this row could not be told apart; then `cells` is empty. `blanks`: how
   * many of its cells the text left out, when that much is certain (it wrote fewer numbers than
   * the row has columns, and the table holds no number that no row took).
   */
  unparsed?: { reason: string; range: Range; blanks?: number };
  /**
   * Set when the text did not write the row's blank cells and its numbers were placed by the
   * table's sums; `blanksKnown` when only one placement fits, so the blank columns are certain;
   * `faulty` when no placement keeps every sum and the one breaking the fewest was taken; `cut`
   * when the text ran the row's digits together and the sums (all of them holding) told where to
   * cut them; `wrapped` when a number wrapped in its cell and the sums told which it was; `inOrder`
   * when the text wrote the table's labels apart from its numbers, and the numbers were dealt out
   * to the rows in order (every sum holding).
   */
  inferred?: { blanksKnown: boolean; faulty: boolean; cut: boolean; wrapped?: boolean; inOrder?: boolean };
}

export interface Table {
  id: TableId;
  /** Range from the first to the last token the parser used. */
  range: Range;
  rows: Map<string, Row>;
  /** Block captions of table 二 (第二十条第（X）项), keyed by block id. */
  captions: Map<string, Range>;
  /** Header texts seen (normalized), used for format detection. */
  headers: { text: string; range: Range }[];
  /** How many non-blank number cells the region holds, whether or not a row was found for them. */
  valueCount: number;
  /** How many of those numbers no row took: while there are any, the table is not fully understood. */
  strayValues: number;
  /** Rows whose official label stands in the table's text though no row was read for it. */
  unreadRows: string[];
}

export interface Heading {
  /** 1..6: which official section this heading is. */
  section: number;
  /** The number as written (`一`, `4`, `４`, or empty when unnumbered). */
  numberText: string;
  numberRange: Range;
  /** Range from the start of the number to the start of the title (what a renumbering replaces). */
  prefixRange: Range;
  title: string;
  range: Range;
  line: number;
}

export interface SubHeading {
  section: number;
  /** `（二）` (the official style), or `二、` numbered like the six sections (seen in 总体情况 only). */
  style: 'parenthesized' | 'sectionLike';
  numberText: string;
  numberRange: Range;
  line: number;
}

export interface Section {
  heading: Heading;
  /** First and last line of the section body (after the heading). */
  bodyStart: number;
  bodyEnd: number;
}

export interface FormatEvidence {
  version: FormatVersion;
  text: string;
  range: Range;
  weight: number;
}

export interface Report {
  title?: { text: string; range: Range; line: number };
  organ?: string;
  year?: number;
  yearSource?: 'title' | 'period' | 'signature' | 'text';
  signature?: { text: string; range: Range; year: number; month: number; day: number };
  sections: Section[];
  subHeadings: SubHeading[];
  tables: Partial<Record<TableId, Table>>;
  /** The format the tables use, from their own wording; undefined when nothing tells. */
  format?: FormatVersion;
  formatEvidence: FormatEvidence[];
}
