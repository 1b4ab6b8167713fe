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
    // Open addressing in typed arrays (no Map): a row is a duplicate when both lanes match.
    // 2^21 slots for at most 10^6 rows keeps probes short; 24 MB whatever the file.
    const SIZE = 1 << 21;
    const MASK = SIZE - 1;
    const lane1 = new Int32Array(SIZE);
    const lane2 = new Int32Array(SIZE);
    const rowOf = new Int32Array(SIZE);
    const h = new Int32Array(2);
    let tracked = 0;
    return {
      row(row) {
        if (isBlankRow(row)) return;
        rowHash(row.values, h);
        const a = h[0];
        const b = h[1];
        let i = (Math.imul(a, 0x9e3779b1) >>> 11) & MASK;
        while (rowOf[i] !== 0) {
          if (lane1[i] === a && lane2[i] === b) {
            ctx.report({ loc: ctx.locateRow(row), params: { first: rowOf[i] } });
            return;
          }
          i = (i + 1) & MASK;
        }
        if (tracked >= MAX_TRACKED) return;
        tracked++;
        lane1[i] = a;
        lane2[i] = b;
        rowOf[i] = row.number;
      },
    };
  },
});
