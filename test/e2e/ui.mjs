#!/usr/bin/env node
// `npm run test:e2e`: what a person sees in a real VS Code (code-server = VS Code OSS 1.139.1 in
// headless Debian chromium, driven by playwright-core), with the packaged extension installed.
//
//   1. builds xxgk-lint.vsix (`npm run package`) if it is missing or older than its sources;
//   2. installs it into a fresh code-server profile (scratch folder under $TMPDIR);
//   3. starts code-server (--config /dev/null, no auth, loopback, random port) in its own process group,
//      on a workspace with a copy of seed 004 and a copy of seed 000 with one 表三 number changed;
//   4. opens it in headless chromium (locale zh-CN) and checks, by what is on screen: the Problems panel
//      (Chinese messages, the 4、 heading of seed 004), the squiggle under the wrong cell of seed 000 (its
//      position in the DOM), the hover (message + live equation), the light bulb and the quick fix applied
//      with Ctrl+. and Enter, and the squiggle gone afterwards.
//
// Each check is printed by name when it passes. Screenshots go to test-results/e2e/ (printed at the end);
// a failing check saves failure-<n>.png first. Exit code: 0 all passed (or skipped: no editor test
// environment and CI unset), 1 a check failed, 2 environment missing or broken (run
// `bash scripts/setup-editor-test-env.sh`), 124 overall timeout, 130/143 interrupted.
//
// Options / environment:
//   --update-docs-screenshot   also copy the squiggle + hover screenshot to docs/images/ (for the README)
//   XXGK_E2E_TIMEOUT_MS        overall timeout (default 240000)
//   XXGK_E2E_KEEP=1            keep the scratch folder (profile, workspace, code-server.log)
//   XXGK_E2E_HEADED=1          show the browser (needs a display)
//   XXGK_E2E_DEBUG=1           print the hover text as it is read
//   EDITOR_TEST_ENV_DIR        the setup's cache folder (default <repo>/.cache/editor-test-env)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { QUIET_PROFILE_SETTINGS } from '../vscode/shim/quiet-profile.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TAG = '[e2e]';
const t0 = Date.now();
const TIMEOUT_MS = Number(process.env.XXGK_E2E_TIMEOUT_MS || 240_000);
const KEEP = process.env.XXGK_E2E_KEEP === '1';
const OUT = path.join(ROOT, 'test-results', 'e2e');
const VSIX = path.join(ROOT, 'xxgk-lint.vsix');
const DOCS_SCREENSHOT = path.join(ROOT, 'docs', 'images', 'vscode-squiggle-hover.png');
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');

