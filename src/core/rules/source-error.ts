// Reported by readers when the bytes cannot be read as a table (frictionless `source-error`).
import { defineRule } from './rule';

export interface SourceErrorParams {
  kind: 'empty' | 'header-only' | 'binary' | 'nul' | 'row-too-large' | 'missing-quote' | 'invalid-quote' | 'unreadable';
  detail?: string;
}

const en: Record<SourceErrorParams['kind'], string> = {
  empty: 'The file is empty: there is no header row.',
  'header-only': 'The file has a header row but no data rows.',
  binary: 'This is not a text table (binary content). If it is a spreadsheet, give it its real extension (.xlsx, .ods).',
  nul: 'The file holds NUL bytes: it is binary or UTF-16 without a byte-order mark, not a CSV.',
  'row-too-large': 'A single row is larger than 32 MB: the file is probably not a CSV (or a quote is never closed).',
  'missing-quote': 'A quoted cell is never closed: everything after the opening quote is read as one cell.',
  'invalid-quote': 'A quote appears in the middle of a cell: double it ("") or quote the whole cell.',
  unreadable: 'The file could not be read.',
};
const fr: Record<SourceErrorParams['kind'], string> = {
  empty: 'Le fichier est vide : il n’a pas de ligne d’en-tête.',
  'header-only': 'Le fichier a une ligne d’en-tête mais aucune ligne de données.',
  binary: 'Ce n’est pas un tableau texte (contenu binaire). S’il s’agit d’un classeur, donnez-lui sa vraie extension (.xlsx, .ods).',
  nul: 'Le fichier contient des octets NUL : il est binaire ou en UTF-16 sans BOM, ce n’est pas un CSV.',
  'row-too-large': 'Une seule ligne dépasse 32 Mo : ce n’est probablement pas un CSV (ou un guillemet n’est jamais fermé).',
  'missing-quote': 'Une cellule entre guillemets n’est jamais fermée : tout ce qui suit est lu comme une seule cellule.',
  'invalid-quote': 'Un guillemet apparaît au milieu d’une cellule : doublez-le ("") ou mettez toute la cellule entre guillemets.',
  unreadable: 'Le fichier n’a pas pu être lu.',
};

export default defineRule<SourceErrorParams>({
  meta: {
    id: 'source-error',
    severity: 'error',
    state: 'row-local',
    title: { en: 'The file cannot be read as a table', fr: 'Le fichier ne peut pas être lu comme un tableau' },
    why: {
      en: 'A file that tools cannot parse cannot be validated, previewed on data.gouv.fr or reused.',
      fr: 'Un fichier que les outils ne savent pas lire ne peut être ni validé, ni prévisualisé sur data.gouv.fr, ni réutilisé.',
    },
  },
  message: (lang, p) => (lang === 'fr' ? fr : en)[p.kind] + (p.detail ? ` (${p.detail})` : ''),
  create: () => ({}),
});
