// When two separators split the file almost as well, the report says which one was read and
// why, so a user can reopen the file with the other (`--delimiter`, the setting, the status bar).
import { defineRule } from './rule';

export interface DelimiterChoiceParams {
  chosen: string;
  runnerUp: string;
  columns: number;
  runnerUpColumns: number;
  consistent: number;
  runnerUpConsistent: number;
}

const NAME: Record<string, { en: string; fr: string }> = {
  ',': { en: 'comma', fr: 'virgule' },
  ';': { en: 'semicolon', fr: 'point-virgule' },
  '\t': { en: 'tab', fr: 'tabulation' },
  '|': { en: 'pipe', fr: 'barre verticale' },
};
const name = (d: string, lang: 'en' | 'fr') => NAME[d]?.[lang] ?? (lang === 'fr' ? `« ${d} »` : `“${d}”`);
const pct = (x: number) => `${Math.round(x * 100)} %`;

export default defineRule<DelimiterChoiceParams>({
  meta: {
    id: 'delimiter-choice',
    severity: 'info',
    state: 'row-local',
    title: { en: 'Separator chosen between two close candidates', fr: 'Séparateur choisi entre deux candidats proches' },
    why: {
      en: 'The separator is detected from the header and from how consistently the first records split (trailing empty fields and quoted cells taken into account). When two candidates come close, a wrong guess turns every later finding into noise: the report says which one was read, and why.',
      fr: 'Le séparateur est détecté d’après l’en-tête et la régularité du découpage des premiers enregistrements (champs vides en fin de ligne et cellules entre guillemets pris en compte). Quand deux candidats sont proches, une erreur transforme tout le reste du rapport en bruit : le rapport dit lequel a été lu, et pourquoi.',
    },
    fix: {
      en: 'If the table looks wrong, read it with the other separator: `odw lint --delimiter`, the setting `openData.lint.delimiter`, or the status bar action.',
      fr: 'Si le tableau semble faux, lisez-le avec l’autre séparateur : `odw lint --delimiter`, le réglage `openData.lint.delimiter` ou l’action de la barre d’état.',
    },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `Séparateur ${name(p.chosen, 'fr')} retenu plutôt que ${name(p.runnerUp, 'fr')} : ${p.columns} colonnes nommées, ${pct(p.consistent)} des lignes découpées comme l’en-tête (contre ${p.runnerUpColumns} colonnes, ${pct(p.runnerUpConsistent)}).`
      : `Separator ${name(p.chosen, 'en')} chosen over ${name(p.runnerUp, 'en')}: ${p.columns} named columns, ${pct(p.consistent)} of the records split like the header (against ${p.runnerUpColumns} columns, ${pct(p.runnerUpConsistent)}).`,
  create(ctx) {
    return {
      header(row) {
        const c = ctx.info.delimiterChoice;
        if (c && ctx.info.delimiter) ctx.report({ loc: ctx.locateRow(row), params: { chosen: ctx.info.delimiter, ...c } });
      },
    };
  },
});
