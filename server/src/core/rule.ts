import type { ArithmeticResult } from './arithmetic';
import type { Cell, FormatVersion, Locale, Range, Report, Severity } from './model';
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

/** An edit set a finding offers: its fix (safe, applied by fix-all) or one of its suggestions. */
export interface FixDraft {
  messageId: string;
  params?: Params;
  edits: FixEdit[];
}

/** What a rule reports, before localization and configuration. */
export interface Draft {
  messageId: string;
  params?: Params;
  range: Range;
  /** Overrides the rule's severity, e.g. a sum with blank operands is only a warning. */
  severity?: Severity;
  related?: { range: Range; messageId: string; params?: Params }[];
  /** A safe fix: it cannot make a wrong report look right, so fix-all and `--fix` apply it. */
  fix?: FixDraft;
  /** Edits that hold only under a stated assumption: offered one by one, never applied in bulk. */
  suggestions?: FixDraft[];
  /** Stable key of what the finding is about (`T3.R3_1.TOT`, `section.6`), for ignore lists. */
  target?: string;
}

export interface RuleContext {
  report: Report;
  doc: LineIndex;
  /** The format the tables should use: forced by settings, else by the report year, else what they use. */
  expectedFormat?: FormatVersion;
  blankAsZero: boolean;
  arithmetic: ArithmeticResult;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  description: Localized;
  /** A paragraph for the rule's documentation. */
  docs: Localized;
  messages: Record<string, Localized>;
  /** The kind of the rule's fixes; every rule that offers a fix declares one. */
  fixKind?: FixKind;
  check(ctx: RuleContext): Draft[];
}

const compiled = new Map<string, (string | { param: string })[]>();

/** Fills `{name}` placeholders; templates are split once and reused. */
export function format(template: string, params: Params, locale: Locale): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/(\{\w+\})/).filter(Boolean).map((p) => (/^\{\w+\}$/.test(p) ? { param: p.slice(1, -1) } : p));
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
