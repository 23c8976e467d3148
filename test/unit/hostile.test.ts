import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { analyze } from '../../server/src/core/analyze';
import { checkInvariants } from '../support/fuzz';
import { readSeed } from '../support/fixtures';

/**
 * Hostile input: each case must come back with sane findings. The inputs are the worst cases for
 * the parser's regular expressions (long runs of one character class), so catastrophic
 * backtracking would hang here instead of passing.
 */
const NO_LIMIT = { maxFileSize: Infinity };
const T3 = '三、收到和处理政府信息公开申请情况\n';

const CASES: [string, () => string][] = [
  ['a 10 MB single line', () => 'a'.repeat(10_000_000)],
  ['100 000 pipes', () => T3 + '|'.repeat(100_000)],
  ['100 000 cells on one line', () => `${T3}一、本年新收政府信息公开申请数量${' | 1'.repeat(100_000)}`],
  ['1 000 000 empty lines', () => '\n'.repeat(1_000_000)],
  ['a report pasted 50 times', () => readSeed('s000').repeat(50)],
  ['200 000 tabs', () => T3 + '\t'.repeat(200_000)],
  ['a line of 200 000 spaces between cells', () => `${T3}规章${' '.repeat(200_000)}0\n`],
  ['200 000 digits glued to a label', () => `${T3}一、本年新收政府信息公开申请数量${'1'.repeat(200_000)}\n`],
  ['100 000 headings', () => '一、总体情况\n'.repeat(100_000)],
  ['a 100 000-character heading-like line', () => `四、${'行政复议'.repeat(25_000)}`],
  ['100 000 dashes (a Markdown rule without end)', () => `${T3}|${'-'.repeat(100_000)}x`],
  ['100 000 NBSP and U+3000', () => T3 + '\u00a0\u3000'.repeat(50_000)],
  ['a 100 000-digit number with a unit', () => `${T3}一、本年新收政府信息公开申请数量 | ${'9'.repeat(100_000)}元 |\n`],
  ['a date line of spaces', () => `一、总体情况\n${' '.repeat(100_000)}2020年`],
];

describe('hostile input', () => {
  for (const [name, make] of CASES) {
    it(`${name}: returns, ranges inside the text, fixes apply`, () => {
      const { violations } = checkInvariants(make(), NO_LIMIT);
      assert.deepEqual(violations, []);
    });
  }

  it('a file over the size limit gets one input-size notice and no check', () => {
    const text = readSeed('s003').repeat(300);
    const a = analyze(text, { maxFileSize: 100_000, locale: 'en' });
    assert.equal(a.findings.length, 1);
    assert.equal(a.findings[0].code, 'input-size');
    assert.equal(a.findings[0].severity, 'information');
    assert.equal(a.findings[0].message, `The file has ${text.length} characters, over the limit of 100000; not checked`);
  });

  it('GBK bytes opened as UTF-8 are reported as an encoding problem, with no arithmetic finding', () => {
    const garbled = new TextDecoder('utf-8').decode(iconv.encode(readSeed('s000'), 'gbk'));
    const a = analyze(garbled);
    assert.deepEqual(a.findings.map((f) => f.code).sort(), ['input-encoding', 'report-unrecognized']);
    assert.match(a.findings[0].message, /^文件中有\d+个无法解码的字符，可能不是 UTF-8 编码/);
  });

  it('binary content is reported as such', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131) % 256;
    const a = analyze(bytes.toString('latin1'));
    assert.deepEqual(a.findings.map((f) => f.code).sort(), ['input-encoding', 'report-unrecognized']);
    assert.equal(a.findings.find((f) => f.code === 'input-encoding')!.message, '文件含有二进制控制字符，可能不是文本文件');
  });
});
