// Column-level: in a column of numbers, values written the French/spreadsheet way
// (`12 350 000 €`, `1 063 850,00`, ` - `) are reported with their canonical form.
import type { Loc, Row } from '../model';
import { isSimpleDecimal, parseNumber, type NumberIssue } from '../values/number';
import { defineRule } from './rule';
import { DeferredList, type DeferredState } from '../split/kit/deferred';
import { ColumnSampler, type SamplerState } from '../split/kit/sampler';
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

/** Split lint: the later part's counts, its sampler and deferred lists (plain data). */
interface NumberHandOver {
  numeric: number[];
  sampler: SamplerState;
  cands: DeferredState<Candidate>[];
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

export default defineRule<NumberParams, NumberHandOver>({
  meta: {
    id: 'number-format',
    severity: 'warning',
    state: 'split',
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
      ? `Nombre ${show(p.value, 40, 'fr')} mal formaté (${names}) : écrire ${p.canonical}.`
      : `Number ${show(p.value)} is formatted for display (${names}): write ${p.canonical}.`;
  },
  create(ctx) {
    let numeric: number[] = [];
    // The findings per column, held until the column's verdict at the end.
    let cands: DeferredList<Candidate>[] = [];
    let skip: boolean[] = [];
    // Columns still looked at (ascending): text columns leave after the sample.
    let active: number[] = [];
    const sampler = new ColumnSampler(SAMPLE, 1);
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
        if (sampler.next(i, numeric[i]) && numeric[i] < SAMPLE / 2) {
          skip[i] = true;
          cands[i].clear();
          active = active.filter((c) => !skip[c]);
          k--;
          continue;
        }
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
        cands[i].add(row.number, () => ({
          loc: ctx.locate(row, i + 1),
          params: { value: detach(s), issues: p.issues, canonical: detach(p.canonical) },
        }));
      }
    };
    return {
      header(row) {
        numeric = row.values.map(() => 0);
        cands = row.values.map(() => new DeferredList<Candidate>(ctx.deferLimit));
        sampler.columns(row.values.length);
        // One problem, one report: an identifier column (SIRET, SIREN, RNA, postal or INSEE code) is
        // the identifier checks' business, not an amount written for display.
        skip = row.values.map(isIdentifierLabel);
        // A loop, not flatMap: the array then has the small-integer elements `filter` gives later,
        // and the compiled row loop is not thrown away when the first column is given up.
        active = [];
        for (let i = 0; i < skip.length; i++) if (!skip[i]) active.push(i);
      },
      row: visit,
      split: {
        resume() {
          // Columns the head settled keep their judgement; the others note their sample's start.
          sampler.resume((i) => skip[i]);
          numeric = numeric.map(() => 0);
          for (const l of cands) l.clear();
        },
        handOver: (): NumberHandOver => ({ numeric, sampler: sampler.handOver(), cands: cands.map((l) => l.handOver()) }),
        takeOver(later, shift) {
          skip.forEach((skipped, i) => {
            if (skipped) return;
            // The sample ends in the later part: judged as one pass would, at its SAMPLE-th cell.
            const before = sampler.judgedLater(later.sampler, i);
            if (before && numeric[i] + before[0] < SAMPLE / 2) {
              skip[i] = true;
              cands[i].clear();
              return;
            }
            sampler.add(later.sampler, i);
            numeric[i] += later.numeric[i];
            cands[i].takeOver(later.cands[i], shift);
          });
        },
      },
      end() {
        cands.forEach((list, i) => {
          if (skip[i] || list.items.length === 0 || numeric[i] / sampler.seen[i] < 0.8) return;
          for (const c of list.items) {
            // A percent could mean 12 or 0.12 for the schema: report, do not guess.
            const certain = !c.params.issues.includes('percent');
            ctx.report({ loc: c.loc, params: c.params, fix: certain ? { kind: 'set-cell', value: c.params.canonical } : undefined });
          }
          for (const r of list.over) ctx.count({ row: r, column: i + 1 });
        });
      },
    };
  },
});
