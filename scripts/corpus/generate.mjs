#!/usr/bin/env node
// Writes the converter corpus (test/fixtures/corpus/): for each report of test/corpus/reports.ts
// its web page, the canonical plain text of the same model (test/support/render.ts, form A), and
// what real converters make of the page; then manifest.json. Run `npm run build` first.
//
//   <report>/page.html          the page, in the charset it declares
//   <report>/canonical.txt      the truth: the model as plain text
//   <report>/<converter>.txt|md the converters' outputs (see CONVERTERS below)
//   <report>/libreoffice.docx, libreoffice.pdf, chromium.pdf   for the reports in BINARY_SUBSET only
//
// Converters: pandoc, w3m, lynx, links, elinks, python3 html2text, LibreOffice (soffice), Chromium
// through playwright-core, pdftotext (poppler), and the npm packages turndown, html-to-text and
// node-html-markdown. A tool that is missing is skipped with a warning (and its outputs leave the corpus).
// Tools that do not decode a GBK or GB2312 page (pandoc, lynx, links, elinks, html2text: they
// print mojibake or fail) and the npm packages (which take a string) get the page as UTF-8, as a
// user who converted it with iconv first would (and fixed its charset declaration: lynx and elinks
// obey the declaration over their own options); w3m, LibreOffice and Chromium read the page itself.
//
// Usage: node scripts/corpus/generate.mjs [--playwright DIR] [--out OUT] [--seed-offset N]
//   DIR: a folder whose node_modules has playwright-core (default /tmp/corpus-tools); Chromium is
//   /usr/bin/chromium.
//   OUT: where to write the corpus (default test/fixtures/corpus). Outside the default, the DOCX and
//   PDFs of every report are kept (not only BINARY_SUBSET's), so that their readers are scored too.
//   N: a held-out corpus (test/corpus/reports.ts, `seedOffset`): generated reports from the seeds
//   101+N…106+N, faults placed at random, the seeds' pages with other seeds' page options. Needs an
//   OUT other than the default; score it with `node out/test/corpus/score.js --corpus OUT`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const load = (p) => {
  const file = join(root, 'out', p);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return require(file);
};
const { corpusReports } = load('test/corpus/reports.js');
const { renderHtml, encodeHtml, ARTICLE_SELECTOR } = load('test/support/render-html.js');
const { render } = load('test/support/render.js');
const { SEEDS } = load('test/support/fixtures.js');
const { analyze } = load('server/src/core/analyze.js');

const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const DEFAULT_OUT = join(root, 'test/fixtures/corpus');
const OUT = option('--out') ? resolve(option('--out')) : DEFAULT_OUT;
const seedOffset = Number(option('--seed-offset') ?? 0);
if (!Number.isInteger(seedOffset) || seedOffset < 0) throw new Error(`--seed-offset: a whole number ≥ 0 expected`);
if (seedOffset && OUT === DEFAULT_OUT) throw new Error('--seed-offset writes a held-out corpus: give it an --out other than test/fixtures/corpus');
mkdirSync(OUT, { recursive: true });
/** Reports whose DOCX and PDFs are committed (the rest keep only text outputs); all of them outside the default OUT. */
const BINARY_SUBSET = new Set(['seed-000', 'seed-001', 'gen-2021-word', 'gen-2019-blanks-no-section-5', 'gen-2021-blanks-grand-total']);
const binaries = (id) => OUT !== DEFAULT_OUT || BINARY_SUBSET.has(id);
const playwrightDir = option('--playwright') ?? '/tmp/corpus-tools';

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { maxBuffer: 64 << 20, timeout: 120_000, ...opts });

/** The findings that the scorer compares: errors and warnings, as `code target`. */
const keyOf = (f) => `${f.code} ${f.target ?? ''}`.trim();
const findingKeys = (text) =>
  analyze(text)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map(keyOf);

// ------------------------------------------------------------------ converters of one page

