import type { Locale, Range, Severity } from './model';
import type { SourceLocation } from './read/document';
import { Draft, FixDraft, FixEdit, FixKind, format, Rule } from './rule';

/**
 * Drafts → findings: configuration (off, severity, ignore lists) and localization, one path for
 * the per-file rules (`analyze`) and the cross-file ones (`workspaceFindings`).
 */

export type RuleSetting = Severity | 'off';

/** The settings of one document that decide which findings it gets and how severe they are. */
export interface FindingSettings {
  rules?: Record<string, RuleSetting>;
  /** Findings to leave out, by rule code and (optionally) target. */
  ignore?: { code: string; target?: string }[];
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** In a PDF or DOCX: the page and box, or the table cell, the range's text came from. */
  location?: SourceLocation;
  /** Other places that explain the finding; `uri` names another document (cross-file rules). */
  related?: { range: Range; message: string; uri?: string }[];
  /** The safe fix, which fix-all and `--fix` apply. */
  fix?: { title: string; kind: FixKind; edits: FixEdit<string>[] };
  /** Fixes that rest on an assumption the title states; offered one by one, never in bulk. */
  suggestions?: { title: string; edits: FixEdit<string>[] }[];
  target?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The severity a finding gets: the configured one, but never above what the rule itself allows here. */
function severityOf(rule: Rule, draft: Draft, setting: RuleSetting | undefined): Severity | undefined {
  if (setting === 'off') return undefined;
  const configured = setting ?? rule.defaultSeverity;
  const cap = draft.severity;
  return cap && SEVERITY_RANK[cap] > SEVERITY_RANK[configured] ? cap : configured;
}

function localize(rule: Rule, draft: Draft, locale: Locale, severity: Severity, brief: boolean): Finding {
  const text = (id: string, params: Draft['params'] = {}) => format(rule.messages[id]?.[locale] ?? id, params, locale);
  const finding: Finding = { code: rule.code, severity, message: text(draft.messageId, draft.params), range: draft.range };
  if (draft.target) finding.target = draft.target;
  if (brief) return finding;
  if (draft.related?.length) {
    finding.related = draft.related.map((r) => ({ range: r.range, message: text(r.messageId, r.params), ...(r.uri ? { uri: r.uri } : {}) }));
  }
  const offer = (d: FixDraft) => ({
    title: text(d.messageId, d.params),
    edits: d.edits.map((e) => ({ range: e.range, newText: e.newText, subject: e.subject[locale] })),
  });
  if (draft.fix) {
    if (!rule.fixKind) throw new Error(`rule ${rule.code} offers a fix but declares no fixKind`);
    const { title, edits } = offer(draft.fix);
    finding.fix = { title, kind: rule.fixKind, edits };
  }
  if (draft.suggestions?.length) finding.suggestions = draft.suggestions.map(offer);
  return finding;
}

/**
 * Whether an ignore entry covers the draft. An entry `subheading.<line>` (targets before they were
 * counted within their section) still matches the sub-heading on that line.
 */
export function isIgnored(ignore: FindingSettings['ignore'], code: string, draft: Pick<Draft, 'target' | 'range'>): boolean {
  return (
    ignore?.some((i) => {
      if (i.code !== code) return false;
      if (i.target === undefined || i.target === draft.target) return true;
      const line = /^subheading\.(\d+)$/.exec(i.target)?.[1];
      return line !== undefined && /\.subheading\.\d+$/.test(draft.target ?? '') && draft.range.start.line === Number(line);
    }) ?? false
  );
}

/** A rule's drafts as findings under the document's settings: turned off, ignored or localized. */
export function findingsOf(rule: Rule, drafts: Draft[], settings: FindingSettings, locale: Locale, brief = false): Finding[] {
  const out: Finding[] = [];
  for (const draft of drafts) {
    const severity = severityOf(rule, draft, settings.rules?.[rule.code]);
    if (!severity) continue;
    if (isIgnored(settings.ignore, rule.code, draft)) continue;
    out.push(localize(rule, draft, locale, severity, brief));
  }
  return out;
}
