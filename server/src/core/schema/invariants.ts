import type { TableId } from '../model';

/**
 * The arithmetic relations (docs/domain.md, 勾稽关系) as declarations: Σ total side = Σ parts side.
 * A part may be a choice between alternatives (the 2019 single （六） row or the 2021 sub-rows):
 * the first alternative whose rows the table has is used.
 */

export type RelationCode = 'row-total' | 'column-total' | 'balance' | 'review-total';

export interface CellRef {
  table: TableId;
  row: string;
  column: string;
}

type Part = string | { oneOf: string[][] };

export interface InvariantSpec {
  id: string;
  code: RelationCode;
  strength: 'official' | 'implied';
  table: TableId;
  /** Repeat for each of these rows (keys of the total side's row) … */
  eachRow?: string[];
  /** … or for each of these columns. */
  eachColumn?: string[];
  /** Cells on the left, as rows (eachColumn) or columns (eachRow). */
  total: Part[];
  /** Cells on the right. */
  parts: Part[];
  /** The cell a suggestion rewrites when it trusts the other cells: the total, or (balance) 四. */
  fill: { side: 'total' | 'parts'; key: string };
}

const T3_APPLICANTS = ['NP', 'CE', 'RI', 'PW', 'LS', 'OT'];
const T3_ALL_COLUMNS = [...T3_APPLICANTS, 'TOT'];

const RESULT_ROWS: Part[] = [
  'R3_1', 'R3_2',
  'R3_3_1', 'R3_3_2', 'R3_3_3', 'R3_3_4', 'R3_3_5', 'R3_3_6', 'R3_3_7', 'R3_3_8',
  'R3_4_1', 'R3_4_2', 'R3_4_3',
  'R3_5_1', 'R3_5_2', 'R3_5_3', 'R3_5_4', 'R3_5_5',
  { oneOf: [['R3_6'], ['R3_6_1', 'R3_6_2', 'R3_6_3']] },
];

const T3_DATA_ROWS = [
  'R1', 'R2', 'R3_1', 'R3_2',
  'R3_3_1', 'R3_3_2', 'R3_3_3', 'R3_3_4', 'R3_3_5', 'R3_3_6', 'R3_3_7', 'R3_3_8',
  'R3_4_1', 'R3_4_2', 'R3_4_3',
  'R3_5_1', 'R3_5_2', 'R3_5_3', 'R3_5_4', 'R3_5_5',
  'R3_6', 'R3_6_1', 'R3_6_2', 'R3_6_3', 'R3_7', 'R4',
];

export const INVARIANTS: InvariantSpec[] = [
  {
    id: 'I-3.2', code: 'row-total', strength: 'implied', table: 'T3',
    eachRow: T3_DATA_ROWS, total: ['TOT'], parts: T3_APPLICANTS,
    fill: { side: 'total', key: 'TOT' },
  },
  {
    id: 'I-3.3', code: 'column-total', strength: 'implied', table: 'T3',
    eachColumn: T3_ALL_COLUMNS, total: ['R3_7'], parts: RESULT_ROWS,
    fill: { side: 'total', key: 'R3_7' },
  },
  {
    id: 'I-3.1', code: 'balance', strength: 'official', table: 'T3',
    eachColumn: T3_ALL_COLUMNS, total: ['R1', 'R2'], parts: ['R3_7', 'R4'],
    fill: { side: 'parts', key: 'R4' },
  },
  ...(['RV', 'LD', 'LR'] as const).map((g): InvariantSpec => ({
    id: 'I-4.1', code: 'review-total', strength: 'implied', table: 'T4',
    eachRow: ['R'], total: [`${g}_TOT`], parts: [`${g}_KEEP`, `${g}_CORR`, `${g}_OTH`, `${g}_PEND`],
    fill: { side: 'total', key: `${g}_TOT` },
  })),
];
