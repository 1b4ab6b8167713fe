import { defineRule } from './rule';
import { show, trimAll } from './lib/util';
import { EDGE_SPACE } from '../engine/cell-marks';
import { parseNumber } from '../values/number';

/** Accounting-format amounts (` 1 063 850,00 `, ` - `) are number-format's: one squiggle, one fix. */
function isAccountingNumber(s: string): boolean {
  const p = parseNumber(s);
  return p !== null && p.issues.length > 1;
}

export default defineRule<{ value: string; nbsp: boolean }>({
  meta: {
    id: 'cell-whitespace',
    severity: 'warning',
    state: 'row-local',
    title: { en: 'Spaces around a value', fr: 'Espaces autour d’une valeur' },
    why: {
      en: '“ASSIANA ” and “ASSIANA” do not match when data is joined or filtered; non-breaking spaces are invisible and worse.',
      fr: '« ASSIANA  » et « ASSIANA » ne correspondent pas lors d’une jointure ou d’un filtre ; les espaces insécables, invisibles, sont pires.',
    },
    fix: {
      en: 'Trim the value (quick fix, or fix all in the file).',
      fr: 'Supprimez les espaces (correction rapide, ou tout corriger dans le fichier).',
    },
  },
  message(lang, p) {
    const nb = p.nbsp ? (lang === 'fr' ? ' (espace insécable)' : ' (non-breaking space)') : '';
    return lang === 'fr'
      ? `La valeur ${show(p.value, 40, 'fr')} commence ou finit par une espace${nb}.`
      : `Value ${show(p.value)} starts or ends with whitespace${nb}.`;
  },
  create(ctx) {
    return {
      row(row) {
        const m = ctx.marks;
        if (!(m.any & EDGE_SPACE)) return;
        const v = row.values;
        for (let k = 0; k < m.count; k++) {
          if (!(m.marks[k] & EDGE_SPACE)) continue;
          const i = m.at[k];
          const s = v[i];
          const value = trimAll(s);
          if (value === '' || isAccountingNumber(s)) continue;
          // Slices, not /\u00a0\s*$/: that regex scans on from every NBSP of a long run.
          const lead = s.length - s.trimStart().length;
          const trail = s.length - s.trimEnd().length;
          const nbsp = s.slice(0, lead).includes('\u00a0') || s.slice(s.length - trail).includes('\u00a0');
          ctx.report({ loc: ctx.locate(row, i + 1), params: { value: s, nbsp }, fix: { kind: 'set-cell', value } });
        }
      },
    };
  },
});
