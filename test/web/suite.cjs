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

const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'xxgk-lint');
const shownOf = (ds) => ds.map((d) => `${d.code && d.code.value}@${d.range.start.line}:${d.range.start.character}/${d.severity}`).join(', ');

/** The document's xxgk diagnostics once `test` holds for them (waits on the change event, with a deadline). */
function diagnosticsWhere(uri, test, what, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    if (test(ours(uri))) return resolve(ours(uri));
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`${what}: not after ${timeoutMs} ms on ${uri} (last: ${shownOf(ours(uri))})`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !test(ours(uri))) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(ours(uri));
    });
  });
}

/** The first open text document that `test` picks, once there is one. */
async function documentWhere(test, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = vscode.workspace.textDocuments.find(test);
    if (doc) return doc;
    if (Date.now() > deadline) throw new Error(`${what}: no such document after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const rowTotalWith = (severity) => (ds) => ds.length === 1 && ds[0].code && ds[0].code.value === 'row-total' && ds[0].severity === severity;

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

  const diagnostics = await diagnosticsWhere(uri, (ds) => ds.length > 0, 'the first diagnostics', 60_000);
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

  // The table preview (a webview): the tables drawn, the changed cell marked.
  const drawn = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('the table preview did not draw the marked cell within 30000 ms'));
    }, 30_000);
    const listener = api.preview.onDidRender((r) => {
      if (r.uri !== uri.toString() || !r.marked['T3.R3_1.NP']) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(r);
    });
  });
  await vscode.commands.executeCommand('xxgk.showPreview', uri);
  const drawnTables = await drawn;
  check(
    drawnTables.tables.join() === 'T2,T3,T4' && JSON.stringify(drawnTables.marked) === '{"T3.R3_1.NP":"error"}',
    `the table preview draws 表二–表四 with only the changed cell marked (${JSON.stringify(drawnTables.marked)})`,
  );

  // Settings (xxgk.rules), pulled by the server per document, and re-pulled when they change.
  const settings = vscode.workspace.getConfiguration('xxgk', uri);
  await settings.update('rules', { 'row-total': 'warning' }, vscode.ConfigurationTarget.Workspace);
  await diagnosticsWhere(uri, rowTotalWith(vscode.DiagnosticSeverity.Warning), 'row-total as a warning');
  check(true, 'the setting xxgk.rules makes row-total a warning');
  await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  await diagnosticsWhere(uri, rowTotalWith(vscode.DiagnosticSeverity.Error), 'row-total an error again');
  check(true, 'without the setting it is an error again');

  // "Ignore" writes a new .xxgk-lint.json into the workspace folder (through the client) and the finding goes.
  const ignore = actions.find((a) => a.command && a.command.command === 'xxgk.ignoreFinding');
  check(ignore, `an ignore action is offered (${actions.map((a) => a.title).join(' | ')})`);
  const ignored = diagnosticsWhere(uri, (ds) => ds.length === 0, 'no finding once ignored');
  check((await vscode.commands.executeCommand(ignore.command.command, ...ignore.command.arguments)) === true, 'the ignore command changed the config');
  await ignored;
  const configUri = vscode.Uri.joinPath(folder, '.xxgk-lint.json');
  const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri)));
  check(
    config.ignore.length === 1 && config.ignore[0].file === 'broken.xxgk.txt' && config.ignore[0].code === 'row-total',
    `.xxgk-lint.json ignores row-total in broken.xxgk.txt (${JSON.stringify(config)})`,
  );
  check(true, 'the finding is gone');

  // The config changed on disk (a watched file): read again; its rules apply.
  await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(JSON.stringify({ rules: { 'row-total': 'information' } })));
  await diagnosticsWhere(uri, rowTotalWith(vscode.DiagnosticSeverity.Information), 'row-total as information (.xxgk-lint.json)');
  check(true, '.xxgk-lint.json, rewritten on disk, makes row-total information');
  await vscode.workspace.fs.delete(configUri);

  // Cross-file: 2024 of a body, opened, against its 2023 report read from the folder (not open).
  const y2024 = vscode.Uri.joinPath(folder, 'wenzhou', '2024.xxgk.txt');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(y2024));
  const carry = (ds) => ds.filter((d) => d.code && d.code.value === 'carry-over' && d.severity === vscode.DiagnosticSeverity.Warning);
  const found = carry(await diagnosticsWhere(y2024, (ds) => carry(ds).length === 2, 'two carry-over findings on 2024'));
  check(found[0].message.includes('2023.txt'), `carry-over against 2023.txt read from the folder (${found[0].message})`);

  // xxgk.detectByFirstLine in the workspace's file system: a .txt report (no pattern of ours matches) becomes a report.
  const y2023 = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'wenzhou', '2023.txt'));
  await vscode.window.showTextDocument(y2023);
  const detected = await documentWhere((d) => d.uri.toString() === y2023.uri.toString() && d.languageId === 'xxgk-report', 'wenzhou/2023.txt as a report');
  check(detected.uri.scheme !== 'file', `a ${detected.uri.scheme}: text file with a report title on its first line is switched to a report`);

  // PDF and Word files: read in the worker; the recognized text opens beside with its findings.
  for (const name of ['004.pdf', '004.docx']) {
    const file = vscode.Uri.joinPath(folder, name);
    await vscode.commands.executeCommand('xxgk.checkAsReport', file);
    const view = await documentWhere((d) => d.uri.scheme === 'xxgk-view' && d.uri.query === file.toString(), `the view of ${name}`);
    check(view.languageId === 'xxgk-report', `${name} opens as its recognized text`);
    const ds = await diagnosticsWhere(view.uri, (x) => x.length > 0, `findings on ${name}`, 60_000);
    check(
      ds.some((d) => d.code && d.code.value === 'section-numbering'),
      `${name} has seed 004's findings (${shownOf(ds).slice(0, 200)})`,
    );
  }

  // The workspace summary: every report of the folder, read through the client.
  const result = await vscode.commands.executeCommand('xxgk.showSummary');
  const paths = result.rows.map((r) => r.path).sort();
  check(
    JSON.stringify(paths) === JSON.stringify(['004.docx', '004.pdf', 'broken.xxgk.txt', 'wenzhou/2023.txt', 'wenzhou/2024.xxgk.txt']),
    `the summary lists the five reports (${paths.join(', ')})`,
  );
  check(result.csv.startsWith('\ufeff'), 'its CSV has a BOM');
};
