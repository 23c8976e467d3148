#!/usr/bin/env node
// xxgk-vscode-shim: a stand-in for the `code` executable that @vscode/test-electron's
// runTests({ vscodeExecutablePath }) (and @vscode/test-cli's useInstallation.fromPath) can launch on a
// machine where VS Code desktop cannot be downloaded.
//
// It runs the VS Code server bundled in code-server (lib/vscode/out/server-main.js, VS Code OSS) with
// --enable-smoke-test-driver, opens its web workbench in headless Debian chromium via playwright-core with
// the extension-development/-tests payload, forwards the test run's console output to stdout and exits with
// the test run's exit code. Paths come from .cache/editor-test-env/env.json, written by
// scripts/setup-editor-test-env.sh.
//
// Accepted arguments (what test-electron passes, plus a few extras):
//   --extensionDevelopmentPath=<dir> (repeatable)   --extensionTestsPath=<module>
//   --locale=<id> (e.g. zh-cn: vscode.env.language becomes that, see localeSetup())
//   --user-data-dir=<dir>  --extensions-dir=<dir>  (used as the server's dirs; default: scratch folders)
//   --disable-extensions, --disable-extension=<id>  (passed to the server)
//   <folder> | <file.code-workspace>               (the workspace to open; none = empty window)
//   --version                                       (prints the bundled VS Code version)
//   desktop-only flags (--no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome,
//   --skip-release-notes, --disable-workspace-trust, --new-window, ...) are ignored.
// Environment:
//   XXGK_SHIM_TIMEOUT_MS   overall timeout, default 300000 (5 min); on timeout exits 124
//   XXGK_SHIM_VERBOSE=1    stream the server's and browser's own output to stderr
//   XXGK_SHIM_KEEP=1       keep the scratch folder (server log, settings) for inspection
//   EDITOR_TEST_ENV_DIR    the setup's cache folder (default <repo>/.cache/editor-test-env), holding env.json
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import util from 'node:util';
import { QUIET_PROFILE_SETTINGS } from './quiet-profile.mjs';

const TAG = '[xxgk-vscode-shim]';
const t0 = Date.now();
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const verbose = process.env.XXGK_SHIM_VERBOSE === '1';
const keep = process.env.XXGK_SHIM_KEEP === '1';
const timeoutMs = Number(process.env.XXGK_SHIM_TIMEOUT_MS || 300_000);

const info = (...a) => process.stderr.write(`${TAG} ${util.format(...a)}\n`);
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

// ------------------------------------------------------------------ arguments
const IGNORED_FLAGS = new Set([
  'no-sandbox',
  'disable-gpu-sandbox',
  'disable-updates',
  'skip-welcome',
  'skip-release-notes',
  'disable-workspace-trust',
  'disable-gpu',
  'disable-chromium-sandbox',
  'new-window',
  'reuse-window',
  'wait',
  'verbose',
  'disable-telemetry',
  'disable-crash-reporter',
  'disable-dev-shm-usage',
  'disable-lcd-text',
  'disable-keytar',
  'use-inmemory-secretstorage',
  'sync',
  'force-disable-user-env',
  'crash-reporter-directory',
  'logsPath',
  'log',
  'inspect-extensions',
  'inspect-brk-extensions',
  'enable-proposed-api',
  'password-store',
  'force-renderer-accessibility',
  'preserve-env',
]);
const VALUE_FLAGS = new Set([
  'crash-reporter-directory',
  'logsPath',
  'log',
  'sync',
  'password-store',
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'locale',
  'user-data-dir',
  'extensions-dir',
  'disable-extension',
  'enable-proposed-api',
  'inspect-extensions',
  'inspect-brk-extensions',
  'install-extension',
  'uninstall-extension',
]);
// Extension-management CLI (what resolveCliArgsFromVSCodeExecutablePath's `bin/code` is used for): passed to
// the VS Code server's own CLI with the same --extensions-dir.
const CLI_FLAGS = new Set(['install-extension', 'uninstall-extension', 'list-extensions', 'show-versions', 'force', 'pre-release', 'category']);

