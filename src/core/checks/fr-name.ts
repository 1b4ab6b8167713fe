// The name checks of fr-format (commune, departement, region, pays) share one rule: the
// official spelling passes; a spelling off only by case, accents, hyphens or spaces is
// reported with the official one as its fix; a name that was official once (a merged commune,
// a former région) is explained; anything else is unknown to the reference.
import { looseName } from '../fr/reference';
import type { Verdict } from './fr-value';

export function nameVerdict(
  v: string,
  exact: (s: string) => boolean,
  loose: (k: string) => string[] | undefined,
  /** `fr` is the whole subject, with its gender: "aucune commune", "aucun département". */
  what: { en: string; fr: string },
  source: string,
  former?: (k: string) => Verdict | undefined,
): Verdict | null {
  if (exact(v)) return null;
  const k = looseName(v);
  const spellings = loose(k);
  if (spellings?.length === 1)
    return {
      en: `the official spelling is “${spellings[0]}” (${source})`,
      fr: `l’orthographe officielle est « ${spellings[0]} » (${source})`,
      fix: spellings[0],
    };
  if (spellings?.length)
    return {
      en: `official spellings: ${spellings.join(', ')} (${source})`,
      fr: `orthographes officielles : ${spellings.join(', ')} (${source})`,
    };
  const was = former?.(k);
  if (was) return was;
  return { en: `no ${what.en} has this name (${source})`, fr: `${what.fr} ne porte ce nom (${source})` };
}
