import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/fixtures';

/**
 * The layers, checked by reading every import: the core is pure (no Node built-in, nothing outside
 * itself but its parsing libraries), the language server never reaches into the CLI, shared code
 * never into VS Code.
 */

const SRC = path.join(ROOT, 'server', 'src');
const IMPORT =
  /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

interface ImportSite {
  file: string;
  specifier: string;
  /** The imported file relative to server/src, for a relative specifier. */
  target?: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string, text: string): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[1] ?? m[2] ?? m[3] ?? m[4];
    const target = specifier.startsWith('.')
      ? path
          .relative(SRC, path.resolve(path.dirname(file), specifier))
          .split(path.sep)
          .join('/')
      : undefined;
    sites.push({ file: path.relative(SRC, file).split(path.sep).join('/'), specifier, target });
  }
  return sites;
}

const layerOf = (relative: string) => relative.split('/')[0];
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
const allImports = () => sourceFiles(SRC).flatMap((f) => importsOf(f, fs.readFileSync(f, 'utf8')));
const show = (sites: ImportSite[]) => sites.map((s) => `${s.file} → ${s.specifier}`);

test('the import scanner sees static, re-export, side-effect and dynamic imports', () => {
  const file = path.join(SRC, 'lsp', 'example.ts');
  const text = [
    "import { a } from '../node/config';",
    "export { b } from '../core/model';",
    "import 'node:fs';",
    "const c = await import('../node/pool');",
    "const d = require('path');",
  ].join('\n');
  assert.deepEqual(
    importsOf(file, text).map((s) => [s.specifier, s.target]),
    [
      ['../node/config', 'node/config'],
      ['../core/model', 'core/model'],
      ['node:fs', undefined],
      ['../node/pool', 'node/pool'],
      ['path', undefined],
    ],
  );
});

test('the core imports nothing outside the core and no Node built-in', () => {
  const core = allImports().filter((s) => layerOf(s.file) === 'core');
  assert.ok(core.length > 100, `only ${core.length} imports found in the core`);
  const outside = core.filter((s) => (s.target !== undefined ? layerOf(s.target) !== 'core' : isBuiltin(s.specifier)));
  assert.deepEqual(show(outside), []);
});

test('the language server does not import the CLI', () => {
  const lsp = allImports().filter((s) => layerOf(s.file) === 'lsp');
  assert.ok(
    lsp.some((s) => s.target?.startsWith('core/')),
    'the language server imports the core',
  );
  assert.deepEqual(show(lsp.filter((s) => s.target !== undefined && layerOf(s.target) === 'node')), []);
});

test('shared code imports neither VS Code, the CLI nor the language server', () => {
  const shared = allImports().filter((s) => layerOf(s.file) === 'shared');
  const wrong = shared.filter(
    (s) => s.specifier === 'vscode' || s.specifier.startsWith('vscode-language') || ['node', 'lsp'].includes(layerOf(s.target ?? '')),
  );
  assert.deepEqual(show(wrong), []);
});

test('the web server imports no Node built-in and nothing of the CLI', () => {
  const web = allImports().filter((s) => layerOf(s.file) === 'web');
  const wrong = web.filter((s) => isBuiltin(s.specifier) || (s.target !== undefined && layerOf(s.target) === 'node'));
  assert.deepEqual(show(wrong), []);
});

test('the language server bundle holds none of the CLI but its config reader', () => {
  const bundle = fs.readFileSync(path.join(ROOT, 'server', 'out', 'server.js'), 'utf8');
  const modules = [...bundle.matchAll(/^\/\/ (server\/src\/\S+\.ts)$/gm)].map((m) => m[1]);
  assert.ok(modules.includes('server/src/lsp/server.ts'), 'esbuild marks each module with its path');
  assert.deepEqual(
    modules.filter((m) => m.startsWith('server/src/node/')),
    ['server/src/node/config.ts'],
  );
  for (const help of ['用法：xxgk-lint', 'Usage: xxgk-lint', '退出码：']) assert.equal(bundle.includes(help), false, help);
});
