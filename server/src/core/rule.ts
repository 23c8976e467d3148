import type { ArithmeticResult } from './arithmetic';
import type { Cell, FormatVersion, Locale, Range, Report, Severity } from './model';
import type { ReportDigest } from './report-digest';
import type { LineIndex } from './text';

export type Localized = Record<Locale, string>;
/** Message parameters; a Localized value is resolved in the message's locale. */
export type Params = Record<string, string | number | Localized>;

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * What a fix changes, for `--fix-type`: corrected sums, blanks filled with 0, cell notation
 * (placeholders, units), headings, row labels, years.
 */
export const FIX_KINDS = ['sums', 'blanks', 'cells', 'headings', 'labels', 'years'] as const;
export type FixKind = (typeof FIX_KINDS)[number];

/** An edit of a fix, with what it changes named for the `--fix` log (`表三「（一）予以公开」 总计`). */
export interface FixEdit<Name = Localized> extends TextEdit {
  subject: Name;
}

/**
 * An edit set a finding offers: its fix (safe, applied by fix-all) or one of its suggestions.
 * `Id` is the union of the rule's message ids, so a misspelt id does not compile.
 */
export interface FixDraft<Id extends string = string> {
  messageId: Id;
  params?: Params;
  edits: FixEdit[];
}

/** Related information: another place that explains the finding. */
export interface RelatedDraft<Id extends string = string> {
  range: Range;
  messageId: Id;
  params?: Params;
  /** The document the range is in, when it is not the finding's own (cross-file rules). */
  uri?: string;
}

/** What a rule reports, before localization and configuration. */
export interface Draft<Id extends string = string> {
  messageId: Id;
  params?: Params;
  range: Range;
  /** Overrides the rule's severity, e.g. a sum with blank operands is only a warning. */
  severity?: Severity;
  related?: RelatedDraft<Id>[];
  /** A safe fix: it cannot make a wrong report look right, so fix-all and `--fix` apply it. */
  fix?: FixDraft<Id>;
  /** Edits that hold only under a stated assumption: offered one by one, never applied in bulk. */
  suggestions?: FixDraft<Id>[];
  /** Stable key of what the finding is about (`T3.R3_1.TOT`, `section.6`), for ignore lists. */
  target?: string;
}

export interface RuleContext {
  report: Report;
  doc: LineIndex;
  /** The format the tables should use: forced by settings, else by the report year, else what they use. */
  expectedFormat?: FormatVersion;
  /** The format the tables are read and named in: theirs, else the expected one, else 2021 (`effectiveFormat`). */
  format: FormatVersion;
  blankAsZero: boolean;
  arithmetic: ArithmeticResult;
}

/** What a rule sees of a file before it is read as a report. */
export interface InputContext {
  text: string;
  /** Texts longer than this (in UTF-16 code units) are not checked. */
  maxFileSize: number;
}

/** What a cross-file rule sees besides the two reports it compares. */
export interface WorkspaceContext {
  /** Share (0–1] of copied sentences from which `copied-text` reports; undefined: its default. */
  copiedTextThreshold?: number;
  /** Whether the reports of two or more other bodies in the folder tree hold the sentence (by its fingerprint). */
  isCommonSentence(fingerprint: string): boolean;
}

/**
 * An example for the rule's documentation: a passage of a correct report (`valid`), the same
 * passage as the rule flags it (`flagged`) and, for a rule with a fix, after the fix (`fixed`).
 * test/unit/rule-examples.test.ts puts `flagged` in place of `valid` in a correct report and checks
 * that the rule reports there and that its fix gives `fixed`, so the documentation cannot go stale.
 */
export interface RuleExample {
  valid: string;
  flagged: string;
  fixed?: string;
  /** The report year and table format of the correct report the passage is taken from (default 2021). */
  format?: FormatVersion;
}

export interface Rule<Id extends string = string> {
  code: string;
  defaultSeverity: Severity;
  description: Localized;
  /** A paragraph for the rule's documentation. */
  docs: Localized;
  messages: Record<Id, Localized>;
  /** The kind of the rule's fixes; every rule that offers a fix declares one (see `isFixable`). */
  fixKind?: FixKind;
  /** Shown in the rule's documentation; verified by a unit test. */
  example?: RuleExample;
  /** Per file: the report as read. */
  check(ctx: RuleContext): Draft<NoInfer<Id>>[];
  /** Before the file is read; a finding here means the file is not checked at all. */
  checkInput?(input: InputContext): Draft<NoInfer<Id>>[];
  /** Across files: a report and the same body's report for the year before (see core/workspace.ts). */
  checkWorkspace?(current: ReportDigest, previous: ReportDigest, ctx: WorkspaceContext): Draft<NoInfer<Id>>[];
}

/**
 * Declares a rule with its message ids taken from `messages`: a `messageId` in `check`, a related
 * location or a fix that names no message is a compile error.
 */
export function defineRule<Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** Whether the rule offers fixes that fix-all and `--fix` apply. */
export function isFixable(rule: Pick<Rule, 'fixKind'>): boolean {
  return rule.fixKind !== undefined;
}

const compiled = new Map<string, (string | { param: string })[]>();

/** Fills `{name}` placeholders; templates are split once and reused. */
export function format(template: string, params: Params, locale: Locale): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template
      .split(/(\{\w+\})/)
      .filter(Boolean)
      .map((p) => (/^\{\w+\}$/.test(p) ? { param: p.slice(1, -1) } : p));
    compiled.set(template, parts);
  }
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const v = params[part.param];
    out += v === undefined ? `{${part.param}}` : typeof v === 'object' ? v[locale] : String(v);
  }
  return out;
}

export function cellTarget(cell: Pick<Cell, 'table' | 'row' | 'column'>): string {
  return `${cell.table}.${cell.row}.${cell.column}`;
}
