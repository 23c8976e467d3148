// Runs inside VS Code's web worker extension host (started by test/web/run.mjs through the VS Code
// server's smoke-test driver): no Node there, only what a browser worker has. `run` rejects on the
// first failed check; the driver reports the exit code.
const vscode = require('vscode');

const EXTENSION_ID = 'xxgk-lint.xxgk-lint';
const log = (...a) => console.log('[web]', ...a);

function check(condition, what) {
  if (!condition) throw new Error(`failed: ${what}`);
  log(`ok: ${what}`);
}

/** The document's xxgk diagnostics once there are some (waits on the change event, with a deadline). */
function diagnosticsOf(uri, timeoutMs) {
  const now = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'xxgk-lint');
  return new Promise((resolve, reject) => {
    if (now().length) return resolve(now());
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no diagnostics on ${uri} after ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !now().length) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(now());
    });
  });
}

exports.run = async function run() {
  check(typeof process === 'undefined' || !(process.versions && process.versions.node), 'the tests run without Node (a web worker)');
  check(vscode.env.uiKind === vscode.UIKind.Web, 'the editor is a web one');
  const folder = vscode.workspace.workspaceFolders[0].uri;

  // Seed 000 with 表三「（一）予以公开」自然人 changed from 0 to 3 (line 39, column 24).
  const uri = vscode.Uri.joinPath(folder, 'broken.xxgk.txt');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  check(doc.languageId === 'xxgk-report', 'a *.xxgk.txt file opens as a report');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  check(extension, 'the extension is there');
  const api = await extension.activate(); // activated by the report's language; this waits for it
  check(api && api.preview && api.summary, 'the extension is active, with its preview and summary');

  const diagnostics = await diagnosticsOf(uri, 60_000);
  const shown = diagnostics.map(
    (d) => `${d.code && d.code.value} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  );
  check(diagnostics.length === 1, `exactly one finding (${shown.join(', ')})`);
  const [rowTotal] = diagnostics;
  check(rowTotal.code && rowTotal.code.value === 'row-total', 'its code is row-total');
  check(rowTotal.range.isEqual(new vscode.Range(38, 23, 38, 24)), `it lies on the changed cell (${shown[0]})`);
  check(rowTotal.severity === vscode.DiagnosticSeverity.Error, 'it is an error');
  check(
    rowTotal.message.includes('自然人 is 3') && rowTotal.message.endsWith('it should be 0'),
    `its message names the cell and the value (${rowTotal.message})`,
  );
  check(String(rowTotal.code.target).endsWith('/docs/rules/row-total.md'), `it links to the shipped rule page (${rowTotal.code.target})`);
  check((rowTotal.relatedInformation || []).length === 2, 'it points at the two totals it breaks');

  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(38, 23));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  check(text.includes('✗ Row total: **总计 0 ≠ 3+0+0+0+0+0 = 3**'), 'the hover shows the broken row total');
  check(text.includes('**Table 3 “（一）予以公开” 自然人**'), 'the hover names the cell');

  const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  const sections = symbols.filter((s) => s.kind === vscode.SymbolKind.Namespace).map((s) => s.name);
  check(sections.length === 6 && sections[2] === '三、收到和处理政府信息公开申请情况', `the outline has the six sections (${sections.join(', ')})`);

  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, rowTotal.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.title === 'Change “（一）予以公开” 自然人 to 0');
  check(fix && fix.edit, `the quick fix is offered (${actions.map((a) => a.title).join(' | ')})`);
  const [, edits] = fix.edit.entries()[0];
  check(edits.length === 1 && edits[0].newText === '0' && edits[0].range.isEqual(rowTotal.range), 'the quick fix writes 0 into the changed cell');
};
