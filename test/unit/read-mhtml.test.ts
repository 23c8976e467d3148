/**
 * Web pages saved as one file (.mhtml / .mht): the page inside is read as a web page, and each
 * finding says where it stands in the page's tables (the file itself is MIME, not what a user reads).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readMhtml } from '../../server/src/core/read/mhtml';
import { analyzeBytes, analyzeText, sourceKindOf } from '../../server/src/core/source';
import { FIXTURES } from '../support/fixtures';

const mhtml = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, 'mhtml', `${name}.mhtml`)));
const keys = (findings: { code: string; target?: string }[]) => findings.map((f) => `${f.code} ${f.target ?? ''}`).sort();

describe('saved pages (MHTML)', () => {
  it('are told by their name', () => {
    assert.equal(sourceKindOf('报告.mhtml'), 'mhtml');
    assert.equal(sourceKindOf('报告.MHT'), 'mhtml');
  });

  for (const name of ['seed-000', 'gen-2019-blanks', 'gen-2019-plain-cell']) {
    it(`${name}: the findings of the page itself`, async () => {
      const page = readFileSync(path.join(FIXTURES, 'corpus', name, 'page.html'));
      const charset = /charset=["']?([\w-]+)/i.exec(page.toString('latin1'))?.[1] ?? 'utf-8';
      const expected = keys(analyzeText(new TextDecoder(charset).decode(page), {}, 'html').findings);
      const got = await analyzeBytes(mhtml(name), 'mhtml');
      assert.equal(got.kind, 'mhtml');
      assert.deepEqual(keys(got.findings), expected);
    });
  }

  it("a finding names the cell's table, row and column slot", async () => {
    const got = await analyzeBytes(mhtml('gen-2019-plain-cell'), 'mhtml');
    const f = got.findings.find((x) => x.code === 'row-total')!;
    assert.equal(f.target, 'T3.R3_3_1.NP');
    // 表三 is the page's second table; 1.属于国家秘密 its eighth row, 自然人 the fourth slot after two merged label columns.
    assert.deepEqual(f.location, { table: 2, row: 8, column: 4 });
  });

  it('bad input: not MIME, no page inside, cut short — a clear problem, never a crash', async () => {
    assert.deepEqual(await readMhtml(new TextEncoder().encode('garbage')), { ok: false, problem: 'corrupt', detail: 'no HTML part' });
    const noPage = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n';
    assert.equal((await readMhtml(new TextEncoder().encode(noPage))).ok, false);
    const bytes = mhtml('seed-000');
    for (const cut of [0, 10, 200, 1000]) {
      const analysis = await analyzeBytes(bytes.subarray(0, cut), 'mhtml');
      assert.equal(analysis.checked, false, `cut at ${cut}`);
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['input-unreadable'],
      );
    }
    // Cut inside the page: what is left of it is read, and said not to be a whole report.
    const half = await analyzeBytes(bytes.subarray(0, bytes.length >> 1), 'mhtml');
    assert.ok(half.findings.some((f) => f.severity === 'error'));
  });
});
