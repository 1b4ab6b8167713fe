// Command lines of `odw map` and `odw standardise`: flags with one value each, `--set` repeatable.
import { defaultLang, noValue, UsageError, wordsFor, type Write } from './args';
import type { Lang, Text } from '../core/model';
import { StandardiseError } from '../core/standardise/errors';

export interface StdArgs {
  file: string;
  schema?: string;
  out?: string;
  recipe?: string;
  record?: string;
  sheet?: string;
  format: 'text' | 'json';
  lang: Lang;
  set: [string, string][];
}

export function parseStdArgs(argv: string[], allowed: readonly string[], usage: Text): StdArgs {
  const files: string[] = [];
  const a: StdArgs = { file: '', format: 'text', lang: defaultLang(), set: [] };
  const w = wordsFor(argv, usage);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith('--')) {
      files.push(flag);
      continue;
    }
    const name = flag.slice(2);
    if (!allowed.includes(name)) throw new UsageError(w.unknownOption(flag));
    const v = argv[++i];
    if (noValue(v)) throw new UsageError(w.needsValue(flag));
    if (name === 'set') {
      const eq = v.indexOf('=');
      if (eq <= 0) throw new UsageError(w.own(`--set needs field=value (got “${v}”)`, `--set attend champ=valeur (reçu « ${v} »)`));
      a.set.push([v.slice(0, eq).trim(), v.slice(eq + 1)]);
    } else if (name === 'format') {
      if (v !== 'text' && v !== 'json') throw new UsageError(w.oneOf('--format', ['text', 'json'], v));
      a.format = v;
    } else if (name === 'lang') {
      if (v !== 'en' && v !== 'fr') throw new UsageError(w.oneOf('--lang', ['en', 'fr'], v));
      a.lang = v;
    } else (a as unknown as Record<string, string>)[name] = v;
  }
  if (files.length !== 1) throw new UsageError(files.length ? w.oneFileOnly() : w.noFile());
  a.file = files[0];
  return a;
}

/** The exit code of a failed `odw map` / `odw standardise`, its message written: 2 usage or unreadable input, else 1. */
export function failure(e: unknown, command: string, lang: Lang, err: Write): number {
  if (e instanceof UsageError) {
    err(e.message);
    return 2;
  }
  if (e instanceof StandardiseError) {
    err(e.in(lang));
    return e.code === 'unreadable' ? 2 : 1;
  }
  err(`odw ${command}${lang === 'fr' ? ' :' : ':'} ${(e as Error).message}`);
  return 1;
}
