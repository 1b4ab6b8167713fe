// What a converted budget tells the project about itself: the dataset's title ("Budget
// primitif 2020 — Ville de Grenoble"), temporal coverage, organisation and schema.
import { catalogEntry } from '../schema/catalog';
import type { ActHeader } from './act';
import { budgetName, natDecLabel } from './rows';

const SMALL = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'aux', 'au', 'à', 'l', 'd']);

/** `VILLE DE GRENOBLE` → `Ville de Grenoble`; names already in mixed case are kept. */
export function frenchTitleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  let first = true;
  return s.toLowerCase().replace(/[\p{L}]+/gu, (w) => {
    const keep = !first && SMALL.has(w);
    first = false;
    return keep ? w : w[0].toUpperCase() + w.slice(1);
  });
}

export interface BudgetDatasetMeta {
  title: string;
  temporalCoverage?: { start: string; end: string };
  organization: string;
  siret: string;
  schema: { name: string; version: string | null };
}

export function budgetDatasetMeta(h: ActHeader): BudgetDatasetMeta {
  const kind = natDecLabel(h.natDec, 'default') || (h.natDec === '10' ? 'compte financier unique' : 'budget');
  const label = h.natDec === '10' ? 'Compte financier unique' : kind[0].toUpperCase() + kind.slice(1);
  const name = frenchTitleCase(budgetName(h, 'default'));
  const title = [label, h.exer].filter(Boolean).join(' ') + (name ? ` — ${name}` : '');
  const year = /^\d{4}$/.test(h.exer) ? h.exer : '';
  return {
    title,
    temporalCoverage: year ? { start: `${year}-01-01`, end: `${year}-12-31` } : undefined,
    organization: frenchTitleCase(h.libelleColl || h.libelleEtab),
    siret: h.idEtab,
    schema: { name: 'scdl/budget', version: catalogEntry('scdl/budget')?.version ?? null },
  };
}
