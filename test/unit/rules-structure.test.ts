/**
 * Per-rule tests for the structural rules (sections, tables, rows, format, title, input), each case
 * run in encodings A, B, C and Markdown (and more where it matters). Expected lines and columns come
 * from the renderer's position map; fixes are checked by the text they produce.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { insertLine, lineWith } from '../support/cases';
import { clone, ReportModel, withCells, zeroModel } from '../support/model';
import { Encoding, render } from '../support/render';
import { ruleTester } from '../support/rule-tester';

const ABCM: Encoding[] = ['A', 'B', 'C', 'md'];
const ABC: Encoding[] = ['A', 'B', 'C'];
const flat = { spacedHeadings: false };

function m(format: '2019' | '2021', edit: (x: ReportModel) => void, year?: number): ReportModel {
  const x = zeroModel(format, year);
  edit(x);
  return x;
}
const sections = (s: NonNullable<ReportModel['sections']>, format: '2019' | '2021' = '2019') =>
  m(format, (x) => {
    x.sections = s;
  });

// ------------------------------------------------------------------ section-missing

ruleTester(
  'section-missing',
  {
    valid: [
      { name: 'all six sections', model: zeroModel('2019') },
      { name: 'a heading numbered 4、 is still section 四', model: sections({ number: { 4: '4、 ' } }) },
      { name: 'headings with a space after 、 (seed 000)', model: zeroModel('2021'), variant: { spacedHeadings: true } },
      { name: 'an unnumbered official title', model: sections({ number: { 6: '' } }) },
      {
        name: 'title variants seen in practice',
        model: sections({ title: { 4: '政府信息公开行政复议、行政诉讼情况', 5: '政府信息公开工作存在的主要问题及改进情况' } }),
      },
      { name: 'the shortened 五、存在问题及改进情况', model: sections({ title: { 5: '存在问题及改进情况' } }) },
      {
        name: 'sub-headings of 总体情况 that name other sections (seed 003) are not headings',
        model: sections({ body: { 1: ['（一）主动公开政府信息情况', '内容。', '（四）因政府信息公开申请行政复议、提起行政诉讼的情况', '内容。'] }, omit: [] }),
      },
    ],
    invalid: [
      {
        name: '五 missing: inserted before 六',
        model: sections({ omit: [5] }),
        encodings: ABC,
        variant: flat,
        errors: [
          {
            at: 'heading:6',
            target: 'section.5',
            severity: 'error',
            message: '缺少第五部分「五、存在的主要问题及改进情况」',
            en: 'Section 五 “五、存在的主要问题及改进情况” is missing',
            fixed: null,
            suggested: [
              {
                title: '插入标题「五、存在的主要问题及改进情况」（内容仍需补写）',
                fixed: (r) => insertLine(r.text, r.at('heading:6').line, '五、存在的主要问题及改进情况'),
              },
            ],
          },
        ],
      },
      {
        name: '六 missing at the very end (no 落款): appended',
        model: m('2019', (x) => {
          x.sections = { omit: [6] };
          x.signature = null;
        }),
        errors: [
          {
            // The finding points where the heading goes: the end of the file.
            at: (r) => r.text.split('\n').length - 1,
            target: 'section.6',
            message: '缺少第六部分「六、其他需要报告的事项」',
            fixed: null,
            suggested: [
              {
                title: '插入标题「六、其他需要报告的事项」（内容仍需补写）',
                fixed: (r) => `${r.text}${r.encoding === 'md' ? '## ' : ''}六、其他需要报告的事项\n`,
              },
            ],
          },
        ],
      },
      {
        name: '三 and 四 missing: two findings, both before 五',
        model: sections({ omit: [3, 4] }),
        encodings: ABC,
        variant: flat,
        errors: [
          {
            at: 'heading:5',
            target: 'section.3',
            message: '缺少第三部分「三、收到和处理政府信息公开申请情况」',
            fixed: null,
            suggested: [
              {
                title: '插入标题「三、收到和处理政府信息公开申请情况」（内容仍需补写）',
                fixed: (r) => insertLine(r.text, r.at('heading:5').line, '三、收到和处理政府信息公开申请情况'),
              },
            ],
          },
          {
            at: 'heading:5',
            target: 'section.4',
            message: '缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」',
            fixed: null,
            suggested: [
              {
                title: '插入标题「四、政府信息公开行政复议、行政诉讼情况」（内容仍需补写）',
                fixed: (r) => insertLine(r.text, r.at('heading:5').line, '四、政府信息公开行政复议、行政诉讼情况'),
              },
            ],
          },
        ],
      },
      {
        name: '六 missing before the 落款: the heading goes above the signature, not after the date',
        model: sections({ omit: [6] }),
        encodings: ABC,
        variant: flat,
        errors: [
          {
            at: 'signature',
            exact: false,
            target: 'section.6',
            message: '缺少第六部分「六、其他需要报告的事项」',
            fixed: null,
            suggested: [
              {
                title: '插入标题「六、其他需要报告的事项」（内容仍需补写）',
                fixed: (r) => insertLine(r.text, r.at('signature').line, '六、其他需要报告的事项'),
              },
            ],
          },
        ],
      },
      {
        name: 'CRLF text: the inserted heading ends with CRLF like every other line',
        model: sections({ omit: [5] }),
        encodings: ABC,
        variant: { ...flat, crlf: true },
        errors: [
          {
            at: 'heading:6',
            target: 'section.5',
            message: '缺少第五部分「五、存在的主要问题及改进情况」',
            fixed: null,
            suggested: [
              {
                title: '插入标题「五、存在的主要问题及改进情况」（内容仍需补写）',
                fixed: (r) => {
                  const lines = r.text.split('\r\n');
                  lines.splice(r.at('heading:6').line, 0, '五、存在的主要问题及改进情况');
                  return lines.join('\r\n');
                },
              },
            ],
          },
        ],
      },
      {
        name: 'Markdown: the inserted heading keeps the `## ` style of the others',
        model: sections({ omit: [5] }),
        encodings: ['md'],
        errors: [
          {
            at: 'heading:6',
            target: 'section.5',
            message: '缺少第五部分「五、存在的主要问题及改进情况」',
            fixed: null,
            suggested: [
              {
                title: '插入标题「五、存在的主要问题及改进情况」（内容仍需补写）',
                fixed: (r) => insertLine(r.text, r.at('heading:6').line, '## 五、存在的主要问题及改进情况'),
              },
            ],
          },
        ],
      },
    ],
  },
  { encodings: ABCM },
);

// ------------------------------------------------------------------ section-numbering

ruleTester(
  'section-numbering',
  {
    valid: [
      { name: 'official numbering', model: zeroModel('2019') },
      { name: 'a space after 、 (seed 000)', model: zeroModel('2019'), variant: { spacedHeadings: true } },
      {
        name: 'sub-headings all in Chinese numerals',
        model: sections({ body: { 1: ['（一）主动公开', '内容。', '（二）依申请公开', '内容。', '（三）政府信息管理', '内容。'] } }),
      },
      {
        name: 'sub-headings all in Arabic numerals (one system, not mixed)',
        model: sections({ body: { 1: ['（1）主动公开', '内容。', '（2）依申请公开', '内容。'] } }),
      },
    ],
    invalid: [
      {
        name: '4、 for 四、 (seed 004)',
        model: sections({ number: { 4: '4、 ' } }),
        variant: flat,
        absent: ['section-missing'],
        errors: [
          {
            at: 'num:4',
            target: 'section.4',
            severity: 'warning',
            message: '部分标题应使用汉字编号“四、”，此处写作“4、”',
            en: 'Section headings are numbered with Chinese numerals (“四、”), not “4、”',
            fixed: zeroModel('2019'),
          },
        ],
      },
      {
        name: 'full-width ４、',
        model: sections({ number: { 4: '４、' } }),
        variant: flat,
        absent: ['section-missing'],
        errors: [{ at: 'num:4', message: '部分标题应使用汉字编号“四、”，此处写作“４、”', fixed: zeroModel('2019') }],
      },
      {
        name: 'a shifted block: 四五六 numbered 五六七',
        model: sections({ number: { 4: '五、', 5: '六、', 6: '七、' } }),
        variant: flat,
        absent: ['section-missing', 'section-order'],
        errors: [
          {
            at: 'num:4',
            target: 'section.4',
            message: '「政府信息公开行政复议、行政诉讼情况」是第四部分，编号却写作“五、”',
            fixed: sections({ number: { 5: '六、', 6: '七、' } }),
          },
          {
            at: 'num:5',
            target: 'section.5',
            message: '「存在的主要问题及改进情况」是第五部分，编号却写作“六、”',
            fixed: sections({ number: { 4: '五、', 6: '七、' } }),
          },
          {
            at: 'num:6',
            target: 'section.6',
            message: '「其他需要报告的事项」是第六部分，编号却写作“七、”',
            fixed: sections({ number: { 4: '五、', 5: '六、' } }),
          },
        ],
      },
      {
        name: 'an unnumbered heading',
        model: sections({ number: { 1: '' } }),
        variant: flat,
        absent: ['section-missing'],
        errors: [{ at: 'heading:1', message: '「总体情况」缺少编号“一、”', fixed: zeroModel('2019') }],
      },
      {
        name: 'sub-headings mixing （1） and （二） (seed 004)',
        model: sections({ body: { 1: ['（1）主动公开', '内容。', '（二）依申请公开', '内容。', '（3）政府信息管理', '内容。'] } }),
        errors: [
          {
            at: (r) => lineWith(r, '（1）主动公开'),
            target: undefined,
            message: '小标题编号混用：此处为（1），同一部分其他小标题用汉字编号，应为（一）',
            fixed: (r) => r.text.replace('（1）主动公开', '（一）主动公开'),
          },
          {
            at: (r) => lineWith(r, '（3）政府信息管理'),
            message: '小标题编号混用：此处为（3），同一部分其他小标题用汉字编号，应为（三）',
            fixed: (r) => r.text.replace('（3）政府信息管理', '（三）政府信息管理'),
          },
        ],
      },
    ],
  },
  { encodings: ABCM },
);

// ------------------------------------------------------------------ section-order

ruleTester(
  'section-order',
  {
    valid: [{ name: 'official order', model: zeroModel('2021') }],
    invalid: [
      {
        name: '六 before 五',
        model: sections({ order: [1, 2, 3, 4, 6, 5] }),
        absent: ['section-missing', 'section-numbering'],
        errors: [
          {
            at: 'heading:5',
            target: 'section.5',
            severity: 'warning',
            message: '第五部分出现在第六部分之后',
            en: 'Section 五 comes after section 六',
            fixed: null,
          },
        ],
      },
      {
        name: '二 before 一',
        model: sections({ order: [2, 1, 3, 4, 5, 6] }),
        errors: [{ at: 'heading:1', target: 'section.1', message: '第一部分出现在第二部分之后', fixed: null }],
      },
    ],
  },
  { encodings: ABCM },
);

// ------------------------------------------------------------------ table-missing

ruleTester(
  'table-missing',
  {
    valid: [
      { name: 'all three tables', model: zeroModel('2019') },
      { name: 'all three tables, 2021', model: zeroModel('2021') },
    ],
    invalid: [
      {
        name: '表四 replaced by a sentence',
        model: sections({ noTable: [4], body: { 4: ['本年度未发生政府信息公开行政复议、行政诉讼。'] } }),
        errors: [{ at: 'heading:4', target: 'T4', severity: 'error', message: '第四部分中没有找到表四', en: 'No Table 4 found in section 四', fixed: null }],
      },
      {
        name: '表二 left out',
        model: sections({ noTable: [2], body: { 2: ['本年度主动公开政府信息若干条。'] } }),
        errors: [{ at: 'heading:2', target: 'T2', message: '第二部分中没有找到表二' }],
      },
      {
        name: '表三 left out',
        model: sections({ noTable: [3], body: { 3: ['本年度未收到政府信息公开申请。'] } }),
        errors: [{ at: 'heading:3', target: 'T3', message: '第三部分中没有找到表三' }],
      },
    ],
  },
  { encodings: ABCM },
);

// ------------------------------------------------------------------ row-missing

ruleTester(
  'row-missing',
  {
    valid: [
      { name: '2019 rows', model: zeroModel('2019') },
      { name: '2021 rows', model: zeroModel('2021') },
    ],
    invalid: [
      {
        name: '表三 1.属于国家秘密 missing (the group label moves to sub-row 2)',
        model: m('2019', (x) => {
          delete x.t3.R3_3_1;
        }),
        errors: [{ at: 'label:T3.R3_3_2', target: 'T3.R3_3_1', severity: 'error', message: '表三缺少「（三）不予公开1.属于国家秘密」行', fixed: null }],
      },
      {
        name: '表二 行政强制 missing',
        model: m('2019', (x) => {
          delete x.t2.ENF;
        }),
        errors: [{ at: 'label:T2.FEE', target: 'T2.ENF', message: '表二缺少「行政强制」行', en: 'Table 2 lacks the row “行政强制”' }],
      },
      {
        name: '2021 （六） 3.其他 missing',
        model: m('2021', (x) => {
          delete x.t3.R3_6_3;
        }),
        errors: [{ at: 'label:T3.R3_7', target: 'T3.R3_6_3', message: '表三缺少「（六）其他处理3.其他」行' }],
      },
      {
        name: 'the last row 四、结转下年度继续办理 missing',
        model: m('2021', (x) => {
          delete x.t3.R4;
        }),
        errors: [{ at: 'label:T3.R3_7', target: 'T3.R4', message: '表三缺少「四、结转下年度继续办理」行' }],
      },
    ],
  },
  { encodings: ['A', 'A|', 'B', 'C', 'md', 'D1', 'tsv'] },
);

// ------------------------------------------------------------------ row-label

ruleTester(
  'row-label',
  {
    valid: [
      { name: 'official labels', model: zeroModel('2019') },
      {
        name: 'ASCII quotes in 3.危及"三安全一稳定"',
        model: m('2019', (x) => {
          x.labels = { 'T3.R3_3_3': '3.危及"三安全一稳定"' };
        }),
      },
      {
        name: '，instead of 、 in the 2021 （六） sub-rows',
        model: m('2021', (x) => {
          x.labels = { 'T3.R3_6_1': '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请' };
        }),
      },
      { name: 'spaced and half-width labels (seed 000)', model: zeroModel('2019'), encodings: ['A'] },
      {
        name: 'the truncated 2021 aliases',
        model: m('2021', (x) => {
          x.labels = { 'T3.R3_6_1': '1.申请人无正当理由逾期不补正', 'T3.R3_6_2': '2.申请人逾期未按收费通知要求缴纳费用' };
        }),
      },
    ],
    invalid: [
      {
        name: '2.其他法律行政止公开 (a dropped 法规禁)',
        model: m('2019', (x) => {
          x.labels = { 'T3.R3_3_2': '2.其他法律行政止公开' };
        }),
        absent: ['row-missing'],
        errors: [
          {
            at: 'label:T3.R3_3_2',
            target: 'T3.R3_3_2',
            severity: 'warning',
            message: '表三行名「2.其他法律行政止公开」与官方格式「2.其他法律行政法规禁止公开」不一致',
            en: 'Table 3 row label “2.其他法律行政止公开” differs from the official “2.其他法律行政法规禁止公开”',
            fixed: m('2019', (x) => {
              x.labels = { 'T3.R3_3_2': '2.其他法律行政法规禁止公开' };
            }),
          },
        ],
      },
      {
        name: '表二 行政许诺',
        model: m('2021', (x) => {
          x.labels = { 'T2.LIC': '行政许诺' };
        }),
        absent: ['row-missing'],
        errors: [
          {
            at: 'label:T2.LIC',
            target: 'T2.LIC',
            message: '表二行名「行政许诺」与官方格式「行政许可」不一致',
            fixed: m('2021', (x) => {
              x.labels = { 'T2.LIC': '行政许可' };
            }),
          },
        ],
      },
      {
        name: 'a typo in a half-width label keeps the half-width style',
        model: m('2019', (x) => {
          x.labels = { 'T3.R3_1': '(一)予以公布' };
        }),
        absent: ['row-missing'],
        errors: [
          {
            at: 'label:T3.R3_1',
            message: '表三行名「(一)予以公布」与官方格式「(一)予以公开」不一致',
            fixed: m('2019', (x) => {
              x.labels = { 'T3.R3_1': '(一)予以公开' };
            }),
          },
        ],
      },
    ],
  },
  { encodings: ABCM },
);

// ------------------------------------------------------------------ format-mismatch

ruleTester(
  'format-mismatch',
  {
    valid: [
      { name: '2019 format for 2020', model: zeroModel('2019', 2020) },
      { name: '2019 format for 2019', model: zeroModel('2019', 2019) },
      { name: '2021 format for 2022', model: zeroModel('2021', 2022) },
      { name: 'a 2019 report forced to 2019', model: zeroModel('2019', 2023), options: { formatVersion: '2019' } },
    ],
    invalid: [
      {
        name: '2019 tables in a 2022 report',
        model: zeroModel('2019', 2022),
        errors: [
          {
            at: 'hdr:T2.B1.1',
            exact: false,
            target: 'format',
            severity: 'error',
            message: /^2022年度报告应使用2021年格式，表格却是2019年格式（如「本年新制作 ?数量」）$/,
            en: /^A report for 2022 uses the 2021 format, but the tables are in the 2019 format/,
            fixed: null,
          },
        ],
      },
      {
        name: '2021 tables in a 2020 report',
        model: zeroModel('2021', 2020),
        errors: [{ at: 'hdr:T2.B1.1', target: 'format', message: '2020年度报告应使用2019年格式，表格却是2021年格式（如「本年制发件数」）' }],
      },
      {
        name: 'a 2021 表三 with the 2019 single （六）其他处理 row',
        model: m('2021', (x) => {
          delete x.t3.R3_6_1;
          delete x.t3.R3_6_2;
          delete x.t3.R3_6_3;
          x.t3.R3_6 = [0, 0, 0, 0, 0, 0, 0];
        }),
        errors: [{ at: 'label:T3.R3_6', target: 'format.mixed', message: /^混用新旧格式：「[（(]六[）)]其他处理」属于2019年格式，表格其余部分为2021年格式$/ }],
      },
      {
        name: 'a format forced by the configuration',
        model: zeroModel('2019', 2020),
        options: { formatVersion: '2021' },
        errors: [{ at: 'hdr:T2.B1.1', exact: false, message: /^2020年度报告应使用2021年格式，表格却是2019年格式/ }],
      },
      {
        name: 'a report for 2017: legacy format, tables not checked',
        model: zeroModel('2019', 2017),
        errors: [{ at: 'title', exact: false, target: 'format', severity: 'information', message: '报告年度2017早于2019年，适用旧版格式，未检查表格' }],
      },
    ],
  },
  { encodings: ABCM },
);

// ------------------------------------------------------------------ title-incomplete

const untitled = (title: string | null, signature?: string[] | null, body?: string[]) =>
  m('2021', (x) => {
    x.title = title;
    if (signature !== undefined) x.signature = signature;
    if (body) x.sections = { body: { 1: body } };
  });

ruleTester(
  'title-incomplete',
  {
    valid: [
      { name: 'organ and year', model: zeroModel('2021') },
      { name: 'a year written 二〇二二', model: untitled('某某市某某局二〇二二年政府信息公开工作年度报告') },
      { name: '年度 after the year', model: untitled('某某市某某局2022年度政府信息公开工作年度报告') },
      {
        name: 'the year before the organ (2022年某某市某某局…)',
        model: untitled('2022年某某市某某局政府信息公开工作年度报告'),
      },
    ],
    invalid: [
      {
        name: 'no year; the 落款 date gives it',
        model: untitled('某某市某某局政府信息公开工作年度报告'),
        errors: [
          {
            at: 'title',
            exact: false,
            target: 'title.year',
            severity: 'information',
            message: '标题没有写明年度',
            en: 'The title does not state the year',
            fixed: (r) => r.text.replace('某某市某某局政府信息公开', '某某市某某局2022年政府信息公开'),
          },
        ],
      },
      {
        name: 'no year; the statistics period gives it',
        model: untitled('某某市某某局政府信息公开工作年度报告', null, ['本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。']),
        errors: [
          {
            at: 'title',
            exact: false,
            message: '标题没有写明年度',
            fixed: (r) => r.text.replace('某某市某某局政府信息公开', '某某市某某局2023年政府信息公开'),
          },
        ],
      },
      {
        name: 'no year and nothing reliable to take it from: no fix',
        model: untitled('某某市某某局政府信息公开工作年度报告', ['某某市某某局']),
        errors: [{ at: 'title', exact: false, message: '标题没有写明年度', fixed: null }],
      },
      {
        name: 'no organ (seed 002)',
        model: untitled('2022年政府信息公开工作年度报告'),
        encodings: ABC,
        errors: [{ at: 'title', exact: false, target: 'title.organ', message: '标题没有写明机关名称', fixed: null }],
      },
      {
        name: 'no organ in a Markdown title `# 2022年…`',
        model: untitled('2022年政府信息公开工作年度报告'),
        encodings: ['md'],
        errors: [{ at: 'title', exact: false, target: 'title.organ', message: '标题没有写明机关名称', fixed: null }],
      },
      {
        name: 'no title line at all',
        model: untitled(null),
        errors: [{ at: () => 0, target: 'title', message: '没有找到报告标题（“……政府信息公开工作年度报告”）' }],
      },
    ],
  },
  { encodings: ABCM },
);

// ------------------------------------------------------------------ input-encoding

const withBody = (line: string) =>
  m('2019', (x) => {
    x.sections = { body: { 1: ['（一）主动公开', line] } };
  });

ruleTester(
  'input-encoding',
  {
    valid: [
      { name: 'clean text', model: zeroModel('2019') },
      { name: 'two stray replacement characters are tolerated', model: withBody('本机关\ufffd\ufffd依法公开政府信息。') },
    ],
    invalid: [
      {
        name: 'GB18030 read as UTF-8 (replacement characters)',
        model: withBody('本机关\ufffd\ufffd\ufffd\ufffd依法公开政府信息。'),
        errors: [
          {
            at: (r) => lineWith(r, '\ufffd'),
            target: 'input',
            severity: 'warning',
            message: '文件中有4个无法解码的字符，可能不是 UTF-8 编码（如 GB18030/GBK），请以正确编码重新打开',
            en: '4 characters could not be decoded; the file may not be UTF-8 (e.g. GB18030/GBK). Reopen it with the right encoding',
          },
        ],
      },
      {
        name: 'binary control characters',
        model: withBody('本机关\u0000\u0001依法公开政府信息。'),
        errors: [{ at: (r) => lineWith(r, '\u0001'), target: 'input', message: '文件含有二进制控制字符，可能不是文本文件' }],
      },
    ],
  },
  { encodings: ABCM },
);

// ------------------------------------------------------------------ input-size

describe('rule input-size', () => {
  for (const enc of ABCM) {
    const text = render(zeroModel('2019'), enc).text;
    it(`a text over the limit gets only this notice [${enc}]`, () => {
      const a = analyze(text, { maxFileSize: 1000 });
      assert.deepEqual(
        a.findings.map((f) => [f.code, f.severity, f.range.start.line, f.message]),
        [['input-size', 'information', 0, `文件有${text.length}个字符，超过检查上限1000，未检查`]],
      );
      assert.equal(
        analyze(text, { maxFileSize: 1000, locale: 'en' }).findings[0].message,
        `The file has ${text.length} characters, over the limit of 1000; not checked`,
      );
      assert.equal(a.report, undefined, 'nothing is parsed');
    });
    it(`a text exactly at the limit is checked [${enc}]`, () => {
      const a = analyze(text, { maxFileSize: text.length });
      assert.deepEqual(
        a.findings.filter((f) => f.code === 'input-size'),
        [],
      );
      assert.ok(a.report?.tables.T3, 'table 三 is read');
    });
  }
  it('can be switched off, leaving no finding at all', () => {
    const a = analyze(render(zeroModel('2019'), 'A').text, { maxFileSize: 10, rules: { 'input-size': 'off' } });
    assert.deepEqual(a.findings, []);
  });
});

// ------------------------------------------------------------------ shared behaviour

describe('rules configuration (analyze options)', () => {
  const r = render(
    m('2019', (x) => {
      x.sections = { omit: [6], number: { 4: '4、' } };
      x.signature = null;
    }),
    'A',
  );
  it('a rule set to off reports nothing; a severity setting applies', () => {
    const a = analyze(r.text, { rules: { 'section-missing': 'off', 'section-numbering': 'error' } });
    assert.deepEqual(
      a.findings.map((f) => `${f.code}:${f.severity}`),
      ['section-numbering:error'],
    );
  });
  it('ignore by code and target leaves other targets alone', () => {
    const a = analyze(r.text, {
      ignore: [
        { code: 'section-numbering', target: 'section.4' },
        { code: 'section-missing', target: 'section.5' },
      ],
    });
    assert.deepEqual(
      a.findings.map((f) => `${f.code}:${f.target}`),
      ['section-missing:section.6'],
    );
  });
  it('findings are sorted by position', () => {
    const a = analyze(r.text);
    const pos = a.findings.map((f) => f.range.start.line * 1000 + f.range.start.character);
    assert.deepEqual(
      pos,
      [...pos].sort((x, y) => x - y),
    );
  });
  it('every fix of a structural rule edits only its own line', () => {
    const broken = m('2019', (x) => {
      x.sections = { omit: [5], number: { 4: '4、', 1: '' } };
      x.labels = { 'T3.R3_3_2': '2.其他法律行政止公开' };
      x.title = '某某市某某局政府信息公开工作年度报告';
    });
    for (const enc of ABCM) {
      const rr = render(broken, enc);
      const a = analyze(rr.text);
      const fixes = a.findings.filter((f) => f.fix);
      assert.ok(fixes.length >= 4, enc);
      for (const f of fixes) {
        for (const e of f.fix!.edits) {
          assert.equal(e.range.start.line, e.range.end.line, `${enc} ${f.code}: one line`);
          assert.ok(e.range.start.line === f.range.start.line || f.code === 'section-missing', `${enc} ${f.code}: the finding's line`);
          assert.equal(applyEdits(rr.text, [e]).split('\n').length - rr.text.split('\n').length, f.code === 'section-missing' ? 1 : 0);
        }
      }
    }
  });
  it('clone keeps models independent', () => {
    const a = zeroModel('2019');
    const b = clone(a);
    b.t3.R1[0] = 5;
    assert.equal(a.t3.R1[0], 0);
    assert.equal(withCells(a, { 'T3.R1.NP': 2 }).t3.R1[0], 2);
    assert.equal(a.t3.R1[0], 0);
  });
});
