import type { AnalyzeOptions, Finding, RuleSetting } from './analyze';
import type { ConfigFile } from './config';
import { editorText } from './editor-messages';
import { fixAll } from './fix';
import { cellName, rowName, tableName } from './labels';
import type { Locale, Range, TableId } from './model';
import type { TextEdit } from './rule';
import { RULES } from './rules';
import { INVARIANTS } from './schema/invariants';
import { comparePositions } from './text';
import { diffEdits } from './text-diff';

/** Code actions as plain data: the quick fixes of findings, fix-all, fix-all-totals and ignore entries. */

export const ARITHMETIC_CODES: ReadonlySet<string> = new Set(INVARIANTS.map((i) => i.code));

export interface EditAction {
  title: string;
  edits: TextEdit[];
  /** The obvious fix: the one VS Code applies with "auto fix". */
  isPreferred: boolean;
  findings: Finding[];
}

export interface IgnoreEntry {
  code: string;
  target?: string;
}

export function intersects(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** One quick fix per finding that offers a fix and touches the range. */
export function quickFixes(findings: Finding[], range: Range): EditAction[] {
  return findings
    .filter((f) => f.fix && intersects(f.range, range))
    .map((f) => ({ title: f.fix!.title, edits: f.fix!.edits, isPreferred: ARITHMETIC_CODES.has(f.code), findings: [f] }));
}

/** Every fix of the file, re-checked until nothing changes, as minimal edits of the original text. */
export function fixAllAction(text: string, options: AnalyzeOptions, findings: Finding[], locale: Locale): EditAction | undefined {
  if (!findings.some((f) => f.fix)) return undefined;
  const fixed = fixAll(text, options);
  const edits = diffEdits(text, fixed.text);
  if (edits.length === 0) return undefined;
  return { title: editorText('fixAll', locale, { count: edits.length }), edits, isPreferred: false, findings: findings.filter((f) => f.fix) };
}

/** Like fixAllAction, but only the arithmetic rules' fixes (totals and the one wrong cell of a sum). */
export function fixTotalsAction(text: string, options: AnalyzeOptions, findings: Finding[], locale: Locale): EditAction | undefined {
  const totals = findings.filter((f) => f.fix && ARITHMETIC_CODES.has(f.code));
  if (totals.length === 0) return undefined;
  const rules: Record<string, RuleSetting> = { ...options.rules };
  for (const rule of RULES) if (!ARITHMETIC_CODES.has(rule.code)) rules[rule.code] = 'off';
  const fixed = fixAll(text, { ...options, rules });
  const edits = diffEdits(text, fixed.text);
  if (edits.length === 0) return undefined;
  return { title: editorText('fixTotals', locale, { count: edits.length }), edits, isPreferred: false, findings: totals };
}

export function ignoreTitle(finding: Finding, locale: Locale): string {
  const target = finding.target && targetName(finding.target, locale);
  return finding.target
    ? editorText('ignoreTarget', locale, { code: finding.code, target: target ? `${locale === 'zh-CN' ? '：' : ': '}${target}` : '' })
    : editorText('ignoreCode', locale, { code: finding.code });
}

/** A table cell or row target in words (`表三「（一）予以公开」 自然人`); other targets are not shown. */
function targetName(target: string, locale: Locale): string | undefined {
  const m = /^(T[234])\.([^.]+)(?:\.([^.]+))?$/.exec(target);
  if (!m) return undefined;
  const table = m[1] as TableId;
  const space = locale === 'zh-CN' ? '' : ' ';
  if (m[3]) return `${tableName(table, locale)}${space}${cellName({ table, row: m[2], column: m[3] }, locale)}`;
  const row = rowName(table, m[2]);
  return row ? `${tableName(table, locale)}${space}${locale === 'zh-CN' ? `「${row}」` : `“${row}”`}` : tableName(table, locale);
}

/**
 * The config text with one more ignore entry (`file` relative to the config's folder, with `/`);
 * undefined when the entry is already there. Throws on a config that is not a JSON object.
 */
export function addIgnoreEntry(configText: string | undefined, file: string, entry: IgnoreEntry): string | undefined {
  const config: ConfigFile & Record<string, unknown> = configText?.trim() ? JSON.parse(configText.replace(/^\ufeff/, '')) : {};
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new Error('the config must be a JSON object');
  const ignore = Array.isArray(config.ignore) ? config.ignore : [];
  if (ignore.some((e) => e.file === file && e.code === entry.code && e.target === entry.target)) return undefined;
  const added = { file, code: entry.code, ...(entry.target !== undefined ? { target: entry.target } : {}) };
  config.ignore = [...ignore, added];
  return `${JSON.stringify(config, null, 2)}\n`;
}
