import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config';
import type { Locale } from '../core/model';
import { ConfigError, configText, LoadedConfig, parseConfig } from '../shared/config-file';

export { ConfigError, LoadedConfig };

/** Reads and checks a config from disk; its problems are thrown as a ConfigError worded in `locale`. */
export function loadConfig(file: string, locale: Locale = 'en'): LoadedConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(configText('configUnreadable', locale, { file, code: (e as NodeJS.ErrnoException).code ?? 'error' }));
  }
  return { path: file, dir: path.dirname(file), config: parseConfig(raw, file, locale) };
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
