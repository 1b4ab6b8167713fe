// code-fantoir (fr-format): a FANTOIR (RIVOLI) street code, 4 characters and a capital key
// letter. The FANTOIR file is not bundled: the shape is checked, not the existence.
import { frValueCheck, type Verdict } from './fr-value';

export function fantoirVerdict(v: string): Verdict | null {
  if (/^[0-9A-Z]{4}[A-HJ-NP-Z]$/.test(v)) return null;
  const up = v.toUpperCase();
  if (/^[0-9A-Z]{4}[A-HJ-NP-Z]$/.test(up)) return { en: `write it in capitals: ${up}`, fr: `à écrire en capitales : ${up}`, fix: up };
  if (/^[0-9A-Z]{4}$/.test(up)) return { en: 'the key letter (5th character) is missing', fr: 'la lettre clé (5e caractère) manque' };
  return {
    en: 'not a FANTOIR code: 4 characters then a key letter, e.g. 0010W (shape checked only)',
    fr: 'ce n’est pas un code FANTOIR : 4 caractères puis une lettre clé, ex. 0010W (forme seule vérifiée)',
  };
}

export const codeFantoir = frValueCheck('code-fantoir', () => fantoirVerdict);
