/**
 * The extension's own page: `npm run package` puts docs/marketplace/README.md (Chinese first) into the
 * VSIX as its README, with the icon, the screenshot and CHANGELOG.md; no made-up repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { ROOT } from '../support/fixtures';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ignore = fs
  .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));
const PAGE = 'docs/marketplace/README.md';

/** Whether `.vscodeignore` (everything out, then `!` exceptions) lets `file` into the VSIX. */
function packaged(file: string): boolean {
  return ignore.some((rule) => {
    if (!rule.startsWith('!')) return false;
    const pattern = rule.slice(1);
    return pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : file === pattern;
  });
}

it('the package script packages the Chinese page as the README, without a repository', () => {
  const script: string = manifest.scripts.package;
  assert.match(script, new RegExp(`--readme-path ${PAGE.replace(/\./g, '\\.')}( |$)`));
  assert.match(script, /--allow-missing-repository/);
  assert.equal(manifest.repository, undefined);
  assert.equal(manifest.bugs, undefined);
  assert.doesNotMatch(JSON.stringify(manifest), /example\.invalid/);
  assert.equal(packaged('README.md'), false, 'the developer README stays out of the VSIX');
  assert.ok(packaged('CHANGELOG.md') && fs.existsSync(path.join(ROOT, 'CHANGELOG.md')));
});

it('the page starts in Chinese and every image it shows is in the VSIX', () => {
  const page = fs.readFileSync(path.join(ROOT, PAGE), 'utf8');
  assert.match(page.split('\n')[0], /^# 政府信息公开年度报告检查/);
  const images = [...page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.deepEqual(images, ['docs/images/vscode-squiggle-hover.png']);
  for (const image of images) {
    assert.ok(fs.existsSync(path.join(ROOT, image)), image);
    assert.ok(packaged(image), `${image} is packaged`);
  }
  for (const setting of page.matchAll(/`(xxgk\.\w+)`/g)) {
    assert.ok(manifest.contributes.configuration.properties[setting[1]], `${setting[1]} is a real setting`);
  }
});

it('the icon: a 128×128 PNG in the VSIX; Open VSX needs the license and the publisher (its namespace)', () => {
  assert.equal(manifest.icon, 'docs/marketplace/icon.png');
  assert.ok(packaged(manifest.icon));
  const png = fs.readFileSync(path.join(ROOT, manifest.icon));
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.equal(manifest.license, 'MIT');
  assert.ok(packaged('LICENSE') && fs.existsSync(path.join(ROOT, 'LICENSE')));
  assert.equal(manifest.publisher, 'xxgk-lint');
});
