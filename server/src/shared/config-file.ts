import { ConfigFile, validateConfig } from '../core/config';
import type { Locale } from '../core/model';
import { format, Localized, Params } from '../core/rule';

/**
 * `.xxgk-lint.json` text → a checked config, for the CLI and the language server alike; reading the
 * file and finding the nearest one are the callers' business (they have different file systems).
 */

const CONFIG_MESSAGES = {
  configUnreadable: { 'zh-CN': '{file}：无法读取（{code}）', en: '{file}: cannot read ({code})' },
  configNotJson: { 'zh-CN': '{file}：不是有效的 JSON{where}', en: '{file}: invalid JSON{where}' },
  configJsonAt: { 'zh-CN': '（第{line}行第{column}列）', en: ' (line {line}, column {column})' },
  configJsonTruncated: { 'zh-CN': '（内容不完整）', en: ' (cut short)' },
  configInvalid: { 'zh-CN': '{file}：{problems}', en: '{file}: {problems}' },
} satisfies Record<string, Localized>;

export function configText(id: keyof typeof CONFIG_MESSAGES, locale: Locale, params: Params = {}): string {
  return format(CONFIG_MESSAGES[id][locale], params, locale);
}

export interface LoadedConfig {
  path: string;
  dir: string;
  config: ConfigFile;
}

export class ConfigError extends Error {}

/** Parses and checks a config's text; its problems are thrown as a ConfigError worded in `locale`. */
export function parseConfig(raw: string, file: string, locale: Locale = 'en'): ConfigFile {
  let value: unknown;
  const text = raw.replace(/^\ufeff/, '');
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(configText('configNotJson', locale, { file, where: jsonErrorPlace(text, (e as Error).message, locale) }));
  }
  const problems = validateConfig(value, locale);
  if (problems.length) throw new ConfigError(configText('configInvalid', locale, { file, problems: problems.join(locale === 'zh-CN' ? '；' : '; ') }));
  return value as ConfigFile;
}

/** Where JSON.parse stopped, as line and column (its own message names an offset, in English only). */
function jsonErrorPlace(text: string, message: string, locale: Locale): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return /end of JSON input/.test(message) ? configText('configJsonTruncated', locale) : '';
  const before = text.slice(0, Number(at[1])).split('\n');
  return configText('configJsonAt', locale, { line: before.length, column: before[before.length - 1].length + 1 });
}
