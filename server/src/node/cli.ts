import { parseArgs } from 'node:util';
import type { Locale } from '../core/model';
import type { Localized } from '../core/rule';
import { RunOptions, workspaceThreshold } from './check';
import type { EncodingName } from '../shared/decode';
import { assemble, OutputFormat, renderFile } from './formatters';
import { INPUT_HELP, inputOptionError, INPUT_OPTIONS, Io, localeOption, readInputs } from './inputs';
import { cliLocale } from './locale';
import { choices, cliText, HELP_HEADINGS, HelpOption, helpOptions, parseArgsError } from './messages';
import { renderReview } from './review';
import { checkCommandFiles, FIX_HELP, FIX_OPTIONS, fixLog, fixRunOf, pdfTimeLimitOf, RUN_HELP, RUN_OPTIONS, runOptionError } from './run';
import { addWorkspaceFindings, runSummary } from './summary';

export { fixAll as fixText } from '../core/fix';
export type { Io } from './inputs';

const VERSION = '0.1.0';

const FORMATS = ['text', 'json', 'sarif', 'html'];

const USAGE: Localized = {
  'zh-CN': `用法：xxgk-lint [选项] <文件|文件夹|通配符>...
      xxgk-lint summary [选项] <文件|文件夹|通配符>...（每份报告一行，见 summary --help）

检查政府信息公开工作年度报告。给出文件夹时，检查其中的 *.txt、*.md、*.html、*.htm、*.mhtml、*.mht、*.docx 和 *.pdf 文件。
`,
  en: `Usage: xxgk-lint [options] <file|folder|glob>...
       xxgk-lint summary [options] <file|folder|glob>...   (one row per report; see summary --help)

Checks 政府信息公开工作年度报告 (government information disclosure annual reports).
Folders are searched for *.txt, *.md, *.html, *.htm, *.mhtml, *.mht, *.docx and *.pdf files.
`,
};

const OPTIONS: HelpOption[] = [
  [
    '  -f, --format <text|json|sarif|html>',
    {
      'zh-CN': '输出格式（默认：text）；html：可交回的审核意见',
      en: 'output format (default: text); html: a review report to hand back',
    },
  ],
  ...FIX_HELP,
  ...INPUT_HELP,
  [
    { 'zh-CN': '      --max-file-size <字符数>', en: '      --max-file-size <chars>' },
    { 'zh-CN': '超过此字符数的文件不检查（默认：2000000）', en: 'larger files are not checked (default: 2000000)' },
  ],
  ...RUN_HELP,
  ['  -h, --help', HELP_HEADINGS.help],
  ['  -v, --version', { 'zh-CN': '显示版本号', en: 'show the version' }],
];

const EXIT_CODES: Localized = {
  'zh-CN': '退出码：0表示没有错误，1表示发现错误，2表示用法或输入有误（有文件无法读取或未检查）。',
  en: 'Exit code: 0 no errors, 1 errors found, 2 usage or input problem (a file unreadable or not checked).',
};

const help = (locale: Locale) => `${USAGE[locale]}\n${HELP_HEADINGS.options[locale]}\n${helpOptions(OPTIONS, 39, locale)}\n\n${EXIT_CODES[locale]}\n`;

/** The whole CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'summary') return runSummary(argv.slice(1), io);
  const shownLocale = cliLocale(argv, io.env);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        ...FIX_OPTIONS,
        ...INPUT_OPTIONS,
        'max-file-size': { type: 'string' },
        ...RUN_OPTIONS,
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.stderr(`xxgk-lint: ${parseArgsError(e as Error, shownLocale)}\n\n${help(shownLocale)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(help(shownLocale));
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const usage = (msg: string) => {
    io.stderr(`xxgk-lint: ${msg}\n`);
    return 2;
  };
  const inputError = inputOptionError(values, shownLocale);
  if (inputError) return usage(inputError);
  const locale = localeOption(values) ?? shownLocale;
  if (!FORMATS.includes(values.format!)) return usage(cliText('unknownFormat', locale, { value: values.format!, choices: choices(FORMATS) }));
  const maxFileSize = values['max-file-size'] !== undefined ? Number(values['max-file-size']) : undefined;
  if (maxFileSize !== undefined && !(maxFileSize > 0)) return usage(cliText('maxFileSize', locale));
  const runError = runOptionError(values, locale);
  if (runError) return usage(runError);
  const fix = fixRunOf(values, locale);
  if (fix && 'error' in fix) return usage(fix.error);
  if (positionals.length === 0) return usage(cliText('noInput', locale));

  const run: RunOptions = {
    cwd: io.cwd,
    format: values.format as OutputFormat,
    fix,
    locale,
    encoding: values.encoding as EncodingName | undefined,
    maxFileSize,
    pdfTimeLimit: pdfTimeLimitOf(values),
  };
  const inputs = await readInputs(positionals, values.config, io, 'xxgk-lint', locale);
  if (typeof inputs === 'string') return usage(inputs);
  const { files, missing } = inputs;
  if (inputs.config) run.config = inputs.config;

  // The review report draws the tables, which the cache does not keep.
  const checked = await checkCommandFiles(files, run, run.format === 'html' ? { ...values, cache: false } : values, io, 'xxgk-lint');
  if (typeof checked === 'string') return usage(checked);
  addWorkspaceFindings(checked, { locale: run.locale, copiedTextThreshold: workspaceThreshold(run) });
  for (const r of checked) if (r.fixedEdits) io.stderr(fixLog(r, locale, fix ? fix.write : false));
  for (const r of checked) if (r.fixRefused) io.stderr(`${cliText('fileSays', locale, { file: r.file, text: r.fixRefused })}\n`);
  if (run.format === 'html') {
    for (const r of checked) if (r.error) io.stderr(`xxgk-lint: ${cliText('fileSays', locale, { file: r.file, text: r.error })}\n`);
    io.stdout(renderReview(checked, run.locale, VERSION));
    if (missing.length || checked.some((r) => r.error || r.unchecked)) return 2;
    return checked.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  }
  const results = checked.map((r) => renderFile(r, run.format, locale));
  for (const r of results) if (r.error) io.stderr(`xxgk-lint: ${cliText('fileSays', locale, { file: r.file, text: r.error })}\n`);

  for (const piece of assemble(results, run.format, run.locale, VERSION)) io.stdout(piece);

  if (missing.length || results.some((r) => r.error || r.unchecked)) return 2;
  return results.some((r) => r.counts.error > 0) ? 1 : 0;
}
