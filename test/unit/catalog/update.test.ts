// The catalog update against a local server that answers like schema.data.gouv.fr: ETag and
// Last-Modified on 200, 304 on a matching conditional request; hostile answers keep the
// previous catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { updateCatalog } from '../../../src/core/catalog/update';
import { cachedCatalog, currentCatalog, resetCatalog } from '../../../src/core/catalog/load';
import { catalogEntry } from '../../../src/core/schema/catalog';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
async function serve(handler: Handler): Promise<{ url: string; close: () => Promise<void>; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.url} ${req.headers['if-none-match'] ?? ''}`.trim());
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise((r) => server.close(() => r())) };
}

const schema = (version: string, fields: string[]) =>
  JSON.stringify({ name: 'demo', version, fields: fields.map((name) => ({ name, type: 'string' })) });

function site(base: () => string): Handler {
  return (req, res) => {
    const catalog = JSON.stringify({
      schemas: [
        {
          name: 'test/demo-lieux',
          title: 'Lieux de démonstration',
          schema_type: 'tableschema',
          labels: ['Test'],
          versions: ['1.0.0', '1.1.0'].map((v) => ({ version_name: v, schema_url: `${base()}/schemas/test/demo-lieux/${v}/schema.json` })),
          schema_url: `${base()}/schemas/test/demo-lieux/latest/schema.json`,
          // A hostile document may name files elsewhere: never fetched.
          examples: [{ path: 'http://example.invalid/x.csv' }],
        },
      ],
    });
    if (req.url === '/schemas/schemas.json') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"', 'last-modified': 'Sat, 22 Aug 2026 00:00:00 GMT' });
      return res.end(catalog);
    }
    const m = /^\/schemas\/test\/demo-lieux\/(1\.[01]\.0)\/schema\.json$/.exec(req.url ?? '');
    if (m) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(schema(m[1], m[1] === '1.0.0' ? ['id_lieu', 'nom', 'commune'] : ['id_lieu', 'nom', 'commune', 'insee']));
    }
    res.writeHead(404);
    res.end();
  };
}

test('update: fetches the catalog and its files, then answers 304 with the cache kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-cat-'));
  let base = '';
  const s = await serve(site(() => base));
  base = s.url;
  try {
    const r = await updateCatalog(dir, { url: `${s.url}/schemas/schemas.json` });
    assert.equal(r.ok, true, r.error);
    assert.equal(r.filesFetched, 2);
    assert.equal(r.notModified, false);
    const c = cachedCatalog(dir)!;
    assert.equal(c.source, 'cache');
    const t = c.find('test/demo-lieux')!;
    assert.deepEqual(
      t.versions.map((v) => v.version),
      ['1.0.0', '1.1.0'],
    );
    assert.equal(c.descriptor(t, '1.1.0')?.fields.length, 4);
    // Files the bundled copy holds still resolve through a cache that lacks them.
    const again = await updateCatalog(dir, { url: `${s.url}/schemas/schemas.json` });
    assert.equal(again.notModified, true);
    assert.equal(again.filesFetched, 0);
    assert.ok(s.hits.includes('/schemas/schemas.json "v1"'), s.hits.join('\n'));
    assert.ok(!s.hits.some((h) => h.includes('example.invalid')));
    // The catalog in use follows the cache folder.
    process.env.ODW_CATALOG_CACHE = dir;
    resetCatalog();
    assert.equal(currentCatalog().source, 'cache');
    assert.equal(catalogEntry('test/demo-lieux@1.0.0')?.descriptor.fields.length, 3);
  } finally {
    delete process.env.ODW_CATALOG_CACHE;
    resetCatalog();
    await s.close();
  }
});

test('update: truncated, deep, mistyped or huge answers and network errors keep the previous catalog', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-cat-'));
  let base = '';
  let mode = 'good';
  const good = site(() => base);
  const s = await serve((req, res) => {
    if (mode === 'good' || !req.url?.startsWith('/schemas/schemas.json?')) return good(req, res);
    res.writeHead(200, { 'content-type': 'application/json' });
    if (mode === 'truncated') return res.end('{"schemas": [{"name": "test/demo-lieux", "tit');
    if (mode === 'deep') return res.end('{"schemas": ' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    if (mode === 'types') return res.end('{"schemas": [{"name": "test/x", "schema_type": "tableschema", "versions": "1.0"}]}');
    if (mode === 'huge') {
      // 25 MB streamed without a length: refused past the limit, not read whole.
      const chunk = ' '.repeat(1_000_000);
      let n = 0;
      const push = () => {
        while (n++ < 25) if (!res.write(chunk)) return res.once('drain', push);
        res.end();
      };
      return push();
    }
  });
  base = s.url;
  const url = `${s.url}/schemas/schemas.json`;
  try {
    assert.equal((await updateCatalog(dir, { url })).ok, true);
    const before = readFileSync(join(dir, 'schemas.json'), 'utf8');
    for (const [m, why] of [
      ['truncated', /not valid JSON/],
      ['deep', /nested more than/],
      ['types', /versions is not a list/],
      ['huge', /larger than/],
    ] as const) {
      mode = m;
      // A fresh conditional-request state: the bad answer comes as a 200.
      const r = await updateCatalog(dir, { url: url + '?' + m });
      assert.equal(r.ok, false, m);
      assert.match(r.error!, why);
      assert.equal(r.source, 'cache');
      assert.equal(readFileSync(join(dir, 'schemas.json'), 'utf8'), before, `${m}: previous catalog kept`);
    }
  } finally {
    await s.close();
  }
  const down = await updateCatalog(dir, { url, timeoutMs: 2000 });
  assert.equal(down.ok, false);
  assert.equal(down.source, 'cache');
  assert.ok(cachedCatalog(dir)?.find('test/demo-lieux'));
  const empty = mkdtempSync(join(tmpdir(), 'odw-cat-'));
  const none = await updateCatalog(empty, { url, timeoutMs: 2000 });
  assert.equal(none.source, 'bundled');
  assert.ok(!existsSync(join(empty, 'schemas.json')));
});

test('odw schemas --update: a data package and its parts, fetched into the cache folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-cat-'));
  let base = '';
  const s = await serve((req, res) => {
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json', etag: '"p1"' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/schemas/schemas.json')
      return json({
        schemas: [
          {
            name: 'test/paquet',
            title: 'Paquet',
            schema_type: 'datapackage',
            labels: [],
            versions: [{ version_name: '0.1.0', schema_url: `${base}/schemas/test/paquet/0.1.0/datapackage.json` }],
            schema_url: `${base}/schemas/test/paquet/latest/datapackage.json`,
          },
        ],
      });
    if (req.url === '/schemas/test/paquet/0.1.0/datapackage.json')
      return json({ resources: [{ name: 'lieux', path: 'lieux.csv', schema: 'lieux/schema.json' }] });
    if (req.url === '/schemas/test/paquet/0.1.0/lieux/schema.json')
      return json({ fields: [{ name: 'id_lieu' }, { name: 'nom' }, { name: 'commune' }] });
    res.writeHead(404);
    res.end();
  });
  base = s.url;
  process.env.ODW_CATALOG_CACHE = dir;
  process.env.ODW_CATALOG_URL = `${s.url}/schemas/schemas.json`;
  resetCatalog();
  try {
    const out: string[] = [];
    const err: string[] = [];
    const code = await (
      await import('../../../src/cli/schemas')
    ).schemasCommand(
      ['--update', '--format', 'json'],
      (x) => out.push(x),
      (x) => err.push(x),
    );
    assert.equal(code, 0, err.join('\n'));
    assert.match(err.join('\n'), /Catalog updated: 1 entries, 2 files fetched/);
    const j = JSON.parse(out.join(''));
    assert.equal(j.source, 'cache');
    assert.deepEqual(
      j.schemas.map((x: { name: string; partOf?: string }) => [x.name, x.partOf]),
      [['test/paquet-lieux', 'test/paquet']],
    );
    assert.equal(catalogEntry('test/paquet-lieux')?.descriptor.fields.length, 3);
    // Offline: the cache is kept and says so.
    await s.close();
    const err2: string[] = [];
    assert.equal(
      await (
        await import('../../../src/cli/schemas')
      ).schemasCommand(
        ['--update'],
        () => {},
        (x) => err2.push(x),
      ),
      1,
    );
    assert.match(err2.join('\n'), /cannot update the catalog: .*Keeping the previous cache/);
  } finally {
    delete process.env.ODW_CATALOG_CACHE;
    delete process.env.ODW_CATALOG_URL;
    resetCatalog();
  }
});

test('update: If-Modified-Since alone gets a 304; a schema file that is not Table Schema is reported, not used', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-cat-'));
  const LM = 'Sat, 22 Aug 2026 00:00:00 GMT';
  let base = '';
  const since: string[] = [];
  const s = await serve((req, res) => {
    if (req.url === '/schemas/schemas.json') {
      since.push(String(req.headers['if-modified-since'] ?? ''));
      if (req.headers['if-modified-since'] === LM) {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json', 'last-modified': LM });
      return res.end(
        JSON.stringify({
          schemas: [
            {
              name: 'test/abimes',
              title: 'Abîmés',
              schema_type: 'tableschema',
              labels: [],
              versions: ['1.0.0', '2.0.0'].map((v) => ({ version_name: v, schema_url: `${base}/schemas/test/abimes/${v}/schema.json` })),
              schema_url: `${base}/schemas/test/abimes/latest/schema.json`,
            },
          ],
        }),
      );
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    // 1.0.0 parses but is not a Table Schema; 2.0.0 is cut off mid-document.
    res.end(req.url?.includes('/1.0.0/') ? '{"fields": "nope"}' : '{"fields": [{"name": "a"');
  });
  base = s.url;
  try {
    const r = await updateCatalog(dir, { url: `${s.url}/schemas/schemas.json` });
    assert.equal(r.ok, true, r.error);
    assert.equal(r.filesFetched, 1);
    assert.equal(r.filesFailed.length, 1);
    assert.match(r.filesFailed[0], /2\.0\.0\/schema\.json \(.*JSON/);
    const again = await updateCatalog(dir, { url: `${s.url}/schemas/schemas.json` });
    assert.equal(again.notModified, true);
    assert.deepEqual(since, ['', LM]);
    process.env.ODW_CATALOG_CACHE = dir;
    resetCatalog();
    // The broken version is refused with the profile's reason, at the schema, and checks nothing.
    const { resolveSchemaArg } = await import('../../../src/core/schema/resolve');
    const bad = resolveSchemaArg('test/abimes@1.0.0');
    assert.equal(bad.compiled, null);
    assert.ok(
      bad.diagnostics.some((d) => d.rule === 'schema-error' && /fields/.test(d.message)),
      bad.diagnostics.map((d) => d.message).join('\n'),
    );
  } finally {
    delete process.env.ODW_CATALOG_CACHE;
    resetCatalog();
    await s.close();
  }
});

/** English words a French reason must not hold (fetch's, Node's and JSON.parse's included). */
const ENGLISH =
  /\b(the|not|is|has|an|larger|nested|levels|deep|fetch|failed|operation|aborted|timeout|truncated|response|list|entry|string|object|Unexpected|Unterminated|Expected)\b/;

test('update in French: why the catalog or a file was refused, and network errors, in French words', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-cat-'));
  let base = '';
  let mode = 'good';
  const good = site(() => base);
  const s = await serve((req, res) => {
    if (mode === 'files' && req.url?.includes('/demo-lieux/')) {
      // 1.0.0: cut off mid-document; 1.1.0: gone.
      if (req.url.includes('/1.0.0/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"fields": [{"name": "a"');
      }
      res.writeHead(404);
      return res.end();
    }
    if (mode === 'good' || mode === 'files' || !req.url?.startsWith('/schemas/schemas.json?')) return good(req, res);
    if (mode === 'silent') return; // never answers
    if (mode === 'status') {
      res.writeHead(503);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    if (mode === 'truncated') return res.end('{"schemas": [{"name": "test/demo-lieux", "tit');
    if (mode === 'deep') return res.end('{"schemas": ' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    if (mode === 'types') return res.end('{"schemas": [{"name": "test/x", "schema_type": "tableschema", "versions": "1.0"}]}');
    if (mode === 'empty') return res.end('{"schemas": []}');
    if (mode === 'huge') {
      res.write(' '.repeat(1_000_000));
      return res.end(' '.repeat(20_000_000));
    }
  });
  base = s.url;
  const url = `${s.url}/schemas/schemas.json`;
  const fr = { lang: 'fr' as const, timeoutMs: 500 };
  try {
    mode = 'files';
    const partial = await updateCatalog(dir, { url, ...fr });
    assert.equal(partial.ok, true, partial.error);
    const failed = partial.filesFailed.map((f) => f.replace(s.url, '')).sort();
    assert.equal(failed.length, 2, failed.join('\n'));
    assert.match(
      failed[0],
      /^\/schemas\/test\/demo-lieux\/1\.0\.0\/schema\.json \(JSON invalide \((fin de texte inattendue|erreur à la position \d+)\)\)$/,
    );
    assert.equal(failed[1], '/schemas/test/demo-lieux/1.1.0/schema.json (réponse HTTP 404)');
    for (const [m, why] of [
      ['truncated', /^JSON invalide \((fin de texte inattendue|erreur à la position \d+)\) ; document tronqué \?$/],
      ['deep', /^catalogue imbriqué sur plus de 40 niveaux$/],
      ['types', /^schemas\[0\]\.versions n’est pas une liste$/],
      ['empty', /^la liste « schemas » est vide$/],
      ['huge', /^réponse de plus de 20 Mo$/],
      ['status', /^réponse HTTP 503$/],
      ['silent', /^pas de réponse en 0,5 s$/],
    ] as const) {
      mode = m;
      const r = await updateCatalog(dir, { url: `${url}?${m}`, ...fr });
      assert.equal(r.ok, false, m);
      const prefix = `${url}?${m} : `;
      assert.ok(r.error!.startsWith(prefix), `${m}: ${r.error}`);
      const reason = r.error!.slice(prefix.length);
      assert.match(reason, why, m);
      assert.doesNotMatch(reason, ENGLISH, m);
      // The same failure in English keeps its English words.
      const en = await updateCatalog(dir, { url: `${url}?${m}`, timeoutMs: 500 });
      assert.ok(en.error!.startsWith(`${url}?${m}: `), `${m}: ${en.error}`);
      assert.doesNotMatch(en.error!, /[«»]| : /, m);
    }
  } finally {
    await s.close();
  }
  const down = await updateCatalog(dir, { url, ...fr });
  assert.equal(down.ok, false);
  assert.match(down.error!, / : connexion impossible \(ECONNREFUSED\)$/);
  assert.match((await updateCatalog(dir, { url, timeoutMs: 500 })).error!, /: fetch failed$/);
});

test('odw schemas --update --lang fr: the failure is said in French', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-cat-'));
  const s = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"schemas": "none"}');
  });
  process.env.ODW_CATALOG_CACHE = dir;
  process.env.ODW_CATALOG_URL = `${s.url}/schemas/schemas.json`;
  resetCatalog();
  try {
    const run = async (...argv: string[]) => {
      const err: string[] = [];
      const { schemasCommand } = await import('../../../src/cli/schemas');
      const code = await schemasCommand(
        ['--update', ...argv],
        () => {},
        (x) => err.push(x),
      );
      return { code, err: err.join('\n') };
    };
    const fr = await run('--lang', 'fr');
    assert.equal(fr.code, 1);
    assert.equal(
      fr.err,
      `odw : mise à jour du catalogue impossible : ${s.url}/schemas/schemas.json : pas de liste « schemas ». Catalogue conservé : copie intégrée.`,
    );
    const en = await run('--lang', 'en');
    assert.equal(en.err, `odw: cannot update the catalog: ${s.url}/schemas/schemas.json: no "schemas" list. Keeping the bundled copy.`);
  } finally {
    delete process.env.ODW_CATALOG_CACHE;
    delete process.env.ODW_CATALOG_URL;
    resetCatalog();
    await s.close();
  }
});
