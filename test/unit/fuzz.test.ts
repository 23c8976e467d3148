import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkInvariants, fixtureTexts, fuzzCases } from '../support/fuzz';
import { FIXTURES } from '../support/fixtures';

/** Bounded fuzzing for CI; `npm run fuzz` runs the long version. A failure prints the seed to replay. */
const CASES = 1500;

describe('fuzzing (bounded)', () => {
  it(`${CASES} random and mutated inputs keep every invariant`, () => {
    const fixtures = fixtureTexts().filter((f) => !f.name.startsWith('fuzz-regressions'));
    const failures: string[] = [];
    for (const c of fuzzCases(20261121, CASES, fixtures)) {
      const { violations } = checkInvariants(c.text);
      if (violations.length) failures.push(`seed ${c.seed} (${c.kind}): ${violations.map((v) => `${v.kind} ${v.detail}`).join('; ')}`);
    }
    assert.deepEqual(failures.slice(0, 5), []);
  });

  it('every recorded regression case keeps every invariant', () => {
    const dir = path.join(FIXTURES, 'fuzz-regressions');
    const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    for (const f of files) {
      const { violations } = checkInvariants(fs.readFileSync(path.join(dir, f), 'utf8'));
      assert.deepEqual(violations, [], f);
    }
  });
});
