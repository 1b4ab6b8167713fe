// A problem's severity in words, for the text outputs (the JSON and SARIF keep the ids).
import type { Lang, Severity } from './model';

const WORDS: Record<Severity, Record<Lang, string>> = {
  error: { en: 'error', fr: 'erreur' },
  warning: { en: 'warning', fr: 'avertissement' },
  info: { en: 'info', fr: 'info' },
};

export const severityWord = (s: Severity, lang: Lang): string => WORDS[s][lang];

/** The width of the severity column of the text report: its longest word. */
export const severityWidth = (lang: Lang): number => Math.max(...Object.values(WORDS).map((w) => w[lang].length));

/**
 * A compiler-style line, `file:line:column: error: message` (`at` = "line:column", or empty).
 * French translates the severity and spaces the colons that end words, not the location's.
 */
export function locatedLine(path: string, at: string, severity: Severity, message: string, lang: Lang): string {
  if (lang === 'en') return `${path}:${at ? `${at}:` : ''} ${severity}: ${message}`;
  return `${path}${at ? `:${at}:` : ' :'} ${severityWord(severity, lang)} : ${message}`;
}
