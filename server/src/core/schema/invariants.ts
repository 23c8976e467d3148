import type { TableId } from '../model';
import type { Localized } from '../rule';

/**
 * The arithmetic relations (docs/domain.md, 勾稽关系) as data: each is checked by the engine (`arithmetic.ts`) on
 * whatever table it names and reported by the rule of the same code (`rules/<code>.ts`).
 * A sum reads Σ total side = Σ parts side. A part may be a choice between alternatives (the 2019
 * single （六） row or the 2021 sub-rows): the first alternative whose rows the table has is used.
 */

export interface CellRef {
  table: TableId;
  row: string;
  column: string;
}

type Part = string | { oneOf: string[][] };

/** One sum of a relation, repeated over rows or columns. */
export interface SumSpec {
  /** Repeat for each of these rows (keys of the total side's row) … */
  eachRow?: string[];
  /** … or for each of these columns. */
  eachColumn?: string[];
  /** Cells on the left, as rows (eachColumn) or columns (eachRow). */
  total: Part[];
  /** Cells on the right. */
  parts: Part[];
  /** The cell a fix may change when it trusts the other cells: the total, or (balance) 四. */
  fill: { side: 'total' | 'parts'; key: string };
  /** How a finding names the sum, when neither its row nor its column does (a table-四 group). */
  label?: Localized;
}

export interface RelationSpec {
  /** The code of its findings, and the name of the rule file that words them. */
  code: string;
  table: TableId;
  /** Printed in the official table, or implied by a 总计 label. */
  strength: 'official' | 'implied';
  /** How a finding names the relation: “…与{relations}都不符”. */
  name: Localized;
  /** Hover title of one sum: `{column}` is the column it runs down, `{group}` the column group of its total. */
  title: Localized;
  /** When one cell explains broken sums of several relations, the finding goes to the lowest priority number. */
  priority: number;
  /** Whether its cells may be negative (a 本年增/减); if not, no fix writes a negative number. */
  signed: boolean;
  /** The parts detail the total: a total beside all-blank parts is a blank-cell finding, not a broken sum. */
  partsDetailTotal: boolean;
  /**
   * Its sum down the table's total column is not reported when sums of these relations in the same
   * table fail too: that failure follows from theirs.
   */
  echoes?: { instance: string; of: string[] };
  sums: SumSpec[];
}

/** One sum with the relation it belongs to, as the engine evaluates it. */
export interface InvariantSpec extends SumSpec {
  relation: RelationSpec;
  code: string;
  table: TableId;
}

const T3_APPLICANTS = ['NP', 'CE', 'RI', 'PW', 'LS', 'OT'];
const T3_ALL_COLUMNS = [...T3_APPLICANTS, 'TOT'];

const RESULT_ROWS: Part[] = [
  'R3_1',
  'R3_2',
  'R3_3_1',
  'R3_3_2',
  'R3_3_3',
  'R3_3_4',
  'R3_3_5',
  'R3_3_6',
  'R3_3_7',
  'R3_3_8',
  'R3_4_1',
  'R3_4_2',
  'R3_4_3',
  'R3_5_1',
  'R3_5_2',
  'R3_5_3',
  'R3_5_4',
  'R3_5_5',
  { oneOf: [['R3_6'], ['R3_6_1', 'R3_6_2', 'R3_6_3']] },
];

const T3_DATA_ROWS = [
  'R1',
  'R2',
  'R3_1',
  'R3_2',
  'R3_3_1',
  'R3_3_2',
  'R3_3_3',
  'R3_3_4',
  'R3_3_5',
  'R3_3_6',
  'R3_3_7',
  'R3_3_8',
  'R3_4_1',
  'R3_4_2',
  'R3_4_3',
  'R3_5_1',
  'R3_5_2',
  'R3_5_3',
  'R3_5_4',
  'R3_5_5',
  'R3_6',
  'R3_6_1',
  'R3_6_2',
  'R3_6_3',
  'R3_7',
  'R4',
];

const T4_GROUPS: [string, Localized][] = [
  ['RV', { 'zh-CN': '行政复议', en: '行政复议 (administrative review)' }],
  ['LD', { 'zh-CN': '行政诉讼·未经复议直接起诉', en: '未经复议直接起诉 (direct litigation)' }],
  ['LR', { 'zh-CN': '行政诉讼·复议后起诉', en: '复议后起诉 (litigation after review)' }],
];

export const RELATIONS: readonly RelationSpec[] = [
  {
    code: 'row-total',
    table: 'T3',
    strength: 'implied',
    name: { 'zh-CN': '本行总计', en: 'its row total' },
    title: { 'zh-CN': '本行总计', en: 'Row total' },
    priority: 1,
    signed: false,
    partsDetailTotal: true,
    sums: [{ eachRow: T3_DATA_ROWS, total: ['TOT'], parts: T3_APPLICANTS, fill: { side: 'total', key: 'TOT' } }],
  },
  {
    code: 'column-total',
    table: 'T3',
    strength: 'implied',
    name: { 'zh-CN': '（七）总计', en: 'the （七）总计 row' },
    title: { 'zh-CN': '（七）总计＝（一）至（六）之和·{column}', en: '（七）总计 = rows （一）–（六） · {column}' },
    priority: 2,
    signed: false,
    partsDetailTotal: true,
    echoes: { instance: 'TOT', of: ['column-total', 'row-total'] },
    sums: [{ eachColumn: T3_ALL_COLUMNS, total: ['R3_7'], parts: RESULT_ROWS, fill: { side: 'total', key: 'R3_7' } }],
  },
  {
    code: 'balance',
    table: 'T3',
    strength: 'official',
    name: { 'zh-CN': '“一＋二＝（七）总计＋四”', en: 'the balance 一 + 二 = （七）总计 + 四' },
    title: { 'zh-CN': '一＋二＝（七）总计＋四·{column}（表头注明）', en: '一 + 二 = （七）总计 + 四 · {column} (stated in the table header)' },
    priority: 3,
    signed: false,
    partsDetailTotal: false,
    echoes: { instance: 'TOT', of: ['balance', 'row-total'] },
    sums: [{ eachColumn: T3_ALL_COLUMNS, total: ['R1', 'R2'], parts: ['R3_7', 'R4'], fill: { side: 'parts', key: 'R4' } }],
  },
  {
    code: 'review-total',
    table: 'T4',
    strength: 'implied',
    name: { 'zh-CN': '本组总计', en: 'its group total' },
    title: { 'zh-CN': '{group}总计', en: '{group} total' },
    priority: 4,
    signed: false,
    partsDetailTotal: true,
    sums: T4_GROUPS.map(([g, label]): SumSpec => ({
      eachRow: ['R'],
      total: [`${g}_TOT`],
      parts: [`${g}_KEEP`, `${g}_CORR`, `${g}_OTH`, `${g}_PEND`],
      fill: { side: 'total', key: `${g}_TOT` },
      label,
    })),
  },
];

/** The codes of the arithmetic rules, in priority order. */
export const ARITHMETIC_CODES: readonly string[] = relationCodes(RELATIONS);

export function relationCodes(relations: readonly RelationSpec[]): string[] {
  return [...relations].sort((a, b) => a.priority - b.priority).map((r) => r.code);
}

/** Every sum of the relations, each with its relation. */
export function invariantsOf(relations: readonly RelationSpec[]): InvariantSpec[] {
  return relations.flatMap((relation) => relation.sums.map((sum) => ({ ...sum, relation, code: relation.code, table: relation.table })));
}
