// canton (fr-format): a canton's name. The packages carry no list of cantons, so this checks
// what a name must be: words, not a code or a number (the verdict says it is shape only).
import { frValueCheck, type Verdict } from './fr-value';

export function cantonVerdict(v: string): Verdict | null {
  if (/^\d[\dAB]\d{0,3}$/.test(v))
    return {
      en: 'a code, not a canton name (no list of cantons is bundled: shape checked only)',
      fr: 'un code, pas un nom de canton (aucune liste de cantons fournie : forme seule vérifiée)',
    };
  if (/^[\p{L}][\p{L}\d\s'’.\-()/]*$/u.test(v) && !/\s{2,}|^\s|\s$/.test(v)) return null;
  return {
    en: 'not a canton name: letters, spaces, hyphens, apostrophes and digits only (shape checked only)',
    fr: 'ce n’est pas un nom de canton : lettres, espaces, traits d’union, apostrophes et chiffres seulement (forme seule vérifiée)',
  };
}

export const canton = frValueCheck('canton', () => cantonVerdict);
