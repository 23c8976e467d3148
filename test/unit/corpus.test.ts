/**
 * The converter corpus: the pages renderHtml writes (merged cells as the official templates have
 * them), and the ratchet: every file listed in test/fixtures/corpus/passing.json gives exactly the
 * findings of its canonical text (see test/corpus/score.ts). Regenerate the list with
 * `npm run corpus:score -- --write-passing` when more files pass.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import * as iconv from 'iconv-lite';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { FileScore, PASSING_FILE, readManifest, scoreCorpus, faultFindings } from '../corpus/score';
import { seedModel } from '../corpus/reports';
import { readSeed } from '../support/fixtures';
import { setCells, zeroModel } from '../support/model';
import { encodeHtml, renderHtml } from '../support/render-html';

type Element = DefaultTreeAdapterMap['element'];

function elements(node: DefaultTreeAdapterMap['parentNode'], tag: string): Element[] {
  const out: Element[] = [];
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.tagName === tag) out.push(child);
    out.push(...elements(child, tag));
  }
  return out;
}

function textOf(node: DefaultTreeAdapterMap['node']): string {
  if ('value' in node && node.nodeName === '#text') return node.value;
  if ('tagName' in node && node.tagName === 'br') return '/';
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const attr = (el: Element, name: string) => Number(el.attrs.find((a) => a.name === name)?.value ?? 1);

/** The tables of a page as full grids: a merged cell's text in the first slot it covers, `^` and `<` in the others. */
function grids(html: string): string[][][] {
  return elements(parse(html), 'table').map((table) => {
    const grid: string[][] = [];
    elements(table, 'tr').forEach((tr, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const td of elements(tr, 'td')) {
        while (grid[r][c] !== undefined) c++;
        const rows = attr(td, 'rowspan');
        const cols = attr(td, 'colspan');
        for (let dr = 0; dr < rows; dr++) {
          for (let dc = 0; dc < cols; dc++) {
            grid[r + dr] ??= [];
            grid[r + dr][c + dc] =
              dr === 0 && dc === 0
                ? textOf(td)
                    .replace(/\u00a0/g, ' ')
                    .trim()
                : dr > 0
                  ? '^'
                  : '<';
          }
        }
        c += cols;
      }
    });
    return grid;
  });
}

