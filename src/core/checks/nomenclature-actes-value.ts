// nomenclature-actes-value: `<Matière>/<détail>` where the prefix is one of the nine
// headings of the "Actes" nomenclature (case- and accent-insensitive), with no space
// around the slash (Délibérations' DELIB_MATIERE_NOM).
import { show } from '../rules/lib/util';
import { columnParam, type CustomCheck } from './check';

const HEADINGS = [
  'Commande publique',
  'Urbanisme',
  'Domaine et patrimoine',
  'Fonction publique',
  'Institutions et vie politique',
  'Libertés publiques et pouvoirs de police',
  'Finances locales',
  'Domaines de compétences par thèmes',
  'Autres domaines de compétences',
];

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const KNOWN = new Set(HEADINGS.map(norm));

/** The check under Validata's name (`nomenclature-actes-value`) or fr-format's (`nomenclature-acte`). */
export const nomenclatureCheck = (name: string): CustomCheck => ({
  name,
  create(params, env) {
    const f = columnParam(params, 'column', name, env);
    if (f < 0) return null;
    const fr = env.lang === 'fr';
    const say = (v: string, why: string) =>
      fr
        ? `La valeur ${show(v, 40, 'fr')} ne respecte pas le format des nomenclatures d’actes (${why}).`
        : `${show(v)} does not follow the “Actes” nomenclature format (${why}).`;
    return {
      row(row, values) {
        const v = values[f];
        if (typeof v !== 'string' || v === '') return;
        const slash = v.indexOf('/');
        if (slash < 0) {
          env.cell(row, f, name, say(v, fr ? 'le signe oblique « / » est manquant' : 'the slash “/” is missing'));
          return;
        }
        const prefix = v.slice(0, slash);
        if (KNOWN.has(norm(prefix)) && !v.includes('/ ')) return;
        const spaced = KNOWN.has(norm(prefix.trimEnd())) || v.includes('/ ');
        const why = spaced
          ? fr
            ? 'le signe oblique ne doit pas être précédé ni suivi d’espace'
            : 'no space is allowed around the slash'
          : fr
            ? `le préfixe de nomenclature Actes ${show(prefix, 40, 'fr')} n’est pas reconnu`
            : `the “Actes” heading ${show(prefix)} is not recognised; expected one of: ${HEADINGS.join(', ')}`;
        env.cell(row, f, name, say(v, why));
      },
    };
  },
});

export const nomenclatureActesValue = nomenclatureCheck('nomenclature-actes-value');
