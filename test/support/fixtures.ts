import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, from compiled tests in out/test/… as well as from sources. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export const SEEDS = {
  s000: '000_4ec185c68d50ccd4.txt',
  s001: '001_4d20c199d31de263.txt',
  s002: '002_8178ad8169fa307d.txt',
  s003: '003_666131b17749549c.txt',
  s004: '004_af7ba795f29cd9b9.txt',
} as const;

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

export function readSeed(name: keyof typeof SEEDS): string {
  return readFixture('seeds', SEEDS[name]);
}
