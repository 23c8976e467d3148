/**
 * `npm run test:vscode`: the extension in a real VS Code (@vscode/test-electron). VS Code cannot be
 * downloaded here, so it runs with, in this order: the executable in XXGK_VSCODE_PATH, or the
 * local stand-in test/vscode/shim/code (a VS Code server + headless chromium, set up by
 * scripts/setup-editor-test-env.sh); with neither it skips and says why (fails when CI is set).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');

function vscodeExecutable(): string | undefined {
  if (process.env.XXGK_VSCODE_PATH) return process.env.XXGK_VSCODE_PATH;
  const shim = path.join(ROOT, 'test', 'vscode', 'shim', 'code');
  const env = process.env.XXGK_EDITOR_TEST_ENV ?? path.join(ROOT, '.cache', 'editor-test-env', 'env.json');
  return fs.existsSync(shim) && fs.existsSync(env) ? shim : undefined;
}

/**
 * A scratch workspace: copies of the seeds under names the language contribution recognises (one
 * per test that edits, so the tests stay independent), and files for the first-line detection.
 */
function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-vscode-'));
  const seed004 = path.join(SEEDS, '004_af7ba795f29cd9b9.txt');
  const seed000 = path.join(SEEDS, '000_4ec185c68d50ccd4.txt');
  fs.copyFileSync(seed004, path.join(dir, '二七区2020年度报告.txt'));
  for (const name of ['quick-fix', 'fix-on-save', 'hover', 'preview']) fs.copyFileSync(seed000, path.join(dir, `${name}.xxgk.txt`));
  const title = '某局2021年政府信息公开工作年度报告\n一、总体情况\n';
  fs.writeFileSync(path.join(dir, 'notes.txt'), '这不是年报。\n');
  fs.writeFileSync(path.join(dir, 'report-without-extension'), title);
  fs.writeFileSync(path.join(dir, 'download.txt'), title);
  fs.writeFileSync(path.join(dir, 'pdf-export.txt'), `\uFEFF\n\n  ${title}`);
  fs.writeFileSync(path.join(dir, 'setting-off.txt'), title);
  fs.writeFileSync(path.join(dir, 'switched-back.txt'), title);
  for (const marker of ['marker-1.txt', 'marker-2.txt']) fs.writeFileSync(path.join(dir, marker), title);
  // Word reports for the read-only editor: one named like a report, one not, one that is no Word file.
  const docx = path.join(ROOT, 'test', 'fixtures', 'docx', 'gen-2021-blanks.docx');
  fs.copyFileSync(docx, path.join(dir, '某局2021年度报告.docx'));
  fs.copyFileSync(docx, path.join(dir, 'minutes.docx'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'mhtml', 'gen-2019-plain-cell.mhtml'), path.join(dir, '某县2019年度报告.mhtml'));
  fs.writeFileSync(path.join(dir, '损坏的年报.docx'), 'PK\x03\x04 not a zip');
  // One that is saved again while open (with seed 000's report, which has no findings, kept under a name no one reads).
  fs.copyFileSync(docx, path.join(dir, '再次保存的年度报告.docx'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'docx', 'seed-000.docx'), path.join(dir, 'saved-again.bin'));
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.writeFileSync(
    path.join(dir, '.vscode', 'settings.json'),
    JSON.stringify(
      {
        '[xxgk-report]': { 'editor.codeActionsOnSave': { 'source.fixAll.xxgk': 'explicit' } },
      },
      null,
      2,
    ),
  );
  return dir;
}

async function main(): Promise<void> {
  const executable = vscodeExecutable();
  if (!executable) {
    const why =
      'no VS Code available. Set XXGK_VSCODE_PATH to a VS Code executable, or run ' +
      '`bash scripts/setup-editor-test-env.sh` to set up the local stand-in (test/vscode/shim/code).';
    // In CI a skip would hide that the editor tests never ran.
    if (process.env.CI) throw new Error(why);
    console.log(`test:vscode SKIPPED: ${why}`);
    return;
  }
  const workspace = makeWorkspace();
  try {
    const code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--locale=zh-cn', '--disable-extensions'],
      extensionTestsEnv: { XXGK_TEST_WORKSPACE: workspace },
    });
    process.exitCode = code;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`test:vscode failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
