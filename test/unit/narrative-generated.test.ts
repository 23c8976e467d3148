import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { FormatVersion } from '../../server/src/core/model';
import { readClaims } from '../../server/src/core/narrative/claims';
import { proseSentences } from '../../server/src/core/narrative/sentences';
import { parseReport } from '../../server/src/core/parse/report';
import { rowsOf } from '../../server/src/core/schema/formats';

/**
 * Property tests: reports generated with tables that balance and prose that restates them
 * (in Arabic and Chinese numerals, with unrelated numbers around) get no finding at all; the same
 * report with one restated figure changed gets exactly one text-table-mismatch, on that sentence.
 */

const MINE = ['text-table-mismatch', 'year-drift', 'publication-date', 'section-content', 'title-signature'];

/** mulberry32: small, seeded, reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const DIGITS = '零一二三四五六七八九';
function chinese(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}
/** A count as a report might write it: 12, 十二, 两 for 2. */
const num = (r: Rng, n: number) => (r.chance(0.3) ? (n === 2 && r.chance(0.5) ? '两' : chinese(n)) : String(n));

const COLS = 6;
type Row = number[];
const total = (row: Row) => row.reduce((a, b) => a + b, 0);

interface Generated {
  text: string;
  format: FormatVersion;
  year: number;
  /** Lines (0-based) of the sentences that restate a figure, with a wrong value to put there. */
  claims: { line: number; right: string; wrong: string }[];
}

const GROUP_PREFIX: Record<string, string> = {
  R3_1: '三、本年度办理结果 | ',
  R3_3_1: '(三)不予公开 | ',
  R3_4_1: '(四)无法提供 | ',
  R3_5_1: '(五)不予处理 | ',
  R3_6_1: '(六)其他处理 | ',
};

