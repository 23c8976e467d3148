/**
 * A small model of a report's tables, written independently of the engine's schema from docs/domain.md
 * (labels are the official wording, so a typo in the engine's schema shows up as a test failure).
 * Keys are the engine's public target keys: `T3.R3_1.TOT`, `T2.REG.NEW_MADE`, `T4.R.RV_TOT`.
 */

export type Format = '2019' | '2021';
/** A number, a raw text written as is (`/`, `5件`, `１２`), or null for a blank cell. */
export type CellValue = number | string | null;

export const T3_COLS = ['NP', 'CE', 'RI', 'PW', 'LS', 'OT', 'TOT'] as const;
export const T3_APPLICANTS = ['NP', 'CE', 'RI', 'PW', 'LS', 'OT'] as const;
export const T3_COL_NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

export const T4_COLS = [
  'RV_KEEP',
  'RV_CORR',
  'RV_OTH',
  'RV_PEND',
  'RV_TOT',
  'LD_KEEP',
  'LD_CORR',
  'LD_OTH',
  'LD_PEND',
  'LD_TOT',
  'LR_KEEP',
  'LR_CORR',
  'LR_OTH',
  'LR_PEND',
  'LR_TOT',
] as const;

export interface T2Block {
  key: string;
  caption: string;
  headers: string[];
  columns: string[];
  rows: { key: string; label: string }[];
}

export const T2_BLOCKS: Record<Format, T2Block[]> = {
  '2019': [
    {
      key: 'B1',
      caption: '第二十条第（一）项',
      headers: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      columns: ['NEW_MADE', 'NEW_PUB', 'TOTAL_PUB'],
      rows: [
        { key: 'REG', label: '规章' },
        { key: 'NORM', label: '规范性文件' },
      ],
    },
    {
      key: 'B5',
      caption: '第二十条第（五）项',
      headers: ['上一年项目数量', '本年增/减', '处理决定数量'],
      columns: ['PREV', 'CHANGE', 'DECISIONS'],
      rows: [
        { key: 'LIC', label: '行政许可' },
        { key: 'OTHER_SVC', label: '其他对外管理服务事项' },
      ],
    },
    {
      key: 'B6',
      caption: '第二十条第（六）项',
      headers: ['上一年项目数量', '本年增/减', '处理决定数量'],
      columns: ['PREV', 'CHANGE', 'DECISIONS'],
      rows: [
        { key: 'PUN', label: '行政处罚' },
        { key: 'ENF', label: '行政强制' },
      ],
    },
    {
      key: 'B8',
      caption: '第二十条第（八）项',
      headers: ['上一年项目数量', '本年增/减'],
      columns: ['PREV', 'CHANGE'],
      rows: [{ key: 'FEE', label: '行政事业性收费' }],
    },
    {
      key: 'B9',
      caption: '第二十条第（九）项',
      headers: ['采购项目数量', '采购总金额'],
      columns: ['PROJ', 'AMOUNT'],
      rows: [{ key: 'PROC', label: '政府集中采购' }],
    },
  ],
  '2021': [
    {
      key: 'B1',
      caption: '第二十条第（一）项',
      headers: ['本年制发件数', '本年废止件数', '现行有效件数'],
      columns: ['ISSUED', 'REPEALED', 'VALID'],
      rows: [
        { key: 'REG', label: '规章' },
        { key: 'NORM', label: '行政规范性文件' },
      ],
    },
    { key: 'B5', caption: '第二十条第（五）项', headers: ['本年处理决定数量'], columns: ['DECISIONS'], rows: [{ key: 'LIC', label: '行政许可' }] },
    {
      key: 'B6',
      caption: '第二十条第（六）项',
      headers: ['本年处理决定数量'],
      columns: ['DECISIONS'],
      rows: [
        { key: 'PUN', label: '行政处罚' },
        { key: 'ENF', label: '行政强制' },
      ],
    },
    {
      key: 'B8',
      caption: '第二十条第（八）项',
      headers: ['本年收费金额（单位：万元）'],
      columns: ['FEE_AMOUNT'],
      rows: [{ key: 'FEE', label: '行政事业性收费' }],
    },
  ],
};

/** Rows of table 三 in document order, with the rowspan group they open or belong to. */
export interface T3RowDef {
  key: string;
  label: string;
  /** The group label cell this row sits under (三、本年度办理结果 is `G3`). */
  groups: string[];
}

export const T3_GROUP_LABELS: Record<string, string> = {
  G3: '三、本年度办理结果',
  G3_3: '（三）不予公开',
  G3_4: '（四）无法提供',
  G3_5: '（五）不予处理',
  G3_6: '（六）其他处理',
};

