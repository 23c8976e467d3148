/** The six sections of the national format (docs/domain.md, 六个部分), matched by keyword, not exact string. */

export interface SectionSpec {
  index: number;
  numeral: string;
  title: string;
  /** All must match the heading title. */
  keywords: RegExp[];
  doc: { 'zh-CN': string; en: string };
}

export const SECTIONS: SectionSpec[] = [
  {
    index: 1,
    numeral: '一',
    title: '总体情况',
    keywords: [/总体情况/],
    doc: {
      'zh-CN': '综述本机关贯彻落实《条例》情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障（国办公开办函〔2021〕30号）。',
      en: 'Overview of how the organ implemented the Regulations: proactive disclosure, requests, information management, platforms, supervision.',
    },
  },
  {
    index: 2,
    numeral: '二',
    title: '主动公开政府信息情况',
    keywords: [/主动公开政府信息/],
    doc: {
      'zh-CN': '表二：《条例》第二十条第（一）（五）（六）（八）项（2019年格式另有第（九）项）的主动公开数据。',
      en: 'Table 2: proactive disclosure under Art. 20 items (1)(5)(6)(8) (and (9) in the 2019 format).',
    },
  },
  {
    index: 3,
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    keywords: [/收到和处理.*申请/],
    doc: {
      'zh-CN': '表三：按申请人类别统计的收到和处理申请情况；每列满足一＋二＝三（（七）总计）＋四。',
      en: 'Table 3: applications received and handled by applicant type; in every column 一 + 二 = （七）总计 + 四.',
    },
  },
  {
    index: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    keywords: [/行政复议/, /行政诉讼/],
    doc: {
      'zh-CN': '表四：行政复议、未经复议直接起诉、复议后起诉三组，每组总计＝维持＋纠正＋其他＋尚未审结。',
      en: 'Table 4: administrative review and litigation, three groups of 维持/纠正/其他/尚未审结/总计.',
    },
  },
  {
    index: 5,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    keywords: [/问题/, /改进|整改/],
    doc: {
      'zh-CN': '本机关政府信息公开工作存在的主要问题及改进情况（《条例》第五十条第（四）项）。',
      en: 'Main problems in the disclosure work and how they are being improved (Art. 50 item 4).',
    },
  },
  {
    index: 6,
    numeral: '六',
    title: '其他需要报告的事项',
    keywords: [/其他需要报告/],
    doc: {
      'zh-CN': '其他需要报告的事项，如信息处理费收取情况（国办函〔2020〕109号）。',
      en: 'Other matters, e.g. information processing fees charged (国办函〔2020〕109号).',
    },
  },
];

export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'];
