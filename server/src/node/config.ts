import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigFile, validateConfig } from '../core/config';

export interface LoadedConfig {
  path: string;
  dir: string;
  config: ConfigFile;
}

export class ConfigError extends Error {}

export function loadConfig(file: string): LoadedConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new ConfigError(`${file}: invalid JSON (${(e as Error).message})`);
  }
  const problems = validateConfig(value);
  if (problems.length) throw new ConfigError(`${file}: ${problems.join('; ')}`);
  return { path: file, dir: path.dirname(file), config: value as ConfigFile };
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
