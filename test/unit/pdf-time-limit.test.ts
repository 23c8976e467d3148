import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeBytes } from '../../server/src/core/source';
import { readPdf } from '../../server/src/core/read/pdf';
import { PdfThread, pdfTimeLimit, DEFAULT_PDF_TIME_LIMIT } from '../../server/src/shared/pdf-thread';
import { run as runCli, workspace } from '../support/cli';
import { FIXTURES, readSeed, ROOT } from '../support/fixtures';

/**
 * A valid PDF that is slow to read by construction: `pages` pages sharing one content stream of
 * `operators` short stroked lines (pdf.js turns each into an operator), and one word of text.
 */
function slowPdf(operators: number, pages: number): Uint8Array {
  const strokes = Array.from({ length: operators }, (_, i) => `${i % 500} ${(i * 7) % 700} m ${(i % 500) + 1} ${(i * 7) % 700} l S`);
  const content = `0.1 w\n${strokes.join('\n')}\nBT /F1 12 Tf 72 720 Td (slow) Tj ET\n`;
  const pageIds = Array.from({ length: pages }, (_, p) => 5 + p);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    ...pageIds.map(() => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>'),
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, 'pdf', name)));

describe('PDF time limit: the core reader gives up between steps', () => {
  it('the generated PDF is a PDF: read without a deadline it has its text', async () => {
    const result = await readPdf(slowPdf(100, 1));
    assert.ok(result.ok);
    assert.equal(result.document.pages, 1);
    assert.equal(result.document.text.trim(), 'slow');
  });

  it('many pages of many operators with a short deadline: too-slow', async () => {
    const result = await readPdf(slowPdf(20000, 20), { deadline: Date.now() + 200 });
    assert.deepEqual(result, { ok: false, problem: 'too-slow' });
  });

  it('a deadline already past stops even a small report; none reads it', async () => {
    assert.deepEqual(await readPdf(fixture('big-numbers.pdf'), { deadline: Date.now() - 1 }), { ok: false, problem: 'too-slow' });
    assert.ok((await readPdf(fixture('big-numbers.pdf'), { deadline: Date.now() + 60_000 })).ok);
  });

  it('too-slow is an input-unreadable error that says so, in Chinese and in English', async () => {
    const tooSlow = async () => ({ ok: false, problem: 'too-slow' }) as const;
    const zh = await analyzeBytes(fixture('big-numbers.pdf'), 'pdf', { locale: 'zh-CN' }, tooSlow);
    assert.deepEqual(
      zh.findings.map((f) => [f.code, f.severity, f.message]),
      [['input-unreadable', 'error', '读取这份 PDF 超过了时间限制，已停止，未检查（文件可能异常复杂或已损坏）']],
    );
    assert.equal(zh.checked, false);
    const en = await analyzeBytes(fixture('big-numbers.pdf'), 'pdf', { locale: 'en' }, tooSlow);
    assert.equal(
      en.findings[0].message,
      'Reading this PDF took longer than the time limit and was stopped; not checked (the file may be abnormally complex or damaged)',
    );
  });
});

describe('PDF time limit: the reading thread', () => {
  const thread = new PdfThread(1000);
  after(() => thread.close());

  it('reads a report on its thread as the core reader does', async () => {
    const [onThread, here] = [await thread.read(fixture('big-numbers.pdf')), await readPdf(fixture('big-numbers.pdf'))];
    assert.ok(onThread.ok && here.ok);
    assert.equal(onThread.document.text, here.document.text);
    assert.deepEqual(onThread.document.grids, here.document.grids);
  });

  it('one pdf.js step longer than the limit: too-slow, and the next file is read on a new thread', async () => {
    // One page of 300 000 operators: pdf.js builds its operator list in one step of several seconds.
    assert.deepEqual(await thread.read(slowPdf(300_000, 1)), { ok: false, problem: 'too-slow' });
    const next = await thread.read(fixture('big-numbers.pdf'));
    assert.ok(next.ok);
    assert.match(next.document.text, /（一）予以公开/);
  });

  it('the limit comes from XXGK_LINT_PDF_TIME_LIMIT (milliseconds), else the default', () => {
    assert.equal(pdfTimeLimit({ XXGK_LINT_PDF_TIME_LIMIT: '250' }), 250);
    assert.equal(pdfTimeLimit({ XXGK_LINT_PDF_TIME_LIMIT: 'soon' }), DEFAULT_PDF_TIME_LIMIT);
    assert.equal(pdfTimeLimit({}), DEFAULT_PDF_TIME_LIMIT);
  });
});

