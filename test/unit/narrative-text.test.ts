import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Claim, readClaims } from '../../server/src/core/narrative/claims';
import { findNumbers, isCount } from '../../server/src/core/narrative/numbers';
import { sameOrgan } from '../../server/src/core/narrative/organ';
import { clauses, Sentence, splitLine } from '../../server/src/core/narrative/sentences';
import { periodYears } from '../../server/src/core/narrative/years';
import { LineIndex } from '../../server/src/core/text';

const sentence = (text: string, context = '', section = 1): Sentence => ({
  text,
  line: 0,
  start: 0,
  end: text.length,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } },
  section,
  context,
});

/** Claims in a compact form: `received=12`, `none:review`, `allDone`. */
const brief = (text: string, context = '', year = 2022) =>
  readClaims(sentence(text, context), { year }).map((c: Claim) =>
    c.kind === 'count' ? `${c.topics.join('+')}${c.verb ? `/${c.verb}` : ''}=${c.value}` : c.kind === 'none' ? `none:${c.subject}` : 'allDone',
  );

describe('narrative: numbers', () => {
  const counts = (text: string) =>
    findNumbers(text)
      .filter((n) => isCount(n, text))
      .map((n) => `${n.value}${n.unit}`);

  it('reads Arabic, full-width and Chinese numerals before a count word', () => {
    assert.deepEqual(counts('收到申请5件，答复１２件，办结一件，两件结转，十二件公开，二十一起，一百零五条'), [
      '5件',
      '12件',
      '1件',
      '2件',
      '12件',
      '21起',
      '105条',
    ]);
  });

  it('knows 1,024 and a bare number after 为', () => {
    assert.deepEqual(counts('共1,024件'), ['1024件']);
    assert.deepEqual(counts('行政复议数量为0。'), ['0']);
    assert.deepEqual(counts('数量均为零，'), ['0']);
  });

  it('leaves out years, dates, percentages, approximations and words that only look like numerals', () => {
    assert.deepEqual(counts('2024年1月1日，增长170%，30余篇，20多件，约5件，5件以上，第3件'), []);
    assert.deepEqual(counts('一起研究，统一件，一个平台，一次性告知，一条龙服务，三安全一稳定'), ['1个']);
  });

  it('keeps exact ranges', () => {
    const [n] = findNumbers('处理依申请公开件1起,已办结');
    assert.equal(n.start, 8);
    assert.equal(n.unitEnd, 10);
  });
});

describe('narrative: sentences', () => {
  it('splits a line into sentences with exact offsets, and a sentence into clauses', () => {
    const doc = new LineIndex('  第一句。第二句；第三句\n');
    const s = splitLine(doc, 0, 1);
    assert.deepEqual(
      s.map((x) => [x.text, x.start, x.end]),
      [
        ['第一句。', 2, 6],
        ['第二句；', 6, 10],
        ['第三句', 10, 13],
      ],
    );
    assert.equal(doc.lines[0].slice(s[1].start, s[1].end), '第二句；');
    assert.deepEqual(
      clauses('收到申请5件，办结4件：其中1件').map((c) => c.text),
      ['收到申请5件，', '办结4件：', '其中1件'],
    );
  });

  it('blanks conversion artifacts without moving offsets', () => {
    const doc = new LineIndex('[bookmark: _GoBack]一是问题。');
    const [s] = splitLine(doc, 0, 5);
    assert.equal(s.text, '一是问题。');
    assert.equal(s.start, 19);
  });
});

