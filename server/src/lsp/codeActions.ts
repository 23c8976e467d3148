import { CodeAction, CodeActionKind, CodeActionParams, Command, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EditAction, fixAllAction, fixTotalsAction, ignoreTitle, intersects, quickFixes } from '../core/actions';
import type { AnalyzeOptions } from '../core/analyze';
import type { Locale } from '../core/model';
import { analyzeText, SourceAnalysis } from '../core/source';
import { toDiagnostic } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.xxgk`;
export const FIX_TOTALS_KIND = `${CodeActionKind.Source}.xxgk.fixTotals`;
export const IGNORE_COMMAND = 'xxgk.ignoreFinding';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, FIX_TOTALS_KIND];

export interface IgnoreArgs {
  uri: string;
  code: string;
  target?: string;
}

/** Whether the client asked for this kind: `only` lists kinds or their parents (`source` ⊃ `source.fixAll`). */
function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** What the code actions need of the server: the cached analysis, and whether a finding can be ignored in a config file. */
export interface ActionSource {
  readonly locale: Locale;
  check(doc: TextDocument): Promise<{ analysis: SourceAnalysis; options: AnalyzeOptions; version: number; text: string }>;
  canIgnore(uri: string): boolean;
}

export async function codeActions(
  params: CodeActionParams,
  documents: TextDocuments<TextDocument>,
  workspace: ActionSource,
): Promise<(CodeAction | Command)[]> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const { analysis, options, version, text } = await workspace.check(doc);
  const uri = doc.uri;
  const only = params.context.only;
  const findings = analysis.findings;
  // Fix-all re-checks the text as it was read: a web page through the HTML reader.
  const check = (t: string, o: AnalyzeOptions) => analyzeText(t, o, analysis.kind === 'html' ? 'html' : 'text');
  const toAction = (a: EditAction, kind: string): CodeAction => ({
    title: a.title,
    kind,
    diagnostics: a.findings.map((f) => toDiagnostic(f, uri)),
    isPreferred: a.isPreferred || undefined,
    edit: { documentChanges: [{ textDocument: { uri, version }, edits: a.edits }] },
  });
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    actions.push(...quickFixes(findings, params.range).map((a) => toAction(a, CodeActionKind.QuickFix)));
    if (workspace.canIgnore(uri)) {
      for (const f of findings.filter((x) => intersects(x.range, params.range))) {
        const args: IgnoreArgs = { uri, code: f.code, target: f.target };
        actions.push({
          title: ignoreTitle(f, workspace.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(f, uri)],
          command: { title: ignoreTitle(f, workspace.locale), command: IGNORE_COMMAND, arguments: [args] },
        });
      }
    }
  }
  if (wanted(FIX_TOTALS_KIND, only)) {
    const totals = fixTotalsAction(text, options, findings, workspace.locale, check);
    if (totals) actions.push(toAction(totals, FIX_TOTALS_KIND));
  }
  if (wanted(FIX_ALL_KIND, only)) {
    const all = fixAllAction(text, options, findings, workspace.locale, check);
    if (all) actions.push(toAction(all, FIX_ALL_KIND));
  }
  return actions;
}
