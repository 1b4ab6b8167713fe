// `odw schemas [--format text|json] [--update] [--lang en|fr]`: the catalog's table schemas
// with their versions, from the cache (after an update) or the bundled copy; --update first
// refreshes the cache folder ($ODW_CATALOG_CACHE, else ~/.cache/odw/catalog).
import type { Lang, Text } from '../core/model';
import { catalogCacheDir, currentCatalog } from '../core/catalog/load';
import { updateCatalog } from '../core/catalog/update';
import { defaultLang, noValue, wordsFor, type Write } from './args';

export const USAGE: Text = {
  en: 'usage: odw schemas [--format text|json] [--update] [--lang en|fr]',
  fr: 'usage : odw schemas [--format text|json] [--update] [--lang en|fr]',
};

export async function schemasCommand(argv: string[], out: Write, err: Write): Promise<number> {
  let format = 'text';
  let update = false;
  let lang: Lang = defaultLang();
  const w = wordsFor(argv, USAGE);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--update') update = true;
    else if (a === '--format' || a === '--lang') {
      const v = argv[++i];
      if (noValue(v)) return (err(w.needsValue(a)), 2);
      if (a === '--format' && (v === 'text' || v === 'json')) format = v;
      else if (a === '--lang' && (v === 'en' || v === 'fr')) lang = v;
      else return (err(a === '--format' ? w.oneOf(a, ['text', 'json'], v) : w.oneOf(a, ['en', 'fr'], v)), 2);
    } else return (err(a.startsWith('--') ? w.unknownOption(a) : w.own(`unexpected argument ${a}`, `argument inattendu ${a}`, true)), 2);
  }
  const fr = lang === 'fr';
  let code = 0;
  if (update) {
    const dir = catalogCacheDir();
    const r = await updateCatalog(dir, { lang });
    if (!r.ok) {
      code = 1;
      err(
        fr
          ? `odw : mise à jour du catalogue impossible : ${r.error}. Catalogue conservé : ${r.source === 'cache' ? 'cache précédent' : 'copie intégrée'}.`
          : `odw: cannot update the catalog: ${r.error}. Keeping the ${r.source === 'cache' ? 'previous cache' : 'bundled copy'}.`,
      );
    } else {
      err(
        r.notModified
          ? fr
            ? `Catalogue inchangé (${dir}).`
            : `Catalog not modified (${dir}).`
          : fr
            ? `Catalogue mis à jour : ${r.schemas} entrées, ${r.filesFetched} fichiers téléchargés (${dir}).`
            : `Catalog updated: ${r.schemas} entries, ${r.filesFetched} files fetched (${dir}).`,
      );
      for (const f of r.filesFailed) err(fr ? `  non téléchargé : ${f}` : `  not fetched: ${f}`);
    }
  }
  const cat = currentCatalog();
  const schemas = cat.tables.map((t) => ({
    name: t.name,
    title: t.title,
    labels: t.labels,
    versions: t.versions.map((v) => v.version),
    latest: t.latest,
    source: cat.source,
    ...(t.partOf ? { partOf: t.partOf.name } : {}),
  }));
  if (format === 'json') out(JSON.stringify({ source: cat.source, fetchedAt: cat.fetchedAt, schemas }, null, 2));
  else {
    const head =
      cat.source === 'cache'
        ? fr
          ? `Catalogue : cache du ${cat.fetchedAt ?? '?'}`
          : `Catalog: cache of ${cat.fetchedAt ?? '?'}`
        : fr
          ? 'Catalogue : copie intégrée (schema.data.gouv.fr, 2026-08-22)'
          : 'Catalog: bundled copy (schema.data.gouv.fr, 2026-08-22)';
    const lines = [`${head} — ${schemas.length} ${fr ? 'schémas' : 'schemas'}`];
    for (const s of schemas)
      lines.push(`${s.name.padEnd(48)} ${s.latest.padEnd(8)} ${s.title}${s.versions.length > 1 ? `  [${s.versions.join(', ')}]` : ''}`);
    out(lines.join('\n'));
  }
  return code;
}