const log = (...a) => process.stdout.write(`${util.format(...a)}\n`);
const info = (...a) => process.stderr.write(`${TAG} ${util.format(...a)}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

// ------------------------------------------------------------------ environment
function loadEnv() {
  const file = path.join(process.env.EDITOR_TEST_ENV_DIR || path.join(ROOT, '.cache', 'editor-test-env'), 'env.json');
  let env;
  try {
    env = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = `cannot read ${file} (${e.code || e.message}); run: bash scripts/setup-editor-test-env.sh`;
    if (!process.env.CI && e.code === 'ENOENT') {
      // like test:vscode: skip where nothing is set up; never in CI
      log(`test:e2e SKIPPED: ${why}`);
      process.exit(0);
    }
    bail(why);
  }
  for (const k of ['node24', 'codeServerEntry', 'chromium', 'playwrightCore']) {
    if (!env[k] || !fs.existsSync(env[k])) bail(`env.json: ${k} missing (${env[k]}); run: bash scripts/setup-editor-test-env.sh`);
  }
  return env;
}

function bail(msg) {
  process.stderr.write(`${TAG} ERROR: ${msg}\n`);
  process.exit(2);
}

// ------------------------------------------------------------------ the .vsix
/** What `npm run package` puts into the .vsix, and the sources it is built from. */
const VSIX_INPUTS = [
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'README.md',
  'LICENSE',
  'language-configuration.json',
  '.vscodeignore',
  'syntaxes',
  'client/src',
  'client/l10n',
  'client/media',
  'server/src',
  'docs/rules',
  'scripts/bundle.mjs',
  'package-lock.json',
];

function newestInput() {
  let newest = { file: '', mtime: 0 };
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const f of fs.readdirSync(p)) visit(path.join(p, f));
    else if (st.mtimeMs > newest.mtime) newest = { file: path.relative(ROOT, p), mtime: st.mtimeMs };
  };
  for (const i of VSIX_INPUTS) visit(path.join(ROOT, i));
  return newest;
}

function ensureVsix() {
  const newest = newestInput();
  const built = fs.existsSync(VSIX) ? fs.statSync(VSIX).mtimeMs : 0;
  if (built > newest.mtime) {
    info(`using ${path.relative(ROOT, VSIX)} (newer than its sources)`);
    return;
  }
  info(built ? `${path.relative(ROOT, VSIX)} is older than ${newest.file}: npm run package` : 'no xxgk-lint.vsix yet: npm run package');
  const t = Date.now();
  const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !fs.existsSync(VSIX)) {
    process.stderr.write(out);
    bail(`npm run package failed (${r.status ?? r.signal})`);
  }
  info(`${(/Packaged: .*/.exec(out) ?? ['packaged'])[0]} in ${secs(Date.now() - t)}`);
}

// ------------------------------------------------------------------ workspace and profile
/** Seed 000 (pipe encoding, all zeros) with 表三「（一）予以公开」自然人 changed from 0 to 3. */
const BROKEN = { line: 38, value: '3', label: '(一)予以公开' };

function makeScratch() {
  const scratch = fs.mkdtempSync(path.join(process.env.TMPDIR || os.tmpdir(), 'xxgk-e2e-'));
  const dirs = {
    scratch,
    tmp: path.join(scratch, 'tmp'),
    userData: path.join(scratch, 'user-data'),
    extensions: path.join(scratch, 'extensions'),
    xdg: path.join(scratch, 'xdg'),
    workspace: path.join(scratch, '年报'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });

  const seed004 = '二七区工信局2020年度报告.txt';
  fs.copyFileSync(path.join(SEEDS, '004_af7ba795f29cd9b9.txt'), path.join(dirs.workspace, seed004));
  const seed000 = '招商合作局2020年度报告.txt';
  const lines = fs.readFileSync(path.join(SEEDS, '000_4ec185c68d50ccd4.txt'), 'utf8').split('\n');
  const line = lines[BROKEN.line];
  if (!line.includes(BROKEN.label)) throw new Error(`seed 000 line ${BROKEN.line + 1} is not 表三 ${BROKEN.label}: ${line}`);
  const column = line.indexOf('| 0 |', line.indexOf(BROKEN.label)) + 2; // 自然人, the first number cell
  lines[BROKEN.line] = line.slice(0, column) + BROKEN.value + line.slice(column + 1);
  fs.writeFileSync(path.join(dirs.workspace, seed000), lines.join('\n'));
  const preview000 = '招商合作局2020年度报告（预览）.txt';
  fs.writeFileSync(path.join(dirs.workspace, preview000), lines.join('\n'));

  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    `${JSON.stringify(
      {
        ...QUIET_PROFILE_SETTINGS,
        'workbench.enableExperiments': false,
        'editor.minimap.enabled': false,
        'editor.hover.delay': 150,
        'editor.fontSize': 15,
        'window.commandCenter': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    )}\n`,
  );
  return { dirs, files: { seed004, seed000, preview000 }, brokenColumn: column };
}

// ------------------------------------------------------------------ code-server
let server; // the guardian leading code-server's process group
let browser;
let scratchDir;
let finished = false;

function serverEnv(dirs) {
  const e = {
    ...process.env,
    TMPDIR: dirs.tmp,
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}',
  };
  for (const k of ['ELECTRON_RUN_AS_NODE', 'VSCODE_CLI', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_NLS_CONFIG', 'PASSWORD', 'HASHED_PASSWORD', 'PORT']) delete e[k];
  return e;
}

function installVsix(env, dirs) {
  const t = Date.now();
  const r = spawnSync(
    env.node24,
    [
      env.codeServerEntry,
      '--config',
      '/dev/null',
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--install-extension',
      VSIX,
      '--force',
    ],
    { encoding: 'utf8', env: serverEnv(dirs) },
  );
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing the .vsix failed (${r.status}):\n${out}`);
  info(`installed ${path.basename(VSIX)} into a fresh profile in ${secs(Date.now() - t)}`);
}

