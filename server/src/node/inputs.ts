import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { Locale } from '../core/model';
import { ConfigError, loadConfig, LoadedConfig } from './config';
import { EncodingName, ENCODINGS } from '../shared/decode';
import { parseLocaleOption } from './locale';
import { choices, cliText, HelpOption } from './messages';

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

/** The help lines of `INPUT_OPTIONS`. */
export const INPUT_HELP: HelpOption[] = [
  [
    '      --locale <zh-CN|en>',
    {
      'zh-CN': '消息语言（默认：中文，除非 LC_ALL、LC_MESSAGES、LANG 或 LANGUAGE 指明其他语言）',
      en: 'message language (default: Chinese unless LC_ALL, LC_MESSAGES, LANG or LANGUAGE name another)',
    },
  ],
  [
    { 'zh-CN': '      --encoding <编码>', en: '      --encoding <name>' },
    {
      'zh-CN': `指定编码：${choices(ENCODINGS)['zh-CN']}（默认：自动识别）`,
      en: `force ${choices(ENCODINGS).en} (default: detect)`,
    },
  ],
  [
    { 'zh-CN': '  -c, --config <文件>', en: '  -c, --config <file>' },
    {
      'zh-CN': '使用此配置文件，不再查找最近的 .xxgk-lint.json',
      en: 'use this config instead of the nearest .xxgk-lint.json',
    },
  ],
];

/** A usage error in --locale or --encoding, if any (in `locale`). */
export function inputOptionError(values: { locale?: string; encoding?: string }, locale: Locale): string | undefined {
  if (values.locale !== undefined && !parseLocaleOption(values.locale)) return cliText('unknownLocale', locale, { value: values.locale });
  if (values.encoding && !ENCODINGS.includes(values.encoding as EncodingName)) {
    return cliText('unknownEncoding', locale, { value: values.encoding, choices: choices(ENCODINGS) });
  }
  return undefined;
}

/** The locale --locale names, if given (valid: see inputOptionError). */
export function localeOption(values: { locale?: string }): Locale | undefined {
  return values.locale === undefined ? undefined : parseLocaleOption(values.locale);
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
export async function readInputs(positionals: string[], configPath: string | undefined, io: Io, prefix: string, locale: Locale): Promise<Inputs | string> {
  let config: LoadedConfig | undefined;
  try {
    if (configPath) config = loadConfig(path.resolve(io.cwd, configPath), locale);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  const { files, missing } = await collectFiles(positionals, io.cwd);
  for (const m of missing) io.stderr(`${prefix}: ${cliText('missing', locale, { name: m })}\n`);
  if (files.length === 0) return cliText('noFiles', locale);
  return { config, files, missing };
}

/** What a folder is searched for: text, Markdown, web pages, Word files and PDFs. */
const REPORT_FILES = ['**/*.txt', '**/*.md', '**/*.html', '**/*.htm', '**/*.mhtml', '**/*.mht', '**/*.docx', '**/*.pdf'];

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
