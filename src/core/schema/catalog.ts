// The schemas shipped in `schemas/` (sources and licences: schemas/README.md), under the
// names schema.data.gouv.fr and udata use. Bundled as JSON so the extension host, the worker
// and the CLI need no file access to use them.
import { currentCatalog } from '../catalog/load';
import { splitSchemaArg } from '../catalog/version';
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
  return {
    name,
    version: String(t.version ?? '').replace(/^v(?=\d)/, ''),
    title: String(t.title ?? name),
    path: `schemas/${name}/schema.json`,
    descriptor: t,
  };
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

/**
 * Finds a catalog schema by name, forgiving case, with an optional version (`@2.0.2`,
 * `/2.0.2`, `/latest`): the nine above first, then the whole schema.data.gouv.fr catalog
 * (../catalog), every version. Undefined when the name or the version is unknown, or when
 * no copy of that version's file is at hand.
 */
export function catalogEntry(arg: string): CatalogEntry | undefined {
  const { name, version } = splitSchemaArg(arg);
  const n = name.toLowerCase();
  const builtin = catalog.find((e) => e.name === n || e.name.split('/')[1] === n);
  if (builtin && (!version || version === builtin.version)) {
    // The bundled copy is the latest unless the catalog in use (an update) knows a newer one.
    const t = currentCatalog().find(builtin.name);
    if (version || !t || t.latest === builtin.version) return builtin;
  }
  const full = currentCatalog();
  const t = full.find(builtin?.name ?? name);
  if (!t) return undefined;
  const v = version ?? t.latest;
  const d = full.descriptor(t, v) ?? (builtin && builtin.version === v ? builtin.descriptor : null);
  if (!d) return builtin && !version ? builtin : undefined;
  return { name: t.name, version: v, title: t.title, path: full.urlOf(t, v) ?? t.name, descriptor: d };
}
