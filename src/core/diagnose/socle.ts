// The "Socle Commun des Données Locales": the catalog schemas carrying that label (list in
// socle.json, copied from schema.data.gouv.fr with its source), and how much of it an
// organisation already publishes (a resource declaring the schema).
import data from './socle.json';
import type { PublishedDataset, SocleCoverage } from './types';

export interface SocleSchema {
  name: string;
  title: string;
}

export const SOCLE_LABEL: string = data.label;
export const SOCLE: readonly SocleSchema[] = data.schemas;

export function socleTitle(name: string): string | undefined {
  return SOCLE.find((s) => s.name === name)?.title;
}

/** Published = some resource of a public dataset declares it (a private one is not published); catalog order. */
export function socleCoverage(datasets: readonly PublishedDataset[], socle: readonly SocleSchema[] = SOCLE): SocleCoverage {
  const declared = new Set(datasets.filter((d) => !d.private).flatMap((d) => d.resources.map((r) => r.schema).filter(Boolean)));
  return {
    published: socle.filter((s) => declared.has(s.name)).map((s) => s.name),
    missing: socle.filter((s) => !declared.has(s.name)).map((s) => s.name),
  };
}
