import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { analyze, AnalyzeOptions, Finding } from '../core/analyze';
import { optionsFor } from '../core/config';
import { applyEdits } from '../core/edits';
import type { Locale } from '../core/model';
import { ConfigError, findConfig, loadConfig, LoadedConfig } from './config';
import { decode, EncodingName, ENCODINGS, encode, hasUtf8Bom } from './decode';
import { FileResult, toJson, toSarif, toText } from './formatters';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

const VERSION = '0.1.0';

const HELP = `Usage: xxgk-lint [options] <file|folder|glob>...

Checks 政府信息公开工作年度报告 (government information disclosure annual reports).
Folders are searched for *.txt and *.md files.

Options:
  -f, --format <text|json|sarif>  output format (default: text)
      --fix                       write the fixes into the files (atomically)
      --locale <zh-CN|en>         message language (default: from LANG)
      --encoding <name>           force utf-8, utf-16le, utf-16be or gb18030 (default: detect)
  -c, --config <file>             use this config instead of the nearest .xxgk-lint.json
      --max-file-size <chars>     larger files are not checked (default: 2000000)
  -h, --help                      show this help
  -v, --version                   show the version

Exit code: 0 no errors, 1 errors found, 2 usage or input problem.
`;

export function defaultLocale(env: Io['env']): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

async function collectFiles(args: string[], io: Io): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(io.cwd, arg);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      files.push(arg);
    } else if (stat?.isDirectory()) {
      const found = await glob(['**/*.txt', '**/*.md'], { cwd: abs, ignore: ['**/node_modules/**', '**/.git/**'] });
      files.push(...found.sort().map((f) => path.join(arg, f)));
    } else {
      const found = await glob([arg], { cwd: io.cwd, ignore: ['**/node_modules/**'] });
      if (found.length) files.push(...found.sort());
      else missing.push(arg);
    }
  }
  return { files: [...new Set(files)], missing };
}

interface RunOptions {
  fix: boolean;
  locale: Locale;
  encoding?: EncodingName;
  config?: LoadedConfig;
  maxFileSize?: number;
}

function optionsForFile(abs: string, run: RunOptions, configs: Map<string, LoadedConfig>, searchCache: Map<string, string | null>): AnalyzeOptions {
  let loaded = run.config;
  if (!loaded) {
    const found = findConfig(abs, searchCache);
    if (found) {
      loaded = configs.get(found) ?? loadConfig(found);
      configs.set(found, loaded);
    }
  }
  const fromConfig = loaded ? optionsFor(loaded.config, path.relative(loaded.dir, abs).split(path.sep).join('/')) : {};
  return { ...fromConfig, locale: run.locale, maxFileSize: run.maxFileSize ?? fromConfig.maxFileSize };
}

const MAX_FIX_PASSES = 5;

/** Applies every offered fix, re-checking after each pass, until nothing more can be fixed. */
export function fixText(text: string, options: AnalyzeOptions): { text: string; edits: number } {
  let current = text;
  let edits = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const all = analyze(current, options).findings.flatMap((f: Finding) => f.fix?.edits ?? []);
    if (all.length === 0) break;
    const next = applyEdits(current, all);
    if (next === current) break;
    edits += all.length;
    current = next;
  }
  return { text: current, edits };
}

function writeAtomically(file: string, data: Buffer): void {
  const tmp = `${file}.xxgk-lint-${process.pid}.tmp`;
  const mode = fs.statSync(file).mode;
  fs.writeFileSync(tmp, data, { mode });
  fs.renameSync(tmp, file);
}

function checkFile(file: string, io: Io, run: RunOptions, configs: Map<string, LoadedConfig>, searchCache: Map<string, string | null>): FileResult {
  const abs = path.resolve(io.cwd, file);
  const fail = (error: string): FileResult => ({ file, year: null, formatVersion: null, findings: [], error });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return fail(`cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const decoded = decode(bytes, run.encoding);
  if (!decoded.ok) {
    return fail(decoded.reason === 'binary' ? 'not a text file (contains NUL bytes); skipped' : `cannot be decoded as ${run.encoding ?? 'UTF-8, UTF-16 or GB18030'}; skipped`);
  }
  const options = optionsForFile(abs, run, configs, searchCache);
  let text = decoded.text;
  if (run.fix) {
    const fixed = fixText(text, options);
    if (fixed.text !== text) {
      writeAtomically(abs, encode(fixed.text, decoded.encoding, hasUtf8Bom(bytes)));
      io.stderr(`${file}: ${run.locale === 'zh-CN' ? `已修复（${fixed.edits} 处修改）` : `fixed (${fixed.edits} edit(s))`}\n`);
      text = fixed.text;
    }
  }
  const analysis = analyze(text, options);
  return {
    file,
    year: analysis.report?.year ?? null,
    formatVersion: analysis.report?.format ?? null,
    findings: analysis.findings,
  };
}

/** The whole CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        fix: { type: 'boolean', default: false },
        locale: { type: 'string' },
        encoding: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'max-file-size': { type: 'string' },
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
  if (!['text', 'json', 'sarif'].includes(values.format!)) return usage(`unknown format "${values.format}" (text, json or sarif)`);
  if (values.locale && !['zh-CN', 'en'].includes(values.locale)) return usage(`unknown locale "${values.locale}" (zh-CN or en)`);
  if (values.encoding && !ENCODINGS.includes(values.encoding as EncodingName)) return usage(`unknown encoding "${values.encoding}" (${ENCODINGS.join(', ')})`);
  const maxFileSize = values['max-file-size'] !== undefined ? Number(values['max-file-size']) : undefined;
  if (maxFileSize !== undefined && !(maxFileSize > 0)) return usage('--max-file-size takes a positive number');
  if (positionals.length === 0) return usage('no input files (see --help)');

  const run: RunOptions = {
    fix: values.fix!,
    locale: (values.locale as Locale | undefined) ?? defaultLocale(io.env),
    encoding: values.encoding as EncodingName | undefined,
    maxFileSize,
  };
  try {
    if (values.config) run.config = loadConfig(path.resolve(io.cwd, values.config));
  } catch (e) {
    if (e instanceof ConfigError) return usage(e.message);
    throw e;
  }

  const { files, missing } = await collectFiles(positionals, io);
  for (const m of missing) io.stderr(`xxgk-lint: ${m}: no such file, folder or matching glob\n`);
  if (files.length === 0) return usage('no files to check');

  const configs = new Map<string, LoadedConfig>();
  const searchCache = new Map<string, string | null>();
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      results.push(checkFile(file, io, run, configs, searchCache));
    } catch (e) {
      if (e instanceof ConfigError) return usage(e.message);
      throw e;
    }
  }
  for (const r of results) if (r.error) io.stderr(`xxgk-lint: ${r.file}: ${r.error}\n`);

  if (values.format === 'json') io.stdout(toJson(results));
  else if (values.format === 'sarif') io.stdout(toSarif(results, run.locale, VERSION));
  else io.stdout(toText(results, run.locale));

  if (missing.length || results.some((r) => r.error)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