function startCodeServer(env, dirs) {
  const args = [
    env.codeServerEntry,
    '--config',
    '/dev/null',
    '--auth',
    'none',
    '--bind-addr',
    '127.0.0.1:0',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--locale',
    'zh-cn',
    '--ignore-last-opened',
    dirs.workspace,
  ];
  // A small guardian leads code-server's own process group (detached). We kill that whole group at the end
  // (code-server, its VS Code server, file watcher, agent host, extension host, our language server); the
  // guardian also kills it when its stdin (a pipe from us) closes, i.e. if this process dies unexpectedly.
  const guardian = `
    const { spawn } = require('child_process');
    const killAll = () => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} process.exit(1); };
    process.stdin.on('end', killAll); process.stdin.on('error', killAll); process.stdin.resume();
    const child = spawn(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code, sig) => process.exit(code ?? 1));`;
  const logFile = path.join(dirs.scratch, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  server = spawn(env.node24, ['-e', guardian, env.node24, ...args], { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: serverEnv(dirs) });
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (chunk) => {
      fs.writeSync(logFd, chunk);
      if (buf === null) return;
      buf += chunk.toString();
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(buf);
      if (m) {
        buf = null;
        resolve({ url: m[1], logFile });
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', reject);
    server.on('exit', (code, signal) => {
      if (buf !== null) reject(new Error(`code-server exited early (${code ?? signal}):\n${tail(logFile)}`));
      else if (!finished) {
        info(`code-server exited unexpectedly (${code ?? signal})`);
        void finish(1);
      }
    });
  });
}

async function waitHealthy(url) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${url}/healthz did not answer within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function killServer(sig) {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, sig);
  } catch {
    /* gone */
  }
}