export function generate(seed: number): Generated {
  const r = rng(seed);
  const format: FormatVersion = r.pick(['2019', '2021']);
  const year = format === '2019' ? r.pick([2019, 2020]) : r.int(2021, 2024);
  const organ = r.pick(['某市示例局', '某区工业和信息化局', '某县人民政府办公室', '某经济开发区管理委员会']);
  const resultKeys = rowsOf('T3', format)
    .map((x) => x.key)
    .filter((k) => /^R3_[1-6]/.test(k));
  // Results per applicant column, mostly zero.
  const results = new Map<string, Row>(resultKeys.map((k) => [k, Array.from({ length: COLS }, () => (r.chance(0.15) ? r.int(1, 4) : 0))]));
  const concluded: Row = Array.from({ length: COLS }, (_, c) => resultKeys.reduce((s, k) => s + results.get(k)![c], 0));
  const carriedOut: Row = Array.from({ length: COLS }, () => (r.chance(0.15) ? r.int(1, 2) : 0));
  const carriedIn: Row = Array.from({ length: COLS }, (_, c) => Math.min(concluded[c] + carriedOut[c], r.chance(0.15) ? r.int(1, 2) : 0));
  const received: Row = Array.from({ length: COLS }, (_, c) => concluded[c] + carriedOut[c] - carriedIn[c]);
  const t3 = new Map<string, Row>([['R1', received], ['R2', carriedIn], ...results, ['R3_7', concluded], ['R4', carriedOut]]);
  const rv = [r.int(0, 1), r.int(0, 1), 0, r.int(0, 1)];
  const ld = [r.int(0, 1), 0, 0, r.int(0, 1)];
  const lr = [0, r.int(0, 1), 0, 0];
  const made = r.int(0, 5);
  const repealed = r.int(0, 2);
  const valid = made + r.int(0, 30);

  const sum = (...keys: string[]) => keys.reduce((s, k) => s + total(t3.get(k)!), 0);
  const R1 = total(received);
  const R2 = total(carriedIn);
  const R37 = total(concluded);
  const R4 = total(carriedOut);
  const RV = total(rv);
  const LIT = total(ld) + total(lr);
  const withheld = sum(...resultKeys.filter((k) => k.startsWith('R3_3')));
  const unable = sum(...resultKeys.filter((k) => k.startsWith('R3_4')));

  // ---- prose: one restated figure per line, so that a mutation is easy to locate
  const lines: string[] = [];
  const claims: Generated['claims'] = [];
  /** A wrong value that no reading of the tables allows (一, 一＋二 and （七）总计 are all readings of “处理”). */
  const wrongValue = (value: number) => {
    const readings = new Set([value, total(received), total(received) + total(carriedIn), total(concluded)]);
    let w = value + r.int(1, 9);
    while (readings.has(w)) w++;
    return w;
  };
  const claim = (template: (n: string) => string, value: number) => {
    const right = num(r, value);
    claims.push({ line: -1, right: template(right), wrong: template(String(wrongValue(value))) });
    lines.push(template(right));
    claims[claims.length - 1].line = lines.length - 1;
  };
  const noise = () =>
    lines.push(
      r.pick([
        `办理人大代表建议${r.int(1, 30)}件，均已按时办结。`,
        `答复网民留言${r.int(1, 50)}条，受理政务服务事项办件${r.int(100, 900)}件。`,
        `与上年相比，收到政府信息公开申请增加${r.int(1, 9)}件。`,
        `上半年收到政府信息公开申请${r.int(1, 9)}件。`,
        `${year - 1}年共收到政府信息公开申请${r.int(1, 9)}件。`,
        `${year + 1}年，本机关将继续做好依申请公开工作。`,
        `完善规章制度${r.int(1, 9)}项，清理规范性文件${r.int(10, 40)}件。`,
        `全市共制发规范性文件${r.int(50, 300)}件。`,
        `编发政务信息${r.int(10, 500)}篇，同比增长${r.int(1, 99)}%。`,
        `确保依申请公开件均按时答复，与申请人一起核实申请内容。`,
      ]),
    );

  lines.push(`${organ}${year}年政府信息公开工作年度报告`);
  lines.push('一、总体情况');
  lines.push(`${year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，围绕中心工作推进政务公开。`);
  lines.push('（一）主动公开');
  if (format === '2021') {
    claim((n) => `全年制发行政规范性文件${n}件。`, made);
    claim((n) => `现行有效规范性文件${n}件。`, valid);
  } else {
    claim((n) => `本年新制作规范性文件${n}件。`, made);
  }
  noise();
  lines.push('（二）依申请公开');
  if (R1 === 0 && r.chance(0.5)) lines.push(`${year}年，本机关未收到政府信息公开申请。`);
  else claim((n) => `${year}年，本机关共收到政府信息公开申请${n}件。`, r.chance(0.7) ? R1 : R1 + R2);
  if (R2 > 0) claim((n) => `上年结转${n}件。`, R2);
  claim((n) => (r.chance(0.5) ? `共办结政府信息公开申请${n}件。` : `依申请公开共答复${n}件。`), R37);
  if (R4 > 0) claim((n) => (r.chance(0.5) ? `政府信息公开申请结转下年度继续办理${n}件。` : `另有${n}件政府信息公开申请结转下年度办理。`), R4);
  else lines.push(r.pick(['所有政府信息公开申请均已按时办结。', '依申请公开办结率100%。', '政府信息公开申请已全部按时答复。']));
  claim((n) => `全年共处理依申请公开件${n}起。`, R1 + R2);
  claim((n) => `政府信息公开申请中予以公开${n}件。`, sum('R3_1'));
  claim((n) => `政府信息公开申请不予公开${n}件。`, withheld);
  claim((n) => `政府信息公开申请无法提供${n}件。`, unable);
  noise();
  lines.push('（三）监督保障');
  if (RV === 0 && LIT === 0 && r.chance(0.5)) {
    lines.push(r.pick(['未发生因政府信息公开引起的行政复议和行政诉讼。', '政府信息公开行政复议和行政诉讼均为0。']));
  } else {
    claim((n) => `因政府信息公开被申请行政复议${n}件。`, RV);
    claim((n) => `因政府信息公开被提起行政诉讼${n}件。`, LIT);
  }
  noise();

  // ---- tables, encoding A (one row per line, cells between pipes)
  lines.push('二、主动公开政府信息情况');
  if (format === '2021') {
    lines.push('第二十条第(一)项 | |||', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |');
    lines.push('规章 | 0 | 0 | 0 |', `行政规范性文件 | ${made} | ${repealed} | ${valid} |`);
    lines.push('第二十条第(五)项 | |||', '信息内容 | 本年处理决定数量 | ||', `行政许可 | ${r.int(0, 200)} | ||`);
    lines.push('第二十条第(六)项 | |||', '信息内容 | 本年处理决定数量 | ||', `行政处罚 | ${r.int(0, 20)} | ||`, '行政强制 | 0 | ||');
    lines.push('第二十条第(八)项 | |||', '信息内容 | 本年收费金额(单位:万元) | ||', '行政事业性收费 | 0 |');
  } else {
    lines.push('第二十条第(一)项 | |||', '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |');
    lines.push('规章 | 0 | 0 | 0 |', `规范性文件 | ${made} | ${made} | ${valid} |`);
    lines.push(
      '第二十条第(五)项 | |||',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |',
      '行政许可 | 0 | 0 | 0 |',
      '其他对外管理服务事项 | 0 | 0 | 0 |',
    );
    lines.push('第二十条第(六)项 | |||', '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '行政处罚 | 0 | 0 | 0 |', '行政强制 | 0 | 0 | 0 |');
    lines.push('第二十条第(八)项 | |||', '信息内容 | 上一年项目数量 | 本年增/减 | |', '行政事业性收费 | 0 | 0 | |');
    lines.push('第二十条第(九)项 | |||', '信息内容 | 采购项目数量 | 采购总金额 | |', '政府集中采购 | 0 | 0 |');
  }
  lines.push('三、收到和处理政府信息公开申请情况');
  lines.push('(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||');
  lines.push('自然人 | 法人或其他组织 | 总计 | |||||||');
  lines.push('商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||');
  for (const spec of rowsOf('T3', format)) {
    const row = t3.get(spec.key)!;
    const label = spec.key === 'R3_6' ? '(六)其他处理' : spec.label;
    lines.push(`${GROUP_PREFIX[spec.key] ?? ''}${label} | ${[...row, total(row)].join(' | ')} |`);
  }
  lines.push('四、政府信息公开行政复议、行政诉讼情况');
  lines.push('行政复议 | 行政诉讼 | |||||||||||||');
  lines.push('结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||');
  lines.push('结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||');
  lines.push(`${[...rv, total(rv), ...ld, total(ld), ...lr, total(lr)].join(' | ')} |`);
  lines.push('五、存在的主要问题及改进情况');
  lines.push('一是政策解读形式较为单一；二是依申请公开答复文书的规范性有待提高。下一步，本机关将丰富解读形式，加强答复文书审核。');
  lines.push('六、其他需要报告的事项');
  lines.push(format === '2021' ? '本年度未收取政府信息公开信息处理费。' : '无其他需要报告的事项。');
  lines.push(organ, `${year + 1}年1月${r.int(5, 30)}日`, '');
  return { text: lines.join('\n'), format, year, claims };
}

const N = Number(process.env.XXGK_PROPERTY_N ?? 150);

describe('generated reports (property tests)', () => {
  it(`${N} reports whose text and tables agree get no finding at all`, () => {
    let claimsRead = 0;
    for (let seed = 1; seed <= N; seed++) {
      const g = generate(seed);
      const a = analyze(g.text);
      assert.equal(a.report?.format, g.format, `seed ${seed}: format`);
      assert.deepEqual(
        a.findings.map((f) => `${f.code}@${f.range.start.line + 1}: ${f.message}`),
        [],
        `seed ${seed}`,
      );
      const { doc, report } = parseReport(g.text);
      claimsRead += proseSentences(report, doc).reduce((n, s) => n + readClaims(s, { year: g.year }).length, 0);
    }
    assert.ok(claimsRead > N * 8, `the prose was read (${claimsRead} claims)`);
  });

  it('changing one restated figure gives exactly one text-table-mismatch, on that sentence', () => {
    let mutated = 0;
    for (let seed = 1; seed <= N; seed++) {
      const g = generate(seed);
      const lines = g.text.split('\n');
      const c = g.claims[seed % g.claims.length];
      lines[c.line] = c.wrong;
      const found = analyze(lines.join('\n')).findings.filter((f) => MINE.includes(f.code));
      assert.deepEqual(
        found.map((f) => `${f.code}@${f.range.start.line}`),
        [`text-table-mismatch@${c.line}`],
        `seed ${seed}: ${c.wrong}`,
      );
      assert.equal(found[0].range.end.character, c.wrong.length, 'the whole sentence');
      assert.ok(found[0].related?.length, 'with the table cells');
      mutated++;
    }
    assert.equal(mutated, N);
  });
});
