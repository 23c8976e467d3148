import type { Locale } from '../core/model';

/** `C`, `POSIX` and their variants (`C.UTF-8`) set a character set, not a language. */
const NO_LANGUAGE = /^(c|posix)([._@].*)?$/i;

/** The language a locale name (`zh_CN.UTF-8`, `zh-Hans`, `en_US`, `de`) asks for, if it names one. */
function languageOf(name: string): Locale | undefined {
  if (!name || NO_LANGUAGE.test(name)) return undefined;
  return /^zh([-_.@]|$)/i.test(name) ? 'zh-CN' : 'en';
}

/** What the machine says about its language beyond the environment variables. */
export interface SystemLocale {
  platform: NodeJS.Platform;
  /** The locale Intl resolves by default (`zh-CN`, `en-US`). */
  intl: () => string;
}

const PROCESS_SYSTEM: SystemLocale = {
  platform: process.platform,
  intl: () => Intl.DateTimeFormat().resolvedOptions().locale,
};

/**
 * The CLI's language: Chinese unless the user's locale names another language. The variables are
 * read in POSIX precedence — LC_ALL, LC_MESSAGES, LANG — then LANGUAGE (a `:` list); one that is
 * empty or names no language (`C.UTF-8`) passes the question on. When none names a language,
 * Windows's own display language decides (Intl reads it there); elsewhere Intl only mirrors these
 * same variables and would turn "no language" into en-US, so the answer stays Chinese.
 */
export function localeFromEnvironment(env: Record<string, string | undefined>, system: SystemLocale = PROCESS_SYSTEM): Locale {
  for (const name of [env.LC_ALL, env.LC_MESSAGES, env.LANG, ...(env.LANGUAGE ?? '').split(':')]) {
    const language = languageOf(name?.trim() ?? '');
    if (language) return language;
  }
  if (system.platform === 'win32') {
    try {
      return languageOf(system.intl()) ?? 'zh-CN';
    } catch {
      return 'zh-CN';
    }
  }
  return 'zh-CN';
}

/** A `--locale` value as a locale (`zh-CN`, `zh-cn`, `zh`, `en`, `en-US`), or undefined if it names neither. */
export function parseLocaleOption(value: string): Locale | undefined {
  if (/^zh([-_](cn|hans|sg))?$/i.test(value)) return 'zh-CN';
  if (/^en([-_][a-z]{2})?$/i.test(value)) return 'en';
  return undefined;
}

/** The `--locale` given anywhere in `argv` (also `--locale=xx`), for messages written before the options are parsed. */
function localeInArgs(argv: string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const value = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice('--locale='.length) : undefined;
    if (value !== undefined) return parseLocaleOption(value);
  }
  return undefined;
}

/** The run's locale: `--locale` if given, else the environment's. */
export function cliLocale(argv: string[], env: Record<string, string | undefined>, system?: SystemLocale): Locale {
  return localeInArgs(argv) ?? localeFromEnvironment(env, system);
}
