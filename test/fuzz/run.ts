/**
 * `npm run fuzz [-- --cases N --seed S]`: the long fuzz run. Failing inputs are written to
 * test/fixtures/fuzz-regressions/ so that the bounded suite keeps them as regression cases.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { FIXTURES } from '../support/fixtures';
import { checkInvariants, fixtureTexts, fuzzCases } from '../support/fuzz';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, seed: { type: 'string', default: String(Date.now() % 1e9) } } });
const cases = Number(values.cases);
const seed = Number(values.seed);
const fixtures = fixtureTexts().filter((f) => !f.name.startsWith('fuzz-regressions'));
const outDir = path.join(FIXTURES, 'fuzz-regressions');
const t0 = Date.now();
let failures = 0;
let bytes = 0;
let slowest = { ms: 0, seed: 0, size: 0 };
for (const c of fuzzCases(seed, cases, fixtures)) {
  const t = process.hrtime.bigint();
  const { violations } = checkInvariants(c.text);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  bytes += c.text.length;
  if (ms > slowest.ms) slowest = { ms, seed: c.seed, size: c.text.length };
  if (violations.length) {
    failures++;
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `seed-${c.seed}.txt`), c.text);
    console.log(
      `FAIL seed ${c.seed} (${c.kind}): ${violations
        .slice(0, 3)
        .map((v) => `${v.kind} ${v.detail}`)
        .join('; ')}`,
    );
  }
}
const secs = (Date.now() - t0) / 1000;
console.log(
  `${cases} cases from seed ${seed} in ${secs.toFixed(1)} s (${(bytes / 1e6).toFixed(1)} M chars); slowest case ${slowest.ms.toFixed(1)} ms (seed ${slowest.seed}, ${slowest.size} chars)`,
);
console.log(`${cases - failures} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