test('表三 of a 2021 page: the corner over 3×3 slots, 申请人情况 over 7, the result groups as rowspans', () => {
  const model = zeroModel('2021');
  setCells(model, { 'T3.R3_6_2.LS': 1234 });
  const [, t3] = grids(renderHtml(model));
  assert.equal(t3.length, 3 + 25);
  assert.deepEqual(t3[0].slice(0, 4), ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '<', '<', '申请人情况']);
  assert.deepEqual(t3[1], ['^', '^', '^', '自然人', '法人或其他组织', '<', '<', '<', '<', '总计']);
  assert.deepEqual(t3[2], ['^', '^', '^', '^', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '^']);
  assert.deepEqual(t3[3].slice(0, 4), ['一、本年新收政府信息公开申请数量', '<', '<', '0']);
  assert.deepEqual(t3[5].slice(0, 3), ['三、本年度办理结果', '（一）予以公开', '<']);
  assert.deepEqual(t3[7].slice(0, 3), ['^', '（三）不予公开', '1.属于国家秘密']);
  assert.deepEqual(t3[14].slice(0, 3), ['^', '^', '8.属于行政查询事项']);
  assert.deepEqual(t3[23].slice(0, 3), ['^', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']);
  assert.deepEqual(t3[24].slice(0, 3).concat(t3[24][7]), ['^', '^', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '1234']);
  assert.deepEqual(t3[26].slice(0, 3), ['^', '（七）总计', '<']);
  assert.deepEqual(t3[27].slice(0, 3), ['四、结转下年度继续办理', '<', '<']);
  assert.ok(t3.every((row) => row.length === 10));
});

test('表三 of a 2019 page has （六）其他处理 as one row; 表二 and 表四 have the template spans', () => {
  const [t2, t3, t4] = grids(renderHtml(zeroModel('2019')));
  assert.deepEqual(t3[23].slice(0, 4), ['^', '（六）其他处理', '<', '0']);
  assert.equal(t3.length, 3 + 23);
  assert.deepEqual(t2[0], ['第二十条第（一）项', '<', '<', '<']);
  assert.deepEqual(t2[1], ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
  assert.deepEqual(t2.at(-2), ['信息内容', '采购项目数量', '采购总金额', '<']);
  assert.deepEqual(t4[0], ['行政复议', '<', '<', '<', '<', '行政诉讼', ...Array(9).fill('<')]);
  assert.deepEqual(t4[1].slice(4, 11), ['总计', '未经复议直接起诉', '<', '<', '<', '<', '复议后起诉']);
  assert.deepEqual(t4[2].slice(0, 6), ['^', '^', '^', '^', '^', '结果维持']);
  assert.deepEqual(t4[3], Array(15).fill('0'));
  const [t2021] = grids(renderHtml(zeroModel('2021')));
  assert.deepEqual(t2021[5], ['信息内容', '本年处理决定数量', '<', '<']);
  assert.deepEqual(t2021[6], ['行政许可', '0', '<', '<']);
});

test('page options: Word cells, blanks, wrapped labels, vertical text, GBK bytes', () => {
  const model = zeroModel('2019');
  model.t3.R1[0] = null;
  const word = renderHtml(model, { word: true, wrapLabels: true, vertical: 'br', blank: 'p-nbsp', headings: 'strong' });
  assert.match(word, /<td valign="center"[^>]*><p class="MsoNormal"[^>]*><span[^>]*>0<\/span><\/p><\/td>/);
  assert.match(word, />本年新<br>制作数量</);
  assert.match(word, />三<br>、<br>本<br>年<br>度/);
  assert.match(word, /<p style="text-indent:2em"><strong>一、总体情况<\/strong><\/p>/);
  const [, t3] = grids(word);
  assert.deepEqual(t3[3].slice(0, 4), ['一、本年新收政府信息公开申请数量', '<', '<', '']);
  assert.match(renderHtml(model, { blank: 'empty' }), /<td><\/td>/);
  const gbk = renderHtml(model, { charset: 'GBK', httpEquiv: true });
  assert.match(gbk, /<meta http-equiv="Content-Type" content="text\/html; charset=gbk">/);
  const bytes = encodeHtml(gbk, 'GBK');
  assert.equal(iconv.decode(bytes, 'gbk'), gbk);
  assert.notEqual(bytes.toString('utf8'), gbk);
});

test('a seed as a model keeps its headings as numbered, its prose, cells and 落款', () => {
  const model = seedModel(readSeed('s004'));
  assert.equal(model.format, '2019');
  assert.equal(model.sections?.number?.[4], '4、 ');
  assert.equal(model.title, '二七区工业和信息化局2020年政府信息公开工作年度报告');
  assert.equal(model.sections?.body?.[5]?.[0].startsWith('一是部分信息公开不够及时'), true);
  const s000 = seedModel(readSeed('s000'));
  assert.deepEqual(s000.signature, ['招商合作局', '2021年1月27日']);
  assert.deepEqual(s000.sections?.body?.[6], ['我局职能职责不涉及行政审批事项及行政执法事项。']);
  assert.deepEqual(seedModel(readSeed('s003')).sections?.omit, [6]);
});

const passing = JSON.parse(fs.readFileSync(PASSING_FILE, 'utf8')) as string[];
const manifest = readManifest();

test('the corpus has outputs of every converter for every report, and the passing list names files of the manifest', () => {
  const files = new Set([...manifest.outputs.map((o) => o.file), ...manifest.reports.map((r) => r.page)]);
  assert.deepEqual(
    passing.filter((f) => !files.has(f)),
    [],
  );
  const perConverter = new Map<string, number>();
  for (const o of manifest.outputs) if (o.kind === 'txt' || o.kind === 'md') perConverter.set(o.converter, (perConverter.get(o.converter) ?? 0) + 1);
  for (const [converter, n] of perConverter) assert.equal(n, manifest.reports.length, converter);
  assert.ok(perConverter.size >= 15, `text converters: ${[...perConverter.keys()].join(', ')}`);
});

test('every injected fault is found on its canonical text', () => {
  const byId = new Map(manifest.reports.map((r) => [r.id, r]));
  const faulted = manifest.reports.filter((r) => r.fault);
  assert.equal(faulted.length, 6);
  for (const r of faulted) {
    const found = faultFindings(r, byId);
    assert.ok(found.length > 0, `${r.id}: ${r.fault!.description} gives no ${r.fault!.code}`);
  }
});

test('files that gave exactly the truth still do', async () => {
  const scores = new Map<string, FileScore>((await scoreCorpus(manifest)).map((s) => [s.file, s]));
  const broken = passing
    .map((file) => scores.get(file)!)
    .filter((s) => !s.exact)
    .map(
      (s) =>
        `${s.file}: ${[s.missing.length ? `missing ${s.missing.join(', ')}` : '', s.extra.length ? `extra ${s.extra.join(', ')}` : ''].filter(Boolean).join('; ')}`,
    );
  assert.deepEqual(broken, []);
});
