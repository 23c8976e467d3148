import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { WorkspaceFinding } from '../core/workspace';
import type { Severity } from '../core/model';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'xxgk-lint';

/** The extension's (or checkout's) root: the folder above the running code with our package.json. */
function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'docs', 'rules'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, '..', '..');
    dir = parent;
  }
}

let docsDir: string | undefined;

/**
 * A rule's documentation: docs/rules/<code>.md shipped inside the extension, as a file URI, so the
 * link works offline and always describes the installed version.
 */
export function ruleHref(code: string): string {
  docsDir ??= path.join(packageRoot(), 'docs', 'rules');
  return pathToFileURL(path.join(docsDir, `${code}.md`)).href;
}

export interface DiagnosticData {
  target?: string;
}

export function toDiagnostic(f: WorkspaceFinding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleHref(f.code) },
    source: SOURCE,
    message: f.message,
  };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  if (f.target) d.data = { target: f.target } satisfies DiagnosticData;
  return d;
}
