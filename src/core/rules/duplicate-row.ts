import type { Loc } from '../model';
import { defineRule, type Shift } from './rule';
import { isBlankRow } from './util';

/** Rows tracked before the rule stops looking (memory stays bounded on huge files). */
const MAX_TRACKED = 1_000_000;
/** Ints per recorded row (split lint): two hash lanes, number, line, end line, end. */
const REC = 6;
/**
 * Load at which the table doubles. Linear probing stays short at 0.7 (a probe reads the next
 * slots of the same cache line), and a smaller table misses the cache less often.
 */
const FULL = 0.7;
/** Rows per block of the record. */
const BLOCK = 65536;

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
    // Two UTF-16 units per step: half the multiplications; the odd last unit apart (reading
    // past the end costs a deoptimising NaN check on every step).
    let i = 0;
    for (; i + 1 < n; i += 2) a = Math.imul(a ^ (v.charCodeAt(i) | (v.charCodeAt(i + 1) << 16)), 0x01000193);
    if (i < n) a = Math.imul(a ^ v.charCodeAt(i), 0x01000193);
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
    // Open addressing in one typed array of [lane1, lane2, row] slots: a probe reads one cache
    // line (three separate arrays cost three misses per row). The table starts small and doubles
    // at FULL load, so a 20-row file does not allocate 24 MB.
    let bits = 12;
    let table = new Int32Array(3 << bits);
    let used = 0;
    const h = new Int32Array(2);
    const slotOf = (a: number, t: Int32Array, mask: number) => {
      let i = (Math.imul(a, 0x9e3779b1) >>> 11) & mask;
      while (t[i * 3 + 2] !== 0) i = (i + 1) & mask;
      return i;
    };
    const grow = () => {
      const old = table;
      bits++;
      table = new Int32Array(3 << bits);
      const mask = (1 << bits) - 1;
      for (let k = 0; k < old.length; k += 3) {
        if (old[k + 2] === 0) continue;
        const j = slotOf(old[k], table, mask) * 3;
        table[j] = old[k];
        table[j + 1] = old[k + 1];
        table[j + 2] = old[k + 2];
      }
    };
    /** Returns the first row with this hash, or 0 after remembering `rowNumber` as its first. */
    const firstOf = (a: number, b: number, rowNumber: number): number => {
      const t = table;
      const mask = (1 << bits) - 1;
      let i = (Math.imul(a, 0x9e3779b1) >>> 11) & mask;
      for (;;) {
        const k = i * 3;
        const first = t[k + 2];
        if (first === 0) break;
        if (t[k] === a && t[k + 1] === b) return first;
        i = (i + 1) & mask;
      }
      if (used >= MAX_TRACKED) return 0;
      const k = i * 3;
      t[k] = a;
      t[k + 1] = b;
      t[k + 2] = rowNumber;
      if (++used > FULL * (1 << bits)) grow();
      return 0;
    };
    // Split lint, later part: rows are recorded (hash, number, where) and looked up by the first
    // part in order, so the "identical to row N" of a row after the split is the file's first.
    // In blocks of BLOCK rows: no copy when it grows, and each block crosses threads without one.
    let record: Int32Array[] | null = null;
    let recorded = 0;
    return {
      header() {
        // A large file's size is known: the table is made once at its final size (each doubling
        // rehashes every row at random places of a table of megabytes).
        const expected = Math.min(ctx.rowsHint ?? 0, MAX_TRACKED);
        if (expected > FULL * (1 << bits)) {
          bits = Math.min(22, Math.ceil(Math.log2(expected / (FULL - 0.05))));
          table = new Int32Array(3 << bits);
        }
      },
      row(row) {
        if (isBlankRow(row)) return;
        // The reader's hash of the raw text when it has one (CSV), else the cell values (sheets).
        if (ctx.rowHash) ctx.rowHash(row, h);
        else rowHash(row.values, h);
        if (record) {
          const k = recorded++ % BLOCK;
          if (k === 0) record.push(new Int32Array(REC * BLOCK));
          const block = record[record.length - 1];
          const loc = ctx.locateRow(row);
          const at = k * REC;
          block[at] = h[0];
          block[at + 1] = h[1];
          block[at + 2] = row.number;
          block[at + 3] = loc.line ?? 0;
          block[at + 4] = loc.endLine ?? loc.line ?? 0;
          block[at + 5] = loc.end ?? 0;
          return;
        }
        // The probe of firstOf, inlined: this runs for every row of the file.
        const a = h[0];
        const b = h[1];
        const t = table;
        const mask = (1 << bits) - 1;
        let i = (Math.imul(a, 0x9e3779b1) >>> 11) & mask;
        for (;;) {
          const k = i * 3;
          const first = t[k + 2];
          if (first === 0) break;
          if (t[k] === a && t[k + 1] === b) {
            ctx.report({ loc: ctx.locateRow(row), params: { first } });
            return;
          }
          i = (i + 1) & mask;
        }
        if (used >= MAX_TRACKED) return;
        const k = i * 3;
        t[k] = a;
        t[k + 1] = b;
        t[k + 2] = row.number;
        if (++used > FULL * (1 << bits)) grow();
      },
      resume() {
        bits = 12;
        table = new Int32Array(3 << bits);
        used = 0;
        record = [];
      },
      handOver: () => ({ blocks: record, rows: recorded }),
      takeOver(later: { blocks: Int32Array[]; rows: number }, shift: Shift) {
        for (let r = 0; r < later.rows; r++) {
          const block = later.blocks[Math.floor(r / BLOCK)];
          const k = (r % BLOCK) * REC;
          const n = block[k + 2] + shift.row;
          const first = firstOf(block[k], block[k + 1], n);
          if (first === 0) continue;
          const line = block[k + 3] + shift.line;
          const endLine = block[k + 4] + shift.line;
          const loc: Loc = { row: n, column: null, line, start: 0, end: block[k + 5] };
          if (endLine !== line) loc.endLine = endLine;
          ctx.report({ loc, params: { first } });
        }
      },
    };
  },
});
