// code-postal (fr-format): a postal code of La Poste's base (the codes-postaux package).
// Monaco's 98000 is delivered by La Poste and accepted, though Monaco is not a commune.
import { frIndex } from '../fr/reference';
import { frValueCheck, type Verdict } from './fr-value';

const MONACO = '98000';

export function postalCodeVerdict(v: string): Verdict | null {
  const x = frIndex();
  if (x.postal.has(v) || v === MONACO) return null;
  if (/^\d{4}$/.test(v) && x.postal.has('0' + v))
    return {
      en: `a postal code has 5 digits: 0${v} lost its leading zero`,
      fr: `un code postal a 5 chiffres : 0${v} a perdu son zéro initial`,
      fix: '0' + v,
    };
  const compact = v.replace(/\s+/g, '');
  if (compact !== v && x.postal.has(compact))
    return { en: `write it without spaces: ${compact}`, fr: `à écrire sans espace : ${compact}`, fix: compact };
  if (!/^\d{5}$/.test(v)) return { en: 'not a postal code (5 digits)', fr: 'ce n’est pas un code postal (5 chiffres)' };
  return { en: `no such postal code in ${x.postalSource}`, fr: `code postal inconnu de ${x.postalSource}` };
}

export const codePostal = frValueCheck(
  'code-postal',
  () => postalCodeVerdict,
  () => frIndex().postalSource,
);
