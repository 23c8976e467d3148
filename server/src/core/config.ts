import type { AnalyzeOptions, RuleSetting } from './analyze';
import type { FormatVersion } from './model';
import { RULES } from './rules';

/**
 * `.xxgk-lint.json`, shared by the CLI and the language server:
 * { "rules": { "cell-empty": "off" }, "blankAsZero": true, "formatVersion": "auto",
 *   "maxFileSize": 2000000, "ignore": [{ "file": "a.txt", "code": "cell-empty", "target": "T3.R1" }] }
 */
export interface ConfigFile {
  rules?: Record<string, RuleSetting>;
  blankAsZero?: boolean;
  formatVersion?: 'auto' | FormatVersion;
  maxFileSize?: number;
  /** Share (0–1] of 一/五 sentences identical to last year's report from which copied-text reports (default 0.5). */
  copiedTextThreshold?: number;
  /** `file` is relative to the config file's folder; without it the entry applies to every file. */
  ignore?: { file?: string; code: string; target?: string }[];
}

export const CONFIG_FILE_NAME = '.xxgk-lint.json';

const SETTINGS: RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Checks a parsed config; returns the problems found (empty when valid). */
export function validateConfig(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['the config must be a JSON object'];
  const c = value as Record<string, unknown>;
  const known = new Set(['rules', 'blankAsZero', 'formatVersion', 'maxFileSize', 'copiedTextThreshold', 'ignore', '$schema']);
  for (const k of Object.keys(c)) if (!known.has(k)) problems.push(`unknown key "${k}"`);
  if (c.rules !== undefined) {
    if (typeof c.rules !== 'object' || c.rules === null) problems.push('"rules" must be an object');
    else {
      for (const [code, setting] of Object.entries(c.rules)) {
        if (!RULES.some((r) => r.code === code)) problems.push(`unknown rule "${code}"`);
        if (!SETTINGS.includes(setting as RuleSetting)) problems.push(`rule "${code}": "${String(setting)}" is not one of ${SETTINGS.join(', ')}`);
      }
    }
  }
  if (c.blankAsZero !== undefined && typeof c.blankAsZero !== 'boolean') problems.push('"blankAsZero" must be true or false');
  if (c.formatVersion !== undefined && !['auto', '2019', '2021'].includes(c.formatVersion as string)) problems.push('"formatVersion" must be "auto", "2019" or "2021"');
  if (c.maxFileSize !== undefined && !(typeof c.maxFileSize === 'number' && c.maxFileSize > 0)) problems.push('"maxFileSize" must be a positive number');
  if (c.copiedTextThreshold !== undefined && !(typeof c.copiedTextThreshold === 'number' && c.copiedTextThreshold > 0 && c.copiedTextThreshold <= 1)) {
    problems.push('"copiedTextThreshold" must be a number in (0, 1]');
  }
  if (c.ignore !== undefined) {
    if (!Array.isArray(c.ignore)) problems.push('"ignore" must be an array');
    else c.ignore.forEach((e, i) => {
      if (typeof e !== 'object' || e === null || typeof (e as { code?: unknown }).code !== 'string') problems.push(`ignore[${i}] needs a "code"`);
    });
  }
  return problems;
}

/** The analysis options a config gives for one file (`relativePath` from the config's folder, with `/`). */
export function optionsFor(config: ConfigFile, relativePath: string): AnalyzeOptions {
  return {
    rules: config.rules,
    blankAsZero: config.blankAsZero,
    formatVersion: config.formatVersion,
    maxFileSize: config.maxFileSize,
    ignore: (config.ignore ?? [])
      .filter((e) => e.file === undefined || e.file.replace(/\\/g, '/').replace(/^\.\//, '') === relativePath)
      .map((e) => ({ code: e.code, target: e.target })),
  };
}
