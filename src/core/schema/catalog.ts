// The schemas shipped in `schemas/` (sources and licences: schemas/README.md), under the
// names schema.data.gouv.fr and udata use. Bundled as JSON so the extension host, the worker
// and the CLI need no file access to use them.
import type { TableSchema } from './descriptor';
import subventions from '../../../schemas/scdl/subventions/schema.json';
import budget from '../../../schemas/scdl/budget/schema.json';
import deliberations from '../../../schemas/scdl/deliberations/schema.json';
import equipements from '../../../schemas/scdl/equipements/schema.json';
import catalogue from '../../../schemas/scdl/catalogue/schema.json';
import irveStatique from '../../../schemas/etalab/schema-irve-statique/schema.json';
import irveDynamique from '../../../schemas/etalab/schema-irve-dynamique/schema.json';
import stationnement from '../../../schemas/etalab/schema-stationnement/schema.json';
import catalogueDonnees from '../../../schemas/etalab/schema-catalogue-donnees/schema.json';

export interface CatalogEntry {
  /** `scdl/subventions`: the name data.gouv.fr resources carry (`schema: {name}`). */
  name: string;
  version: string;
  title: string;
  /** Path of the bundled copy, relative to the extension root. */
  path: string;
  descriptor: TableSchema;
}

const entry = (name: string, d: unknown): CatalogEntry => {
  const t = d as TableSchema;
  // IRVE writes "v2.3.0"; data.gouv.fr's catalogue names versions without the v.
  return { name, version: String(t.version ?? '').replace(/^v(?=\d)/, ''), title: String(t.title ?? name), path: `schemas/${name}/schema.json`, descriptor: t };
};

export const catalog: readonly CatalogEntry[] = [
  entry('scdl/subventions', subventions),
  entry('scdl/budget', budget),
  entry('scdl/deliberations', deliberations),
  entry('scdl/equipements', equipements),
  entry('scdl/catalogue', catalogue),
  entry('etalab/schema-irve-statique', irveStatique),
  entry('etalab/schema-irve-dynamique', irveDynamique),
  entry('etalab/schema-stationnement', stationnement),
  entry('etalab/schema-catalogue-donnees', catalogueDonnees),
];

/** Finds a catalog schema by name, forgiving case and an `@version` or `/latest` suffix. */
export function catalogEntry(name: string): CatalogEntry | undefined {
  const n = name.trim().toLowerCase().replace(/@.*$/, '').replace(/\/(latest|\d+(\.\d+)*)$/, '');
  return catalog.find((e) => e.name === n || e.name.split('/')[1] === n);
}
