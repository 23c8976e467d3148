import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { XxgkApi } from '../../../client/src/extension';
import type { Rendered } from '../../../client/src/preview';

/**
 * Runs inside VS Code's extension host (loaded by runTests as extensionTestsPath), on the scratch
 * workspace made by ../runTest.ts. No test framework: each case is awaited in turn and printed by
 * name. Every wait is on a VS Code event (onDidChangeDiagnostics, onDidOpenTextDocument,
 * onDidChangeConfiguration) or a poll with a deadline; none sleeps. The deadlines only turn a hang
 * into a failure that says what was awaited and what was last seen.
 */

const WORKSPACE = process.env.XXGK_TEST_WORKSPACE!;
const GUARD_MS = 30_000;
const LANGUAGE_ID = 'xxgk-report';

function fileUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(WORKSPACE, name));
}

function within<T>(what: string | (() => string), p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${GUARD_MS} ms waiting for ${typeof what === 'string' ? what : what()}`)), GUARD_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Polls `probe` (each call awaited, then the next on the following turn) until it returns a value, or fails at the deadline. */
async function poll<T>(what: () => string, probe: () => Promise<T | undefined> | T | undefined): Promise<{ value: T; attempts: number }> {
  const deadline = Date.now() + GUARD_MS;
  for (let attempts = 1; ; attempts++) {
    const value = await probe();
    if (value !== undefined) return { value, attempts };
    if (Date.now() > deadline) throw new Error(`timed out after ${GUARD_MS} ms (${attempts} attempts) waiting for ${what()}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'xxgk-lint');
