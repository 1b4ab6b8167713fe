import type { Loc, Row } from '../model';
import { defineRule } from './rule';

/** Rows tracked before the rule stops remembering new rows (memory stays bounded on huge files). */
const MAX_TRACKED = 1_000_000;
/** Ints per recorded row (split lint's later part): two hash lanes, number, line, end line, end. */
const REC = 6;
/** Rows whose bits are looked up together (see `flush`). */
const BATCH = 256;
/**
 * Rows per block of a record or of the log. Small, as the bitmap starts small: a new block and a
 * wider bitmap are then made within the first thousand rows, while the rule still runs in the
 * interpreter and its branches are recorded, not first met by compiled code (which then throws
 * itself away and is compiled again: 5 compilations of the row batch in a cold workbook lint).
 */
const BLOCK = 1024;
/** Bitmap size, log2 of its bits: from 128 bytes to 4 MB, kept at 16 to 32 bits per tracked row. */
const MIN_BITS = 10;
const MAX_BITS = 25;

export default defineRule<{ first: number }, { blocks: Int32Array[]; rows: number }>({
  meta: {
    id: 'duplicate-row',
    severity: 'warning',
    state: 'split',
    title: { en: 'Duplicate row', fr: 'Ligne en double' },
    why: {
      en: 'An identical row counted twice inflates totals (a grant listed twice doubles its amount).',
      fr: 'Une ligne identique comptée deux fois fausse les totaux (une subvention listée deux fois double son montant).',
    },
    fix: {
      en: 'Check whether the row is a real second record; delete it otherwise.',
      fr: 'Vérifiez s’il s’agit d’un second enregistrement réel ; sinon supprimez-la.',
    },
  },
  message: (lang, p) => (lang === 'fr' ? `Ligne identique à la ligne ${p.first}.` : `Row is identical to row ${p.first}.`),
  // Duplicates are found in two steps, so that no row costs a random access to a large table:
  // while reading, each row's hash goes to a log (in order) and sets one bit of a bitmap that
  // stays in the processor's cache; a row whose bit was already set is a candidate (a duplicate,
  // or one false alarm in 16 to 32). At the end, the candidates' hashes go into a small table and
  // one pass over the log finds each one's first row: a candidate is reported only if that first
  // row is an earlier one.
  create(ctx) {
    let log: Int32Array[] = [];
    let tracked = 0;
    let bitsLog = MIN_BITS;
    let bitmap = new Int32Array((1 << bitsLog) >>> 5);
    let candidates: { a: number; b: number; row: number; loc: Loc }[] = [];
    const h = new Int32Array(2);
    const bitOf = (a: number) => Math.imul(a, 0x9e3779b1) >>> (32 - bitsLog);
    const setBit = (i: number) => (bitmap[i >>> 5] |= 1 << (i & 31));
    const hasBit = (i: number) => (bitmap[i >>> 5] & (1 << (i & 31))) !== 0;
    /** Doubles the bitmap, set again from the log. */
    const widen = () => {
      bitsLog++;
      bitmap = new Int32Array((1 << bitsLog) >>> 5);
      for (let r = 0; r < tracked; r++) setBit(bitOf(log[Math.floor(r / BLOCK)][(r % BLOCK) * 3]));
    };
    /** One row in file order; true when it is a candidate (its bit was set by an earlier row). */
    const see = (a: number, b: number, rowNumber: number): boolean => {
      const bit = bitOf(a);
      const candidate = hasBit(bit);
      if (tracked >= MAX_TRACKED) return candidate;
      const k = (tracked % BLOCK) * 3;
      if (k === 0) log.push(new Int32Array(3 * BLOCK));
      const block = log[log.length - 1];
      block[k] = a;
      block[k + 1] = b;
      block[k + 2] = rowNumber;
      setBit(bit);
      if (++tracked * 16 > 1 << bitsLog && bitsLog < MAX_BITS) widen();
      return candidate;
    };
    // Rows wait in a batch before their bits are looked up: the lookups of a batch are made
    // together first (independent loads, whose cache misses the processor overlaps), then each
    // row is seen in order and hits the cache — instead of one miss per row on the way.
    const pendingHash = new Int32Array(2 * BATCH);
    const pendingRows: (Row | undefined)[] = new Array(BATCH).fill(undefined);
    let pending = 0;
    /** Keeps the first loads from being optimised away: a store to a closure variable stays. */
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- written, never read, on purpose
    let sink = 0;
    const flush = () => {
      let touched = 0;
      for (let k = 0; k < pending; k++) touched |= bitmap[bitOf(pendingHash[2 * k]) >>> 5];
      sink ^= touched;
      for (let k = 0; k < pending; k++) {
        const a = pendingHash[2 * k];
        const b = pendingHash[2 * k + 1];
        const row = pendingRows[k]!;
        if (see(a, b, row.number)) candidates.push({ a, b, row: row.number, loc: ctx.locateRow(row) });
      }
      pending = 0;
    };
    // Split lint, later part: rows are recorded (hash, number, where) and seen by the first part
    // in order, so the "identical to row N" of a row after the split is the file's first.
    let record: Int32Array[] | null = null;
    let recorded = 0;
    return {
      row(row) {
        if (ctx.marks.blank) return;
        // The reader's hash (of the raw text for CSV, of the values for sheets: engine/locator.ts).
        ctx.rowHash(row, h);
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
        const k = pending++;
        pendingHash[2 * k] = h[0];
        pendingHash[2 * k + 1] = h[1];
        pendingRows[k] = row;
        if (pending === BATCH) flush();
      },
      split: {
        resume() {
          pending = 0;
          log = [];
          tracked = 0;
          bitsLog = MIN_BITS;
          bitmap = new Int32Array((1 << bitsLog) >>> 5);
          candidates = [];
          record = [];
        },
        handOver: () => ({ blocks: record ?? [], rows: recorded }),
        takeOver(later, shift) {
          flush();
          for (let r = 0; r < later.rows; r++) {
            const block = later.blocks[Math.floor(r / BLOCK)];
            const k = (r % BLOCK) * REC;
            const n = block[k + 2] + shift.row;
            if (!see(block[k], block[k + 1], n)) continue;
            const line = block[k + 3] + shift.line;
            const endLine = block[k + 4] + shift.line;
            const loc: Loc = { row: n, column: null, line, start: 0, end: block[k + 5] };
            if (endLine !== line) loc.endLine = endLine;
            candidates.push({ a: block[k], b: block[k + 1], row: n, loc });
          }
        },
      },
      end() {
        flush();
        pendingRows.fill(undefined);
        if (candidates.length === 0) return;
        // The candidates' hashes, each with the first tracked row that has it (0: none).
        const bits = Math.ceil(Math.log2(candidates.length * 2 + 1));
        const mask = (1 << bits) - 1;
        const table = new Int32Array(3 << bits);
        const used = new Uint8Array(1 << bits);
        const slotOf = (a: number, b: number): number => {
          let i = (Math.imul(a ^ b, 0x85ebca6b) >>> 7) & mask;
          while (used[i] && (table[i * 3] !== a || table[i * 3 + 1] !== b)) i = (i + 1) & mask;
          return i;
        };
        for (const c of candidates) {
          const i = slotOf(c.a, c.b);
          used[i] = 1;
          table[i * 3] = c.a;
          table[i * 3 + 1] = c.b;
        }
        for (let r = 0; r < tracked; r++) {
          const block = log[Math.floor(r / BLOCK)];
          const k = (r % BLOCK) * 3;
          const i = slotOf(block[k], block[k + 1]);
          if (used[i] && table[i * 3 + 2] === 0) table[i * 3 + 2] = block[k + 2];
        }
        for (const c of candidates) {
          const first = table[slotOf(c.a, c.b) * 3 + 2];
          if (first !== 0 && first !== c.row) ctx.report({ loc: c.loc, params: { first } });
        }
      },
    };
  },
});
