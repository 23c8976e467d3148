/** The CLI on Word files: findings located by cell and paragraph, --fix written into the cells, refusals said. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { run, workspace } from '../support/cli';

const docx = (name: string) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'docx', name));

describe('xxgk-lint on Word files', () => {
  it('findings name the table cell or the paragraph; JSON adds the location', async () => {
    const dir = workspace({ 'r.docx': docx('seed-004.docx') });
    const text = await run(['r.docx'], dir);
    assert.match(text.stdout, /^r\.docx:第16段: 警告 section-numbering：部分标题应使用汉字编号“四、”，此处写作“4、”$/m);
    assert.match(text.stdout, /^r\.docx:表格2第\d+行第1列: 警告 cell-empty：表三「四、结转下年度继续办理」有6个空白单元格/m);
    const json = JSON.parse((await run(['-f', 'json', 'r.docx'], dir)).stdout) as { diagnostics: { code: string; location?: object }[] }[];
    const numbering = json[0].diagnostics.find((d) => d.code === 'section-numbering' && (d.location as { paragraph?: number }).paragraph === 16);
    assert.deepEqual(numbering?.location, { paragraph: 16 });
  });

  it('--fix writes the fixes into the table cells, says what it could not write, and the re-check is clean of them', async () => {
    const dir = workspace({ 'r.docx': docx('seed-004.docx') });
    const before = fs.readFileSync(path.join(dir, 'r.docx'));
    const dry = await run(['--fix-dry-run', 'r.docx'], dir);
    assert.ok(fs.readFileSync(path.join(dir, 'r.docx')).equals(before), '--fix-dry-run writes nothing');
    const r = await run(['--fix', 'r.docx'], dir);
    // Each written cell, by its place in the Word file.
    assert.match(r.stderr, /^r\.docx:表格2第4行第4列 表三「一、本年新收政府信息公开申请数量」自然人 （空） → 0$/m);
    assert.equal(dry.stderr, r.stderr, '--fix-dry-run lists the same');
    assert.match(r.stderr, /^r\.docx：4处修复不在表格单元格内，未写入 Word 文件$/m);
    const after = await run(['-f', 'json', 'r.docx'], dir);
    const codes = (JSON.parse(after.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
    assert.deepEqual(
      codes.filter((c) => c === 'cell-empty'),
      [],
    );
    assert.ok(codes.includes('section-numbering'), 'the heading fixes were not written');
  });

  it('a Word file open in Word (a ~$ lock file beside it) is not written', async () => {
    const bytes = docx('seed-004.docx');
    const dir = workspace({ 'report.docx': bytes, '~$port.docx': 'lock' });
    const r = await run(['--fix', 'report.docx'], dir);
    assert.match(r.stderr, /report\.docx：文件正在 Word 中打开（有 ~\$ 锁定文件），未写入修复/);
    assert.ok(fs.readFileSync(path.join(dir, 'report.docx')).equals(bytes));
  });

  it('a file that is not a Word file: one input-unreadable error, exit 2', async () => {
    const dir = workspace({ 'old.docx': Buffer.from('PK\u0003\u0004 not really a zip') });
    const r = await run(['old.docx'], dir);
    assert.match(r.stdout, /^old\.docx:1:1: 错误 input-unreadable：/m);
    assert.equal(r.code, 2);
  });

  it('a PDF that is not one: the reason in Chinese, the PDF library’s own words only in English', async () => {
    const dir = workspace({ 'broken.pdf': Buffer.from('%PDF-1.7 not really a pdf') });
    const zh = await run(['broken.pdf'], dir);
    assert.match(zh.stdout, /^broken\.pdf:1:1: 错误 input-unreadable：文件已损坏或格式不对，无法读取，未检查$/m);
    const en = await run(['--locale', 'en', 'broken.pdf'], dir);
    assert.match(en.stdout, /^broken\.pdf:1:1: error input-unreadable: The file is corrupt or not in the format its name says; not checked \(.+\)$/m);
    assert.equal(zh.code, 2);
  });
});