async function finish(code) {
  if (finished) return;
  finished = true;
  const hard = setTimeout(() => {
    killServer('SIGKILL');
    process.exit(code);
  }, 10_000);
  hard.unref();
  try {
    await browser?.close();
  } catch {
    /* ignore */
  }
  killServer('SIGTERM');
  for (let i = 0; i < 5; i++) {
    // VS Code's server takes its time on SIGTERM; the checks are over
    try {
      process.kill(-server.pid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  killServer('SIGKILL');
  if (scratchDir) {
    if (KEEP || (code !== 0 && code < 128)) info(`kept the scratch folder ${scratchDir} (code-server.log, profile, workspace)`);
    else fs.rmSync(scratchDir, { recursive: true, force: true, maxRetries: 3 });
  }
  info(`${code === 0 ? 'passed' : 'FAILED'} in ${secs(Date.now() - t0)}; screenshots in ${OUT}/`);
  process.exit(code);
}

process.on('exit', () => killServer('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    info(`got ${sig}, stopping`);
    void finish(sig === 'SIGINT' ? 130 : 143);
  });

// ------------------------------------------------------------------ checks
let page;
let shots = 0;
let failures = 0;

async function screenshot(name) {
  const file = path.join(OUT, `${String(++shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs one check; prints it by name when it passes, saves a screenshot and rethrows when it fails. */
async function check(name, fn) {
  const t = Date.now();
  try {
    const result = await fn();
    log(`  ✔ ${name} (${Date.now() - t} ms)`);
    return result;
  } catch (e) {
    failures++;
    log(
      `  ✖ ${name} (${Date.now() - t} ms)\n    ${String(e?.stack ?? e)
        .split('\n')
        .slice(0, 8)
        .join('\n    ')}`,
    );
    try {
      log(`    screenshot: ${path.relative(ROOT, await screenshot(`failure-${failures}`))}`);
    } catch (err) {
      log(`    (no screenshot: ${err.message})`);
    }
    throw e;
  }
}

/** Polls `probe` until it returns a truthy value (page round trips; no fixed sleeps). */
async function until(what, probe, ms = 20_000) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await probe();
    } catch (e) {
      last = e;
    }
    if (last && !(last instanceof Error)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await page.waitForTimeout(100);
  }
}

const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();

async function quickOpen(fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  await editor().locator('.view-lines').waitFor({ state: 'visible' });
}

/**
 * Ctrl+G to the line, then the cursor keys to the column (1-based, in characters: Ctrl+G's own column
 * counts display columns, 2 per CJK character); waits until the status bar says "Ln x, Col y".
 */
async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.keyboard.press('Home');
  for (let i = 1; i < column; i++) await page.keyboard.press('ArrowRight');
  const status = page.locator('#status\\.editor\\.selection');
  await until(`the cursor at Ln ${line}, Col ${column}`, async () => (await status.innerText()).trim() === `Ln ${line}, Col ${column}`);
}

/**
 * In the page: the screen box of characters [start, end) of the rendered line whose text contains
 * `marker`, and the boxes of the squiggles of `kind` on the screen.
 */
async function geometry(marker, start, end, kind) {
  return editor().evaluate(
    (root, { marker, start, end, kind }) => {
      const text = (el) => el.textContent.replace(/\u00a0/g, ' ');
      const line = [...root.querySelectorAll('.view-lines .view-line')].find((l) => text(l).includes(marker));
      let chars;
      if (line) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        const range = document.createRange();
        let startSet = false;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent.length;
          if (!startSet && start < offset + len) {
            range.setStart(n, start - offset);
            startSet = true;
          }
          if (startSet && end <= offset + len) {
            range.setEnd(n, end - offset);
            break;
          }
          offset += len;
        }
        const r = range.getBoundingClientRect();
        chars = { x: r.x, y: r.y, width: r.width, height: r.height, text: range.toString() };
      }
      const squiggles = [...root.querySelectorAll(`.view-overlays .squiggly-${kind}`)].map((s) => {
        const r = s.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      return { chars, squiggles, lineText: line && text(line) };
    },
    { marker, start, end, kind },
  );
}

const overlaps = (sq, ch) =>
  sq.x <= ch.x + 1 && sq.x + sq.width >= ch.x + ch.width - 1 && sq.y <= ch.y + ch.height / 2 && sq.y + sq.height >= ch.y + ch.height / 2;

/** The Problems panel's rows (message rows and file rows) as text, after filtering with `filter`. */
async function problems(filter) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible' });
  }
  const input = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
  // Under load the panel may still be setting itself up and clear a filter typed too early.
  await until(`the Problems filter "${filter}"`, async () => {
    if ((await input.inputValue()) !== filter) await input.fill(filter);
    await page.waitForTimeout(300);
    return (await input.inputValue()) === filter;
  });
  return panel.locator('.monaco-list-row');
}

async function hoverOver(box) {
  await page.mouse.move(0, 0);
  await page
    .locator('.monaco-hover')
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const hover = page.locator('.monaco-editor .monaco-hover, .monaco-resizable-hover .monaco-hover').filter({ visible: true }).first();
  await hover.waitFor({ state: 'visible' });
  return hover;
}

async function run(env) {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  ensureVsix();
  const { dirs, files, brokenColumn } = makeScratch();
  const seed000Text = fs.readFileSync(path.join(SEEDS, '000_4ec185c68d50ccd4.txt'), 'utf8');
  scratchDir = dirs.scratch;
  installVsix(env, dirs);
  const { url } = await startCodeServer(env, dirs);
  await waitHealthy(url);
  info(`code-server ${env.codeServerVersion ?? ''} at ${url} after ${secs(Date.now() - t0)}`);

  const require = createRequire(path.join(env.playwrightCore, 'package.json'));
  const { chromium } = require(env.playwrightCore);
  browser = await chromium.launch({
    executablePath: env.chromium,
    headless: process.env.XXGK_E2E_HEADED !== '1',
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false, // finish() closes everything
    env: { ...process.env, TMPDIR: dirs.tmp },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--lang=zh-CN',
    ],
  });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 960 } });
  // VS Code's web workbench reports vscode.env.language = _VSCODE_NLS_LANGUAGE, which the server only sets
  // when a language pack is installed (none can be had offline). Set it as a Chinese VS Code would: the
  // extension then starts its server in zh-cn (Chinese messages); VS Code's own UI stays English.
  await context.addInitScript({ content: "if (globalThis._VSCODE_NLS_LANGUAGE === undefined) globalThis._VSCODE_NLS_LANGUAGE = 'zh-cn';" });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);

  await check('the workbench opens the workspace (code-server, headless chromium, locale zh-cn)', async () => {
    await page.goto(`${url}/?folder=${encodeURIComponent(dirs.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: files.seed000 }).waitFor({ state: 'visible', timeout: 60_000 });
  });

  // ---------------------------------------------------------------- seed 004
  await check('seed 004 opens as 政府信息公开年度报告 (status bar language) and gets squiggles', async () => {
    await quickOpen(files.seed004);
    await page.locator('#status\\.editor\\.mode', { hasText: '政府信息公开年度报告' }).waitFor({ state: 'visible', timeout: 30_000 });
    await editor().locator('.view-overlays .squiggly-warning').first().waitFor({ state: 'attached', timeout: 30_000 });
  });

  await check('Problems panel: Chinese messages for seed 004, including the misnumbered 4、 heading at line 354', async () => {
    const rows = await problems('4、');
    const four = rows.filter({ hasText: '部分标题应使用汉字编号“四、”，此处写作“4、”' });
    await four.first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = await four.first().innerText();
    if (!/354/.test(text)) throw new Error(`expected Ln 354 in: ${text}`);
    if (!/section-numbering/.test(text)) throw new Error(`expected the rule code in: ${text}`);
    await problems('');
    const all = await until('the unfiltered list', async () => {
      const texts = await rows.allInnerTexts();
      return texts.filter((t) => /xxgk-lint/.test(t)).length >= 5 && texts;
    });
    const messages = all.filter((t) => /xxgk-lint/.test(t));
    const notChinese = messages.filter((t) => !/[\u4e00-\u9fff]/.test(t.split('xxgk-lint')[0]));
    if (notChinese.length) throw new Error(`messages not in Chinese: ${JSON.stringify(notChinese)}`);
    await problems('4、');
  });

  await check('the 4、 heading has a squiggle under its numeral; its hover names the rule in Chinese', async () => {
    await four004();
    await screenshot('seed-004-problems-and-4-heading');
  });

  async function four004() {
    await goTo(354, 1);
    const g = await until('the squiggle under 4、', async () => {
      const r = await geometry('政府信息公开行政复议', 0, 1, 'warning');
      return r.chars && r.squiggles.some((s) => overlaps(s, r.chars)) && r;
    });
    if (g.chars.text !== '4') throw new Error(`expected the numeral 4 under the squiggle, got ${g.chars.text}`);
    const hover = await hoverOver(g.squiggles.find((s) => overlaps(s, g.chars)));
    await until('the 4、 message in the hover', async () => (await hover.innerText()).includes('部分标题应使用汉字编号“四、”'));
  }

  // ---------------------------------------------------------------- seed 000, broken
  const cellStart = brokenColumn; // 0-based, in the model line (the view line has the same text)
  let squiggleBox;
  await check(`seed 000 with one changed 表三 number: the error squiggle lies under that cell (Ln ${BROKEN.line + 1}, Col ${cellStart + 1})`, async () => {
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await quickOpen(files.seed000);
    await goTo(BROKEN.line + 1, cellStart + 1);
    const g = await until(
      'one error squiggle on the changed cell',
      async () => {
        const r = await geometry(BROKEN.label, cellStart, cellStart + 1, 'error');
        return r.chars && r.squiggles.length === 1 && overlaps(r.squiggles[0], r.chars) && r;
      },
      30_000,
    );
    if (g.chars.text !== BROKEN.value) throw new Error(`the squiggle is over "${g.chars.text}", not the changed cell`);
    // Only that cell: the squiggle is not wider than the digit by more than a character.
    if (g.squiggles[0].width > g.chars.width * 2.5) throw new Error(`squiggle wider than the cell: ${JSON.stringify(g)}`);
    squiggleBox = g.squiggles[0];
  });

  let message;
  await check('Problems panel: the row-total finding in Chinese', async () => {
    const rows = await problems('row-total');
    const row = rows.filter({ hasText: 'row-total' }).first();
    await row.waitFor({ state: 'visible' });
    message = (await row.innerText()).split('\n')[0].trim();
    if (!/[\u4e00-\u9fff]/.test(message) || !/总计/.test(message)) throw new Error(`expected a Chinese row-total message, got ${message}`);
    if (!new RegExp(`${BROKEN.line + 1}`).test(await row.innerText())) throw new Error(`expected Ln ${BROKEN.line + 1} in ${await row.innerText()}`);
  });

  await check('hover on the squiggle: the Chinese message, then the broken sums in view (总计 0 ≠ 3+0+0+0+0+0 = 3), the equations with ✗', async () => {
    const hover = await hoverOver(squiggleBox);
    const text = await until('hover text with the equation', async () => {
      const t = await hover.innerText();
      if (process.env.XXGK_E2E_DEBUG) info(t);
      return /本行总计：\s*总计 0 = 自然人 3/.test(t) && t;
    });
    if (!text.includes(message.slice(0, 12))) throw new Error(`the hover lacks the diagnostic message "${message}": ${text}`);
    if (!/✗/.test(text)) throw new Error(`the broken sum is not marked ✗: ${text}`);
    if (/\*\*/.test(text)) throw new Error(`raw Markdown in the hover: ${text}`);
    // Without scrolling: the finding, the two cells that explain it, then the broken sums with the live numbers.
    const broken = hover.locator('p').filter({ hasText: '≠' });
    if ((await broken.count()) !== 2) throw new Error(`expected the two broken sums at the top of the hover: ${text}`);
    if (!/本行总计：\s*总计 0 ≠ 3\+0\+0\+0\+0\+0 = 3/.test(text)) throw new Error(`the broken row sum is not given with its numbers: ${text}`);
    const unseen = await broken.evaluateAll((els) =>
      els
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + 8, r.y + r.height / 2);
          return !hit || !(el.contains(hit) || hit.contains(el));
        })
        .map((el) => el.textContent),
    );
    if (unseen.length) throw new Error(`broken sums below the fold of the hover: ${unseen.join(' | ')}`);
    const shot = await screenshot('seed-000-squiggle-and-hover');
    if (process.argv.includes('--update-docs-screenshot')) {
      fs.mkdirSync(path.dirname(DOCS_SCREENSHOT), { recursive: true });
      fs.copyFileSync(shot, DOCS_SCREENSHOT);
      info(`updated ${path.relative(ROOT, DOCS_SCREENSHOT)}`);
    }
  });

  await check('the light bulb shows at the cell; Ctrl+. offers 将「（一）予以公开」自然人改为0 first; Enter applies it', async () => {
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await goTo(BROKEN.line + 1, cellStart + 1);
    // The light bulb sits in the gutter when the line has no room for it (VS Code 1.139: a glyph-margin decoration).
    const bulb = await until('a light bulb on the line of the cell', async () => {
      const boxes = await editor()
        .locator('.lightBulbWidget, [class*="gutter-lightbulb"]')
        .evaluateAll((els) =>
          els
            .map((e) => e.getBoundingClientRect())
            .filter((r) => r.width > 0 && r.height > 0)
            .map((r) => ({ y: r.y, height: r.height })),
        );
      return boxes.find((b) => b.y <= squiggleBox.y + squiggleBox.height / 2 && b.y + b.height >= squiggleBox.y + squiggleBox.height / 2);
    });
    if (!bulb) throw new Error('no light bulb');
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget').filter({ visible: true }).first();
    await menu.waitFor({ state: 'visible' });
    const focused = menu.locator('.monaco-list-row.focused').first();
    await focused.waitFor({ state: 'visible' });
    const title = await focused.innerText();
    if (!/自然人改为0/.test(title)) throw new Error(`the first quick fix is "${title}"`);
    await screenshot('seed-000-quick-fix-menu');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
  });

  await check('after the fix: the cell reads 0, the squiggle is gone, no row-total in Problems; saved, the file is seed 000 again', async () => {
    await until('the fixed cell and no error squiggle', async () => {
      const r = await geometry(BROKEN.label, cellStart, cellStart + 1, 'error');
      return r.chars?.text === '0' && r.squiggles.length === 0;
    });
    const rows = await problems('row-total');
    await until('no row-total in the Problems panel', async () => (await rows.filter({ hasText: 'row-total' }).count()) === 0);
    await problems('');
    await page.keyboard.press('Control+1'); // back to the editor (a click could land on a sticky-scroll heading)
    await goTo(BROKEN.line + 1, cellStart + 1);
    await page.keyboard.press('Control+S');
    await until('the saved file to be seed 000 again', async () => fs.readFileSync(path.join(dirs.workspace, files.seed000), 'utf8') === seed000Text);
    await screenshot('seed-000-fixed');
  });

  // ---------------------------------------------------------------- the table preview
  await check('预览年报表格 (editor title button): the tables beside the report, the changed cell coloured and outlined', async () => {
    await quickOpen(files.preview000);
    await page.locator('#status\\.editor\\.mode', { hasText: '政府信息公开年度报告' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.editor-group-container.active .editor-actions [aria-label*="预览年报表格"]').first().click();
    const cell = previewFrame().locator('td[data-target="T3.R3_1.NP"]');
    await cell.waitFor({ state: 'visible', timeout: 30_000 });
    await until('the cell marked as an error and the culprit', async () => {
      const cls = await cell.getAttribute('class');
      return /\berror\b/.test(cls) && /\bculprit\b/.test(cls);
    });
    if ((await cell.innerText()).trim() !== BROKEN.value) throw new Error(`the marked cell shows "${await cell.innerText()}"`);
    const marked = await previewFrame().locator('td.v.error, td.v.warning').count();
    if (marked !== 1) throw new Error(`${marked} marked cells, expected 1`);
    await page.locator('.tabs-container .tab', { hasText: '年报表格' }).first().waitFor({ state: 'visible' });
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    const tip = previewFrame().locator('.tip');
    await tip.waitFor({ state: 'visible' });
    const text = await tip.innerText();
    if (!/✗ 本行总计：总计 0 ≠ 3\+0\+0\+0\+0\+0 = 3/.test(text)) throw new Error(`the cell's tooltip lacks the broken sum: ${text}`);
    if (!/应为0/.test(text)) throw new Error(`the cell's tooltip lacks the finding: ${text}`);
    await screenshot('table-preview-marked-cell');
  });

  await check("a click on a preview cell (「（一）予以公开」总计) selects it in the report: Ln 39, the cell's column, 1 selected", async () => {
    const line = fs.readFileSync(path.join(dirs.workspace, files.preview000), 'utf8').split('\n')[BROKEN.line];
    const m = [...line.matchAll(/\|\s*(\d+)\s*(?=\|)/g)][6]; // 总计, the 7th number cell
    const end = m.index + m[0].indexOf(m[1]) + m[1].length;
    await previewFrame().locator('td[data-target="T3.R3_1.TOT"]').click();
    const status = page.locator('#status\\.editor\\.selection');
    const want = `Ln ${BROKEN.line + 1}, Col ${end + 1} (1 selected)`;
    await until(`the status bar to say ${want}`, async () => (await status.innerText()).trim() === want);
    await screenshot('table-preview-click-selects');
  });

  await check("the preview in the dark and high-contrast themes: VS Code's theme colours, the marked cell stands out", async () => {
    const looks = {};
    for (const theme of ['Dark Modern', 'Dark High Contrast']) {
      await pickTheme(theme);
      looks[theme] = await until(`the preview in ${theme}`, async () => {
        const look = await previewFrame()
          .locator('td[data-target="T3.R3_1.NP"]')
          .evaluate((td) => {
            const lum = (c) => {
              const [r, g, b] = c.match(/\d+(\.\d+)?/g).map(Number);
              return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
            };
            const body = getComputedStyle(document.body).backgroundColor;
            const style = getComputedStyle(td);
            return {
              body,
              bodyLum: lum(body),
              cell: style.backgroundColor,
              border: style.boxShadow,
              outline: `${style.outlineStyle} ${style.outlineColor}`,
              text: lum(getComputedStyle(document.body).color),
            };
          });
        // Dark: a tinted background; high contrast has none (transparent), the theme's error border marks it.
        const tinted = look.cell !== look.body && look.cell !== 'rgba(0, 0, 0, 0)';
        const bordered = /rgb/.test(look.border) && look.outline.startsWith('solid');
        return look.bodyLum < 0.25 && look.text > 0.6 && bordered && (tinted || theme.includes('High Contrast')) && look;
      });
      await screenshot(`table-preview-${theme.toLowerCase().replace(/ /g, '-')}`);
    }
    await pickTheme('Light Modern');
  });

  await check('汇总本工作区的年度报告: a webview table, one row per report; sorted by 警告, a row opens its report', async () => {
    await page.keyboard.press('Control+1');
    await runCommand('汇总本工作区的年度报告');
    const frame = await until(
      'the summary webview',
      async () => {
        for (const f of page.frames())
          if (
            await f
              .locator('table.summary tbody tr')
              .count()
              .catch(() => 0)
          )
            return f;
        return undefined;
      },
      30_000,
    );
    const rows = frame.locator('table.summary tbody tr');
    const names = await rows.locator('td:first-child').allInnerTexts();
    const expected = [files.seed004, files.seed000, files.preview000].sort();
    if (JSON.stringify([...names].sort()) !== JSON.stringify(expected))
      throw new Error(`summary rows ${JSON.stringify(names)}, expected ${JSON.stringify(expected)}`);
    await frame.locator('table.summary th', { hasText: '警告' }).click();
    if ((await rows.first().locator('td:first-child').innerText()) !== files.seed004) throw new Error('sorted by 警告, seed 004 (34 warnings) is not first');
    const sorted = await frame.locator('table.summary th[aria-sort="descending"]').innerText();
    if (!sorted.startsWith('警告')) throw new Error(`the sorted column is ${sorted}`);
    await screenshot('summary-view');
    await rows.first().click();
    await page.locator('.tabs-container .tab.active', { hasText: files.seed004 }).waitFor({ state: 'visible' });
  });

  // ---------------------------------------------------------------- the review report in chromium
  await check('xxgk-lint --format html test/fixtures/seeds: the review report renders in chromium (5 reports, blank cells hatched and coloured)', async () => {
    const file = path.join(dirs.scratch, 'review.html');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk-lint.js'), '--format', 'html', 'test/fixtures/seeds'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    });
    if (!r.stdout.startsWith('<!DOCTYPE html>')) throw new Error(`no review report (exit ${r.status}): ${r.stderr}`);
    fs.writeFileSync(file, r.stdout);
    const review = await page.context().newPage();
    try {
      await review.goto(`file://${file}`);
      const rows = await review.locator('table.summary tbody tr').count();
      if (rows !== 5) throw new Error(`${rows} summary rows, expected 5`);
      // The seeds have no broken sum; seeds 002 and 004 fill only 总计: their blanks are hatched warnings.
      const blank = review.locator('td.v.warning.blank').first();
      await blank.scrollIntoViewIfNeeded();
      const look = await blank.evaluate((td) => ({ image: getComputedStyle(td).backgroundImage, color: getComputedStyle(td).backgroundColor }));
      if (!/repeating-linear-gradient/.test(look.image) || look.color === 'rgba(0, 0, 0, 0)')
        throw new Error(`a blank warning cell is not hatched and coloured: ${JSON.stringify(look)}`);
      await review.screenshot({ path: path.join(OUT, `${String(++shots).padStart(2, '0')}-review-report.png`) });
      await review.screenshot({ path: path.join(OUT, `${String(++shots).padStart(2, '0')}-review-report-full.png`), fullPage: true });
    } finally {
      await review.close();
    }
  });
}

/** Runs a command from the palette by its title. */
async function runCommand(title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Ctrl+K Ctrl+T (Preferences: Color Theme), then the theme by its name. */
async function pickTheme(name) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The table preview's page: VS Code puts each webview in an iframe that holds the page's own iframe. */
function previewFrame() {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

// ------------------------------------------------------------------ main
const env = loadEnv();
const overall = setTimeout(async () => {
  info(`overall timeout after ${secs(TIMEOUT_MS)}`);
  try {
    if (page) log(`    screenshot: ${path.relative(ROOT, await screenshot('timeout'))}`);
  } catch {
    /* ignore */
  }
  void finish(124);
}, TIMEOUT_MS);
log(`xxgk-lint UI test (code-server ${env.codeServerVersion ?? '?'}, chromium, playwright-core)`);
run(env).then(
  () => {
    clearTimeout(overall);
    log(`all UI checks passed (${secs(Date.now() - t0)})`);
    log(`screenshots: ${OUT}/`);
    return finish(0);
  },
  (e) => {
    clearTimeout(overall);
    if (!failures) info(`failed: ${e?.stack ?? e}`);
    log(`screenshots: ${OUT}/`);
    return finish(1);
  },
);