describe('narrative: claims', () => {
  it('reads the flow of applications', () => {
    assert.deepEqual(brief('2022年，本局共收到政府信息公开申请12件，上年结转1件，共办结12件，结转下年度继续办理1件。'), [
      'received=12',
      'carriedIn=1',
      'concluded=12',
      'carriedOut=1',
    ]);
    assert.deepEqual(brief('全年共处理依申请公开件13起。', '（二）依申请公开'), ['handled=13']);
    assert.deepEqual(brief('共收到政府信息公开申请12件，其中1件结转下年度继续办理。'), ['received=12', 'carriedOut=1']);
    assert.deepEqual(brief('共收到政府信息公开申请5件，已办结4件，1件正在办理。'), ['received=5', 'concluded=4', 'carriedOut=1']);
  });

  it('reads result groups, alone and summed', () => {
    assert.deepEqual(brief('依申请公开中予以公开6件，部分公开2件，不予公开1件，无法提供2件，不予处理1件。'), [
      'disclosed=6',
      'partial=2',
      'withheld=1',
      'unable=2',
      'notProcessed=1',
    ]);
    assert.deepEqual(brief('政府信息公开申请予以公开及部分公开258件。'), ['disclosed+partial=258']);
  });

  it('reads reviews and lawsuits (Chinese numerals too), not their result columns', () => {
    assert.deepEqual(brief('因政府信息公开被申请行政复议两件，被提起行政诉讼2件，其中复议后起诉1件，行政复议结果维持1件。'), [
      'review=2',
      'litigation=2',
      'litigationAfterReview=1',
    ]);
    assert.deepEqual(brief('政府信息公开行政复议和行政诉讼均为0。'), ['review=0', 'litigation=0']);
    assert.deepEqual(brief('办理行政复议案件20件。'), [], "a review organ's general case load is not about disclosure");
    assert.deepEqual(brief('因政府信息公开未经复议直接提起行政诉讼1件。'), ['litigationDirect=1'], '未经 is not a negation');
  });

  it('reads 规章/规范性文件 with a verb only', () => {
    assert.deepEqual(brief('全年制发行政规范性文件三件，废止1件，现行有效规范性文件15件。'), ['norm/made=3', 'norm/valid=15']);
    assert.deepEqual(brief('完善规章制度3项，清理规范性文件20件，规范性文件5件。'), []);
  });

  it('reads statements without numbers', () => {
    assert.deepEqual(brief('2020年,我局未收到公民、法人或者其他组织申请公开政务信息事项。'), ['none:applications']);
    assert.deepEqual(brief('2020年,我局未接到关于政务信息公开工作的行政复议或者行政诉讼。'), ['none:review', 'none:litigation']);
    assert.deepEqual(brief('处理依申请公开件1起,已按时限按规范办结办理。'), ['handled=1', 'allDone']);
    assert.deepEqual(brief('依申请公开办结率100%。'), ['allDone']);
    assert.deepEqual(brief('除1件结转下年度外，其余政府信息公开申请均已办结。'), ['carriedOut=1'], 'the exception is stated');
  });

  it('makes no claim where the sentence may be about something else', () => {
    for (const text of [
      '办理人大代表建议12件，均已按时办结。',
      '答复网民留言20条，受理政务服务事项办件3000件。',
      '与上年相比，收到政府信息公开申请增加3件。',
      '上半年收到政府信息公开申请5件。',
      '通过网络渠道收到政府信息公开申请10件。',
      '全市共收到政府信息公开申请500件，全市共制发规范性文件200件。',
      '确保依申请公开件均按时答复。',
      '2021年共收到政府信息公开申请9件。',
      '上年收到政府信息公开申请9件。',
      '其中自然人申请10件。',
      '与申请人一起研究政府信息公开申请的答复口径。',
      '2020年我局未收到公民、法人或其他组织提出政府信息公开相关举报或投诉。',
      '未出现无正当理由大量反复申请政府信息公开的情况。',
    ])
      assert.deepEqual(brief(text), [], text);
  });
});

describe('narrative: years', () => {
  const years = (text: string, year: number) => periodYears(sentence(text), year).map((p) => `${p.kind}:${p.year}`);

  it('finds the years a text names as the reporting period', () => {
    assert.deepEqual(years('2024年,我局信息公开工作虽然取得了一定成绩。', 2020), ['opening:2024']);
    assert.deepEqual(years('现将本局2019年度政府信息公开工作情况报告如下：', 2020), ['reportOn:2019']);
    assert.deepEqual(years('所列数据统计期限为2019年1月1日至2019年12月31日。', 2020), ['period:2019', 'period:2019']);
    assert.deepEqual(years('本报告是2019年度政府信息公开工作年度报告。', 2020), ['reportName:2019']);
  });

  it('leaves out dates, documents, plans and comparisons', () => {
    for (const text of [
      '2019年5月15日起施行的《条例》。',
      '2021年，我局将继续深化政务公开。',
      '2019年修订的《中华人民共和国政府信息公开条例》。',
      '2019年共收到申请3件。',
      '2019年，我局收到申请3件，2020年收到5件。',
      '制定出台《经济开发区管委会2019年政务公开工作实施方案》。',
      '按照《2019年政府信息公开工作年度报告》的要求。',
      '2019年以来，我局持续推进政务公开。',
      '2019年底，我局完成了网站改版。',
    ])
      assert.deepEqual(years(text, 2020), [], text);
  });
});

describe('narrative: organ names', () => {
  it('accepts short forms and rejects other bodies', () => {
    assert.ok(sameOrgan('中国(云南)自贸易区昆明片区(昆明经开区)招商合作局', '招商合作局'));
    assert.ok(sameOrgan('二七区工业和信息化局', '二七区工信局'));
    assert.ok(sameOrgan('定州经济开发区管理委员会', '定州经济开发区管委会'));
    assert.ok(sameOrgan('温州市投资促进局', '温州市投资促进局办公室'));
    assert.ok(sameOrgan('某市人民政府', '某市人民政府办公室'));
    assert.ok(!sameOrgan('温州市投资促进局', '温州市商务局'));
    assert.ok(!sameOrgan('二七区工业和信息化局', '二七区财政局'));
  });
});
