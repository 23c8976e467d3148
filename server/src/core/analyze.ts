import { ArithmeticResult, checkArithmetic } from './arithmetic';
import { Finding, findingsOf, RuleSetting } from './findings';
import type { FormatVersion, Locale, Report } from './model';
import { parseReport } from './parse/report';
import type { ReadDocument, ReadProblemKind, ViewGrid } from './read/document';
import { Draft, Rule, RuleContext } from './rule';
import { RULES } from './rules';
import { inputUnreadable, unreadableDraft } from './rules/input-unreadable';
import { effectiveFormat, expectedFormat } from './schema/formats';
import { comparePositions, LineIndex } from './text';

export type { Finding, RuleSetting } from './findings';

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

export interface Analysis {
  doc: LineIndex;
  report?: Report;
  arithmetic?: ArithmeticResult;
  /** With the report: the format its tables are read and named in (`effectiveFormat`, as the rules use it). */
  format?: FormatVersion;
  findings: Finding[];
  /** False when the file was not checked at all (too large, unreadable): not a clean report. */
  checked?: false;
}

/** The findings of a rule that `analyze` reports instead of checking (too large, unreadable). */
function notChecked(rule: Rule, drafts: Draft[], doc: LineIndex, options: AnalyzeOptions): Analysis {
  return { doc, findings: findingsOf(rule, drafts, options, options.locale ?? 'zh-CN'), checked: false };
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
  return notChecked(inputUnreadable, [unreadableDraft(problem, detail)], new LineIndex(''), options);
}

function analyzeView(text: string, grids: ViewGrid[] | undefined, options: AnalyzeOptions): Analysis {
  const locale = options.locale ?? 'zh-CN';
  const input = { text, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  for (const rule of RULES) {
    const drafts = rule.checkInput?.(input) ?? [];
    if (drafts.length) return notChecked(rule, drafts, new LineIndex(text.slice(0, 1000)), options);
  }
  const { doc, report } = parseReport(text, grids);
  const blankAsZero = options.blankAsZero ?? true;
  const forced = options.formatVersion && options.formatVersion !== 'auto' ? options.formatVersion : undefined;
  const ctx: RuleContext = {
    report,
    doc,
    expectedFormat: forced ?? expectedFormat(report.year),
    format: effectiveFormat(report, forced),
    blankAsZero,
    arithmetic: checkArithmetic(report, blankAsZero),
  };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (options.rules?.[rule.code] === 'off') continue;
    findings.push(...findingsOf(rule, rule.check(ctx), options, locale, options.brief));
  }
  const order = new Map(RULES.map((r, i) => [r.code, i]));
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || order.get(a.code)! - order.get(b.code)!);
  return { doc, report, arithmetic: ctx.arithmetic, format: ctx.format, findings };
}
