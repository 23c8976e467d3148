import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { ruleTable } from '../support/readme';

it('README lists every rule of the registry (regenerate: node scripts/gen-readme-rules.mjs)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = /<!-- rules:start -->\n([\s\S]*)<!-- rules:end -->/.exec(readme)?.[1];
  assert.equal(table, ruleTable());
});

it('README starts with the install-and-run command and the test command', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([^`]*)```/g)].map((m) => m[1].trim());
  assert.equal(blocks[0], 'npm ci && npx xxgk-lint test/fixtures/seeds');
  assert.equal(blocks[1], 'npm test');
  const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
  assert.match(ci, /^npm ci$/m);
  assert.match(ci, /^npm test$/m);
});
