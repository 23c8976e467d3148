import { ArithmeticResult, checkArithmetic } from './arithmetic';
import type { FormatVersion, Locale, Range, Report, Severity } from './model';
import { parseReport } from './parse/report';
import type { ReadDocument, ReadProblemKind, SourceLocation, ViewGrid } from './read/document';
import { Draft, FixDraft, FixEdit, FixKind, format, Rule, RuleContext } from './rule';
import { RULES } from './rules';
import { inputSize } from './rules/input-size';
import { inputUnreadable } from './rules/input-unreadable';
import { expectedFormat } from './schema/formats';
import { comparePositions, LineIndex } from './text';

export type RuleSetting = Severity | 'off';

export interface AnalyzeOptions {
  locale?: Locale;
  /** Count blank cells as 0 in the sums (default true); when false, sums with blanks are skipped. */
  blankAsZero?: boolean;
  formatVersion?: 'auto' | FormatVersion;
  rules?: Record<string, RuleSetting>;
  /** Larger texts (in UTF-16 code units) get one `input-size` finding instead of a check. */
  maxFileSize?: number;
  /** Findings to leave out, by rule code and (optionally) target. */
  ignore?: { code: string; target?: string }[];
  /** Leave out related information and fixes (a plain text listing shows neither); default false. */
  brief?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 2_000_000;

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** In a PDF or DOCX: the page and box, or the table cell, the range's text came from. */
  location?: SourceLocation;
  related?: { range: Range; message: string }[];
  /** The safe fix, which fix-all and `--fix` apply. */
  fix?: { title: string; kind: FixKind; edits: FixEdit<string>[] };
  /** Fixes that rest on an assumption the title states; offered one by one, never in bulk. */
  suggestions?: { title: string; edits: FixEdit<string>[] }[];
  target?: string;
}

export interface Analysis {
  doc: LineIndex;
  report?: Report;
  arithmetic?: ArithmeticResult;
  findings: Finding[];
  /** False when the file was not checked at all (too large, unreadable): not a clean report. */
  checked?: false;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function localize(rule: Rule, draft: Draft, locale: Locale, severity: Severity, brief = false): Finding {
  const text = (id: string, params: Draft['params'] = {}) => format(rule.messages[id]?.[locale] ?? id, params, locale);
  const finding: Finding = { code: rule.code, severity, message: text(draft.messageId, draft.params), range: draft.range };
  if (draft.target) finding.target = draft.target;
  if (brief) return finding;
  if (draft.related?.length) finding.related = draft.related.map((r) => ({ range: r.range, message: text(r.messageId, r.params) }));
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

/** The severity a finding gets: the configured one, but never above what the rule itself allows here. */
function severityOf(rule: Rule, draft: Draft, setting: RuleSetting | undefined): Severity | undefined {
  if (setting === 'off') return undefined;
  const configured = setting ?? rule.defaultSeverity;
  const cap = draft.severity;
  return cap && SEVERITY_RANK[cap] > SEVERITY_RANK[configured] ? cap : configured;
}

/** One finding of a rule that `analyze` reports instead of checking (too large, unreadable). */
function notChecked(rule: Rule, draft: Draft, doc: LineIndex, options: AnalyzeOptions): Analysis {
  const severity = severityOf(rule, draft, options.rules?.[rule.code]);
  return { doc, findings: severity ? [localize(rule, draft, options.locale ?? 'zh-CN', severity)] : [], checked: false };
}

/**
 * Whether an ignore entry covers the finding: the same code, and no target or the finding's. An entry
 * written before sub-heading targets were ordinals (`subheading.<line>`) names the sub-heading's line.
 */
export function isIgnored(ignore: AnalyzeOptions['ignore'], code: string, draft: Pick<Draft, 'target' | 'range'>): boolean {
  return (
    ignore?.some((i) => {
      if (i.code !== code) return false;
      if (i.target === undefined || i.target === draft.target) return true;
      const line = /^subheading\.(\d+)$/.exec(i.target)?.[1];
      return line !== undefined && /\.subheading\.\d+$/.test(draft.target ?? '') && draft.range.start.line === Number(line);
    }) ?? false
  );
}

/** text → findings: the one entry point the CLI, the language server and the tests share. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeView(text, undefined, options);
}

/** A structured source's view → findings, its grids' cells taken as the reader found them. */
export function analyzeDocument(document: ReadDocument, options: AnalyzeOptions = {}): Analysis {
  return analyzeView(document.text, document.grids, options);
}

/** A source that could not be read: one `input-unreadable` finding and no check. */
export function unreadable(problem: ReadProblemKind, detail: string | undefined, options: AnalyzeOptions = {}): Analysis {
  const doc = new LineIndex('');
  const params = { detail: detail ? { 'zh-CN': `（${detail}）`, en: ` (${detail})` } : '' };
  return notChecked(inputUnreadable, { messageId: problem, params, range: doc.range(0, 0, 0), target: 'input' }, doc, options);
}

function analyzeView(text: string, grids: ViewGrid[] | undefined, options: AnalyzeOptions): Analysis {
  const locale = options.locale ?? 'zh-CN';
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > limit) {
    const doc = new LineIndex(text.slice(0, 1000));
    return notChecked(inputSize, { messageId: 'tooLarge', params: { size: text.length, limit }, range: doc.range(0, 0, 0) }, doc, options);
  }
  const { doc, report } = parseReport(text, grids);
  const blankAsZero = options.blankAsZero ?? true;
  const forced = options.formatVersion && options.formatVersion !== 'auto' ? options.formatVersion : undefined;
  const ctx: RuleContext = {
    report,
    doc,
    expectedFormat: forced ?? expectedFormat(report.year),
    blankAsZero,
    arithmetic: checkArithmetic(report, blankAsZero),
  };
  const findings: Finding[] = [];
  RULES.forEach((rule) => {
    if (options.rules?.[rule.code] === 'off') return;
    for (const draft of rule.check(ctx)) {
      const severity = severityOf(rule, draft, options.rules?.[rule.code]);
      if (!severity || isIgnored(options.ignore, rule.code, draft)) continue;
      findings.push(localize(rule, draft, locale, severity, options.brief));
    }
  });
  const order = new Map(RULES.map((r, i) => [r.code, i]));
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || order.get(a.code)! - order.get(b.code)!);
  return { doc, report, arithmetic: ctx.arithmetic, findings };
}
