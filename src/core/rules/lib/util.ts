// Small helpers shared by rule files.
import type { Lang, Row, Text } from '../../model';

export const pick = (lang: Lang, t: Text): string => t[lang];

export function isBlank(v: string | undefined): boolean {
  if (v === undefined || v === '') return true;
  for (let i = 0; i < v.length; i++) if (!isSpace(v.charCodeAt(i))) return false;
  return true;
}

export function isBlankRow(row: Row): boolean {
  for (const v of row.values) if (!isBlank(v)) return false;
  return true;
}

/** ASCII whitespace, NBSP and narrow NBSP: what exports pad cells with. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f || c === 0x2007;
}

export function hasEdgeSpace(v: string): boolean {
  return v.length > 0 && (isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)));
}

export function trimAll(v: string): string {
  // trim() removes exactly \s (NBSP and the thin spaces included) in linear time; the former
  // /^\s+|\s+$/ retried from every space of a long inner run (quadratic on a cell of spaces).
  return v.trim();
}

/** A header label or sheet name in a message, cut when long (a 5 MB label must not be copied into each problem). */
export function cut(v: string, max = 80): string {
  return v.length > max ? v.slice(0, max - 1) + '…' : v;
}

/** Shows a value in a message: quoted (“…” in English, « … » in French), invisible characters made visible, long ones cut. */
export function show(v: string, max = 40, lang: Lang = 'en'): string {
  // Cut first: a 5 MB cell must not be rewritten whole to quote 40 characters of it.
  const cut = v.length > max;
  const s = (cut ? v.slice(0, max) : v)
    .replace(/\u00a0/g, '⍽')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  const shown = cut || s.length > max ? s.slice(0, max - 1) + '…' : s;
  return lang === 'fr' ? `« ${shown} »` : `“${shown}”`;
}

/** Keeps at most `max` deferred items per column so memory stays flat on huge files. */
export const MAX_DEFERRED = 5000;
