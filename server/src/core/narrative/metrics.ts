import { cellNames } from '../labels';
import type { Cell, FormatVersion, Report, TableId } from '../model';
import { countedValue } from '../numbers';
import type { Localized } from '../rule';

/**
 * The figures a report's prose restates, read from its tables: 本年新收, 上年结转, （七）总计,
 * 结转下年度, the result groups of 表三, the 总计 columns of 表四, and the 规章/规范性文件 rows of 表二.
 */

export type MetricId =
  | 'received'
  | 'carriedIn'
  | 'concluded'
  | 'carriedOut'
  | 'disclosed'
  | 'partial'
  | 'withheld'
  | 'unable'
  | 'notProcessed'
  | 'otherHandling'
  | 'review'
  | 'litigationDirect'
  | 'litigationAfterReview'
  | 'litigation';

export interface MetricPart {
  cell: Cell;
  name: Localized;
  value: number;
}

export interface MetricValue {
  value: number;
  /** The cells the value was read from (the 总计 cells) with their own names and values, for related information. */
  parts: MetricPart[];
  /** Some operand was blank and counted as 0. */
  blank: boolean;
  /** What the value is, for messages: 表三「（七）总计」总计. */
  name: Localized;
}

export interface MetricOptions {
  blankAsZero: boolean;
  /** The format the tables are read and named in (`RuleContext.format`). */
  format: FormatVersion;
}

const T3_GROUP_ROWS: Record<string, Record<FormatVersion, string[]>> = {
  withheld: {
    '2019': ['R3_3_1', 'R3_3_2', 'R3_3_3', 'R3_3_4', 'R3_3_5', 'R3_3_6', 'R3_3_7', 'R3_3_8'],
    '2021': ['R3_3_1', 'R3_3_2', 'R3_3_3', 'R3_3_4', 'R3_3_5', 'R3_3_6', 'R3_3_7', 'R3_3_8'],
  },
  unable: { '2019': ['R3_4_1', 'R3_4_2', 'R3_4_3'], '2021': ['R3_4_1', 'R3_4_2', 'R3_4_3'] },
  notProcessed: { '2019': ['R3_5_1', 'R3_5_2', 'R3_5_3', 'R3_5_4', 'R3_5_5'], '2021': ['R3_5_1', 'R3_5_2', 'R3_5_3', 'R3_5_4', 'R3_5_5'] },
  otherHandling: { '2019': ['R3_6'], '2021': ['R3_6_1', 'R3_6_2', 'R3_6_3'] },
};

const T3_SINGLE: Partial<Record<MetricId, string>> = {
  received: 'R1',
  carriedIn: 'R2',
  concluded: 'R3_7',
  carriedOut: 'R4',
  disclosed: 'R3_1',
  partial: 'R3_2',
};

const GROUP_NAMES: Record<string, Localized> = {
  withheld: { 'zh-CN': '表三「（三）不予公开」各项之和', en: 'table 3 “（三）不予公开”, all items' },
  unable: { 'zh-CN': '表三「（四）无法提供」各项之和', en: 'table 3 “（四）无法提供”, all items' },
  notProcessed: { 'zh-CN': '表三「（五）不予处理」各项之和', en: 'table 3 “（五）不予处理”, all items' },
  otherHandling: { 'zh-CN': '表三「（六）其他处理」', en: 'table 3 “（六）其他处理”' },
};

export function cellOf(report: Report, table: TableId, row: string, column: string): Cell | undefined {
  const r = report.tables[table]?.rows.get(row);
  if (!r || r.unparsed) return undefined;
  return r.cells.find((c) => c.column === column);
}

const T3_PARTS = ['NP', 'CE', 'RI', 'PW', 'LS', 'OT'];

