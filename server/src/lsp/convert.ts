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

let ruleDocs = '';

/**
 * Where the rule pages (docs/rules/<code>.md, shipped inside the extension) are, as a URI ending in
 * `/`: the host knows (a folder on disk for Node, the extension's URI in the browser). The link works
 * offline and always describes the installed version.
 */
export function setRuleDocs(base: string): void {
  ruleDocs = base.endsWith('/') ? base : `${base}/`;
}

function ruleHref(code: string): string {
  return `${ruleDocs}${code}.md`;
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