describe('PDF time limit in the CLI', () => {
  it('a slow PDF gets the error and exit 2, never a hang', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-pdf-slow-'));
    try {
      const file = path.join(dir, 'slow.pdf');
      writeFileSync(file, slowPdf(20000, 20));
      const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk-lint.js'), file], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'zh_CN.UTF-8', XXGK_LINT_PDF_TIME_LIMIT: '200' },
        timeout: 60_000,
      });
      assert.equal(run.status, 2);
      assert.equal(run.stdout.split('\n')[0], `${file}:1:1: 错误 input-unreadable：读取这份 PDF 超过了时间限制，已停止，未检查（文件可能异常复杂或已损坏）`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--pdf-time-limit <ms> sets the limit, over XXGK_LINT_PDF_TIME_LIMIT; a file that ran out of time is not cached', () => {
    const dir = workspace({ 'slow.pdf': Buffer.from(slowPdf(20000, 20)), 'ok.txt': readSeed('s000') });
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk-lint.js'), '--pdf-time-limit', '200', '--cache', 'slow.pdf', 'ok.txt'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'zh_CN.UTF-8', XXGK_LINT_PDF_TIME_LIMIT: '600000' },
      timeout: 60_000,
    });
    assert.equal(run.status, 2);
    assert.equal(run.stdout.split('\n')[0], 'slow.pdf:1:1: 错误 input-unreadable：读取这份 PDF 超过了时间限制，已停止，未检查（文件可能异常复杂或已损坏）');
    const cache = readFileSync(path.join(dir, '.xxgk-lint-cache'), 'utf8');
    assert.match(cache, /ok\.txt/);
    assert.doesNotMatch(cache, /slow\.pdf/);
  });

  it('a --pdf-time-limit that is not a whole number of milliseconds is a usage error (exit 2), in Chinese and English; both commands take it', async () => {
    const dir = workspace({ 'ok.txt': readSeed('s000') });
    for (const value of ['0', '-5', '1.5', 'soon', '', '3000000000']) {
      for (const argv of [
        [`--pdf-time-limit=${value}`, 'ok.txt'],
        ['summary', `--pdf-time-limit=${value}`, 'ok.txt'],
      ]) {
        const zh = await runCli(argv, dir);
        assert.equal(zh.code, 2, argv.join(' '));
        assert.match(zh.stderr, /^xxgk-lint( summary)?: --pdf-time-limit 应为1至2147483647之间的整数（单位：毫秒，如60000即一分钟）\n$/, argv.join(' '));
      }
    }
    const en = await runCli(['--pdf-time-limit', 'soon', 'ok.txt'], dir, { LANG: 'en_US.UTF-8' });
    assert.equal(en.stderr, 'xxgk-lint: --pdf-time-limit takes a whole number of milliseconds from 1 to 2147483647 (60000 is one minute)\n');
    assert.equal((await runCli(['--pdf-time-limit', '60000', 'ok.txt'], dir)).code, 0);
    assert.equal((await runCli(['summary', '--pdf-time-limit', '60000', 'ok.txt'], dir)).code, 0);
    assert.match(
      (await runCli(['--help'], dir)).stdout,
      /\n {6}--pdf-time-limit <毫秒> +读取每个 PDF 的时间上限，超过则不检查（默认：30000，或 XXGK_LINT_PDF_TIME_LIMIT）\n/,
    );
    assert.match((await runCli(['summary', '--help'], dir, { LANG: 'en_US.UTF-8' })).stdout, /\n {6}--pdf-time-limit <ms> +time limit for reading each PDF/);
  });
});