function parseArgs(argv) {
  const o = {
    devPaths: [],
    testsPath: undefined,
    locale: undefined,
    userDataDir: undefined,
    extensionsDir: undefined,
    disableExtensions: false,
    disableExtension: [],
    positional: [],
    version: false,
    ignored: [],
    cli: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      o.positional.push(a);
      continue;
    }
    if (a === '-v' || a === '--version') {
      o.version = true;
      continue;
    }
    const m = /^--?([^=]+)(?:=(.*))?$/s.exec(a);
    let [, name, value] = m;
    if (value === undefined && VALUE_FLAGS.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      value = argv[++i];
    }
    if (CLI_FLAGS.has(name)) {
      const v = name === 'install-extension' && value && fs.existsSync(value) ? path.resolve(value) : value;
      o.cli.push(`--${name}`, ...(v !== undefined ? [v] : []));
      continue;
    }
    switch (name) {
      case 'extensionDevelopmentPath':
        o.devPaths.push(path.resolve(value));
        break;
      case 'extensionTestsPath':
        o.testsPath = path.resolve(value);
        break;
      case 'locale':
        o.locale = String(value).toLowerCase();
        break;
      case 'user-data-dir':
        o.userDataDir = path.resolve(value);
        break;
      case 'extensions-dir':
        o.extensionsDir = path.resolve(value);
        break;
      case 'disable-extensions':
        o.disableExtensions = true;
        break;
      case 'disable-extension':
        o.disableExtension.push(value);
        break;
      default:
        if (!IGNORED_FLAGS.has(name)) info(`ignoring unknown argument ${a}`);
        o.ignored.push(a);
    }
  }
  return o;
}

function loadEnv() {
  const envFile = path.join(process.env.EDITOR_TEST_ENV_DIR || path.join(repoRoot, '.cache', 'editor-test-env'), 'env.json');
  let env;
  try {
    env = JSON.parse(fs.readFileSync(envFile, 'utf8'));
  } catch (e) {
    fail(`cannot read ${envFile} (${e.code || e.message}); run: bash scripts/setup-editor-test-env.sh`);
  }
  for (const k of ['node24', 'serverMain', 'chromium', 'playwrightCore']) {
    if (!env[k] || !fs.existsSync(env[k])) fail(`env.json: ${k} missing (${env[k]}); run: bash scripts/setup-editor-test-env.sh`);
  }
  return env;
}

function fail(msg, code = 2) {
  process.stderr.write(`${TAG} ERROR: ${msg}\n`);
  process.exit(code);
}

// ------------------------------------------------------------------ main
const args = parseArgs(process.argv.slice(2));
const env = loadEnv();

if (args.version) {
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(env.serverMain), '..', 'package.json'), 'utf8'));
  const product = JSON.parse(fs.readFileSync(path.join(path.dirname(env.serverMain), '..', 'product.json'), 'utf8'));
  process.stdout.write(`${pkg.version}\n${product.commit ?? ''}\nx64\n`);
  process.exit(0);
}
if (args.cli.length) {
  const ud = args.userDataDir ?? fail('--user-data-dir is needed with extension-management options');
  const ed = args.extensionsDir ?? fail('--extensions-dir is needed with extension-management options');
  const r = spawnSync(
    env.node24,
    [
      env.serverMain,
      ...args.cli,
      '--extensions-dir',
      ed,
      '--user-data-dir',
      ud,
      '--server-data-dir',
      path.join(ud, 'server-data'),
      '--accept-server-license-terms',
    ],
    { stdio: 'inherit', env: { EXTENSIONS_GALLERY: '{}', ...process.env } },
  );
  process.exit(r.status ?? 1);
}
if (!args.testsPath) info('no --extensionTestsPath given: the window stays open until the timeout');
if (args.positional.length > 1) info(`only the first workspace argument is opened: ${args.positional[0]}`);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-vscode-shim-'));
const tmpDir = path.join(scratch, 'tmp');
const userDataDir = args.userDataDir ?? path.join(scratch, 'user-data');
// The server has no --disable-extensions; like desktop (installed extensions off, built-in ones on) we
// then give it an empty extensions folder.
const extensionsDir = args.disableExtensions ? path.join(scratch, 'no-extensions') : (args.extensionsDir ?? path.join(scratch, 'extensions'));
const serverDataDir = path.join(userDataDir, 'server-data');
for (const d of [tmpDir, userDataDir, extensionsDir, serverDataDir]) fs.mkdirSync(d, { recursive: true });
const serverLogFile = path.join(scratch, 'server.log');
const serverLog = fs.openSync(serverLogFile, 'a');

