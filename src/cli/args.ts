// What every `odw` command shares: the usage error (exit 2) and the default language.
import type { Lang } from '../core/model';

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function defaultLang(): Lang {
  return /^fr/i.test(process.env.LC_ALL || process.env.LANG || '') ? 'fr' : 'en';
}

/** An output stream of the CLI (stdout or stderr), one line per call. */
export type Write = (s: string) => void;
