import type { Connection, WorkspaceEdit } from 'vscode-languageserver';
import { addIgnoreEntry } from '../core/actions';
import { editorText } from '../core/editor-messages';
import { LineIndex } from '../core/text';
import type { IgnoreArgs } from '../lsp/codeActions';
import type { WebDocuments } from './documents';
import { dirOf, displayPath, relativeTo } from './uri';

/**
 * "Ignore this finding" in the web worker (lsp/ignore.ts on the desktop): adds {file, code, target}
 * to the nearest .xxgk-lint.json through the editor (workspace/applyEdit), or has the client write a
 * new one into the workspace folder (a loose file's own folder). Never touches the report. Returns true when the config changed.
 */
export async function ignoreFinding(args: IgnoreArgs, connection: Connection, workspace: WebDocuments, applyEdit: boolean): Promise<boolean> {
  const uri = args?.uri;
  if (typeof uri !== 'string' || !workspace.canIgnore(uri) || typeof args.code !== 'string') return false;
  const folder = workspace.folderOf(uri);
  let configUri = '';
  const fail = (problem: string) => {
    void connection.window.showErrorMessage(editorText('ignoreFailed', workspace.locale, { file: displayPath(configUri), problem }));
    return false;
  };
  let place: { uri: string; text?: string };
  let after: string | undefined;
  let relative = '';
  try {
    place = await workspace.configs.placeFor(uri, folder);
    configUri = place.uri;
    relative = relativeTo(dirOf(configUri), uri);
    after = addIgnoreEntry(place.text, relative, { code: args.code, target: args.target });
  } catch (e) {
    return fail((e as Error).message);
  }
  if (after === undefined) return false;
  if (place.text !== undefined && applyEdit) {
    // Through the editor: undoable, and an open, unsaved config stays in step.
    const edit: WorkspaceEdit = { changes: { [configUri]: [{ range: wholeText(place.text), newText: after }] } };
    const label = editorText('ignoreLabel', workspace.locale, { code: args.code, file: relative });
    const result = await connection.workspace.applyEdit({ label, edit });
    if (!result.applied) return fail(result.failureReason ?? 'the editor did not apply the edit');
  } else {
    // A new config (or a client that cannot apply edits): nothing is open to conflict with.
    const problem = await workspace.files.write(configUri, after);
    if (problem !== undefined) return fail(problem);
  }
  workspace.configs.remember(configUri, JSON.parse(after));
  return true;
}

function wholeText(text: string) {
  const doc = new LineIndex(text);
  const last = doc.lines.length - 1;
  return { start: { line: 0, character: 0 }, end: { line: last, character: doc.lines[last].length } };
}