const T3_ALL: T3RowDef[] = [
  { key: 'R1', label: '一、本年新收政府信息公开申请数量', groups: [] },
  { key: 'R2', label: '二、上年结转政府信息公开申请数量', groups: [] },
  { key: 'R3_1', label: '（一）予以公开', groups: ['G3'] },
  { key: 'R3_2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', groups: ['G3'] },
  { key: 'R3_3_1', label: '1.属于国家秘密', groups: ['G3', 'G3_3'] },
  { key: 'R3_3_2', label: '2.其他法律行政法规禁止公开', groups: ['G3', 'G3_3'] },
  { key: 'R3_3_3', label: '3.危及“三安全一稳定”', groups: ['G3', 'G3_3'] },
  { key: 'R3_3_4', label: '4.保护第三方合法权益', groups: ['G3', 'G3_3'] },
  { key: 'R3_3_5', label: '5.属于三类内部事务信息', groups: ['G3', 'G3_3'] },
  { key: 'R3_3_6', label: '6.属于四类过程性信息', groups: ['G3', 'G3_3'] },
  { key: 'R3_3_7', label: '7.属于行政执法案卷', groups: ['G3', 'G3_3'] },
  { key: 'R3_3_8', label: '8.属于行政查询事项', groups: ['G3', 'G3_3'] },
  { key: 'R3_4_1', label: '1.本机关不掌握相关政府信息', groups: ['G3', 'G3_4'] },
  { key: 'R3_4_2', label: '2.没有现成信息需要另行制作', groups: ['G3', 'G3_4'] },
  { key: 'R3_4_3', label: '3.补正后申请内容仍不明确', groups: ['G3', 'G3_4'] },
  { key: 'R3_5_1', label: '1.信访举报投诉类申请', groups: ['G3', 'G3_5'] },
  { key: 'R3_5_2', label: '2.重复申请', groups: ['G3', 'G3_5'] },
  { key: 'R3_5_3', label: '3.要求提供公开出版物', groups: ['G3', 'G3_5'] },
  { key: 'R3_5_4', label: '4.无正当理由大量反复申请', groups: ['G3', 'G3_5'] },
  { key: 'R3_5_5', label: '5.要求行政机关确认或重新出具已获取信息', groups: ['G3', 'G3_5'] },
  { key: 'R3_6', label: '（六）其他处理', groups: ['G3'] },
  { key: 'R3_6_1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', groups: ['G3', 'G3_6'] },
  { key: 'R3_6_2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', groups: ['G3', 'G3_6'] },
  { key: 'R3_6_3', label: '3.其他', groups: ['G3', 'G3_6'] },
  { key: 'R3_7', label: '（七）总计', groups: ['G3'] },
  { key: 'R4', label: '四、结转下年度继续办理', groups: [] },
];

export const T3_ROW_DEFS: Record<string, T3RowDef> = Object.fromEntries(T3_ALL.map((r) => [r.key, r]));

/** The official rows of table 三 in a format, in order. */
export function t3Keys(format: Format): string[] {
  return T3_ALL.filter((r) => (format === '2019' ? !/^R3_6_/.test(r.key) : r.key !== 'R3_6')).map((r) => r.key);
}

/** Every key of table 三 in document order (used to order rows of mixed-format models). */
export const T3_ORDER = T3_ALL.map((r) => r.key);

/** The result rows （一）…（六） whose sum is （七）总计. */
export function resultKeys(format: Format): string[] {
  return t3Keys(format).filter((k) => k.startsWith('R3_') && k !== 'R3_7');
}

export function t2Rows(format: Format): { key: string; label: string; block: T2Block }[] {
  return T2_BLOCKS[format].flatMap((b) => b.rows.map((r) => ({ ...r, block: b })));
}

export const SECTION_TITLES = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
];
export const NUMERALS = ['一', '二', '三', '四', '五', '六'];

