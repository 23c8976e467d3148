import type { FormatVersion, Report, TableId } from '../model';

/**
 * The two official table formats (国办公开办函〔2019〕60号 and 〔2021〕30号) as data.
 * Labels are written as in the official tables; matching folds width, spaces, quotes and 、/，.
 */

export type ValueType = 'count' | 'signedCount' | 'amount';

export interface ColumnSpec {
  key: string;
  label: string;
  /** Other headings seen for this column (matched by prefix, so truncations like 本年新 match). */
  aliases?: string[];
  type: ValueType;
  /** Plain-language meaning, for hovers. */
  doc?: { 'zh-CN': string; en: string };
}

export interface RowSpec {
  key: string;
  label: string;
  aliases?: string[];
  /** Formats that have this row; absent means both. */
  formats?: FormatVersion[];
  doc?: { 'zh-CN': string; en: string };
  /** Legal basis of the row, e.g. 第十四条. */
  basis?: string;
}

export interface BlockSpec {
  /** 第二十条第（X）项 */
  key: string;
  caption: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
}

export interface TableSpec {
  id: TableId;
  section: number;
  /** Labels of rowspan group cells that carry no numbers of their own. */
  groups: { key: string; label: string; formats?: FormatVersion[] }[];
}

// ---------------------------------------------------------------- table 二

/** The columns of the 2019 items （五） and （六）. */
const ITEMS_2019: ColumnSpec[] = [
  { key: 'PREV', label: '上一年项目数量', type: 'count' },
  { key: 'CHANGE', label: '本年增/减', type: 'signedCount' },
  { key: 'DECISIONS', label: '处理决定数量', type: 'count' },
];

const T2_2019: BlockSpec[] = [
  {
    key: 'B1',
    caption: '第二十条第（一）项',
    columns: [
      { key: 'NEW_MADE', label: '本年新制作数量', aliases: ['本年新'], type: 'count' },
      { key: 'NEW_PUB', label: '本年新公开数量', aliases: ['本年新'], type: 'count' },
      { key: 'TOTAL_PUB', label: '对外公开总数量', type: 'count' },
    ],
    rows: [
      { key: 'REG', label: '规章' },
      { key: 'NORM', label: '规范性文件' },
    ],
  },
  {
    key: 'B5',
    caption: '第二十条第（五）项',
    columns: ITEMS_2019,
    rows: [
      { key: 'LIC', label: '行政许可' },
      { key: 'OTHER_SVC', label: '其他对外管理服务事项' },
    ],
  },
  {
    key: 'B6',
    caption: '第二十条第（六）项',
    columns: ITEMS_2019,
    rows: [
      { key: 'PUN', label: '行政处罚' },
      { key: 'ENF', label: '行政强制' },
    ],
  },
  {
    key: 'B8',
    caption: '第二十条第（八）项',
    columns: [
      { key: 'PREV', label: '上一年项目数量', type: 'count' },
      { key: 'CHANGE', label: '本年增/减', type: 'signedCount' },
    ],
    rows: [{ key: 'FEE', label: '行政事业性收费' }],
  },
  {
    key: 'B9',
    caption: '第二十条第（九）项',
    columns: [
      { key: 'PROJ', label: '采购项目数量', type: 'count' },
      { key: 'AMOUNT', label: '采购总金额', type: 'amount' },
    ],
    rows: [{ key: 'PROC', label: '政府集中采购' }],
  },
];

const DECISIONS_2021: ColumnSpec[] = [{ key: 'DECISIONS', label: '本年处理决定数量', type: 'count' }];

