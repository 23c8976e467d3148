import type { AnalyzeOptions, RuleSetting } from '../core/analyze';
import { DEFAULT_MAX_FILE_SIZE } from '../core/analyze';
import { ConfigFile, optionsFor } from '../core/config';
import type { Locale } from '../core/model';
import { ruleByCode } from '../core/rules';

/** The `xxgk.*` settings, read leniently: a wrong value falls back to its default. */
export interface EditorSettings {
  run: 'onType' | 'onSave';
  debounceMs: number;
  blankAsZero: boolean;
  formatVersion: 'auto' | '2019' | '2021';
  rules: Record<string, RuleSetting>;
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: EditorSettings = {
  run: 'onType',
  debounceMs: 200,
  blankAsZero: true,
  formatVersion: 'auto',
  rules: {},
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

const RULE_SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(value: unknown): EditorSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (typeof v.rules === 'object' && v.rules !== null) {
    for (const [code, s] of Object.entries(v.rules)) {
      if (ruleByCode(code) && typeof s === 'string' && RULE_SETTINGS.has(s)) rules[code] = s as RuleSetting;
    }
  }
  const num = (x: unknown, min: number, fallback: number) => (typeof x === 'number' && Number.isFinite(x) && x >= min ? x : fallback);
  return {
    run: v.run === 'onSave' ? 'onSave' : 'onType',
    debounceMs: num(v.debounceMs, 0, DEFAULT_SETTINGS.debounceMs),
    blankAsZero: typeof v.blankAsZero === 'boolean' ? v.blankAsZero : DEFAULT_SETTINGS.blankAsZero,
    formatVersion: v.formatVersion === '2019' || v.formatVersion === '2021' ? v.formatVersion : 'auto',
    rules,
    maxFileSize: num(v.maxFileSize, 1, DEFAULT_SETTINGS.maxFileSize),
  };
}

/**
 * Settings < .xxgk-lint.json: the config file is the project's shared choice (the CLI and CI read
 * it too), the settings are one person's defaults. Rules merge per code.
 */
export function mergeOptions(settings: EditorSettings, config: ConfigFile | undefined, relativePath: string, locale: Locale): AnalyzeOptions {
  const fromConfig = config ? optionsFor(config, relativePath) : {};
  return {
    locale,
    blankAsZero: fromConfig.blankAsZero ?? settings.blankAsZero,
    formatVersion: fromConfig.formatVersion ?? settings.formatVersion,
    maxFileSize: fromConfig.maxFileSize ?? settings.maxFileSize,
    rules: { ...settings.rules, ...fromConfig.rules },
    ignore: fromConfig.ignore,
  };
}
