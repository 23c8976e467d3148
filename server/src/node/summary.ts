import { parseArgs } from 'node:util';
import type { Finding } from '../core/analyze';
import type { Locale } from '../core/model';
import type { Localized } from '../core/rule';
import type { ReportDigest } from '../core/report-digest';
import { mergeFindings, summaryRows, SummaryRow, WorkspaceFinding, workspaceFindings, WorkspaceOptions } from '../core/workspace';
import { RunOptions, workspaceThreshold } from './check';
import type { EncodingName } from '../shared/decode';
import { toSummaryCsv, toSummaryText } from '../shared/summary-table';
import { INPUT_HELP, inputOptionError, INPUT_OPTIONS, Io, localeOption, readInputs } from './inputs';
import { cliLocale } from './locale';
import { choices, cliText, HELP_HEADINGS, HelpOption, helpOptions, parseArgsError } from './messages';
import { checkCommandFiles, pdfTimeLimitOf, RUN_HELP, RUN_OPTIONS, runOptionError } from './run';

/**
 * `xxgk-lint summary <folder|file|glob>...`: one row per report (organ, year, format, findings,
 * 新收, 办结, 结转, 复议, 诉讼) as an aligned text table, CSV or JSON, the workspace checks included.
 * Also `addWorkspaceFindings`, which the lint mode calls to add carry-over and copied-text.
 */

const SUMMARY_USAGE: Localized = {
  'zh-CN': `用法：xxgk-lint summary [选项] <文件|文件夹|通配符>...

每份报告输出一行：机关、年度、格式、错误、警告、提示，以及新收、办结、结转、复议、诉讼。
计数包括对所给文件进行的跨文件检查（carry-over、copied-text）。
`,
  en: `Usage: xxgk-lint summary [options] <file|folder|glob>...

Prints one row per report: organ, year, format, errors, warnings, information,
新收 (received), 办结 (concluded), 结转 (carried over), 复议 (reviews), 诉讼 (lawsuits).
Counts include the workspace checks (carry-over, copied-text) across the files given.
`,
};

const SUMMARY_OPTIONS: HelpOption[] = [
  ['  -f, --format <text|csv|json>', { 'zh-CN': '输出格式（默认：text）', en: 'output format (default: text)' }],
  ['      --bom', { 'zh-CN': 'CSV 输出以 UTF-8 BOM 开头（便于 Excel 打开）', en: 'start CSV output with a UTF-8 BOM (for Excel)' }],
  ...INPUT_HELP,
  [
    { 'zh-CN': '      --copied-text-threshold <比例>', en: '      --copied-text-threshold <x>' },
    {
      'zh-CN': 'copied-text 的阈值：与上年相同的句子所占比例，大于0且不大于1（默认：0.5）',
      en: 'share of copied sentences (0–1] for copied-text (default: 0.5)',
    },
  ],
  ...RUN_HELP,
  ['  -h, --help', HELP_HEADINGS.help],
];

const SUMMARY_EXIT: Localized = {
  'zh-CN': '退出码：0表示完成，2表示用法或输入有误。',
  en: 'Exit code: 0 done, 2 usage or input problem.',
};

export function summaryHelp(locale: Locale): string {
  return `${SUMMARY_USAGE[locale]}\n${HELP_HEADINGS.options[locale]}\n${helpOptions(SUMMARY_OPTIONS, 38, locale)}\n\n${SUMMARY_EXIT[locale]}\n`;
}

// ------------------------------------------------------------------ lint mode

/** What the lint mode holds per file; `digest` is made next to `analyze` (see digestReport). */
export interface WorkspaceCapable {
  file: string;
  findings: Finding[];
  digest?: ReportDigest;
  error?: string;
}

/**
 * Adds the cross-file findings (carry-over, copied-text) to each result's own findings, in place,
 * in the order `analyze` uses. Results without a digest (unreadable files) take no part.
 */
export function addWorkspaceFindings<T extends WorkspaceCapable>(results: T[], options: WorkspaceOptions = {}): T[] {
  const digests = results.filter((r) => !r.error && r.digest).map((r) => r.digest!);
  if (digests.length < 2) return results;
  const extra = workspaceFindings(digests, options);
  for (const r of results) {
    if (!r.digest) continue;
    const more = extra.get(r.digest.uri);
    if (more) r.findings = mergeFindings<WorkspaceFinding>(r.findings, more);
  }
  return results;
}

// ------------------------------------------------------------------ output

export function toSummaryJson(rows: SummaryRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

// ------------------------------------------------------------------ the command

const SUMMARY_FORMATS = ['text', 'csv', 'json'];

export async function runSummary(args: string[], io: Io): Promise<number> {
  const shownLocale = cliLocale(args, io.env);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        bom: { type: 'boolean', default: false },
        ...INPUT_OPTIONS,
        'copied-text-threshold': { type: 'string' },
        ...RUN_OPTIONS,
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`xxgk-lint summary: ${parseArgsError(e as Error, shownLocale)}\n\n${summaryHelp(shownLocale)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(summaryHelp(shownLocale));
    return 0;
  }
  const usage = (msg: string) => {
    io.stderr(`xxgk-lint summary: ${msg}\n`);
    return 2;
  };
  const optionError = inputOptionError(values, shownLocale);
  if (optionError) return usage(optionError);
  const locale = localeOption(values) ?? shownLocale;
  if (!SUMMARY_FORMATS.includes(values.format!)) return usage(cliText('unknownFormat', locale, { value: values.format!, choices: choices(SUMMARY_FORMATS) }));
  const runError = runOptionError(values, locale);
  if (runError) return usage(runError);
  let threshold: number | undefined;
  if (values['copied-text-threshold'] !== undefined) {
    threshold = Number(values['copied-text-threshold']);
    if (!(threshold > 0 && threshold <= 1)) return usage(cliText('threshold', locale));
  }
  if (positionals.length === 0) return usage(cliText('noInput', locale));
  const encoding = values.encoding as EncodingName | undefined;

  const inputs = await readInputs(positionals, values.config, io, 'xxgk-lint summary', locale);
  if (typeof inputs === 'string') return usage(inputs);
  const { files, missing, config: forced } = inputs;

  const run: RunOptions = { cwd: io.cwd, format: 'json', fix: false, locale, encoding, config: forced, pdfTimeLimit: pdfTimeLimitOf(values) };
  const results = await checkCommandFiles(files, run, values, io, 'xxgk-lint summary');
  if (typeof results === 'string') return usage(results);
  const digests: ReportDigest[] = [];
  let failed = false;
  for (const result of results) {
    if (result.error || !result.digest) {
      io.stderr(`xxgk-lint summary: ${cliText('fileSays', locale, { file: result.file, text: result.error ?? '' })}\n`);
      failed = true;
      continue;
    }
    digests.push(result.digest);
  }
  threshold = workspaceThreshold(run, threshold);
  const extra = workspaceFindings(digests, { locale, copiedTextThreshold: threshold });
  const rows = summaryRows(digests, extra);
  if (values.format === 'json') io.stdout(toSummaryJson(rows));
  else if (values.format === 'csv') io.stdout(toSummaryCsv(rows, locale, values.bom));
  else io.stdout(toSummaryText(rows, locale));
  return missing.length || failed ? 2 : 0;
}
