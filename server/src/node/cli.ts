import { parseArgs } from 'node:util';
import type { Locale } from '../core/model';
import { RunOptions, workspaceThreshold } from './check';
import type { EncodingName } from './decode';
import { assemble, OutputFormat, renderFile } from './formatters';
import { renderReview } from './review';
import { defaultLocale, inputOptionError, INPUT_OPTIONS, Io, readInputs } from './inputs';
import { checkCommandFiles, RUN_OPTIONS, runOptionError, runOptionsHelp } from './run';
import { addWorkspaceFindings, runSummary } from './summary';

export { fixAll as fixText } from '../core/fix';
export { defaultLocale } from './inputs';
export type { Io } from './inputs';

const VERSION = '0.1.0';

const HELP = `Usage: xxgk-lint [options] <file|folder|glob>...
       xxgk-lint summary [options] <file|folder|glob>...   (one row per report; see summary --help)

Checks 政府信息公开工作年度报告 (government information disclosure annual reports).
Folders are searched for *.txt and *.md files.

Options:
  -f, --format <text|json|sarif|html>  output format (default: text); html: a review report to hand back
      --fix                       write the fixes into the files (atomically)
      --locale <zh-CN|en>         message language (default: from LANG)
      --encoding <name>           force utf-8, utf-16le, utf-16be or gb18030 (default: detect)
  -c, --config <file>             use this config instead of the nearest .xxgk-lint.json
      --max-file-size <chars>     larger files are not checked (default: 2000000)
${runOptionsHelp(34)}
  -h, --help                      show this help
  -v, --version                   show the version

Exit code: 0 no errors, 1 errors found, 2 usage or input problem (a file unreadable or not checked).
`;

/** The whole CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'summary') return runSummary(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        fix: { type: 'boolean', default: false },
        ...INPUT_OPTIONS,
        'max-file-size': { type: 'string' },
        ...RUN_OPTIONS,
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.stderr(`xxgk-lint: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
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
  if (!['text', 'json', 'sarif', 'html'].includes(values.format!)) return usage(`unknown format "${values.format}" (text, json, sarif or html)`);
  const inputError = inputOptionError(values);
  if (inputError) return usage(inputError);
  const maxFileSize = values['max-file-size'] !== undefined ? Number(values['max-file-size']) : undefined;
  if (maxFileSize !== undefined && !(maxFileSize > 0)) return usage('--max-file-size takes a positive number');
  const runError = runOptionError(values);
  if (runError) return usage(runError);
  if (positionals.length === 0) return usage('no input files (see --help)');

  const run: RunOptions = {
    cwd: io.cwd,
    format: values.format as OutputFormat,
    fix: values.fix!,
    locale: (values.locale as Locale | undefined) ?? defaultLocale(io.env),
    encoding: values.encoding as EncodingName | undefined,
    maxFileSize,
  };
  const inputs = await readInputs(positionals, values.config, io, 'xxgk-lint');
  if (typeof inputs === 'string') return usage(inputs);
  const { files, missing } = inputs;
  if (inputs.config) run.config = inputs.config;

  // The review report draws the tables, which the cache does not keep.
  const checked = await checkCommandFiles(files, run, run.format === 'html' ? { ...values, cache: false } : values, io, 'xxgk-lint');
  if (typeof checked === 'string') return usage(checked);
  addWorkspaceFindings(checked, { locale: run.locale, copiedTextThreshold: workspaceThreshold(run) });
  if (run.format === 'html') {
    for (const r of checked) if (r.error) io.stderr(`xxgk-lint: ${r.file}: ${r.error}\n`);
    io.stdout(renderReview(checked, run.locale, VERSION));
    if (missing.length || checked.some((r) => r.error || r.unchecked)) return 2;
    return checked.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  }
  const results = checked.map((r) => renderFile(r, run.format, run.locale));
  for (const r of results) {
    if (r.fixedEdits) io.stderr(`${r.file}: ${run.locale === 'zh-CN' ? `已修复（${r.fixedEdits} 处修改）` : `fixed (${r.fixedEdits} edit(s))`}\n`);
  }
  for (const r of results) if (r.fixRefused) io.stderr(`${r.file}: ${r.fixRefused}\n`);
  for (const r of results) if (r.error) io.stderr(`xxgk-lint: ${r.file}: ${r.error}\n`);

  for (const piece of assemble(results, run.format, run.locale, VERSION)) io.stdout(piece);

  if (missing.length || results.some((r) => r.error || r.unchecked)) return 2;
  return results.some((r) => r.counts.error > 0) ? 1 : 0;
}