export interface ReportModel {
  organ: string;
  year: number;
  format: Format;
  /** Overrides the title line; null leaves the title out. */
  title?: string | null;
  /** Table 二: row key → values in column order. */
  t2: Record<string, CellValue[]>;
  /** Table 三: row key → 7 values (NP … TOT). Rows are written in official order if present here. */
  t3: Record<string, CellValue[]>;
  /** Table 四: 15 values. */
  t4: CellValue[];
  /** Row labels as written instead of the official ones, by `T3.R3_3_2` / `T2.REG`. */
  labels?: Record<string, string>;
  sections?: {
    /** Sections left out entirely. */
    omit?: number[];
    /** Order of the sections (default 1…6). */
    order?: number[];
    /** Titles as written instead of the official ones (`五、存在问题及改进情况`). */
    title?: Record<number, string>;
    /** The number prefix as written, replacing `一、` (e.g. `4、`, `五、`, ``). */
    number?: Record<number, string>;
    /** Prose lines of a section (for 2–4: lines before the table). */
    body?: Record<number, string[]>;
    /** Sections 2–4 written without their table. */
    noTable?: number[];
  };
  /** Lines after section 六 (落款 and date); null for none. */
  signature?: string[] | null;
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** A report for `year` in `format` with every number 0. */
export function zeroModel(format: Format = '2019', year = format === '2019' ? 2020 : 2022, organ = '某某市某某局'): ReportModel {
  const t2: Record<string, CellValue[]> = {};
  for (const r of t2Rows(format)) t2[r.key] = r.block.columns.map(() => 0);
  const t3: Record<string, CellValue[]> = {};
  for (const k of t3Keys(format)) t3[k] = T3_COLS.map(() => 0);
  return { organ, year, format, t2, t3, t4: T4_COLS.map(() => 0) };
}

/** `T3.R1.NP` → where the value lives in the model. */
function locate(model: ReportModel, key: string): { arr: CellValue[]; i: number } {
  const [table, row, col] = key.split('.');
  if (table === 'T3') {
    const i = (T3_COLS as readonly string[]).indexOf(col);
    if (!model.t3[row] || i < 0) throw new Error(`no cell ${key}`);
    return { arr: model.t3[row], i };
  }
  if (table === 'T4') {
    const i = (T4_COLS as readonly string[]).indexOf(col);
    if (i < 0) throw new Error(`no cell ${key}`);
    return { arr: model.t4, i };
  }
  const def = t2Rows(model.format).find((r) => r.key === row);
  const i = def ? def.block.columns.indexOf(col) : -1;
  if (!model.t2[row] || i < 0) throw new Error(`no cell ${key}`);
  return { arr: model.t2[row], i };
}

export function getCell(model: ReportModel, key: string): CellValue {
  const { arr, i } = locate(model, key);
  return arr[i];
}

/** A copy of the model with some cells changed. */
export function withCells(model: ReportModel, cells: Record<string, CellValue>): ReportModel {
  const m = clone(model);
  for (const [k, v] of Object.entries(cells)) {
    const { arr, i } = locate(m, k);
    arr[i] = v;
  }
  return m;
}

export function setCells(model: ReportModel, cells: Record<string, CellValue>): void {
  for (const [k, v] of Object.entries(cells)) {
    const { arr, i } = locate(model, k);
    arr[i] = v;
  }
}

/** Every numeric cell key of a table in the model. */
export function cellKeys(model: ReportModel, table: 'T2' | 'T3' | 'T4'): string[] {
  if (table === 'T4') return T4_COLS.map((c) => `T4.R.${c}`);
  if (table === 'T3') return T3_ORDER.filter((k) => model.t3[k]).flatMap((k) => T3_COLS.map((c) => `T3.${k}.${c}`));
  return t2Rows(model.format)
    .filter((r) => model.t2[r.key])
    .flatMap((r) => r.block.columns.map((c) => `T2.${r.key}.${c}`));
}

const num = (v: CellValue) => (typeof v === 'number' ? v : 0);

/**
 * Makes table 三 and 四 satisfy balance, row-total, column-total and review-total by recomputing the totals
 * (TOT column, （七）总计, 一 = （七）+ 四 − 二, group totals) from the other cells.
 * Blank cells count as 0 and stay blank when their computed value is 0.
 */
export function balanceModel(model: ReportModel): ReportModel {
  const m = clone(model);
  const results = Object.keys(m.t3).filter((k) => k.startsWith('R3_') && k !== 'R3_7');
  const put = (row: CellValue[], i: number, v: number) => {
    row[i] = row[i] === null && v === 0 ? null : v;
  };
  for (let c = 0; c < 6; c++) {
    if (m.t3.R3_7)
      put(
        m.t3.R3_7,
        c,
        results.reduce((a, k) => a + num(m.t3[k][c]), 0),
      );
    if (m.t3.R1 && m.t3.R2 && m.t3.R4 && m.t3.R3_7) {
      const r1 = num(m.t3.R3_7[c]) + num(m.t3.R4[c]) - num(m.t3.R2[c]);
      if (r1 < 0) {
        put(m.t3.R2, c, num(m.t3.R2[c]) + r1);
        put(m.t3.R1, c, 0);
      } else put(m.t3.R1, c, r1);
    }
  }
  for (const row of Object.values(m.t3))
    put(
      row,
      6,
      row.slice(0, 6).reduce<number>((a, v) => a + num(v), 0),
    );
  for (let g = 0; g < 3; g++)
    put(
      m.t4,
      g * 5 + 4,
      m.t4.slice(g * 5, g * 5 + 4).reduce<number>((a, v) => a + num(v), 0),
    );
  return m;
}
