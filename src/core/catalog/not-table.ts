// Catalog entries that cannot validate a table by themselves: a data package (validated through
// its parts), a JSON Schema or a schema.yml-only entry (`other`). Naming one in `--schema` says
// what it is and what to use instead, rather than "unknown schema".
import type { Lang } from '../model';
import { currentCatalog } from './load';
import { splitSchemaArg } from './version';

export function notTableMessage(arg: string, lang: Lang): string | null {
  const { name } = splitSchemaArg(arg);
  const cat = currentCatalog();
  const n = name.trim().toLowerCase();
  const e = cat.entries.find((x) => x.name.toLowerCase() === n);
  if (!e || e.schema_type === 'tableschema') return null;
  const fr = lang === 'fr';
  if (e.schema_type === 'datapackage') {
    const parts = cat.tables.filter((t) => t.partOf?.name === e.name).map((t) => t.name);
    const list = parts.join(', ') || (fr ? 'aucune dans le catalogue en cours' : 'none in the catalog in use');
    return fr
      ? `${e.name} (${e.title}) est un data package : choisissez l’une de ses tables : ${list}.`
      : `${e.name} (${e.title}) is a data package: pick one of its tables: ${list}.`;
  }
  const kind = e.schema_type === 'jsonschema' ? 'JSON Schema' : fr ? 'un schéma décrit par schema.yml' : 'a schema described by schema.yml';
  return fr
    ? `${e.name} (${e.title}) est ${e.schema_type === 'jsonschema' ? 'un JSON Schema' : kind}, pas un Table Schema : il ne valide pas un tableau.`
    : `${e.name} (${e.title}) is ${e.schema_type === 'jsonschema' ? 'a JSON Schema' : kind}, not a Table Schema: it cannot validate a table.`;
}
