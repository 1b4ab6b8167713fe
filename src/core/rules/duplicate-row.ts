import { defineRule } from './rule';
import { isBlankRow } from './util';

/** Rows tracked before the rule stops looking (memory stays bounded on huge files). */
const MAX_TRACKED = 1_000_000;

/** 52-bit hash of the row's cells (two FNV-1a lanes): collisions are negligible at this scale. */
function rowHash(values: string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x5bd1e995);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

export default defineRule<{ first: number }>({
  meta: {
    id: 'duplicate-row',
    severity: 'warning',
    title: { en: 'Duplicate row', fr: 'Ligne en double' },
    why: {
      en: 'An identical row counted twice inflates totals (a grant listed twice doubles its amount).',
      fr: 'Une ligne identique comptée deux fois fausse les totaux (une subvention listée deux fois double son montant).',
    },
    fix: { en: 'Check whether the row is a real second record; delete it otherwise.', fr: 'Vérifiez s’il s’agit d’un second enregistrement réel ; sinon supprimez-la.' },
  },
  message: (lang, p) =>
    lang === 'fr' ? `Ligne identique à la ligne ${p.first}.` : `Row is identical to row ${p.first}.`,
  create(ctx) {
    const seen = new Map<number, number>();
    return {
      row(row) {
        if (isBlankRow(row)) return;
        const h = rowHash(row.values);
        const first = seen.get(h);
        if (first !== undefined) ctx.report({ loc: ctx.locateRow(row), params: { first } });
        else if (seen.size < MAX_TRACKED) seen.set(h, row.number);
      },
    };
  },
});
