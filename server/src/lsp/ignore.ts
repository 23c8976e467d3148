import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, WorkspaceEdit } from 'vscode-languageserver';
import { addIgnoreEntry } from '../core/actions';
import { editorText } from '../core/editor-messages';
import { LineIndex } from '../core/text';
import type { IgnoreArgs } from './codeActions';
import { filePath, Workspace } from './documents';

export interface EditCapabilities {
  applyEdit: boolean;
}

/**
 * "Ignore this finding": adds {file, code, target} to the nearest .xxgk-lint.json through the editor
 * (workspace/applyEdit), or writes a new one into the workspace folder. Never touches the report.
 * Returns true when the config changed.
 */
export async function ignoreFinding(args: IgnoreArgs, connection: Connection, workspace: Workspace, caps: EditCapabilities): Promise<boolean> {
  const file = filePath(args?.uri ?? '');
  if (!file || typeof args.code !== 'string') return false;
  const configPath = workspace.configs.placeFor(file, workspace.folders);
  const exists = fs.existsSync(configPath);
  const relative = path.relative(path.dirname(configPath), file).split(path.sep).join('/');
  const fail = (problem: string) => {
    void connection.window.showErrorMessage(editorText('ignoreFailed', workspace.locale, { file: configPath, problem }));
    return false;
  };
  let before: string | undefined;
  let after: string | undefined;
  try {
    before = exists ? fs.readFileSync(configPath, 'utf8') : undefined;
    after = addIgnoreEntry(before, relative, { code: args.code, target: args.target });
  } catch (e) {
    return fail((e as Error).message);
  }
  if (after === undefined) return false;
  if (exists && caps.applyEdit) {
    // Through the editor: undoable, and an open, unsaved config stays in step.
    const uri = pathToFileURL(configPath).href;
    const edit: WorkspaceEdit = { changes: { [uri]: [{ range: wholeText(before ?? ''), newText: after }] } };
    const label = editorText('ignoreLabel', workspace.locale, { code: args.code, file: relative });
    const result = await connection.workspace.applyEdit({ label, edit });
    if (!result.applied) return fail(result.failureReason ?? 'the editor did not apply the edit');
  } else {
    // A new config (or a client that cannot apply edits): nothing is open to conflict with.
    try {
      fs.writeFileSync(configPath, after);
    } catch (e) {
      return fail((e as Error).message);
    }
  }
  workspace.configs.remember(configPath, JSON.parse(after));
  return true;
}

function wholeText(text: string) {
  const doc = new LineIndex(text);
  const last = doc.lines.length - 1;
  return { start: { line: 0, character: 0 }, end: { line: last, character: doc.lines[last].length } };
}
