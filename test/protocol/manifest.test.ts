import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../support/fixtures';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const nlsZh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));

describe('extension manifest', () => {
  it('settings, their texts and docs/rules are what scripts/gen-settings.mjs makes from the rule registry', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-settings.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stderr}${r.stdout}`);
    const rules = pkg.contributes.configuration.properties['xxgk.rules'].properties;
    assert.deepEqual(
      Object.keys(rules),
      RULES.map((r) => r.code),
    );
    for (const key of ['xxgk.run', 'xxgk.debounceMs', 'xxgk.blankAsZero', 'xxgk.formatVersion', 'xxgk.rules', 'xxgk.maxFileSize', 'xxgk.trace.server']) {
      assert.ok(pkg.contributes.configuration.properties[key], key);
    }
    assert.equal(pkg.contributes.configuration.properties['xxgk.debounceMs'].default, 200);
  });

  it('every %placeholder% has an English and a Chinese text', () => {
    const placeholders = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(placeholders.length > 20);
    for (const p of placeholders) {
      assert.ok(typeof nls[p] === 'string', `package.nls.json: ${p}`);
      assert.ok(typeof nlsZh[p] === 'string', `package.nls.zh-cn.json: ${p}`);
    }
    assert.equal(nlsZh['command.checkAsReport'], '按年报检查此文件');
    assert.equal(nls['command.checkAsReport'], 'Check as disclosure report');
  });

  it('the language, grammar, command and activation', () => {
    const [lang] = pkg.contributes.languages;
    assert.equal(lang.id, 'xxgk-report');
    assert.deepEqual(lang.aliases, ['政府信息公开年度报告', 'XXGK Report']);
    assert.deepEqual(lang.filenamePatterns, ['*年度报告*.txt', '*.xxgk.txt']);
    const firstLine = new RegExp(lang.firstLine);
    assert.ok(firstLine.test('二七区工业和信息化局2020年政府信息公开工作年度报告'));
    assert.ok(firstLine.test('政府信息公开工作年度报告'));
    assert.ok(!firstLine.test('关于印发通知的函'));
    assert.ok(fs.existsSync(path.join(ROOT, lang.configuration)));
    assert.ok(fs.existsSync(path.join(ROOT, pkg.contributes.grammars[0].path)));
    assert.deepEqual(pkg.activationEvents, [
      'onLanguage:xxgk-report',
      'onCommand:xxgk.checkAsReport',
      'onCommand:xxgk.showSummary',
      'onCommand:xxgk.showPreview',
      'onLanguage:plaintext',
      'onLanguage:html',
    ]);
    assert.equal(pkg.contributes.commands[1].command, 'xxgk.showSummary');
    assert.equal(nlsZh['command.showSummary'], '汇总本工作区的年度报告');
    assert.equal(pkg.contributes.commands[0].command, 'xxgk.checkAsReport');
    assert.equal(pkg.contributes.commands[2].command, 'xxgk.showPreview');
    assert.equal(nlsZh['command.showPreview'], '预览年报表格');
    assert.deepEqual(pkg.contributes.menus['editor/title'], [{ command: 'xxgk.showPreview', when: 'editorLangId == xxgk-report', group: 'navigation' }]);
    // Blank cells written as NBSP or U+3000 are content, not invisible characters to box.
    assert.equal(pkg.contributes.configurationDefaults['[xxgk-report]']['editor.unicodeHighlight.invisibleCharacters'], false);
    assert.equal(pkg.main, './client/out/extension.js');
    for (const l10n of fs.readdirSync(path.join(ROOT, pkg.l10n))) JSON.parse(fs.readFileSync(path.join(ROOT, pkg.l10n, l10n), 'utf8'));
  });
});
