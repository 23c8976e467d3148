/**
 * The HTML reader: report pages as government sites publish them (page.html of each report in
 * test/fixtures/corpus, rendered with the official merged cells, some in GBK/GB2312), read exactly, findings and fixes
 * placed in the HTML source.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { readHtml } from '../../server/src/core/read/html';
import { analyzeText } from '../../server/src/core/source';
import { LineIndex } from '../../server/src/core/text';
import { run, workspace } from '../support/cli';
import { ROOT } from '../support/fixtures';
import { mulberry32 } from '../support/random';

const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as {
  reports: { id: string; page: string; canonical: string; charset: string }[];
};
const page = (id: string) => {
  const r = manifest.reports.find((x) => x.id === id)!;
  return iconv.decode(fs.readFileSync(path.join(CORPUS, r.page)), r.charset);
};
const canonical = (id: string) => fs.readFileSync(path.join(CORPUS, manifest.reports.find((x) => x.id === id)!.canonical), 'utf8');
const keys = (findings: { code: string; target?: string; severity: string }[]) =>
  findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code} ${f.target ?? ''}`)
    .sort();
/** The source text a range covers. */
const textAt = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const doc = new LineIndex(text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
};

describe('HTML reader', () => {
  it('reads the article, not the site around it: six headings, the title first, no navigation or footer', () => {
    const read = readHtml(page('seed-000'));
    const lines = read.text.split('\n');
    assert.match(lines[0], /招商合作局2020年政府信息公开工作年度报告$/);
    for (const heading of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
    ]) {
      assert.ok(
        lines.some((l) => l.replace(/\s/g, '') === heading),
        heading,
      );
    }
    assert.ok(!/首页|备案|主办单位/.test(read.text), 'no site chrome in the view');
  });

  it('expands the official merged cells: 表三 rows carry seven cells after their labels, spanned slots are not cells', () => {
    const read = readHtml(page('gen-2021-word-row-total'));
    const row = read.grids.flatMap((g) => g.rows).find((r) => r.cells.some((c) => c.text === '（一）予以公开'))!;
    assert.deepEqual(
      row.cells.map((c) => c.text),
      ['三 、 本 年 度 办 理 结 果', '（一）予以公开', '93', '7', '5', '0', '0', '83', '190'],
    );
    const next = read.grids.flatMap((g) => g.rows)[read.grids.flatMap((g) => g.rows).indexOf(row) + 1];
    assert.equal(next.cells[0].text.startsWith('（二）部分公开'), true, 'the rowspan of 三、本年度办理结果 leaves no cell in the next row');
  });

  it('every page of the corpus gives the findings of its canonical text (errors and warnings, by code and target)', () => {
    for (const r of manifest.reports) {
      assert.deepEqual(keys(analyzeText(page(r.id), {}, 'html').findings), keys(analyze(canonical(r.id)).findings), r.id);
    }
  });

  it('a wrong total is reported on the number in the HTML source, and its fix edits only that number', () => {
    const html = page('gen-2021-word-row-total');
    const a = analyzeText(html, { locale: 'zh-CN' }, 'html');
    const errors = a.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => [f.code, f.target]),
      [['row-total', 'T3.R3_1.TOT']],
    );
    assert.equal(textAt(html, errors[0].range), '190');
    assert.deepEqual(
      errors[0].fix!.edits.map((e) => [textAt(html, e.range), e.newText]),
      [['190', '188']],
    );
    const fixed = applyEdits(html, errors[0].fix!.edits);
    assert.equal(fixed.replace('>188<', '>190<'), html, 'nothing else changed');
    assert.deepEqual(
      analyzeText(fixed, {}, 'html').findings.filter((f) => f.severity === 'error'),
      [],
    );
  });

  it('a blanked cell: cell-empty and the row total name the cell, which in the source is its &nbsp; or its empty content', () => {
    const html = page('gen-2021-big-blank');
    const a = analyzeText(html, {}, 'html');
    const rowTotal = a.findings.find((f) => f.code === 'row-total')!;
    assert.equal(rowTotal.target, 'T3.R1.NP');
    assert.match(textAt(html, rowTotal.range), /^(|&nbsp;|\u00a0)$/);
  });

  it('character references map exactly: a wrong number after &nbsp; is found on its digits', () => {
    const html = page('gen-2019-plain').replace('<td>1.属于国家秘密</td><td>0</td>', '<td>1.属于国家秘密</td><td>&nbsp;17</td>');
    const rowTotal = analyzeText(html, {}, 'html').findings.find((f) => f.code === 'row-total')!;
    assert.equal(rowTotal.target, 'T3.R3_3_1.NP');
    assert.equal(textAt(html, rowTotal.range), '17');
  });

  it('text that is really HTML (a page saved as .txt) is read as HTML', () => {
    const html = page('gen-2021-word-row-total');
    assert.deepEqual(
      analyzeText(html)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.target),
      ['T3.R3_1.TOT'],
    );
  });

  it('a report laid out inside a layout table is still found', () => {
    const html = page('seed-000')
      .replace(/<body([^>]*)>/, '<body$1><table><tr><td>')
      .replace('</body>', '</td></tr></table></body>');
    assert.deepEqual(keys(analyzeText(html, {}, 'html').findings), keys(analyze(canonical('seed-000')).findings));
  });

  it('a page with no report in it is not a clean report', () => {
    const a = analyzeText('<!doctype html><html><body><nav>首页</nav><p>欢迎访问</p></body></html>', {}, 'html');
    assert.deepEqual(
      a.findings.map((f) => [f.code, f.severity]),
      [['report-unrecognized', 'error']],
    );
  });
});

describe('xxgk-lint on web pages', () => {
  it('a GBK page is decoded by its <meta charset> and checked; a folder collects .html files', async () => {
    const dir = workspace({
      'gbk/page.html': fs.readFileSync(path.join(CORPUS, 'gen-2021-big-blank', 'page.html')),
      'gbk/notes.json': '{}',
    });
    const r = await run(['-f', 'json', 'gbk'], dir);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.deepEqual(
      out.map((f) => f.file),
      [path.join('gbk', 'page.html')],
    );
    assert.equal(out[0].diagnostics.filter((d) => d.code === 'row-total').length, 1, 'the blanked 自然人 cell breaks one row total');
    assert.equal(r.code, 0, 'a sum over a blank cell is a warning');
  });

  it('--fix writes the corrected number into the page, in its own encoding, and nothing else', async () => {
    const html = page('gen-2021-word-row-total');
    const dir = workspace({ 'r.html': html });
    const r = await run(['--fix', 'r.html'], dir);
    assert.equal(r.code, 0);
    const fixed = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    assert.equal(fixed, html.replace('>190<', '>188<'));
  });
});

describe('HTML reader on broken pages', () => {
  it('truncated and garbled pages: never a crash, never a silent pass', () => {
    const html = page('gen-2021-word-row-total');
    const next = mulberry32(12345);
    for (let i = 0; i < 60; i++) {
      const cut = html.slice(0, Math.floor(next() * html.length));
      const chars = [...cut];
      for (let k = 0; k < 20; k++) chars[Math.floor(next() * chars.length)] = '<>&"\'/=\u00a0|'[Math.floor(next() * 10)];
      for (const text of [cut, chars.join('')]) {
        const a = analyzeText(text, {}, 'html');
        assert.ok(a.findings.length > 0, `a truncated page (${text.length} characters) gets at least one finding`);
        for (const f of a.findings) assert.ok(f.range.start.line >= 0 && f.range.end.line < text.split('\n').length + 1);
      }
    }
  });
});
