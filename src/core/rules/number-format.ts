// Column-level: in a column of numbers, values written the French/spreadsheet way
// (`12 350 000 €`, `1 063 850,00`, ` - `) are reported with their canonical form.
import type { Loc, Row } from '../model';
import { isSimpleDecimal, parseNumber, type NumberIssue } from '../values/number';
import { defineRule, shiftLoc, type Shift } from './rule';
import { isBlank, show } from './lib/util';
import { detach } from '../read/detach';
import { idColumnKind } from '../ids/id-columns';
import { isValidSiren, isValidSiret } from '../ids/siret';
import { isEntityIdLabel } from '../privacy/columns';

/** Header labels of identifier columns: their digits are codes, not amounts. */
export function isIdentifierLabel(label: string): boolean {
  if (idColumnKind(label) || isEntityIdLabel(label)) return true;
  const l = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_'’.°-]+/g, '');
  return /^(codepostal|cp|codeinsee|insee|codecommune|cog|rna|numerorna|finess|uai|nir)$/.test(l);
}

/** A valid SIRET or SIREN written in digit groups: an identifier, whichever column it is in. */
function isGroupedId(s: string, issues: readonly NumberIssue[]): boolean {
  if (issues.some((i) => i !== 'thousands-space' && i !== 'padding')) return false;
  const digits = s.replace(/[\s\u00a0\u202f]/g, '');
  return (digits.length === 14 && isValidSiret(digits)) || (digits.length === 9 && isValidSiren(digits));
}

export interface NumberParams {
  value: string;
  issues: NumberIssue[];
  canonical: string;
}

/** Non-empty cells looked at before a mostly-text column is given up. */
const SAMPLE = 200;

interface Candidate {
  loc: Loc;
  params: NumberParams;
}

/** Split lint: the later part's counts (see RuleVisitor.resume). */
interface NumberHandOver {
  nonEmpty: number[];
  numeric: number[];
  cands: Candidate[][];
  over: number[][];
  /** Columns still in their sample at the split: numeric count before each of the part's first SAMPLE cells. */
  prefix: (Int32Array | null)[];
}

const EN: Record<NumberIssue, string> = {
  'decimal-comma': 'decimal comma',
  'thousands-space': 'space as thousands separator',
  'thousands-dot': 'dot as thousands separator',
  currency: 'currency symbol',
  padding: 'accounting padding',
  'dash-zero': '“-” for zero',
  percent: 'percent sign',
};
const FR: Record<NumberIssue, string> = {
  'decimal-comma': 'virgule décimale',
  'thousands-space': 'espace comme séparateur de milliers',
  'thousands-dot': 'point comme séparateur de milliers',
  currency: 'symbole monétaire',
  padding: 'espaces de format comptable',
  'dash-zero': '« - » pour zéro',
  percent: 'signe pourcent',
};

