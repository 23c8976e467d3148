// Writes the rule table of README.md from the rule registry (run after `npx tsc -p .`).
// test/unit/readme.test.ts fails when the table is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ruleTable } = require('../out/test/support/readme.js');
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${ruleTable()}<!-- rules:end -->`);
writeFileSync('README.md', next);