const T2_2021: BlockSpec[] = [
  {
    key: 'B1',
    caption: '第二十条第（一）项',
    columns: [
      { key: 'ISSUED', label: '本年制发件数', type: 'count' },
      { key: 'REPEALED', label: '本年废止件数', type: 'count' },
      { key: 'VALID', label: '现行有效件数', type: 'count' },
    ],
    rows: [
      { key: 'REG', label: '规章' },
      { key: 'NORM', label: '行政规范性文件' },
    ],
  },
  {
    key: 'B5',
    caption: '第二十条第（五）项',
    columns: DECISIONS_2021,
    rows: [{ key: 'LIC', label: '行政许可' }],
  },
  {
    key: 'B6',
    caption: '第二十条第（六）项',
    columns: DECISIONS_2021,
    rows: [
      { key: 'PUN', label: '行政处罚' },
      { key: 'ENF', label: '行政强制' },
    ],
  },
  {
    key: 'B8',
    caption: '第二十条第（八）项',
    columns: [{ key: 'FEE_AMOUNT', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额'], type: 'amount' }],
    rows: [{ key: 'FEE', label: '行政事业性收费' }],
  },
];

export const TABLE2: Record<FormatVersion, BlockSpec[]> = { '2019': T2_2019, '2021': T2_2021 };

// ---------------------------------------------------------------- table 三

export const T3_COLUMNS: ColumnSpec[] = [
  { key: 'NP', label: '自然人', type: 'count', doc: { 'zh-CN': '个人提出的申请', en: 'applications by natural persons' } },
  { key: 'CE', label: '商业企业', type: 'count', doc: { 'zh-CN': '法人或其他组织：商业企业', en: 'legal persons: commercial enterprises' } },
  { key: 'RI', label: '科研机构', type: 'count', doc: { 'zh-CN': '法人或其他组织：科研机构', en: 'legal persons: research institutions' } },
  { key: 'PW', label: '社会公益组织', type: 'count', doc: { 'zh-CN': '法人或其他组织：社会公益组织', en: 'legal persons: public-welfare organisations' } },
  { key: 'LS', label: '法律服务机构', type: 'count', doc: { 'zh-CN': '法人或其他组织：法律服务机构', en: 'legal persons: legal-service institutions' } },
  { key: 'OT', label: '其他', type: 'count', doc: { 'zh-CN': '法人或其他组织：其他', en: 'legal persons: others' } },
  { key: 'TOT', label: '总计', type: 'count', doc: { 'zh-CN': '前六列之和', en: 'the sum of the six applicant columns' } },
];

const zh = (z: string, e: string) => ({ 'zh-CN': z, en: e });

export const T3_ROWS: RowSpec[] = [
  { key: 'R1', label: '一、本年新收政府信息公开申请数量', doc: zh('本年度新收到的申请件数', 'applications received this year') },
  { key: 'R2', label: '二、上年结转政府信息公开申请数量', doc: zh('上一年度未办结、转入本年度的申请', 'applications carried over from last year') },
  { key: 'R3_1', label: '（一）予以公开', doc: zh('全部公开的申请', 'disclosed in full') },
  {
    key: 'R3_2',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    aliases: ['（二）部分公开'],
    doc: zh('部分公开（区分处理的只计此项）', 'disclosed in part (counted only here)'),
  },
  { key: 'R3_3_1', label: '1.属于国家秘密', basis: '第十四条', doc: zh('不予公开：属于国家秘密', 'withheld: state secret') },
  { key: 'R3_3_2', label: '2.其他法律行政法规禁止公开', basis: '第十四条', doc: zh('不予公开：法律行政法规禁止公开', 'withheld: prohibited by law') },
  {
    key: 'R3_3_3',
    label: '3.危及“三安全一稳定”',
    basis: '第十四条',
    doc: zh('不予公开：危及国家安全、公共安全、经济安全和社会稳定', 'withheld: endangers the "three securities and one stability"'),
  },
  { key: 'R3_3_4', label: '4.保护第三方合法权益', basis: '第十五条', doc: zh('不予公开：涉及第三方合法权益', 'withheld: third-party rights') },
  { key: 'R3_3_5', label: '5.属于三类内部事务信息', basis: '第十六条', doc: zh('不予公开：内部事务信息', 'withheld: internal affairs') },
  { key: 'R3_3_6', label: '6.属于四类过程性信息', basis: '第十六条', doc: zh('不予公开：过程性信息', 'withheld: process information') },
  { key: 'R3_3_7', label: '7.属于行政执法案卷', basis: '第十六条', doc: zh('不予公开：行政执法案卷', 'withheld: enforcement files') },
  {
    key: 'R3_3_8',
    label: '8.属于行政查询事项',
    basis: '第三十六条第（七）项',
    doc: zh('不予公开：属于行政查询事项', 'withheld: administrative enquiry matter'),
  },
  {
    key: 'R3_4_1',
    label: '1.本机关不掌握相关政府信息',
    basis: '第三十六条第（四）（五）项',
    doc: zh('无法提供：本机关不掌握', 'cannot provide: not held by this organ'),
  },
  { key: 'R3_4_2', label: '2.没有现成信息需要另行制作', basis: '第三十八条', doc: zh('无法提供：需另行制作', 'cannot provide: would have to be created') },
  {
    key: 'R3_4_3',
    label: '3.补正后申请内容仍不明确',
    basis: '第三十条',
    doc: zh('无法提供：补正后仍不明确', 'cannot provide: still unclear after correction'),
  },
  { key: 'R3_5_1', label: '1.信访举报投诉类申请', basis: '第三十九条第一款', doc: zh('不予处理：信访举报投诉类', 'not processed: petitions and complaints') },
  { key: 'R3_5_2', label: '2.重复申请', basis: '第三十六条第（六）项', doc: zh('不予处理：重复申请', 'not processed: repeated application') },
  { key: 'R3_5_3', label: '3.要求提供公开出版物', basis: '第三十九条第二款', doc: zh('不予处理：要求提供公开出版物', 'not processed: asks for publications') },
  {
    key: 'R3_5_4',
    label: '4.无正当理由大量反复申请',
    basis: '第三十五条',
    doc: zh('不予处理：无正当理由大量反复申请', 'not processed: mass repeated applications'),
  },
  {
    key: 'R3_5_5',
    label: '5.要求行政机关确认或重新出具已获取信息',
    doc: zh('不予处理：要求确认或重新出具已获取信息', 'not processed: asks to confirm or re-issue information already obtained'),
  },
  { key: 'R3_6', label: '（六）其他处理', formats: ['2019'], doc: zh('其他处理（2019 年格式为单独一行）', 'other handling (one row in the 2019 format)') },
  {
    key: 'R3_6_1',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    aliases: ['1.申请人无正当理由逾期不补正'],
    formats: ['2021'],
    basis: '第三十条',
    doc: zh('其他处理：申请人逾期不补正', 'other: applicant did not correct in time'),
  },
  {
    key: 'R3_6_2',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    aliases: ['2.申请人逾期未按收费通知要求缴纳费用'],
    formats: ['2021'],
    basis: '第四十二条',
    doc: zh('其他处理：申请人逾期未缴费', 'other: applicant did not pay the fee in time'),
  },
  { key: 'R3_6_3', label: '3.其他', formats: ['2021'], doc: zh('其他处理：其他', 'other: other') },
  { key: 'R3_7', label: '（七）总计', doc: zh('本年度办理结果合计：（一）至（六）各行之和', "total of this year's results: rows (一) to (六)") },
  { key: 'R4', label: '四、结转下年度继续办理', doc: zh('本年度未办结、转入下年度的申请', 'carried over to next year') },
];

export const TABLE3: TableSpec = {
  id: 'T3',
  section: 3,
  groups: [
    { key: 'G3', label: '三、本年度办理结果' },
    { key: 'G3_3', label: '（三）不予公开' },
    { key: 'G3_4', label: '（四）无法提供' },
    { key: 'G3_5', label: '（五）不予处理' },
    { key: 'G3_6', label: '（六）其他处理', formats: ['2021'] },
  ],
};

// ---------------------------------------------------------------- table 四

const t4Group = (prefix: string, group: string): ColumnSpec[] =>
  [
    ['KEEP', '结果维持'],
    ['CORR', '结果纠正'],
    ['OTH', '其他结果'],
    ['PEND', '尚未审结'],
    ['TOT', '总计'],
  ].map(([k, l]) => ({ key: `${prefix}_${k}`, label: `${group}·${l}`, type: 'count' as const }));

export const T4_COLUMNS: ColumnSpec[] = [...t4Group('RV', '行政复议'), ...t4Group('LD', '未经复议直接起诉'), ...t4Group('LR', '复议后起诉')];

export const T4_ROW_KEY = 'R';

/** Header words of table 四; its data row follows the last of them. */
export const T4_HEADER_WORDS = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'];

// ---------------------------------------------------------------- format markers

/** Wording that only one format has (docs/domain.md, 两种表格格式), with its weight. */
/** Wording that only one format has. The 规范性文件 row is not among them: its two wordings are a slip (row-label), not a template. */
export const FORMAT_MARKERS: { version: FormatVersion; text: string; weight: number }[] = [
  { version: '2019', text: '本年新制作数量', weight: 1 },
  { version: '2019', text: '本年新公开数量', weight: 1 },
  { version: '2019', text: '对外公开总数量', weight: 1 },
  { version: '2019', text: '上一年项目数量', weight: 3 },
  { version: '2019', text: '其他对外管理服务事项', weight: 1 },
  { version: '2019', text: '第二十条第（九）项', weight: 3 },
  { version: '2019', text: '政府集中采购', weight: 1 },
  { version: '2019', text: '采购总金额', weight: 3 },
  { version: '2021', text: '本年制发件数', weight: 3 },
  { version: '2021', text: '本年废止件数', weight: 1 },
  { version: '2021', text: '现行有效件数', weight: 1 },
  { version: '2021', text: '本年处理决定数量', weight: 1 },
  { version: '2021', text: '本年收费金额', weight: 3 },
];

/** The format a report year must use (docs/domain.md, 报告年度与应用格式); undefined before 2019 (legacy, not checked). */
export function expectedFormat(year: number | undefined): FormatVersion | undefined {
  if (year === undefined || year < 2019) return undefined;
  return year <= 2020 ? '2019' : '2021';
}

/** The other of the two formats. */
export function otherFormat(format: FormatVersion): FormatVersion {
  return format === '2019' ? '2021' : '2019';
}

/**
 * The format a report's tables are read and named in: the one they use, else the one expected
 * (forced by the `formatVersion` setting, else by the report year), else 2021. The rules get it
 * as `RuleContext.format`, hover, outline and the table preview as `Analysis.format`.
 */
export function effectiveFormat(report: Pick<Report, 'format' | 'year'>, forced?: FormatVersion): FormatVersion {
  return report.format ?? forced ?? expectedFormat(report.year) ?? '2021';
}

/** Every row a table has in a format, in document order. */
export function rowsOf(table: TableId, format: FormatVersion): { key: string; label: string }[] {
  if (table === 'T2') return TABLE2[format].flatMap((b) => b.rows);
  if (table === 'T3') return T3_ROWS.filter((r) => !r.formats || r.formats.includes(format));
  return [{ key: T4_ROW_KEY, label: '' }];
}

export function columnsOf(table: TableId, format: FormatVersion, rowKey: string): ColumnSpec[] {
  if (table === 'T2') return TABLE2[format].find((b) => b.rows.some((r) => r.key === rowKey))?.columns ?? [];
  if (table === 'T3') return T3_COLUMNS;
  return T4_COLUMNS;
}

export function rowSpec(table: TableId, format: FormatVersion, rowKey: string): RowSpec | undefined {
  if (table === 'T2') return TABLE2[format].flatMap((b) => b.rows).find((r) => r.key === rowKey);
  if (table === 'T3') return T3_ROWS.find((r) => r.key === rowKey);
  return undefined;
}

export function blockOf(format: FormatVersion, rowKey: string): BlockSpec | undefined {
  return TABLE2[format].find((b) => b.rows.some((r) => r.key === rowKey));
}
