import { defineRule } from './rule';

const NAMES: Record<string, { en: string; fr: string }> = {
  ';': { en: 'semicolon', fr: 'point-virgule' },
  '\t': { en: 'tab', fr: 'tabulation' },
  '|': { en: 'pipe', fr: 'barre verticale' },
};

export default defineRule<{ delimiter: string }>({
  meta: {
    id: 'delimiter',
    severity: 'info',
    state: 'row-local',
    title: { en: 'Separator is not a comma', fr: 'Le séparateur n’est pas une virgule' },
    why: {
      en: 'Etalab’s CSV guidelines ask for a comma separator (RFC 4180). Semicolons are common in French exports and tolerated by data.gouv.fr, but some tools expect commas.',
      fr: 'Les recommandations CSV d’Etalab demandent la virgule comme séparateur (RFC 4180). Le point-virgule, fréquent dans les exports français, est toléré par data.gouv.fr mais certains outils attendent la virgule.',
    },
  },
  message(lang, p) {
    return lang === 'fr'
      ? `Séparateur « ${NAMES[p.delimiter]?.fr ?? p.delimiter} » : la norme recommande la virgule.`
      : `Separator is ${NAMES[p.delimiter]?.en ?? `“${p.delimiter}”`}: the standard recommends a comma.`;
  },
  create(ctx) {
    return {
      header(row) {
        const d = ctx.info.delimiter;
        if (d && d !== ',' && ctx.info.format === 'csv') ctx.report({ loc: ctx.locateRow(row), params: { delimiter: d } });
      },
    };
  },
});
