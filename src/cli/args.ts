// What every `odw` command shares: the usage error (exit 2), its words (core/usage-words.ts) in
// the command line's language, and the default language.
import type { Lang, Text } from '../core/model';
import { langOf, usageWords, type UsageWords } from '../core/usage-words';
export { noValue } from '../core/usage-words';
import { assertSafeUrl } from '../core/portal/url';
import { PortalError } from '../core/portal/errors';

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function defaultLang(): Lang {
  return /^fr/i.test(process.env.LC_ALL || process.env.LANG || '') ? 'fr' : 'en';
}

/** The usage words of this command line: its `--lang`, else the locale's. */
export const wordsFor = (argv: readonly string[], usage?: Text): UsageWords => usageWords(langOf(argv, defaultLang()), usage);

/** An output stream of the CLI (stdout or stderr), one line per call. */
export type Write = (s: string) => void;

/** `--portal`: an HTTPS address (or loopback HTTP, for tests), else a usage error in `lang`. */
export function portalArg(raw: string, lang: Lang): string {
  try {
    assertSafeUrl(raw.trim());
  } catch (e) {
    if (e instanceof PortalError) throw new UsageError(`--portal${lang === 'fr' ? ' :' : ':'} ${e.messages[lang]}`);
    throw e;
  }
  return raw.trim().replace(/\/+$/, '');
}
