// "A newer version exists": linting against an older version of a catalog schema says which
// version is the latest and what changed since, from the two descriptors.
import type { Diagnostic, Lang } from '../model';
import { currentCatalog } from './load';
import { describeDiff, diffSchemas } from './diff';
import { compareVersions } from './version';
import type { TableSchema } from '../schema/descriptor';
import { fileDiagnostic } from '../file-diagnostic';

export function outdatedNotice(name: string, version: string | null, descriptor: TableSchema, lang: Lang): Diagnostic | null {
  if (!version) return null;
  const cat = currentCatalog();
  const entry = cat.find(name);
  if (!entry || compareVersions(version, entry.latest) >= 0) return null;
  const latest = cat.descriptor(entry);
  const fr = lang === 'fr';
  const what = latest
    ? describeDiff(diffSchemas(descriptor, latest), lang)
    : fr
      ? 'descripteur non disponible hors ligne'
      : 'descriptor not available offline';
  const message = fr
    ? `${entry.name} ${version} n’est pas la dernière version : la ${entry.latest} existe (${what}).`
    : `${entry.name} ${version} is not the latest version: ${entry.latest} exists (${what}).`;
  return fileDiagnostic('schema-outdated', 'info', message);
}
