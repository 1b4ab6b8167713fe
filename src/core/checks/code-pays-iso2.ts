// code-pays-iso2 (fr-format): an ISO 3166-1 alpha-2 country code, in capitals.
import { frIndex } from '../fr/reference';
import { frValueCheck, type Verdict } from './fr-value';

export function iso2Verdict(v: string): Verdict | null {
  const x = frIndex();
  if (x.ref.countries[v]) return null;
  const up = v.toUpperCase();
  if (x.ref.countries[up]) return { en: `write it in capitals: ${up}`, fr: `à écrire en capitales : ${up}`, fix: up };
  if (x.alpha3.has(up))
    return {
      en: `an alpha-3 code; the alpha-2 code is ${x.alpha3.get(up)}`,
      fr: `code alpha-3 ; le code alpha-2 est ${x.alpha3.get(up)}`,
      fix: x.alpha3.get(up),
    };
  return { en: `not an alpha-2 country code of ${x.isoSource}`, fr: `ce n’est pas un code pays alpha-2 de ${x.isoSource}` };
}

export const codePaysIso2 = frValueCheck(
  'code-pays-iso2',
  () => iso2Verdict,
  () => frIndex().isoSource,
);
