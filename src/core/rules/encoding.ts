// Reported by the reader (it knows the bytes); the rule holds the message and docs.
import { defineRule } from './rule';

export interface EncodingParams {
  kind: 'legacy' | 'bom-lies' | 'replacement';
  encoding: string;
}

export default defineRule<EncodingParams>({
  meta: {
    id: 'encoding',
    severity: 'warning',
    state: 'row-local',
    title: { en: 'File is not UTF-8', fr: 'Le fichier n’est pas en UTF-8' },
    why: {
      en: 'Open data is published in UTF-8 (Etalab CSV guidelines, data.gouv.fr). Windows-1252 or Latin-1 files show “Ã©” instead of “é” for most re-users.',
      fr: 'Les données ouvertes se publient en UTF-8 (recommandations CSV d’Etalab, data.gouv.fr). Un fichier Windows-1252 ou Latin-1 affiche « Ã© » au lieu de « é » chez la plupart des réutilisateurs.',
    },
    fix: {
      en: 'Run “Open Data: Clean Dataset…” and tick the encoding repair, or save the file as “UTF-8” from your spreadsheet.',
      fr: 'Lancez « Open Data : Nettoyer le jeu de données… » et cochez la conversion d’encodage, ou enregistrez le fichier en « UTF-8 » depuis votre tableur.',
    },
  },
  message(lang, p) {
    if (p.kind === 'bom-lies')
      return lang === 'fr'
        ? `Le fichier commence par une marque UTF-8 (BOM) mais son contenu est en ${p.encoding} : les accents seront corrompus.`
        : `The file starts with a UTF-8 byte-order mark but its body is ${p.encoding}: accents will be garbled.`;
    if (p.kind === 'replacement')
      return lang === 'fr'
        ? `Caractères illisibles : le fichier est en ${p.encoding}, pas en UTF-8. Rouvrez-le avec cet encodage puis convertissez-le en UTF-8.`
        : `Unreadable characters: the file is ${p.encoding}, not UTF-8. Reopen it with that encoding, then convert it to UTF-8.`;
    return lang === 'fr'
      ? `Le fichier est encodé en ${p.encoding} ; les données ouvertes se publient en UTF-8.`
      : `The file is encoded as ${p.encoding}; open data is published as UTF-8.`;
  },
  create: () => ({}),
});
