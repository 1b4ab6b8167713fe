// Builds schemas/catalog/bundle.br from a copy of schema.data.gouv.fr (`schemas.json` +
// `schemas/<org>/<name>/<version>/<file>`): the catalog's entries and every version's schema
// file, identical files stored once, brotli-compressed as one JSON document (identical and
// near-identical versions compress against each other, which per-file zip entries cannot).
// A data package's part files that the copy lacks are, for the whole 2026-08-22 catalog, the
// files of table schemas it also lists on their own: data/catalog-part-aliases.json maps one
// to the other (its `_about` says how that was checked), and the part shares the file.
// Usage: node scripts/catalog-bundle.mjs <catalog folder> [out] [--aliases <file>]
import { brotliCompressSync, constants } from 'node:zlib';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const aliasesAt = args.indexOf('--aliases');
const ALIASES = aliasesAt >= 0 ? args.splice(aliasesAt, 2)[1] : 'data/catalog-part-aliases.json';
const [dir, out = 'schemas/catalog/bundle.br'] = args;
if (!dir) {
  console.error('usage: node scripts/catalog-bundle.mjs <catalog folder> [out]');
  process.exit(2);
}
const PREFIX = 'https://schema.data.gouv.fr/schemas/';
const index = JSON.parse(readFileSync(join(dir, 'schemas.json'), 'utf8'));
const blobs = [];
const blobIndex = new Map();
const files = {};
const keep = (rel) => {
  const p = join(dir, 'schemas', rel);
  if (!existsSync(p)) return;
  const text = readFileSync(p, 'utf8');
  let value = text;
  if (/\.json$/i.test(rel)) {
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      /* kept as text: the loader reports it like any unreadable schema */
    }
  }
  const key = typeof value === 'string' ? 't' + value : 'j' + JSON.stringify(value);
  if (!blobIndex.has(key)) {
    blobIndex.set(key, blobs.length);
    blobs.push(value);
  }
  files[rel] = blobIndex.get(key);
};
const schemas = [];
for (const s of index.schemas) {
  const versions = (s.versions ?? []).map((v) => ({ version_name: v.version_name, schema_url: v.schema_url }));
  for (const v of versions) {
    const rel = v.schema_url.startsWith(PREFIX) ? v.schema_url.slice(PREFIX.length) : null;
    if (!rel) continue;
    keep(rel);
    // A data package's parts, when the copy holds them next to its datapackage.json.
    if (s.schema_type === 'datapackage' && files[rel] !== undefined) {
      const dp = blobs[files[rel]];
      for (const r of (dp && dp.resources) || []) if (typeof r.schema === 'string') keep(join(dirname(rel), r.schema));
    }
  }
  schemas.push({
    name: s.name,
    title: s.title,
    description: s.description,
    schema_type: s.schema_type,
    labels: s.labels ?? [],
    homepage: s.homepage,
    examples: s.examples ?? [],
    versions,
    schema_url: s.schema_url,
  });
}
const aliases = existsSync(ALIASES) ? JSON.parse(readFileSync(ALIASES, 'utf8')).aliases : {};
for (const [part, ownFile] of Object.entries(aliases))
  if (files[part] === undefined && files[ownFile] !== undefined) files[part] = files[ownFile];
const doc = { source: PREFIX + 'schemas.json', version: index.version ?? null, schemas, files, blobs };
const raw = Buffer.from(JSON.stringify(doc));
const br = brotliCompressSync(raw, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, br);
// Detection only needs each version's field names: a small index beside the bundle lets a
// lint detect its schema without opening the bundle (src/core/catalog/fields-index.ts).
const BARE = (v) => v.replace(/^v(?=\d)/i, '');
const index2 = [];
const fieldsOf = (d) => d.fields.map((f) => (f.constraints && f.constraints.required === true ? '!' : '') + f.name);
const isTable = (d) => d && typeof d === 'object' && Array.isArray(d.fields);
const fileOf = (url) => {
  const rel = url.startsWith(PREFIX) ? url.slice(PREFIX.length) : null;
  return rel && files[rel] !== undefined ? blobs[files[rel]] : null;
};
const own = new Set(schemas.filter((s) => s.schema_type === 'tableschema').map((s) => s.name));
for (const s of schemas) {
  if (s.schema_type !== 'tableschema') continue;
  for (const v of s.versions) {
    const d = fileOf(v.schema_url);
    if (isTable(d)) index2.push([s.name, BARE(v.version_name), s.title, fieldsOf(d)]);
  }
}
// Data packages' parts, named as src/core/catalog/store.ts names them (partName), unless the
// catalog lists the part on its own (IRVE statique).
const partName = (pkg, resource) => {
  const stem = pkg.split('/')[1].replace(/^schema-/, '');
  return `${pkg}-${resource.startsWith(stem + '-') ? resource.slice(stem.length + 1) : resource}`;
};
for (const s of schemas) {
  if (s.schema_type !== 'datapackage') continue;
  for (const v of s.versions) {
    const dp = fileOf(v.schema_url);
    for (const r of (dp && dp.resources) || []) {
      if (!r || typeof r.name !== 'string' || !r.schema) continue;
      const name = partName(s.name, r.name);
      if (own.has(name)) continue;
      const d = typeof r.schema === 'string' ? fileOf(new URL(r.schema, v.schema_url).href) : r.schema;
      if (isTable(d)) index2.push([name, BARE(v.version_name), `${s.title} — ${name.slice(s.name.length + 1)}`, fieldsOf(d)]);
    }
  }
}
const fieldsOut = join(dirname(out), 'fields.br');
writeFileSync(fieldsOut, brotliCompressSync(Buffer.from(JSON.stringify(index2)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
console.log(
  `${schemas.length} entries, ${Object.keys(files).length} files, ${blobs.length} distinct; ${raw.length} bytes JSON → ${br.length} bytes brotli (${out})`,
);
