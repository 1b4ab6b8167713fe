// Why the proposal maps a field as it does, as codes with their values, and the words for them
// in both languages. The English text is the `reason` of `odw map --format json` (a contract:
// it must not change); the French one is what `--lang fr` and the French panel show.
import type { Lang } from '../model';
import type { SourceKind } from './spec';

export type ReasonPart =
  /** How the column's label matched the field. */
  | { code: 'name' | 'synonym' | 'title' | 'ambiguous-synonym' | 'similar-name' }
  /** What the values looked like. */
  | { code: 'empty-column' | 'constant-public-siret' | 'same-value' | 'values-do-not-fit' | 'value-shape-siret' }
  /** The file names a kind of document the field belongs to (a synonym file's `context`). */
  | { code: 'document'; document: string }
  | { code: 'no-match' | 'period' | 'date-parts' | 'value-map' }
  /** The field's text goes on in another column. */
  | { code: 'continued'; column: string }
  /** Constants: the project's organisation, or `--set`. */
  | { code: 'organisation' | 'set' };

/** Where a constant comes from (`ProposeInput.constants`). */
export type ConstantReason = 'project organisation' | '--set';

export const constantReason = (r: ConstantReason): ReasonPart => ({ code: r === '--set' ? 'set' : 'organisation' });

const WORDS: Record<Exclude<ReasonPart['code'], 'document' | 'continued'>, { en: string; fr: string }> = {
  name: { en: 'name', fr: 'nom' },
  synonym: { en: 'synonym', fr: 'synonyme' },
  title: { en: 'title', fr: 'titre' },
  'ambiguous-synonym': { en: 'ambiguous synonym', fr: 'synonyme ambigu' },
  'similar-name': { en: 'similar name', fr: 'nom proche' },
  'empty-column': { en: 'empty column', fr: 'colonne vide' },
  'constant-public-siret': { en: 'constant public SIRET', fr: 'SIRET public constant' },
  'same-value': { en: 'same value on every row', fr: 'même valeur sur toutes les lignes' },
  'values-do-not-fit': { en: 'values do not fit the field', fr: 'valeurs qui ne conviennent pas au champ' },
  'value-shape-siret': { en: 'value shape: constant public SIRET', fr: 'forme des valeurs : SIRET public constant' },
  'no-match': { en: 'no matching column', fr: 'aucune colonne correspondante' },
  period: { en: 'period from start and end date columns', fr: 'période tirée des colonnes de date de début et de fin' },
  'date-parts': { en: 'date from day, month and year columns', fr: 'date tirée des colonnes jour, mois et année' },
  'value-map': { en: 'value map', fr: 'correspondance de valeurs' },
  organisation: { en: 'project organisation', fr: 'organisation du projet' },
  set: { en: '--set', fr: '--set' },
};

function partText(p: ReasonPart, lang: Lang): string {
  switch (p.code) {
    case 'document':
      return lang === 'fr' ? `fichier de type ${p.document}` : `the file is a ${p.document}`;
    case 'continued':
      return lang === 'fr' ? `suite dans « ${p.column} »` : `continued in “${p.column}”`;
    default:
      return WORDS[p.code][lang];
  }
}

/** The reason as a sentence fragment: the parts joined by commas. */
export function reasonText(why: readonly ReasonPart[], lang: Lang): string {
  return why.map((p) => partText(p, lang)).join(', ');
}

const KINDS: Record<SourceKind, { en: string; fr: string }> = {
  column: { en: 'column', fr: 'colonne' },
  constant: { en: 'constant', fr: 'constante' },
  expression: { en: 'expression', fr: 'expression' },
  none: { en: 'none', fr: 'aucune' },
};

/** The kind of source, as `odw map` prints it. */
export const kindText = (k: SourceKind, lang: Lang): string => KINDS[k][lang];
