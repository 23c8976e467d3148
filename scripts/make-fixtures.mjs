#!/usr/bin/env node
// Writes the generated test fixtures from the compiled test support code (run `npm run build` first):
//
//   test/fixtures/encodings/<seed>.<encoding>.txt  the five seeds with tables 二/三/四 re-encoded
//                                                  (A, A with leading pipes, Markdown, B, C, D1, D2,
//                                                  PDF text, TSV; CRLF/BOM/full-width variants)
//   test/fixtures/broken/<case>.txt                reports with injected faults
//   test/fixtures/fixed/<case>.txt                 the same reports as the fixes should leave them,
//                                                  written by the renderer from the corrected model
//
// Usage: node scripts/make-fixtures.mjs [--check]   (--check: only report files that would change)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const load = (p) => {
  const file = join(root, 'out', p);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return require(file);
};
const { reencode, SEED_ENCODINGS } = load('test/support/reencode.js');
const { FIX_CASES } = load('test/support/fix-cases.js');
const { render } = load('test/support/render.js');
const { SEEDS } = load('test/support/fixtures.js');

const check = process.argv.includes('--check');
let changed = 0;
function write(rel, text) {
  const file = join(root, rel);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (old === text) return;
  changed++;
  console.log(`${check ? 'would write' : 'wrote'} ${rel}`);
  if (check) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

for (const [key, file] of Object.entries(SEEDS)) {
  const seed = readFileSync(join(root, 'test/fixtures/seeds', file), 'utf8');
  const id = file.slice(0, 3);
  for (const e of SEED_ENCODINGS) {
    if (e.seeds && !e.seeds.includes(key)) continue;
    write(`test/fixtures/encodings/${id}.${e.name}.txt`, reencode(seed, e.enc, e.variant ?? {}));
  }
}
for (const c of FIX_CASES) {
  write(`test/fixtures/broken/${c.name}.txt`, render(c.broken, c.enc, c.variant ?? {}).text);
  write(`test/fixtures/fixed/${c.name}.txt`, render(c.fixed, c.enc, c.variant ?? {}).text);
}
console.log(changed ? `${changed} file(s) ${check ? 'out of date' : 'written'}` : 'fixtures up to date');
process.exitCode = check && changed ? 1 : 0;
