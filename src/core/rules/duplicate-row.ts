import { defineRule } from './rule';
import { isBlankRow } from './util';

/** Rows tracked before the rule stops looking (memory stays bounded on huge files). */
const MAX_TRACKED = 1_000_000;

/**
 * Two 32-bit lanes: FNV-1a over every character, and a per-cell signature (length, first and
 * last character). A false match needs both to collide: negligible, and half the cost of two
 * full lanes.
 */
function rowHash(values: string[], out: Int32Array): void {
  let a = 0x811c9dc5;
  let b = values.length;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const n = v.length;
    // Two UTF-16 units per step: half the multiplications (a missing last unit reads as 0).
    for (let i = 0; i < n; i += 2) a = Math.imul(a ^ (v.charCodeAt(i) | ((v.charCodeAt(i + 1) | 0) << 16)), 0x01000193);
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ n, 0x5bd1e995) ^ (n ? v.charCodeAt(0) * 65599 + v.charCodeAt(n - 1) : 0);
  }
  out[0] = a;
  out[1] = b;
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
    // Map keyed by the first lane as a small integer (no heap-number keys: fast and compact);
    // the second lane and the row number sit in typed arrays, so a match needs both lanes.
    const slot = new Map<number, number>();
    const lane2 = new Int32Array(MAX_TRACKED);
    const rowOf = new Int32Array(MAX_TRACKED);
    const h = new Int32Array(2);
    return {
      row(row) {
        if (isBlankRow(row)) return;
        rowHash(row.values, h);
        const key = h[0] >> 1;
        const i = slot.get(key);
        if (i !== undefined) {
          if (lane2[i] === h[1]) ctx.report({ loc: ctx.locateRow(row), params: { first: rowOf[i] } });
          return;
        }
        if (slot.size >= MAX_TRACKED) return;
        const n = slot.size;
        slot.set(key, n);
        lane2[n] = h[1];
        rowOf[n] = row.number;
      },
    };
  },
});