/** Text converters: name → [output extension, (page, utf8Page, dir) → text]. */
const CONVERTERS = {
  'pandoc-plain': ['txt', 'pandoc', (p) => run('pandoc', ['-f', 'html', '-t', 'plain', p.utf8File]).toString()],
  'pandoc-markdown': ['md', 'pandoc', (p) => run('pandoc', ['-f', 'html', '-t', 'markdown', p.utf8File]).toString()],
  'pandoc-gfm': ['md', 'pandoc', (p) => run('pandoc', ['-f', 'html', '-t', 'gfm', p.utf8File]).toString()],
  w3m: ['txt', 'w3m', (p) => run('w3m', ['-dump', '-O', 'UTF-8', '-T', 'text/html', p.file]).toString()],
  lynx: ['txt', 'lynx', (p) => run('lynx', ['-dump', '-nolist', '-display_charset=utf-8', p.utf8File]).toString()],
  links: ['txt', 'links', (p) => run('links', ['-dump', '-codepage', 'utf-8', p.utf8File]).toString()],
  elinks: ['txt', 'elinks', (p) => run('elinks', ['-dump', '-dump-charset', 'utf-8', '-no-numbering', '-no-references', p.utf8File]).toString()],
  html2text: ['md', 'python3', (p) => run('/usr/bin/python3', ['-m', 'html2text', p.utf8File, 'utf-8']).toString()],
  turndown: ['md', null, (p) => new (require('turndown'))().turndown(p.html)],
  'html-to-text': ['txt', null, (p) => require('html-to-text').convert(p.html, { wordwrap: 80 })],
  'node-html-markdown': ['md', null, (p) => require('node-html-markdown').NodeHtmlMarkdown.translate(p.html)],
};

