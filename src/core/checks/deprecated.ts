// A schema file that names a check by its former name (french-siret-value, …) is told the
// current one, once per check, on the schema itself: the data's report stays as it was, and
// the catalog's own schemas, which the user cannot edit, are not flagged.
import type { Diagnostic, Lang } from '../model';
import type { TableSchema } from '../schema/descriptor';
import { DEPRECATED_CHECKS, deprecationMessage } from './fr-value';
import { fileDiagnostic } from '../file-diagnostic';

export function deprecatedCheckNotices(descriptor: TableSchema | null, lang: Lang): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const c of Array.isArray(descriptor?.custom_checks) ? descriptor!.custom_checks : []) {
    const now = c && typeof c.name === 'string' ? DEPRECATED_CHECKS[c.name] : undefined;
    if (!now || seen.has(c.name)) continue;
    seen.add(c.name);
    out.push(fileDiagnostic('deprecated-check', 'warning', deprecationMessage(c.name, now, lang)));
  }
  return out;
}
