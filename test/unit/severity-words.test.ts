import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/fixtures';

const nls = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8')) as Record<string, string>;

test('the settings drop-down names severities as the CLI does (提示 for information, 建议 for hint)', () => {
  const zh = nls('package.nls.zh-cn.json');
  assert.deepEqual(
    ['error', 'warning', 'information', 'hint', 'off'].map((s) => zh[`config.severity.${s}`]),
    ['错误', '警告', '提示', '建议', '关闭'],
  );
  assert.equal(zh['config.rules.input-size'], '超过大小上限的文件不检查（默认：提示）');
  assert.equal(
    Object.values(zh).some((t) => /默认：信息/.test(t)),
    false,
  );
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.configuration.properties['xxgk.rules'].properties['plausibility'].enumDescriptions, [
    '%config.severity.error%',
    '%config.severity.warning%',
    '%config.severity.information%',
    '%config.severity.hint%',
    '%config.severity.off%',
  ]);
});
