import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { Locale } from '../core/model';
import { ConfigError, loadConfig, LoadedConfig } from './config';
import { EncodingName, ENCODINGS } from './decode';

/** What a command reads and writes: the process, or a test's stand-in. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The options every command takes for reading reports (for `parseArgs`). */
export const INPUT_OPTIONS = {
  locale: { type: 'string' },
  encoding: { type: 'string' },
  config: { type: 'string', short: 'c' },
} as const;

/** A usage error in --locale or --encoding, if any. */
export function inputOptionError(values: { locale?: string; encoding?: string }): string | undefined {
  if (values.locale && !['zh-CN', 'en'].includes(values.locale)) return `unknown locale "${values.locale}" (zh-CN or en)`;
  if (values.encoding && !ENCODINGS.includes(values.encoding as EncodingName)) return `unknown encoding "${values.encoding}" (${ENCODINGS.join(', ')})`;
  return undefined;
}

export interface Inputs {
  /** The config given with --config, if any. */
  config?: LoadedConfig;
  files: string[];
  /** Names that matched nothing (already reported). */
  missing: string[];
}

/**
 * Loads --config and expands the positionals; names that match nothing are reported on stderr
 * (after `prefix`). A usage error (bad config, no files) comes back as a string.
 */
export async function readInputs(positionals: string[], configPath: string | undefined, io: Io, prefix: string): Promise<Inputs | string> {
  let config: LoadedConfig | undefined;
  try {
    if (configPath) config = loadConfig(path.resolve(io.cwd, configPath));
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  const { files, missing } = await collectFiles(positionals, io.cwd);
  for (const m of missing) io.stderr(`${prefix}: ${m}: no such file, folder or matching glob\n`);
  if (files.length === 0) return 'no files to check';
  return { config, files, missing };
}

/** What a folder is searched for: text, Markdown, web pages, Word files and PDFs. */
const REPORT_FILES = ['**/*.txt', '**/*.md', '**/*.html', '**/*.htm', '**/*.docx', '**/*.pdf'];

/** Files named on the command line: files as given, folders searched for reports, globs expanded. */
export async function collectFiles(args: string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      files.push(arg);
    } else if (stat?.isDirectory()) {
      const found = await glob(REPORT_FILES, { cwd: abs, ignore: ['**/node_modules/**', '**/.git/**', '**/~$*'] });
      files.push(...found.sort().map((f) => path.join(arg, f)));
    } else {
      const found = await glob([arg], { cwd, ignore: ['**/node_modules/**'] });
      if (found.length) files.push(...found.sort());
      else missing.push(arg);
    }
  }
  return { files: [...new Set(files)], missing };
}

/** zh-CN when the environment's language is Chinese, else English. */
export function defaultLocale(env: Record<string, string | undefined>): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}
