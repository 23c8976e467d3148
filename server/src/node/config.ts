import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigFile, validateConfig } from '../core/config';
import type { Locale } from '../core/model';
import { cliText } from './messages';

export interface LoadedConfig {
  path: string;
  dir: string;
  config: ConfigFile;
}

export class ConfigError extends Error {}

/** Reads and checks a config; its problems are thrown as a ConfigError worded in `locale`. */
export function loadConfig(file: string, locale: Locale = 'en'): LoadedConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(cliText('configUnreadable', locale, { file, code: (e as NodeJS.ErrnoException).code ?? 'error' }));
  }
  let value: unknown;
  const text = raw.replace(/^\ufeff/, '');
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(cliText('configNotJson', locale, { file, where: jsonErrorPlace(text, (e as Error).message, locale) }));
  }
  const problems = validateConfig(value, locale);
  if (problems.length) throw new ConfigError(cliText('configInvalid', locale, { file, problems: problems.join(locale === 'zh-CN' ? '；' : '; ') }));
  return { path: file, dir: path.dirname(file), config: value as ConfigFile };
}

/** Where JSON.parse stopped, as line and column (its own message names an offset, in English only). */
function jsonErrorPlace(text: string, message: string, locale: Locale): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return /end of JSON input/.test(message) ? cliText('configJsonTruncated', locale) : '';
  const before = text.slice(0, Number(at[1])).split('\n');
  return cliText('configJsonAt', locale, { line: before.length, column: before[before.length - 1].length + 1 });
}

/** The nearest `.xxgk-lint.json` in the file's folder or above it. */
export function findConfig(fromFile: string, cache = new Map<string, string | null>()): string | undefined {
  let dir = path.dirname(path.resolve(fromFile));
  const visited: string[] = [];
  for (;;) {
    const cached = cache.get(dir);
    if (cached !== undefined) {
      for (const v of visited) cache.set(v, cached);
      return cached ?? undefined;
    }
    visited.push(dir);
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) {
      for (const v of visited) cache.set(v, candidate);
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      for (const v of visited) cache.set(v, null);
      return undefined;
    }
    dir = parent;
  }
}
