#!/usr/bin/env node
// `npm run test:web`: the web extension (package.json `browser`) in VS Code's web worker extension
// host, as in vscode.dev, github.dev and code-server. A test copy of the built extension, whose
// manifest says `extensionKind: ["web"]` (and has no `main`), is loaded as the development extension
// by test/vscode/shim/code (the VS Code server of code-server + headless chromium, from
// scripts/setup-editor-test-env.sh); test/web/suite.cjs runs beside it in the worker and checks a
// diagnostic (code, range, message), the hover, the outline and a quick fix on a copy of seed 000
// with one 表三 number changed. Exit code: the suite's (0 passed); skipped without an editor test
// environment unless CI is set.
//
// Environment: XXGK_WEB_KEEP=1 keeps the scratch folder; the shim's XXGK_SHIM_* variables apply.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHIM = path.join(ROOT, 'test', 'vscode', 'shim', 'code');
const ENV = path.join(process.env.EDITOR_TEST_ENV_DIR || path.join(ROOT, '.cache', 'editor-test-env'), 'env.json');
const SEED_000 = path.join(ROOT, 'test', 'fixtures', 'seeds', '000_4ec185c68d50ccd4.txt');
/** What the web extension needs at run time, as the .vsix ships it. */
const SHIPPED = [
  'package.nls.json',
  'package.nls.zh-cn.json',
  'language-configuration.json',
  'syntaxes',
  'client/out/browser.js',
  'server/out/web-server.js',
  'client/l10n',
  'client/media',
  'docs/rules',
];

if (!fs.existsSync(ENV)) {
  const why = `no editor test environment (${ENV}); run: bash scripts/setup-editor-test-env.sh`;
  if (process.env.CI) {
    console.error(`test:web: ${why}`);
    process.exit(2);
  }
  console.log(`test:web SKIPPED: ${why}`);
  process.exit(0);
}

const built = spawnSync('node', [path.join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const scratch = fs.mkdtempSync(path.join(process.env.TMPDIR || os.tmpdir(), 'xxgk-web-'));
const extension = path.join(scratch, 'extension');
const workspace = path.join(scratch, 'workspace');
for (const item of SHIPPED) fs.cpSync(path.join(ROOT, item), path.join(extension, item), { recursive: true });
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
delete manifest.main;
manifest.extensionKind = ['web'];
fs.writeFileSync(path.join(extension, 'package.json'), JSON.stringify(manifest, null, 2));

// Seed 000 (all zeros) with 表三「（一）予以公开」自然人 (line 39, the first number cell) changed to 3.
fs.mkdirSync(workspace);
const lines = fs.readFileSync(SEED_000, 'utf8').split('\n');
const row = lines[38];
if (!row.includes('(一)予以公开')) throw new Error(`seed 000 line 39 is not 表三 (一)予以公开: ${row}`);
const cell = row.indexOf('| 0 |', row.indexOf('(一)予以公开')) + 2;
lines[38] = `${row.slice(0, cell)}3${row.slice(cell + 1)}`;
fs.writeFileSync(path.join(workspace, 'broken.xxgk.txt'), lines.join('\n'));
// Two years of one body (2024 carries over less than 2023 left: carry-over), seed 004 as PDF and Word.
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
fs.mkdirSync(path.join(workspace, 'wenzhou'));
fs.copyFileSync(path.join(FIXTURES, 'workspace', 'wenzhou', '2023.txt'), path.join(workspace, 'wenzhou', '2023.txt'));
fs.copyFileSync(path.join(FIXTURES, 'workspace', 'wenzhou', '2024.txt'), path.join(workspace, 'wenzhou', '2024.xxgk.txt'));
fs.copyFileSync(path.join(FIXTURES, 'pdf', '004-chromium.pdf'), path.join(workspace, '004.pdf'));
fs.copyFileSync(path.join(FIXTURES, 'docx', 'seed-004.docx'), path.join(workspace, '004.docx'));

// The tests run in the extension host of the extension whose folder holds them: so inside the copy.
const suite = path.join(extension, 'test', 'suite.cjs');
fs.cpSync(path.join(ROOT, 'test', 'web', 'suite.cjs'), suite);

// The shim makes its own scratch folder under $TMPDIR: nesting it in ours would make Chromium's socket
// path too long (over 107 bytes) when $TMPDIR is itself deep, as in CI.
const shim = spawn(SHIM, [`--extensionDevelopmentPath=${extension}`, `--extensionTestsPath=${suite}`, workspace], { stdio: 'inherit' });
const stop = (signal) => shim.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
shim.on('exit', (code, signal) => {
  if (process.env.XXGK_WEB_KEEP === '1') console.log(`test:web: scratch folder kept: ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
  console.log(`test:web ${code === 0 ? 'passed' : `FAILED (${code ?? signal})`}`);
  process.exit(code ?? 1);
});
