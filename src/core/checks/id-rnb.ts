// id-rnb: an identifier of the Référentiel National des Bâtiments, 12 characters of an
// alphabet without 0, O or I (they read alike); written grouped (PG46-YY6Y-WCX8) it is
// accepted with a warning and the plain form as fix.
import { frValueCheck, type Verdict } from './fr-value';

const RNB = /^[1-9A-HJ-NP-Z]{12}$/;

export function rnbVerdict(v: string): Verdict | null {
  if (RNB.test(v)) return null;
  const clean = v.replace(/[\s\-_]/g, '').toUpperCase();
  if (RNB.test(clean))
    return {
      en: `write the RNB identifier as 12 capitals without separators: ${clean}`,
      fr: `identifiant RNB à écrire en 12 capitales sans séparateur : ${clean}`,
      severity: 'warning',
      fix: clean,
    };
  if (clean.length === 12 && /[0OI]/.test(clean))
    return { en: 'RNB identifiers never contain 0, O or I', fr: 'un identifiant RNB ne contient jamais 0, O ni I' };
  return {
    en: 'not an RNB identifier (12 characters, e.g. PG46YY6YWCX8)',
    fr: 'ce n’est pas un identifiant RNB (12 caractères, ex. PG46YY6YWCX8)',
  };
}

export const idRnb = frValueCheck('id-rnb', () => rnbVerdict);
