import { analyze, AnalyzeOptions } from './analyze';
import { Finding, findingsOf } from './findings';
import type { FormatVersion, Locale } from './model';
import { countFindings, digestReport, indexByOrganYear, previousIn, ReportDigest, ReportStatus, SummaryFigures, FindingCounts } from './report-digest';
import { RULES } from './rules';
import { comparePositions } from './text';

/**
 * Checks across the reports of one folder tree (pure: documents in, findings out, no file access).
 *
 * Each document is first reduced to a `ReportDigest` (core/report-digest.ts). `workspaceFindings`
 * then pairs each report with the same body's report for the year before (by the normalized
 * issuing body in the title) and runs the rules that have a `checkWorkspace` hook.
 */

export interface WorkspaceOptions {
  locale?: Locale;
  /** Share (0–1] of copied sentences from which `copied-text` reports; default 0.5. */
  copiedTextThreshold?: number;
}

/** A finding of a cross-file rule, or a document's own merged with them; related information may name another document. */
export type WorkspaceFinding = Finding;

/** For each sentence key, the bodies whose reports contain it. */
function sentenceOwners(digests: ReportDigest[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const d of digests) {
    if (!d.organKey) continue;
    for (const s of d.sentences) {
      if (!s.key) continue;
      let set = owners.get(s.key);
      if (!set) owners.set(s.key, (set = new Set()));
      set.add(d.organKey);
    }
  }
  return owners;
}

/** Whether reports of at least two bodies other than `self` share the sentence: common wording, not copying. */
function isCommon(owners: Map<string, Set<string>>, key: string, self: string | undefined): boolean {
  const set = owners.get(key);
  if (!set) return false;
  return set.size - (self !== undefined && set.has(self) ? 1 : 0) >= 2;
}

const ORDER = new Map(RULES.map((r, i) => [r.code, i]));
const WORKSPACE_RULES = RULES.filter((r) => r.checkWorkspace);

/** Cross-file findings, by document URI (only documents with findings appear). */
export function workspaceFindings(digests: ReportDigest[], options: WorkspaceOptions = {}): Map<string, WorkspaceFinding[]> {
  const locale = options.locale ?? 'zh-CN';
  const out = new Map<string, WorkspaceFinding[]>();
  // Sentences shared among bodies are common wording; with fewer than three bodies none can be.
  const organs = new Set(digests.map((d) => d.organKey).filter(Boolean));
  const byOrganYear = indexByOrganYear(digests);
  let owners: Map<string, Set<string>> | undefined;
  for (const cur of digests) {
    const prev = previousIn(cur, byOrganYear);
    if (!prev) continue;
    const ctx = {
      copiedTextThreshold: options.copiedTextThreshold,
      isCommonSentence(key: string) {
        if (organs.size < 3) return false;
        owners ??= sentenceOwners(digests);
        return isCommon(owners, key, cur.organKey);
      },
    };
    const findings: WorkspaceFinding[] = [];
    for (const rule of WORKSPACE_RULES) {
      if (cur.settings.rules?.[rule.code] === 'off') continue;
      findings.push(...findingsOf(rule, rule.checkWorkspace!(cur, prev, ctx), cur.settings, locale));
    }
    findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0));
    if (findings.length) out.set(cur.uri, findings);
  }
  return out;
}

/** Adds workspace findings to a document's own, in the order `analyze` uses (position, then rule). */
export function mergeFindings<F extends Finding>(own: F[], extra: F[] | undefined): F[] {
  if (!extra?.length) return own;
  return [...own, ...extra].sort((a, b) => comparePositions(a.range.start, b.range.start) || (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0));
}

export interface SummaryRow extends SummaryFigures, FindingCounts {
  file: string;
  organ: string | null;
  year: number | null;
  format: FormatVersion | null;
  status: ReportStatus;
}

/** One row per report: what a reviewer hands on. Counts include the workspace findings given. */
export function summaryRows(digests: ReportDigest[], extra: Map<string, Finding[]> = new Map()): SummaryRow[] {
  return digests.map((d) => {
    const more = countFindings(extra.get(d.uri) ?? []);
    return {
      file: d.uri,
      organ: d.organ ?? null,
      year: d.year ?? null,
      format: d.format ?? null,
      status: d.status,
      errors: d.counts.errors + more.errors,
      warnings: d.counts.warnings + more.warnings,
      information: d.counts.information + more.information,
      ...d.figures,
    };
  });
}

export interface WorkspaceDocument {
  uri: string;
  text: string;
  options?: AnalyzeOptions;
}

export interface WorkspaceAnalysis {
  /** Per document: its own findings merged with the workspace findings. */
  findings: Map<string, WorkspaceFinding[]>;
  /** Only the cross-file findings. */
  workspace: Map<string, WorkspaceFinding[]>;
  digests: ReportDigest[];
  rows: SummaryRow[];
}

/** Everything at once, for tests and simple callers: analyse each text, then the cross-file checks. */
export function analyzeWorkspace(docs: WorkspaceDocument[], options: WorkspaceOptions = {}): WorkspaceAnalysis {
  const own = new Map<string, Finding[]>();
  const digests = docs.map((d) => {
    const opts = { ...d.options, locale: options.locale ?? d.options?.locale };
    const analysis = analyze(d.text, opts);
    own.set(d.uri, analysis.findings);
    return digestReport(d.uri, analysis, opts);
  });
  const workspace = workspaceFindings(digests, options);
  const findings = new Map<string, WorkspaceFinding[]>();
  for (const d of docs) findings.set(d.uri, mergeFindings<WorkspaceFinding>(own.get(d.uri) ?? [], workspace.get(d.uri)));
  return { findings, workspace, digests, rows: summaryRows(digests, workspace) };
}
