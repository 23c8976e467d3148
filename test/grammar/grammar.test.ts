import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { readSeed, ROOT } from '../support/fixtures';

/**
 * The TextMate grammar, run by the same engine as VS Code (vscode-textmate + vscode-oniguruma).
 * Each case names a piece of a line and the scope it must (or must not) get.
 */

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'text.xxgk-report') return null;
      const file = path.join(ROOT, 'syntaxes', 'xxgk-report.tmLanguage.json');
      return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  grammar = (await registry.loadGrammar('text.xxgk-report'))!;
});

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(text: string): Token[][] {
  let stack = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of every token that `piece` (found in the line) covers. */
function scopesOf(tokens: Token[], line: string, piece: string): string[][] {
  const start = line.indexOf(piece);
  assert.ok(start >= 0, `“${piece}” is in “${line}”`);
  const end = start + piece.length;
  const out: string[][] = [];
  let at = 0;
  for (const t of tokens) {
    const tEnd = at + t.text.length;
    if (tEnd > start && at < end) out.push(t.scopes);
    at = tEnd;
  }
  return out;
}

const has = (scopes: string[], scope: string) => scopes.some((s) => s === scope || s.startsWith(`${scope}.`));

/** [line, piece of it, scope every token of the piece has; `!scope` = none of them has it] */
const CASES: [string, string, string][] = [
  // title
  ['二七区工业和信息化局2020年政府信息公开工作年度报告', '二七区工业和信息化局2020年政府信息公开工作年度报告', 'markup.heading.1.title'],
  ['现将二七区工信局2020年政府信息公开工作年度报告如下：', '年度报告', '!markup.heading'],
  // the six section headings
  ['一、 总体情况', '一', 'constant.numeric.section-number'],
  ['一、 总体情况', '总体情况', 'entity.name.section'],
  ['二、主动公开政府信息情况', '二、主动公开政府信息情况', 'markup.heading.1.section'],
  ['三、 收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请情况', 'entity.name.section'],
  ['4、 政府信息公开行政复议、行政诉讼情况', '4', 'constant.numeric.section-number.arabic'],
  ['4、 政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议、行政诉讼情况', 'entity.name.section'],
  ['五、存在的主要问题及改进情况', '存在的主要问题及改进情况', 'entity.name.section'],
  ['## 六、其他需要报告的事项', '其他需要报告的事项', 'entity.name.section'],
  ['二、上年结转政府信息公开申请数量', '上年结转', '!markup.heading.1'],
  // sub-headings in the prose sections, not table rows
  ['(一)健全领导机制,细化责任落实', '(一)', 'markup.heading.2'],
  ['（1） 主动公开情况', '1', 'constant.numeric.subheading-number'],
  ['（二）依申请公开办理情况', '依申请公开办理情况', 'entity.name.subheading'],
  ['(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 |', '(二)', '!markup.heading.2'],
  ['\t（一）予以公开', '（一）', '!markup.heading.2'],
  // table 二 captions
  ['第二十条第(一)项 | |||', '第二十条第(一)项', 'entity.name.type.caption'],
  ['\t第二十条第（五）项', '第二十条第（五）项', 'entity.name.type.caption'],
  ['             第二十条第(九)项  | ', '第二十条第(九)项', 'entity.name.type.caption'],
  // pipe rows: labels, numbers, blanks, separators
  ['规章 | 0 | 0 | 0 |', '规章', 'support.type.row-label'],
  ['规章 | 0 | 0 | 0 |', '0', 'constant.numeric.cell'],
  ['规章 | 0 | 0 | 0 |', '|', 'punctuation.separator.cell'],
  ['行政事业性收费 | 0 | 0 | |', ' | |', 'meta.table.row'],
  ['信息内容 | 本年新制作 数量 | 本年新公开 数量 | 对外公开总数量 |', '信息内容', 'entity.name.label.column'],
  ['信息内容 | 本年新制作 数量 | 本年新公开 数量 | 对外公开总数量 |', '对外公开总数量', 'entity.name.label.column'],
  ['三、 本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |', '三、 本年度办理结果', 'support.type.row-label'],
  ['三、 本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |', '(一)予以公开', 'support.type.row-label'],
  ['(三)不予公开 | 1. 属于国家秘密 | 0 | 0 |', '1. 属于国家秘密', 'support.type.row-label'],
  ['3. 危及“三安全一稳定” | 0 | 0 |', '3. 危及“三安全一稳定”', 'support.type.row-label'],
  ['(七)总计 | 12 | 1,024 | 0 |', '1,024', 'constant.numeric.cell'],
  ['(七)总计 | 12 | 1,024 | 0 |', '(七)总计', 'support.type.row-label'],
  ['行政许可 | +1036 | -5 | 3.5 |', '+1036', 'constant.numeric.cell'],
  ['行政许可 | +1036 | -5 | 3.5 |', '-5', 'constant.numeric.cell'],
  ['政府集中采购 | 2 | 251000元 |', '元', 'keyword.other.unit'],
  ['自然人 | 法人或其他组织 | 总计 | |||||||', '法人或其他组织', 'entity.name.label.column'],
  [
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
    'comment.line.note',
  ],
  ['结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '尚未审结', 'entity.name.label.column'],
  ['0 | 0 | / | — | 无 |', '/', 'constant.language.placeholder'],
  ['0 | 0 | / | — | 无 |', '—', 'constant.language.placeholder'],
  // one cell per line (tab-led)
  ['\t0', '0', 'constant.numeric.cell'],
  ['\t四、结转下年度继续办理', '四、结转下年度继续办理', 'support.type.row-label'],
  ['\t本年新', '本年新', 'entity.name.label.column'],
  // space-aligned rows
  ['规章  3  0  12', '12', 'constant.numeric.cell'],
  ['规章  3  0  12', '规章', 'support.type.row-label'],
  ['0 0 0 0 0 0 0 0 0 0 0 0 0 0 0', '0', 'constant.numeric.cell'],
  // prose stays prose
  ['2020年，我局通过政务服务平台发布信息111篇，公布工业经济运行情况11条。', '111', '!constant.numeric'],
  ['我局对规章和规范性文件进行了清理。', '规章', '!support.type.row-label'],
];

describe('TextMate grammar (syntaxes/xxgk-report.tmLanguage.json)', () => {
  it('is valid and named text.xxgk-report', () => {
    assert.equal(grammar !== undefined, true);
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes', 'xxgk-report.tmLanguage.json'), 'utf8'));
    assert.equal(raw.scopeName, 'text.xxgk-report');
  });

  for (const [line, piece, expected] of CASES) {
    const negate = expected.startsWith('!');
    const scope = negate ? expected.slice(1) : expected;
    it(`${JSON.stringify(line).slice(0, 48)} — “${piece.slice(0, 20)}” ${negate ? 'is not' : 'is'} ${scope}`, () => {
      const tokens = tokenize(line)[0];
      const scopes = scopesOf(tokens, line, piece);
      assert.ok(scopes.length > 0);
      const show = () => tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n');
      for (const s of scopes) assert.equal(has(s, scope), !negate, show());
    });
  }

  it('names no scope that the default themes colour like an error (Light+: attribute names red, tags maroon)', () => {
    const raw = fs.readFileSync(path.join(ROOT, 'syntaxes', 'xxgk-report.tmLanguage.json'), 'utf8');
    const names = [...raw.matchAll(/"name": "([^"]+)"/g)].map((m) => m[1]);
    assert.ok(names.includes('entity.name.label.column.xxgk-report') && names.includes('support.type.row-label.xxgk-report'), names.join(' '));
    const alarming = names.filter((n) => /^(entity\.other\.attribute-name|entity\.name\.tag|invalid|markup\.deleted|message\.error)/.test(n));
    assert.deepEqual(alarming, []);
  });

  it('every seed: six section headings, and every line of 表三 in seed 000 has its numbers scoped', () => {
    for (const seed of ['s000', 's001', 's002', 's003', 's004'] as const) {
      const lines = tokenize(readSeed(seed));
      const headings = lines.filter((l) => l.some((t) => has(t.scopes, 'markup.heading.1.section')));
      assert.equal(headings.length, seed === 's003' ? 5 : 6, seed);
    }
    const text = readSeed('s000').split('\n');
    const tokens = tokenize(readSeed('s000'));
    for (let i = 36; i <= 58; i++) {
      const numbers = tokens[i].filter((t) => has(t.scopes, 'constant.numeric.cell'));
      assert.equal(numbers.length, 7, `line ${i + 1}: ${text[i]}`);
    }
  });
});