writeUserSettings(path.join(userDataDir, 'User', 'settings.json'));

let server; // ChildProcess, leader of its own process group
let browser;
let finished = false;
let exitFromTests = false; // true once the workbench reported the test run's exit code

const overall = setTimeout(() => {
  info(`timeout after ${timeoutMs} ms; giving up`);
  finish(124);
}, timeoutMs);

// Last resort, whatever path leads to exit: the server's whole process group goes with us.
process.on('exit', () => killServer('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    info(`got ${sig}, stopping`);
    finish(sig === 'SIGINT' ? 130 : 143);
  });
}

main().catch((e) => {
  info(`failed: ${e?.stack || e}`);
  finish(1);
});

async function main() {
  const port = await startServer();
  info(`VS Code server ${env.codeServerVersion ? `(code-server ${env.codeServerVersion}) ` : ''}listening on 127.0.0.1:${port} after ${elapsed()}`);
  await openWorkbench(port);
}

// User settings of the web workbench live on the server (code-server): <user-data-dir>/User/settings.json.
// Existing keys are kept; ours are forced.
function writeUserSettings(file) {
  let settings = {};
  try {
    settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if (e.code !== 'ENOENT') info(`replacing unreadable ${file}: ${e.message}`);
  }
  Object.assign(settings, QUIET_PROFILE_SETTINGS);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

function startServer() {
  const serverArgs = [
    env.serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--server-data-dir',
    serverDataDir,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--telemetry-level',
    'off',
    '--disable-workspace-trust',
    '--disable-update-check',
    '--disable-getting-started-override',
  ];
  if (args.locale) serverArgs.push('--locale', args.locale);
  for (const id of args.disableExtension) serverArgs.push('--disable-extension', id);
  // A small guardian leads the server's own process group (detached): we kill that group whole (server,
  // watcher, agent host, extension host, language servers). The guardian also kills the group when its stdin
  // (a pipe from us) closes, so nothing is left behind even if this shim is killed with SIGKILL.
  const guardian = `
    const { spawn } = require('child_process');
    const killAll = () => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} process.exit(1); };
    process.stdin.on('end', killAll); process.stdin.on('error', killAll); process.stdin.resume();
    const child = spawn(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code, sig) => process.exit(code ?? 1));`;
  server = spawn(env.node24, ['-e', guardian, env.node24, ...serverArgs], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: serverEnv(),
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (chunk) => {
      fs.writeSync(serverLog, chunk);
      if (verbose) process.stderr.write(chunk);
      if (buf !== null) {
        buf += chunk.toString();
        const m = /Extension host agent listening on (\d+)/.exec(buf);
        if (m) {
          buf = null;
          resolve(Number(m[1]));
        }
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', reject);
    server.on('exit', (code, signal) => {
      if (buf !== null) reject(new Error(`VS Code server exited early (${code ?? signal}); log:\n${tail(serverLogFile)}`));
      else if (!finished) {
        info(`VS Code server exited unexpectedly (${code ?? signal})`);
        finish(1);
      }
    });
  });
}

// The server's environment reaches the extension host (so extensionTestsEnv works); drop what would confuse it.
function serverEnv() {
  // EXTENSIONS_GALLERY={} turns code-server's Open VSX gallery off: it cannot be reached here anyway.
  const e = { EXTENSIONS_GALLERY: '{}', ...process.env, TMPDIR: tmpDir };
  for (const k of ['ELECTRON_RUN_AS_NODE', 'VSCODE_CLI', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_NLS_CONFIG']) delete e[k];
  return e;
}

// vscode.env.language in the web workbench is globalThis._VSCODE_NLS_LANGUAGE || 'en'. The server sets that
// global only when a language pack for the requested locale is installed (it then serves the pack's
// nls.messages.js). Without one we set it ourselves before any page script runs: the workbench then
// reports that language (env.language, extension l10n bundles, package.nls.<locale>.json), while the
// editor's own UI strings stay English -- like desktop VS Code with a language pack minus the translations.
function localeSetup() {
  const loc = args.locale;
  if (!loc || loc.startsWith('en')) return { browserLocale: 'en-US', initScript: undefined };
  const [lang, region] = loc.split('-');
  return {
    browserLocale: region ? `${lang}-${region.toUpperCase()}` : lang,
    initScript: `if (globalThis._VSCODE_NLS_LANGUAGE === undefined) globalThis._VSCODE_NLS_LANGUAGE = ${JSON.stringify(loc)};`,
  };
}

async function openWorkbench(port) {
  const require = createRequire(path.join(env.playwrightCore, 'package.json'));
  const { chromium } = require(env.playwrightCore);
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${pathToFileURL(p).pathname}`;
  const payload = [
    ...args.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(args.testsPath ? [['extensionTestsPath', remote(args.testsPath)]] : []),
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const query = new URLSearchParams();
  const ws = args.positional[0] ? path.resolve(args.positional[0]) : undefined;
  if (!ws) query.set('ew', 'true');
  else if (ws.endsWith('.code-workspace')) query.set('workspace', ws);
  else if (fs.existsSync(ws) && fs.statSync(ws).isFile()) {
    info(`a file was given as workspace; opening its folder ${path.dirname(ws)}`);
    query.set('folder', path.dirname(ws));
  } else query.set('folder', ws);
  query.set('payload', JSON.stringify(payload));
  const url = `http://${authority}/?${query}`;

  const { browserLocale, initScript } = localeSetup();
  browser = await chromium.launch({
    executablePath: env.chromium,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false, // ours: finish() closes everything
    env: { ...process.env, TMPDIR: tmpDir },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--lang=${browserLocale}`,
    ],
  });
  const context = await browser.newContext({ locale: browserLocale, viewport: { width: 1280, height: 800 } });
  if (initScript) await context.addInitScript({ content: initScript });
  const page = await context.newPage();
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    const text = Array.isArray(message) ? util.format(...message) : typeof message === 'string' ? message : util.format(message);
    if (!verbose && NOISE.some((re) => re.test(text))) return;
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    const c = Number.isInteger(code) ? code : Number(code) || 0;
    info(`test run finished with exit code ${c} after ${elapsed()}`);
    exitFromTests = true;
    setImmediate(() => finish(c));
  });
  page.on('crash', () => {
    info('browser page crashed');
    finish(1);
  });
  if (verbose) {
    page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => process.stderr.write(`[browser pageerror] ${e.message}\n`));
  }
  info(`opening ${ws ?? '(empty window)'}${args.locale ? ` with locale ${args.locale}` : ''}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
}

// Workbench chatter that says nothing about the tests (shown with XXGK_SHIM_VERBOSE=1).
const NOISE = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket \(/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\] registration/,
  /^\[AgentHost:remote\] Initializing/,
  /^\[AccountPolicyGate\]/,
  /getaddrinfo ENOTFOUND/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^No extension gallery service configured/,
];

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(overall);
  if (code !== 0 && code < 128 && !exitFromTests && !verbose) {
    // the editor itself failed: show why
    const t = tail(serverLogFile, 25);
    if (t.trim()) process.stderr.write(`${TAG} last lines of the VS Code server log:\n${t}\n`);
  }
  const hardExit = setTimeout(() => {
    killServer('SIGKILL');
    process.exit(code);
  }, 10_000);
  hardExit.unref();
  killServer('SIGTERM');
  try {
    await browser?.close();
  } catch {
    /* ignore */
  }
  await waitGroupGone(300); // the server ignores SIGTERM for seconds; the tests are over, so do not wait
  killServer('SIGKILL');
  if (verbose) info(`stopped after ${elapsed()}`);
  try {
    fs.closeSync(serverLog);
  } catch {
    /* ignore */
  }
  if (keep) info(`kept scratch folder ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  process.exit(code);
}

function killServer(sig) {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, sig);
  } catch {
    /* group already gone */
  }
}

async function waitGroupGone(ms) {
  if (!server?.pid) return;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      process.kill(-server.pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
