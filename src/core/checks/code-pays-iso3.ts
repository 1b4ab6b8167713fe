// code-pays-iso3 (fr-format): an ISO 3166-1 alpha-3 country code, in capitals.
import { frIndex } from '../fr/reference';
import { frValueCheck, type Verdict } from './fr-value';

export function iso3Verdict(v: string): Verdict | null {
  const x = frIndex();
  if (x.alpha3.has(v)) return null;
  const up = v.toUpperCase();
  if (x.alpha3.has(up)) return { en: `write it in capitals: ${up}`, fr: `à écrire en capitales : ${up}`, fix: up };
  const a2 = x.ref.countries[up];
  if (a2) return { en: `an alpha-2 code; the alpha-3 code is ${a2[0]}`, fr: `code alpha-2 ; le code alpha-3 est ${a2[0]}`, fix: a2[0] };
  return { en: `not an alpha-3 country code of ${x.isoSource}`, fr: `ce n’est pas un code pays alpha-3 de ${x.isoSource}` };
}

export const codePaysIso3 = frValueCheck(
  'code-pays-iso3',
  () => iso3Verdict,
  () => frIndex().isoSource,
);