/** A 表三 row's 总计: the 总计 cell, or the sum of the six applicant cells when 总计 is blank. */
function t3RowTotal(report: Report, row: string, options: MetricOptions): MetricValue | undefined {
  const tot = cellOf(report, 'T3', row, 'TOT');
  if (!tot) return undefined;

  const name = cellNames(tot, options.format, { inTable: true });
  if (tot.state === 'number' && tot.value !== undefined) return single(tot, tot.value, false, name);
  if (tot.state === 'invalid') return undefined;
  const parts = T3_PARTS.map((c) => countedValue(cellOf(report, 'T3', row, c), options.blankAsZero));
  if (parts.some((p) => p === undefined)) return undefined;
  if (parts.every((p) => p!.blank) && !options.blankAsZero) return undefined;
  return single(
    tot,
    parts.reduce((s, p) => s + p!.value, 0),
    true,
    name,
  );
}

function single(cell: Cell, value: number, blank: boolean, name: Localized): MetricValue {
  return { value, parts: [{ cell, name, value }], blank, name };
}

function sum(values: (MetricValue | undefined)[], name: Localized): MetricValue | undefined {
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return {
    value: values.reduce((s, v) => s + v!.value, 0),
    parts: values.flatMap((v) => v!.parts),
    blank: values.some((v) => v!.blank),
    name,
  };
}

function t4Total(report: Report, group: 'RV' | 'LD' | 'LR', options: MetricOptions): MetricValue | undefined {
  const tot = cellOf(report, 'T4', 'R', `${group}_TOT`);
  if (!tot) return undefined;
  const name = cellNames(tot, options.format, { inTable: true });
  if (tot.state === 'number' && tot.value !== undefined) return single(tot, tot.value, false, name);
  if (tot.state === 'invalid') return undefined;
  const parts = ['KEEP', 'CORR', 'OTH', 'PEND'].map((k) => countedValue(cellOf(report, 'T4', 'R', `${group}_${k}`), options.blankAsZero));
  if (parts.some((p) => p === undefined) || !options.blankAsZero) return undefined;
  return single(
    tot,
    parts.reduce((s, p) => s + p!.value, 0),
    true,
    name,
  );
}

/** The value of a figure in the report's tables; undefined when the table does not give it. */
export function metric(report: Report, id: MetricId, options: MetricOptions): MetricValue | undefined {
  const single = T3_SINGLE[id];
  if (single) return t3RowTotal(report, single, options);
  const group = T3_GROUP_ROWS[id];
  if (group)
    return sum(
      group[options.format].map((r) => t3RowTotal(report, r, options)),
      GROUP_NAMES[id],
    );
  if (id === 'review') return t4Total(report, 'RV', options);
  if (id === 'litigationDirect') return t4Total(report, 'LD', options);
  if (id === 'litigationAfterReview') return t4Total(report, 'LR', options);
  if (id === 'litigation') {
    return sum([t4Total(report, 'LD', options), t4Total(report, 'LR', options)], {
      'zh-CN': '表四行政诉讼「未经复议直接起诉」总计与「复议后起诉」总计之和',
      en: 'table 4 litigation: 未经复议直接起诉 总计 + 复议后起诉 总计',
    });
  }
  return undefined;
}

/** The sum of several figures, named after its parts (received + carriedIn, disclosed + partial). */
export function metricSum(report: Report, ids: MetricId[], options: MetricOptions): MetricValue | undefined {
  const values = ids.map((id) => metric(report, id, options));
  if (values.length === 1) return values[0];
  if (values.some((v) => v === undefined)) return undefined;
  return sum(values, {
    'zh-CN': `${values.map((v) => v!.name['zh-CN']).join(values.length === 2 ? '与' : '、')}之和`,
    en: values.map((v) => v!.name.en).join(' + '),
  });
}

/** A cell of 表二 (规章/规范性文件 rows), by column key of the report's format. */
export function table2Metric(report: Report, row: 'REG' | 'NORM', column: string, options: MetricOptions): MetricValue | undefined {
  const cell = cellOf(report, 'T2', row, column);
  const v = countedValue(cell, options.blankAsZero);
  if (!cell || !v) return undefined;
  return single(cell, v.value, v.blank, cellNames(cell, options.format, { inTable: true }));
}