export default defineRule<NumberParams>({
  meta: {
    id: 'number-format',
    severity: 'warning',
    title: { en: 'Number written for display, not for data', fr: 'Nombre écrit pour l’affichage, pas pour les données' },
    why: {
      en: 'Machines read 1063850.00, not “1 063 850,00 €”. Separators, symbols and decimal commas make amounts text for every tool and schema.',
      fr: 'Les machines lisent 1063850.00, pas « 1 063 850,00 € ». Séparateurs, symboles et virgule décimale transforment les montants en texte pour tous les outils et schémas.',
    },
    fix: {
      en: 'Write the plain number with a decimal point (quick fix).',
      fr: 'Écrivez le nombre brut avec un point décimal (correction rapide).',
    },
  },
  message(lang, p) {
    const names = p.issues.map((i) => (lang === 'fr' ? FR : EN)[i]).join(', ');
    return lang === 'fr'
      ? `Nombre ${show(p.value)} mal formaté (${names}) : écrire ${p.canonical}.`
      : `Number ${show(p.value)} is formatted for display (${names}): write ${p.canonical}.`;
  },
  create(ctx) {
    let nonEmpty: number[] = [];
    let numeric: number[] = [];
    let cands: Candidate[][] = [];
    // Rows of the column's findings past its list's bound: counted, not listed.
    let over: number[][] = [];
    let skip: boolean[] = [];
    // Columns still looked at (ascending): text columns leave after the sample.
    let active: number[] = [];
    // The non-empty count at which a column's sample is judged; never (−1) in a later part,
    // where the judgement is the first part's (see takeOver).
    let checkAt: number[] = [];
    let prefix: (Int32Array | null)[] = [];
    const visit = (row: Row) => {
      const v = row.values;
      for (let k = 0; k < active.length; k++) {
        const i = active[k];
        if (i >= v.length) break;
        const s = v[i];
        if (s === '') continue;
        // Whitespace is at most U+0020 or from U+00A0 on: most cells skip the blank test.
        const c0 = s.charCodeAt(0);
        if ((c0 <= 32 || c0 >= 160) && isBlank(s)) continue;
        // A column that is mostly text after a sample will never be a number column: stop looking.
        const seen = ++nonEmpty[i];
        if (seen === checkAt[i] && numeric[i] < SAMPLE / 2) {
          skip[i] = true;
          cands[i] = [];
          active = active.filter((c) => !skip[c]);
          k--;
          continue;
        }
        const p0 = prefix[i];
        if (p0 && seen <= SAMPLE) p0[seen] = numeric[i];
        // Plain numbers are the common case: count them without allocating a parse result.
        if (isSimpleDecimal(s)) {
          numeric[i]++;
          continue;
        }
        const p = parseNumber(s);
        if (!p) continue;
        numeric[i]++;
        // Padding alone is cell-whitespace's business; a SIRET/SIREN in groups ("822 127 429 00014") is an identifier.
        if (!p.issues.length || (p.issues.length === 1 && p.issues[0] === 'padding') || isGroupedId(s, p.issues)) continue;
        // Once this column's list is full its findings are counted by row, not listed.
        if (cands[i].length >= ctx.deferLimit) over[i].push(row.number);
        else cands[i].push({ loc: ctx.locate(row, i + 1), params: { value: detach(s), issues: p.issues, canonical: detach(p.canonical) } });
      }
    };
    return {
      header(row) {
        nonEmpty = row.values.map(() => 0);
        numeric = row.values.map(() => 0);
        cands = row.values.map(() => []);
        over = row.values.map(() => []);
        // One problem, one report: an identifier column (SIRET, SIREN, RNA, postal or INSEE code) is
        // the identifier checks' business, not an amount written for display.
        skip = row.values.map(isIdentifierLabel);
        active = skip.flatMap((s, i) => (s ? [] : [i]));
        checkAt = skip.map(() => SAMPLE);
      },
      row: visit,
      resume() {
        // Columns the head settled keep their judgement; the others record their sample's start.
        prefix = nonEmpty.map((n, i) => (skip[i] || n >= SAMPLE ? null : new Int32Array(SAMPLE + 1)));
        checkAt = checkAt.map(() => -1);
        nonEmpty = nonEmpty.map(() => 0);
        numeric = numeric.map(() => 0);
        cands = cands.map(() => []);
        over = over.map(() => []);
      },
      handOver: (): NumberHandOver => ({ nonEmpty, numeric, cands, over, prefix }),
      takeOver(later: NumberHandOver, shift: Shift) {
        skip.forEach((skipped, i) => {
          if (skipped) return;
          // The sample ends in the later part: judged as one pass would, at its SAMPLE-th cell.
          const at = SAMPLE - nonEmpty[i];
          const p = later.prefix[i];
          if (at > 0 && p && later.nonEmpty[i] >= at && numeric[i] + p[at] < SAMPLE / 2) {
            skip[i] = true;
            cands[i] = [];
            over[i] = [];
            return;
          }
          nonEmpty[i] += later.nonEmpty[i];
          numeric[i] += later.numeric[i];
          for (const c of later.cands[i]) {
            if (cands[i].length < ctx.deferLimit) cands[i].push({ loc: shiftLoc(c.loc, shift), params: c.params });
            else over[i].push(c.loc.row! + shift.row);
          }
          for (const r of later.over[i]) over[i].push(r + shift.row);
        });
      },
      end() {
        cands.forEach((list, i) => {
          if (skip[i] || list.length === 0 || numeric[i] / nonEmpty[i] < 0.8) return;
          for (const c of list) {
            // A percent could mean 12 or 0.12 for the schema: report, do not guess.
            const certain = !c.params.issues.includes('percent');
            ctx.report({ loc: c.loc, params: c.params, fix: certain ? { kind: 'set-cell', value: c.params.canonical } : undefined });
          }
          for (const r of over[i]) ctx.count({ row: r, column: i + 1 });
        });
      },
    };
  },
});