const summary = (uri: vscode.Uri) => JSON.stringify(ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`));

/** Resolves with the document's diagnostics once they satisfy `ok`, checked now and on each change event. */
function diagnosticsWhere(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  let sub: vscode.Disposable | undefined;
  return within(
    () => `${what} (last: ${summary(uri)})`,
    new Promise<vscode.Diagnostic[]>((resolve) => {
      const check = () => {
        const found = ours(uri);
        if (ok(found)) resolve(found);
      };
      sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) check();
      });
      check();
    }),
  ).finally(() => sub?.dispose());
}

/** Resolves when the document at `uri` is (re)opened with `languageId`, or already has it. */
function languageBecomes(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
  let sub: vscode.Disposable | undefined;
  return within(
    `${uri.path.split('/').pop()} to become ${languageId}`,
    new Promise<vscode.TextDocument>((resolve) => {
      sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() === uri.toString() && d.languageId === languageId) resolve(d);
      });
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open?.languageId === languageId) resolve(open);
    }),
  ).finally(() => sub?.dispose());
}

/** Sets a workspace setting and waits until the extension host sees it. */
async function setSetting(section: string, value: unknown): Promise<void> {
  let sub: vscode.Disposable | undefined;
  const changed = within(
    `the setting ${section}`,
    new Promise<void>((resolve) => {
      sub = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(section)) resolve();
      });
    }),
  ).finally(() => sub?.dispose());
  const [head, ...rest] = section.split('.');
  await vscode.workspace.getConfiguration(head).update(rest.join('.'), value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(doc);
}

/** Opens a plain-text file that has a report title and waits for the detection to switch it. */
async function openDetected(name: string): Promise<vscode.TextDocument> {
  const switched = languageBecomes(fileUri(name), LANGUAGE_ID);
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  return doc.languageId === LANGUAGE_ID ? doc : switched;
}

/** A number cell of seed 000's 表三 (pipe encoding): `column` 0 = 自然人 … 6 = 总计, on 0-based `line`. */
function t3Cell(doc: vscode.TextDocument, line: number, column: number): vscode.Range {
  const text = doc.lineAt(line).text;
  const cells = [...text.matchAll(/\|\s*(\d+)\s*(?=\|)/g)];
  assert.ok(cells.length >= 7, `line ${line + 1} has the 7 number cells of a 表三 row: ${text}`);
  const m = cells[column];
  const start = m.index! + m[0].indexOf(m[1]);
  return new vscode.Range(line, start, line, start + m[1].length);
}

// Seed 000, 0-based lines of 表三 rows.
const ROW_NEW = 36; // 一、本年新收政府信息公开申请数量
const ROW_CARRIED = 37; // 二、上年结转政府信息公开申请数量
const ROW_DISCLOSED = 38; // 三、本年度办理结果 (一)予以公开
const NATURAL_PERSON = 0;
const TOTAL = 6;

/** Replaces one cell and returns the new text of the document. */
async function setCell(editor: vscode.TextEditor, cell: vscode.Range, value: string): Promise<void> {
  assert.ok(await editor.edit((b) => b.replace(cell, value)), `edit ${value} at ${cell.start.line + 1}:${cell.start.character + 1}`);
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

function api(): XxgkApi {
  const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'xxgk-lint');
  assert.ok(extension?.isActive, 'the extension is active');
  return extension.exports as XxgkApi;
}

/** Opens a file that the report editor takes as a report, and waits for its first drawing with tables. */
async function openInReportEditor(name: string) {
  const file = fileUri(name);
  const drawn = renderedWhere(api().reportFiles.onDidRender, (r) => r.file === file.toString() && r.tables.length > 0, `the report editor of ${name}`);
  await vscode.commands.executeCommand('vscode.open', file);
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  assert.ok(input instanceof vscode.TabInputCustom, 'a custom editor');
  assert.equal(input.viewType, 'xxgk.reportFile');
  return { file, first: await drawn };
}

/** The next drawing of a webview (its own report, posted back from the page) that satisfies `ok`. */
function renderedWhere<T>(event: vscode.Event<T>, ok: (r: T) => boolean, what: string): Promise<T> {
  let sub: vscode.Disposable | undefined;
  let last: T | undefined;
  return within(
    () => `${what} (last drawn: ${JSON.stringify(last)?.slice(0, 300)})`,
    new Promise<T>((resolve) => {
      sub = event((r) => {
        last = r;
        if (ok(r)) resolve(r);
      });
    }),
  ).finally(() => sub?.dispose());
}

const tests: [string, () => Promise<void>][] = [
  [
    'activation: a .txt file whose first line is a report title is switched to xxgk-report (xxgk.detectByFirstLine) and checked',
    async () => {
      const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'xxgk-lint');
      assert.ok(extension, 'the extension under development is installed');
      // onLanguage:plaintext: the workbench's own plain-text models (input boxes) may have activated it already.
      console.log(`    (extension active before the first report was opened: ${extension.isActive})`);
      const doc = await openDetected('download.txt');
      await vscode.window.showTextDocument(doc);
      assert.equal(extension.isActive, true);
      await diagnosticsWhere(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'section-missing'), 'section-missing on the detected report');
      const exported = await openDetected('pdf-export.txt');
      assert.equal(exported.languageId, LANGUAGE_ID, 'a BOM and blank lines before the title');
    },
  ],
  [
    'detection: a file without extension is detected by VS Code (firstLine); other text stays plain text',
    async () => {
      const doc = await vscode.workspace.openTextDocument(fileUri('report-without-extension'));
      assert.equal(doc.languageId, LANGUAGE_ID);
      const notes = await vscode.workspace.openTextDocument(fileUri('notes.txt'));
      // The detection runs when a document opens; had it switched notes.txt, that would come first.
      await openDetected('marker-1.txt');
      assert.equal(notes.languageId, 'plaintext');
    },
  ],
  [
    'detection: respects xxgk.detectByFirstLine = false, and a report switched back to plain text stays so',
    async () => {
      await setSetting('xxgk.detectByFirstLine', false);
      const off = await vscode.workspace.openTextDocument(fileUri('setting-off.txt'));
      await setSetting('xxgk.detectByFirstLine', undefined);
      const back = await openDetected('switched-back.txt');
      const reopened = languageBecomes(back.uri, 'plaintext');
      await vscode.languages.setTextDocumentLanguage(back, 'plaintext');
      await reopened;
      // Requests reach VS Code in order: any switch of the two documents above would come before this one.
      await openDetected('marker-2.txt');
      assert.equal(off.languageId, 'plaintext', 'not switched while the setting was off');
      assert.equal(back.languageId, 'plaintext', 'not switched again after the person chose plain text');
    },
  ],
  [
    'seed 004 (*年度报告*.txt): Chinese diagnostics under locale zh-cn, including the misnumbered 4、 heading',
    async () => {
      const editor = await open('二七区2020年度报告.txt');
      assert.equal(editor.document.languageId, LANGUAGE_ID);
      assert.equal(vscode.env.language, 'zh-cn');
      const isFour = (d: vscode.Diagnostic) => codeOf(d) === 'section-numbering' && d.range.start.line === 353;
      const found = await diagnosticsWhere(editor.document.uri, (ds) => ds.some(isFour), 'section-numbering at line 354');
      const four = found.find(isFour)!;
      assert.equal(four.message, '部分标题应使用汉字编号“四、”，此处写作“4、”');
      assert.equal(editor.document.getText(four.range), '4', 'the squiggle is on the numeral');
      assert.match(editor.document.lineAt(353).text, /^4、\s*政府信息公开行政复议/);
      assert.match((four.code as { target: vscode.Uri }).target.toString(), /docs\/rules\/section-numbering\.md$/);
      for (const d of found) assert.match(d.message, /[\u4e00-\u9fff]/, `a Chinese message: ${d.message}`);
    },
  ],
  [
    'row-total: editing one 表三 number flags that cell; its quick fix (vscode.executeCodeActionProvider) removes it and changes only that cell',
    async () => {
      const editor = await open('quick-fix.xxgk.txt');
      const doc = editor.document;
      const original = doc.getText();
      const cell = t3Cell(doc, ROW_DISCLOSED, NATURAL_PERSON);
      await setCell(editor, cell, '3');
      const edited = doc.getText();
      const isTotal = (d: vscode.Diagnostic) => codeOf(d) === 'row-total';
      const [total] = (await diagnosticsWhere(doc.uri, (ds) => ds.some(isTotal), 'row-total after the edit')).filter(isTotal);
      assert.deepEqual(total.range, cell, 'the diagnostic is on the edited cell');
      assert.match(total.message, /总计/);
      assert.ok((total.relatedInformation ?? []).length > 0, 'related information points at the other cells of the sum');
      // The diagnostic came from the server after it had the edit, so the fix is there; poll anyway
      // (bounded) so that a slow provider registration shows as a count, not a flake.
      let last: string[] | undefined;
      const { value: fix, attempts } = await poll(
        () => `a preferred quick fix for row-total (last offered: ${JSON.stringify(last)})`,
        async () => {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            doc.uri,
            total.range,
            vscode.CodeActionKind.QuickFix.value,
          );
          last = actions?.map((a) => a.title);
          return actions?.find((a) => a.isPreferred && a.edit);
        },
      );
      if (attempts > 1) console.log(`    (the quick fix was offered after ${attempts} requests)`);
      const edits = fix.edit!.entries();
      assert.equal(edits.length, 1);
      assert.equal(edits[0][0].toString(), doc.uri.toString());
      for (const e of edits[0][1]) assert.ok(cell.contains(e.range), `the fix edits only the cell: ${JSON.stringify(e.range)}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      await diagnosticsWhere(doc.uri, (ds) => !ds.some(isTotal) && ds.length === 0, 'no diagnostics after the fix');
      assert.equal(doc.getText(cell), '0');
      assert.equal(doc.getText(), original, 'the document is as before the edit');
      const [before, after] = [edited.split('\n'), doc.getText().split('\n')];
      const changed = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
      assert.deepEqual(changed, [ROW_DISCLOSED], 'only the line of the cell changed');
      const line = before[ROW_DISCLOSED];
      assert.equal(
        line.slice(0, cell.start.character) + line.slice(cell.end.character),
        after[ROW_DISCLOSED].slice(0, cell.start.character) + after[ROW_DISCLOSED].slice(cell.end.character),
      );
    },
  ],
  [
    'source.fixAll.xxgk via editor.codeActionsOnSave fixes the one wrong total on save',
    async () => {
      const editor = await open('fix-on-save.xxgk.txt');
      const doc = editor.document;
      const original = doc.getText();
      // One wrong total breaks its row and the balance, which agree on it: a safe fix.
      await setCell(editor, t3Cell(doc, ROW_NEW, TOTAL), '5');
      await diagnosticsWhere(doc.uri, (ds) => ds.filter((d) => codeOf(d) === 'row-total').length === 1, 'a row-total finding before saving');
      assert.ok(await doc.save());
      assert.equal(doc.getText(), original, 'the total was written back to 0 on save');
      assert.equal(doc.isDirty, false);
      await diagnosticsWhere(doc.uri, (ds) => ds.length === 0, 'no diagnostics after fix-on-save');
      // Two wrong totals: no single cell explains the three broken sums, so saving changes nothing.
      await setCell(editor, t3Cell(doc, ROW_NEW, TOTAL), '5');
      await setCell(editor, t3Cell(doc, ROW_CARRIED, TOTAL), '2');
      await diagnosticsWhere(doc.uri, (ds) => ds.filter((d) => codeOf(d) === 'row-total').length === 2, 'two row-total findings before saving');
      const twoWrong = doc.getText();
      assert.ok(await doc.save());
      assert.equal(doc.getText(), twoWrong, 'nothing is guessed on save');
    },
  ],
  [
    'hover (vscode.executeHoverProvider) on a 表三 row explains its sums with the live numbers',
    async () => {
      const editor = await open('hover.xxgk.txt');
      const doc = editor.document;
      await setCell(editor, t3Cell(doc, ROW_DISCLOSED, NATURAL_PERSON), '7');
      await setCell(editor, t3Cell(doc, ROW_DISCLOSED, TOTAL), '7');
      const cell = t3Cell(doc, ROW_DISCLOSED, NATURAL_PERSON);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, cell.start);
      const text = hoverText(hovers);
      assert.match(text, /予以公开/, text);
      assert.match(text, /本行总计：总计 7 = \*\*自然人 7\*\* \+/, text);
      assert.match(text, /✓/, 'the row sum holds');
      assert.match(text, /✗/, 'the column sums (（七）总计, 一＋二) no longer hold');
    },
  ],
  [
    'outline (vscode.executeDocumentSymbolProvider) lists the six sections',
    async () => {
      const editor = await open('二七区2020年度报告.txt');
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      const sections = symbols.filter((s) => s.kind === vscode.SymbolKind.Namespace).map((s) => s.name);
      assert.deepEqual(sections, [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
      const four = symbols.find((s) => s.name.startsWith('四、'))!;
      assert.equal(four.selectionRange.start.line, 353, 'section 四 is the 4、 heading');
      assert.ok(
        symbols.find((s) => s.name.startsWith('三、'))!.children.some((c) => c.kind === vscode.SymbolKind.Struct),
        '表三 under section 三',
      );
    },
  ],
  [
    '"按年报检查此文件" switches a plain text file to xxgk-report',
    async () => {
      const editor = await open('notes.txt');
      assert.equal(editor.document.languageId, 'plaintext');
      const switched = languageBecomes(editor.document.uri, LANGUAGE_ID);
      await vscode.commands.executeCommand('xxgk.checkAsReport');
      await switched;
    },
  ],
  [
    'an untitled document becomes a report when a report is pasted into it, and is checked',
    async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      const switched = languageBecomes(doc.uri, LANGUAGE_ID);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '某局2021年政府信息公开工作年度报告\n一、总体情况\n')));
      await switched;
      await diagnosticsWhere(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'section-missing'), 'section-missing on the untitled report');
    },
  ],
  [
    '"预览年报表格": the webview receives the tables, the changed cell marked; it redraws as the person types',
    async () => {
      const editor = await open('preview.xxgk.txt');
      const doc = editor.document;
      await diagnosticsWhere(doc.uri, (ds) => ds.length === 0, 'seed 000 clean');
      const cell = t3Cell(doc, ROW_DISCLOSED, NATURAL_PERSON);
      await setCell(editor, cell, '3');
      await diagnosticsWhere(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'row-total'), 'row-total on the changed cell');
      const preview = api().preview;
      const drawn = renderedWhere<Rendered>(
        preview.onDidRender,
        (r) => r.uri === doc.uri.toString() && r.marked['T3.R3_1.NP'] !== undefined,
        'the preview with the cell marked',
      );
      await vscode.commands.executeCommand('xxgk.showPreview');
      const first = await drawn;
      assert.deepEqual(first.tables, ['T2', 'T3', 'T4']);
      assert.deepEqual(first.marked, { 'T3.R3_1.NP': 'error' });
      assert.deepEqual(first.culprits, ['T3.R3_1.NP']);
      // 表二 of the 2019 format (5 blocks, 22 cells), 表三 23 rows × 7, 表四 15.
      assert.equal(first.cells, 22 + 23 * 7 + 15);
      assert.equal(first.version, doc.version);
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
      assert.equal(tab?.label, '年报表格：preview.xxgk.txt');
      const fixed = renderedWhere<Rendered>(
        preview.onDidRender,
        (r) => r.uri === doc.uri.toString() && Object.keys(r.marked).length === 0,
        'the preview without marks after the undo',
      );
      await setCell(editor, t3Cell(doc, ROW_DISCLOSED, NATURAL_PERSON), '0');
      const after = await fixed;
      assert.equal(after.version, doc.version);
      // A click on a cell (the page posts its range): the report's editor gets that selection.
      await preview.reveal({ start: { line: ROW_DISCLOSED, character: cell.start.character }, end: { line: ROW_DISCLOSED, character: cell.end.character } });
      const active = vscode.window.activeTextEditor!;
      assert.equal(active.document, doc);
      assert.deepEqual(
        [active.selection.start.line, active.selection.start.character, active.selection.end.character],
        [ROW_DISCLOSED, cell.start.character, cell.end.character],
      );
      // Another report becomes active: the preview follows it (the hover test left 自然人 and 总计 at 7 there).
      const other = fileUri('hover.xxgk.txt');
      const followed = renderedWhere<Rendered>(preview.onDidRender, (r) => r.uri === other.toString(), 'the preview of hover.xxgk.txt');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other), { viewColumn: active.viewColumn });
      const next = await followed;
      assert.equal(next.marked['T3.R3_7.NP'], 'error', JSON.stringify(next.marked));
      await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    },
  ],
  [
    'a Word file named like a report opens in the read-only report editor: its tables with the findings; unreadable files say why',
    async () => {
      const reportFiles = api().reportFiles;
      const { file, first } = await openInReportEditor('某局2021年度报告.docx');
      assert.deepEqual(first.tables, ['T2', 'T3', 'T4']);
      // 21 rows of 表三 and the 表四 data row have blank cells (37 in all): each is coloured as a warning.
      assert.equal(Object.keys(first.marked).length, 37, JSON.stringify(first.marked));
      assert.ok(
        Object.values(first.marked).every((s) => s === 'warning'),
        JSON.stringify(first.marked),
      );
      // Its button runs "按年报检查此文件" on the file: the recognized text opens beside with the same findings as squiggles.
      await vscode.commands.executeCommand('xxgk.checkAsReport', file);
      const view = vscode.window.activeTextEditor?.document;
      assert.equal(view?.uri.scheme, 'xxgk-view');
      assert.equal(view.uri.query, file.toString());
      assert.equal(view.languageId, LANGUAGE_ID);
      const findings = await diagnosticsWhere(view.uri, (ds) => ds.length === 22, '22 findings on the recognized text');
      assert.deepEqual([...new Set(findings.map(codeOf))], ['cell-empty']);
      // Any other Word file: only through "Open With…".
      const other = fileUri('minutes.docx');
      const otherDrawn = renderedWhere(reportFiles.onDidRender, (r) => r.file === other.toString() && r.tables.length > 0, 'the report editor of minutes.docx');
      await vscode.commands.executeCommand('vscode.openWith', other, 'xxgk.otherFile');
      assert.deepEqual((await otherDrawn).tables, ['T2', 'T3', 'T4']);
      // A file that is no Word file: the editor shows the reader's reason.
      const broken = fileUri('损坏的年报.docx');
      const problem = renderedWhere(reportFiles.onDidRender, (r) => r.file === broken.toString(), 'the report editor of the broken file');
      await vscode.commands.executeCommand('vscode.open', broken);
      assert.equal((await problem).problem, '不是 Word（.docx）文件，无法读取，未检查');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    },
  ],
  [
    'a page saved as one file (.mhtml) named like a report opens in the report editor, its wrong cell marked; its recognized text has the finding',
    async () => {
      const { file, first } = await openInReportEditor('某县2019年度报告.mhtml');
      assert.deepEqual(first.tables, ['T2', 'T3', 'T4']);
      assert.equal(first.marked['T3.R3_3_1.NP'], 'error', JSON.stringify(first.marked));
      await vscode.commands.executeCommand('xxgk.checkAsReport', file);
      const view = vscode.window.activeTextEditor?.document;
      assert.equal(view?.uri.scheme, 'xxgk-view');
      const findings = await diagnosticsWhere(view.uri, (ds) => ds.length === 1, 'the one finding on the recognized text');
      assert.deepEqual(findings.map(codeOf), ['row-total']);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    },
  ],
  [
    'the report editor follows its file on disk: saved again from Word, the tables and the recognized text’s findings are the new file’s',
    async () => {
      const reportFiles = api().reportFiles;
      const file = fileUri('再次保存的年度报告.docx');
      const drawn = renderedWhere(reportFiles.onDidRender, (r) => r.file === file.toString() && r.tables.length > 0, 'the report editor of the Word file');
      await vscode.commands.executeCommand('vscode.open', file);
      assert.equal(Object.keys((await drawn).marked).length, 37);
      await vscode.commands.executeCommand('xxgk.checkAsReport', file);
      const view = vscode.window.activeTextEditor!.document;
      assert.equal(view.uri.query, file.toString());
      await diagnosticsWhere(view.uri, (ds) => ds.length === 22, '22 findings before the file changes');
      // Word writes the file anew, outside VS Code: here, seed 000's report, whose cells are all filled.
      const redrawn = renderedWhere(
        reportFiles.onDidRender,
        (r) => r.file === file.toString() && r.tables.length > 0 && Object.keys(r.marked).length === 0,
        'the report editor drawn again from the new file, no cell marked',
      );
      fs.copyFileSync(path.join(WORKSPACE, 'saved-again.bin'), file.fsPath);
      assert.deepEqual((await redrawn).tables, ['T2', 'T3', 'T4']);
      await diagnosticsWhere(view.uri, (ds) => ds.length === 0, 'no findings on the recognized text of the new file');
      assert.match(view.getText(), /招商合作局2020年政府信息公开工作年度报告/);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    },
  ],
  [
    '"汇总本工作区的年度报告" opens a webview table with one row per report (titled or not); CSV export with a BOM',
    async () => {
      const summary = api().summary;
      const drawn = renderedWhere<number>(summary.onDidRender, (n) => n > 0, 'the summary table');
      const result = (await vscode.commands.executeCommand<Awaited<ReturnType<typeof summary.show>>>('xxgk.showSummary'))!;
      assert.equal(await drawn, result.rows.length);
      const paths = result.rows.map((r) => r.path);
      for (const report of ['二七区2020年度报告.txt', 'quick-fix.xxgk.txt', 'hover.xxgk.txt', 'download.txt'])
        assert.ok(paths.includes(report), `${report} in ${paths.join(', ')}`);
      assert.ok(!paths.includes('notes.txt'), 'a text that is no report is not listed');
      const erqi = result.rows.find((r) => r.path === '二七区2020年度报告.txt')!;
      assert.deepEqual([erqi.organ, erqi.year, erqi.format, erqi.statusName], ['二七区工业和信息化局', 2020, '2019', '已检查']);
      assert.equal(vscode.window.activeTextEditor?.document.isUntitled ?? false, false, 'no untitled text document any more');
      const target = fileUri('summary.csv');
      await summary.exportCsv(target);
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      const csv = new TextDecoder().decode(bytes.slice(3));
      assert.match(csv, /^文件,机关,年度,格式,状态,错误,警告,提示,新收,办结,结转,复议,诉讼\r\n/);
      assert.match(csv, /二七区2020年度报告\.txt,二七区工业和信息化局,2020,2019,已检查,/);
    },
  ],
];

export async function run(): Promise<void> {
  let failed = 0;
  const t0 = Date.now();
  console.log(`xxgk-lint extension-host suite (VS Code ${vscode.version}, locale ${vscode.env.language})`);
  for (const [name, fn] of tests) {
    const t = Date.now();
    try {
      await fn();
      console.log(`  ✔ ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✖ ${name} (${Date.now() - t} ms)\n    ${(e instanceof Error ? (e.stack ?? e.message) : String(e)).replace(/\n/g, '\n    ')}`);
    }
  }
  console.log(`${tests.length - failed} passed, ${failed} failed (${Date.now() - t0} ms)`);
  if (failed) throw new Error(`${failed} of ${tests.length} VS Code tests failed`);
}
