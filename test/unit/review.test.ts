/** `--format html`: the review report, one self-contained page per run. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { run } from '../support/cli';

describe('xxgk-lint --format html (review report)', () => {
  it('a summary row per file, the findings with what to change, the tables with the faulty cell marked', async () => {
    const r = await run(['-f', 'html', 'test/fixtures/seeds/003_666131b17749549c.txt', 'test/fixtures/corpus/gen-2021-word-row-total/page.html'], ROOT);
    assert.equal(r.code, 1);
    const html = r.stdout;
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.doesNotMatch(html, /<(script|link|img)\b|https?:\/\//, 'self-contained: no script, no external resource');
    assert.match(html, /<h1>政府信息公开工作年度报告审核意见<\/h1>/);
    const summary = html.slice(html.indexOf('<table class="summary">'), html.indexOf('</table>') + 8);
    assert.equal(summary.match(/<tr><td><a href="#r\d">/g)?.length, 2);
    assert.match(summary, /阿拉善盟工业和信息化局<\/td><td>2020<\/td><td>2019 年格式<\/td><td class="status-checked">已检查<\/td><td class="n">1<\/td>/);
    assert.match(html, /<td class="v error culprit" title="[^"]*应为188">190<\/td>/);
    assert.match(
      html,
      /<td>错误<\/td><td>\d+:\d+<\/td><td>缺少第六部分「六、其他需要报告的事项」 <span class="muted">section-missing<\/span><\/td><td>插入标题「六、其他需要报告的事项」（内容仍需补写）<\/td>/,
    );
    assert.match(html, /<th colspan="7">申请人情况<\/th>/);
    assert.match(html, /@media print/);
  });

  it('a file that was not understood is marked, not listed as clean', async () => {
    const r = await run(['-f', 'html', 'package.json'], ROOT);
    assert.match(r.stdout, /<td class="status-unrecognized">未识别<\/td>/);
    assert.equal(r.code, 1);
  });

  it('in English when asked', async () => {
    const r = await run(['-f', 'html', '--locale', 'en', 'test/fixtures/seeds/000_4ec185c68d50ccd4.txt'], ROOT);
    assert.match(r.stdout, /<h2>Summary<\/h2>/);
    assert.match(r.stdout, /No problems found\./);
  });
});