/** LibreOffice converts every page in one run per target (starting it is slow). */
function libreOffice(pages, target, ext) {
  if (!have('soffice')) return {};
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lo-'));
  const profile = `file://${join(dir, 'profile')}`;
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', target, '--outdir', dir, ...pages.map((p) => p.file)], {
    stdio: 'pipe',
    timeout: 600_000,
  });
  const out = {};
  for (const p of pages) {
    const file = join(dir, `${p.id}.${ext}`);
    if (existsSync(file)) out[p.id] = readFileSync(file);
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

/** Chromium: the article's innerText (what select-all and copy give) and print-to-PDF. */
async function chromium(pages) {
  let playwright;
  try {
    playwright = createRequire(join(playwrightDir, 'package.json'))('playwright-core');
  } catch {
    console.warn(`playwright-core not found under ${playwrightDir}: Chromium outputs skipped`);
    return {};
  }
  const browser = await playwright.chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const out = {};
  try {
    const page = await browser.newPage();
    for (const p of pages) {
      await page.goto(`file://${p.file}`);
      const text = await page.innerText(ARTICLE_SELECTOR);
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      out[p.id] = { text, pdf };
    }
  } finally {
    await browser.close();
  }
  return out;
}

function pdftotext(pdf, layout) {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', join(dir, 'in.pdf'), join(dir, 'out.txt')]);
    return readFileSync(join(dir, 'out.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ the corpus

/** The page with its charset declaration (`<meta charset>` or http-equiv) changed to UTF-8. */
const declareUtf8 = (html) => html.replace(/(<meta\b[^>]*\bcharset=["']?)[\w-]+/gi, (_, head) => `${head}UTF-8`);

const seeds = Object.fromEntries(Object.values(SEEDS).map((file) => [file.slice(0, 3), readFileSync(join(root, 'test/fixtures/seeds', file), 'utf8')]));
const reports = corpusReports(seeds, { seedOffset });
const work = mkdtempSync(join(tmpdir(), 'corpus-pages-'));
const pages = reports.map((r) => {
  const html = renderHtml(r.model, r.html);
  const dir = join(OUT, r.id);
  mkdirSync(dir, { recursive: true });
  const file = join(work, `${r.id}.html`);
  const utf8File = join(work, `${r.id}.utf8.html`);
  const bytes = encodeHtml(html, r.html.charset);
  writeFileSync(file, bytes);
  writeFileSync(utf8File, declareUtf8(html));
  const pageFile = join(dir, 'page.html');
  const pageChanged = !existsSync(pageFile) || !readFileSync(pageFile).equals(bytes);
  writeFileSync(pageFile, bytes);
  writeFileSync(join(dir, 'canonical.txt'), render(r.model, 'A').text);
  return { id: r.id, report: r, html, file, utf8File, dir, pageChanged };
});

const outputs = []; // { file, converter, report, kind }
const failures = [];
const write = (p, name, ext, data, converter) => {
  const rel = `${p.id}/${name}.${ext}`;
  // DOCX and PDF files carry the time they were made: kept as they are while the page is unchanged.
  const keep = (ext === 'docx' || ext === 'pdf') && !p.pageChanged && existsSync(join(OUT, rel));
  if (!keep) writeFileSync(join(OUT, rel), data);
  outputs.push({ file: rel, converter, report: p.id });
};

for (const [name, [ext, tool, convert]] of Object.entries(CONVERTERS)) {
  if (tool && !have(tool)) {
    console.warn(`${tool} not found: ${name} skipped`);
    continue;
  }
  for (const p of pages) {
    try {
      write(p, name, ext, convert(p), name);
    } catch (e) {
      failures.push(`${p.id} ${name}: ${String(e.message).split('\n')[0]}`);
    }
  }
}

const loText = libreOffice(pages, 'txt:Text (encoded):UTF8', 'txt');
for (const p of pages) if (loText[p.id]) write(p, 'libreoffice', 'txt', loText[p.id], 'libreoffice-txt');
const loDocx = libreOffice(pages, 'docx:MS Word 2007 XML', 'docx');
const loPdf = libreOffice(pages, 'pdf:writer_web_pdf_Export', 'pdf');
for (const p of pages) {
  if (loDocx[p.id] && binaries(p.id)) write(p, 'libreoffice', 'docx', loDocx[p.id], 'libreoffice-docx');
  if (!loPdf[p.id]) continue;
  if (binaries(p.id)) write(p, 'libreoffice', 'pdf', loPdf[p.id], 'libreoffice-pdf');
  write(p, 'libreoffice-pdf.pdftotext-layout', 'txt', pdftotext(loPdf[p.id], true), 'libreoffice-pdf|pdftotext-layout');
  write(p, 'libreoffice-pdf.pdftotext', 'txt', pdftotext(loPdf[p.id], false), 'libreoffice-pdf|pdftotext');
}
const chrome = await chromium(pages);
for (const p of pages) {
  const c = chrome[p.id];
  if (!c) continue;
  write(p, 'chromium-innertext', 'txt', c.text, 'chromium-innertext');
  if (binaries(p.id)) write(p, 'chromium', 'pdf', c.pdf, 'chromium-pdf');
  write(p, 'chromium-pdf.pdftotext-layout', 'txt', pdftotext(c.pdf, true), 'chromium-pdf|pdftotext-layout');
  write(p, 'chromium-pdf.pdftotext', 'txt', pdftotext(c.pdf, false), 'chromium-pdf|pdftotext');
}
rmSync(work, { recursive: true, force: true });

// ------------------------------------------------------------------ manifest

const byId = new Map(pages.map((p) => [p.id, p]));
const reportEntries = pages.map((p) => {
  const r = p.report;
  const canonical = readFileSync(join(p.dir, 'canonical.txt'), 'utf8');
  const entry = {
    id: p.id,
    format: r.model.format,
    page: `${p.id}/page.html`,
    charset: r.html.charset ?? 'UTF-8',
    html: r.html,
    canonical: `${p.id}/canonical.txt`,
  };
  if (r.fault) {
    // The fault's findings: those on the faulted canonical text that the unfaulted one lacks.
    const before = new Set(findingKeys(readFileSync(join(byId.get(r.base).dir, 'canonical.txt'), 'utf8')));
    const found = findingKeys(canonical).filter((k) => !before.has(k));
    const expected = found.filter((k) => k.split(' ')[0] === r.fault.code);
    if (!expected.length) throw new Error(`${p.id}: the fault (${r.fault.description}) gives no ${r.fault.code} on the canonical text: ${found.join(', ')}`);
    entry.base = r.base;
    entry.fault = {
      description: r.fault.description,
      code: r.fault.code,
      expected: found.map((k) => ({ code: k.split(' ')[0], target: k.split(' ')[1] ?? null })),
    };
  }
  return entry;
});
const kindOf = (file) => file.slice(file.lastIndexOf('.') + 1);
const manifest = {
  about:
    'Converter corpus: pages rendered from report models (test/support/render-html.ts), the canonical text of each model (test/support/render.ts, form A), and what real converters made of the pages. Written by scripts/corpus/generate.mjs.',
  ...(seedOffset ? { seedOffset } : {}),
  reports: reportEntries,
  outputs: outputs
    .map((o) => {
      const report = reportEntries.find((r) => r.id === o.report);
      return {
        ...o,
        kind: kindOf(o.file),
        canonical: report.canonical,
        ...(report.fault ? { fault: { code: report.fault.code, expected: report.fault.expected } } : {}),
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file)),
  failures,
};
writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
// Outputs of earlier runs that this run did not write are stale.
for (const id of readdirSync(OUT)) {
  const dir = join(OUT, id);
  if (!byId.has(id)) continue;
  for (const f of readdirSync(dir)) {
    const rel = `${id}/${f}`;
    if (f !== 'page.html' && f !== 'canonical.txt' && !outputs.some((o) => o.file === rel)) rmSync(join(OUT, rel));
  }
}
console.log(
  `${pages.length} reports, ${outputs.length} outputs${failures.length ? `, ${failures.length} failed conversions:\n  ${failures.join('\n  ')}` : ''}`,
);
