import type { AnalyzeOptions, RuleSetting } from './analyze';
import type { FormatVersion, Locale } from './model';
import { format, Localized, Params } from './rule';
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

const PROBLEMS = {
  notObject: { 'zh-CN': '配置应为 JSON 对象', en: 'the config must be a JSON object' },
  unknownKey: { 'zh-CN': '未知的键「{key}」', en: 'unknown key "{key}"' },
  rulesNotObject: { 'zh-CN': '“rules”应为对象', en: '"rules" must be an object' },
  unknownRule: { 'zh-CN': '未知的规则「{code}」', en: 'unknown rule "{code}"' },
  badSetting: { 'zh-CN': '规则 {code} 的取值「{setting}」无效（可用 {settings}）', en: 'rule "{code}": "{setting}" is not one of {settings}' },
  blankAsZero: { 'zh-CN': '“blankAsZero”应为 true 或 false', en: '"blankAsZero" must be true or false' },
  formatVersion: { 'zh-CN': '“formatVersion”应为“auto”“2019”或“2021”', en: '"formatVersion" must be "auto", "2019" or "2021"' },
  maxFileSize: { 'zh-CN': '“maxFileSize”应为正数', en: '"maxFileSize" must be a positive number' },
  copiedTextThreshold: { 'zh-CN': '“copiedTextThreshold”应为大于0且不大于1的数', en: '"copiedTextThreshold" must be a number in (0, 1]' },
  ignoreNotArray: { 'zh-CN': '“ignore”应为数组', en: '"ignore" must be an array' },
  ignoreCode: { 'zh-CN': 'ignore 的第{number}项缺少“code”', en: 'ignore[{index}] needs a "code"' },
} satisfies Record<string, Localized>;

/** Checks a parsed config; returns the problems found (empty when valid), worded in `locale`. */
export function validateConfig(value: unknown, locale: Locale = 'en'): string[] {
  const problems: string[] = [];
  const problem = (id: keyof typeof PROBLEMS, params: Params = {}) => problems.push(format(PROBLEMS[id][locale], params, locale));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [PROBLEMS.notObject[locale]];
  const c = value as Record<string, unknown>;
  const known = new Set(['rules', 'blankAsZero', 'formatVersion', 'maxFileSize', 'copiedTextThreshold', 'ignore', '$schema']);
  for (const k of Object.keys(c)) if (!known.has(k)) problem('unknownKey', { key: k });
  if (c.rules !== undefined) {
    if (typeof c.rules !== 'object' || c.rules === null) problem('rulesNotObject');
    else {
      for (const [code, setting] of Object.entries(c.rules)) {
        if (!RULES.some((r) => r.code === code)) problem('unknownRule', { code });
        if (!SETTINGS.includes(setting as RuleSetting)) {
          problem('badSetting', { code, setting: String(setting), settings: SETTINGS.join(locale === 'zh-CN' ? '、' : ', ') });
        }
      }
    }
  }
  if (c.blankAsZero !== undefined && typeof c.blankAsZero !== 'boolean') problem('blankAsZero');
  if (c.formatVersion !== undefined && !['auto', '2019', '2021'].includes(c.formatVersion as string)) problem('formatVersion');
  if (c.maxFileSize !== undefined && !(typeof c.maxFileSize === 'number' && c.maxFileSize > 0)) problem('maxFileSize');
  if (c.copiedTextThreshold !== undefined && !(typeof c.copiedTextThreshold === 'number' && c.copiedTextThreshold > 0 && c.copiedTextThreshold <= 1)) {
    problem('copiedTextThreshold');
  }
  if (c.ignore !== undefined) {
    if (!Array.isArray(c.ignore)) problem('ignoreNotArray');
    else
      c.ignore.forEach((e, i) => {
        if (typeof e !== 'object' || e === null || typeof (e as { code?: unknown }).code !== 'string') problem('ignoreCode', { index: i, number: i + 1 });
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
