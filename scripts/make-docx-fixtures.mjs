#!/usr/bin/env node
// Writes the DOCX fixtures (test/fixtures/docx/). Run `npm run build` first; needs soffice (LibreOffice)
// and /usr/bin/python3 with python3-docx (Debian).
//
//   seed-000/001/004.docx   a seed as a web page with the official merged cells (test/support/render-html.ts),
//   gen-2021-blanks.docx    and a generated report with blank cells, each converted by LibreOffice:
//                           `soffice --headless --convert-to docx:"MS Word 2007 XML" page.html`
//   <name>.txt              the same report as plain text (test/support/render.ts, form A): the truth
//   the rest                edited from those or built with python-docx, by scripts/docx-fixtures.py
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const load = (p) => require(join(root, 'out', p));
const { analyze } = load('server/src/core/analyze.js');
const { renderHtml } = load('test/support/render-html.js');
const { render } = load('test/support/render.js');
const { modelOf } = load('test/support/reencode.js');
const { NUMERALS, SECTION_TITLES } = load('test/support/model.js');
const { mulberry32, randomValidModel } = load('test/support/random.js');
const { SEEDS } = load('test/support/fixtures.js');

const OUT = join(root, 'test/fixtures/docx');
mkdirSync(OUT, { recursive: true });

/** A seed as a model: its tables (read back by the parser), title, headings as written, the prose of each section up to its table. */
function seedModel(text) {
  const { report } = analyze(text);
  const lines = text.split(/\r?\n/);
  const model = modelOf(text);
  model.title = report.title?.text ?? null;
  model.signature = null;
  const sections = (model.sections = { omit: [], number: {}, title: {}, body: {} });
  for (let n = 1; n <= 6; n++) {
    const section = report.sections.find((s) => s.heading.section === n);
    if (!section) {
      sections.omit.push(n);
      continue;
    }
    const { heading } = section;
    const number = lines[heading.line].slice(heading.prefixRange.start.character, heading.prefixRange.end.character);
    if (number !== `${NUMERALS[n - 1]}、`) sections.number[n] = number;
    if (heading.title !== SECTION_TITLES[n - 1]) sections.title[n] = heading.title;
    const table = n >= 2 && n <= 4 ? report.tables[`T${n}`] : undefined;
    const end = table ? table.range.start.line : section.bodyEnd;
    sections.body[n] = lines
      .slice(section.bodyStart, end)
      .map((l) => l.trim())
      .filter((l) => l !== '');
  }
  return model;
}

const reports = [
  { name: 'seed-000', model: seedModel(readFileSync(join(root, 'test/fixtures/seeds', SEEDS.s000), 'utf8')), html: { headings: 'h2' } },
  {
    name: 'seed-001',
    model: seedModel(readFileSync(join(root, 'test/fixtures/seeds', SEEDS.s001), 'utf8')),
    html: { headings: 'strong', word: true, blank: 'p-nbsp' },
  },
  {
    name: 'seed-004',
    model: seedModel(readFileSync(join(root, 'test/fixtures/seeds', SEEDS.s004), 'utf8')),
    html: { headings: 'p', word: true, wrapLabels: true, blank: 'empty' },
  },
  {
    name: 'gen-2021-blanks',
    model: randomValidModel(mulberry32(2021), { format: '2021', blanks: true }),
    html: { headings: 'h2', wrapLabels: true, vertical: 'br' },
  },
];

const work = mkdtempSync(join(tmpdir(), 'docx-fixtures-'));
try {
  for (const r of reports) {
    writeFileSync(join(work, `${r.name}.html`), renderHtml(r.model, { ...r.html, chrome: false }));
    writeFileSync(join(OUT, `${r.name}.txt`), render(r.model, 'A', { spacedHeadings: false }).text);
  }
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      work,
      ...reports.map((r) => join(work, `${r.name}.html`)),
    ],
    { stdio: 'pipe', timeout: 600_000 },
  );
  for (const r of reports) {
    const file = join(work, `${r.name}.docx`);
    if (!existsSync(file)) throw new Error(`LibreOffice did not write ${file}`);
    renameSync(file, join(OUT, `${r.name}.docx`));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
execFileSync('/usr/bin/python3', [join(root, 'scripts/docx-fixtures.py'), OUT], { stdio: 'inherit' });
