// The behaviours of #21, each as the real portal has it (the emulator cites the udata / CKAN
// source it follows) and as the client must handle it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertTsvToCsv, isPortalError, publishPlan, type PublishPlan } from '../../../src/core/portal';
import { startCkanEmulator } from '../../emulator/ckan';
import { demoUser, startUdataEmulator, type UdataEmulatorOptions } from '../../emulator/udata';
import { FAST_RETRY, LeakCollector, makePlan, sampleFiles } from './helpers';

const leaks = new LeakCollector();
const keys: string[] = [];
const files = sampleFiles();
const opts = { retry: FAST_RETRY, logger: leaks.logger };

async function udata(o: UdataEmulatorOptions = {}) {
  const emu = await startUdataEmulator(o);
  keys.push(...emu.state.users.map((u) => u.apiKey));
  return emu;
}
const writesOf = (log: { method: string }[]) => log.filter((l) => l.method !== 'GET').length;

test('udata: a deleted dataset reads 200 with its date for its owner, 410 for others; the client sees it gone', async () => {
  const emu = await udata({ users: [demoUser(), { ...demoUser(), id: 'u2', organizations: [] }] });
  try {
    const first = await publishPlan(makePlan('udata', emu.url, emu.apiKey, files), opts);
    const d = emu.state.find(first.datasetId)!;
    d.deleted = new Date().toISOString();
    const own = await fetch(`${emu.url}/api/1/datasets/${d.id}/`, { headers: { 'X-API-KEY': emu.apiKey } });
    assert.equal(own.status, 200);
    assert.ok((await own.json()).deleted, 'owner sees the deletion date');
    const other = await fetch(`${emu.url}/api/1/datasets/${d.id}/`, { headers: { 'X-API-KEY': emu.state.users[1].apiKey } });
    assert.equal(other.status, 410);
    const put = await fetch(`${emu.url}/api/1/datasets/${d.id}/`, {
      method: 'PUT',
      headers: { 'X-API-KEY': emu.apiKey, 'Content-Type': 'application/json' },
      body: '{"title":"x","description":"y"}',
    });
    assert.equal(put.status, 410, 'a write to a deleted dataset is 410');
    const n = emu.log.length;
    const again = await leaks.capture(() => publishPlan(makePlan('udata', emu.url, emu.apiKey, files, first.linkage), opts));
    assert.ok(isPortalError(again.error, 'linked-dataset-gone'), String(again.error));
    assert.equal(writesOf(emu.log.slice(n)), 0, 'nothing uploaded into the trash');
  } finally {
    await emu.stop();
  }
});

test('udata: unknown zones and granularities are refused before anything is created, with the portal’s suggestions', async () => {
  const emu = await udata();
  try {
    const bad = (edit: (p: PublishPlan) => void) => {
      const p = makePlan('udata', emu.url, emu.apiKey, files);
      edit(p);
      return leaks.capture(() => publishPlan(p, opts));
    };
    const z = await bad((p) => (p.dataset.spatial = { zones: ['fr:commune:99999'], granularity: 'fr:commune' }));
    assert.ok(isPortalError(z.error, 'bad-spatial'), String(z.error));
    assert.match((z.error as Error).message, /fr:commune:99999/);
    const g = await bad((p) => (p.dataset.spatial = { zones: ['fr:commune:35238'], granularity: 'commune' }));
    assert.ok(isPortalError(g.error, 'bad-spatial'));
    assert.match((g.error as Error).message, /unknown granularity commune/);
    assert.equal(writesOf(emu.log), 0);
    // The emulator refuses like udata's ZonesField if a client sends one anyway.
    const r = await fetch(`${emu.url}/api/1/datasets/`, {
      method: 'POST',
      headers: { 'X-API-KEY': emu.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 't', description: 'd', spatial: { zones: ['fr:commune:99999'] } }),
    });
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(await r.json()), /Unknown geoid\(s\): fr:commune:99999/);
    const s = await (await fetch(`${emu.url}/api/1/spatial/zones/suggest/?q=rennes`)).json();
    assert.equal(s[0].id, 'fr:commune:35238');
  } finally {
    await emu.stop();
  }
});

test('udata: .tsv is not in the allowed extensions: refused before the dataset exists; the CSV copy publishes', async () => {
  const emu = await udata();
  try {
    const ext = await (await fetch(`${emu.url}/api/1/datasets/extensions/`)).json();
    assert.ok(ext.includes('csv') && !ext.includes('tsv'));
    const tsv = join(files.dir, 'equipements.tsv');
    writeFileSync(tsv, 'nom\tcapacite\tnote\n"Salle, A"\t120\tdit "la grande"\nPiscine\t450\t\n');
    const p = makePlan('udata', emu.url, emu.apiKey, files);
    p.files = [{ path: tsv, title: 'Équipements', format: 'tsv' }];
    const r = await leaks.capture(() => publishPlan(p, opts));
    assert.ok(isPortalError(r.error, 'extension-not-allowed'), String(r.error));
    assert.match((r.error as Error).message, /convert the TSV to CSV/);
    assert.equal(writesOf(emu.log), 0, 'no empty private dataset left behind');
    const csv = convertTsvToCsv(tsv, files.dir);
    assert.equal(readFileSync(csv, 'utf8'), 'nom,capacite,note\r\n"Salle, A",120,"dit ""la grande"""\r\nPiscine,450,\r\n');
    p.files = [{ path: csv, title: 'Équipements', format: 'csv' }];
    await publishPlan(p, opts);
    assert.equal(emu.state.countDatasets(), 1);
  } finally {
    await emu.stop();
  }
});

test('udata: the answer to a large upload comes after the storage copy: the wait grows with the size, the orphan check looks twice', async () => {
  const big = join(files.dir, '20240101_213502388_gros.csv');
  writeFileSync(big, 'a,b\n' + '1234567890,abcdefghij\n'.repeat(60_000)); // ≈ 1.3 MB
  const plan = (url: string, key: string) => ({
    ...makePlan('udata', url, key, files),
    files: [{ path: big, title: 'Gros', format: 'csv' }],
  });
  // A fixed wait times out while udata copies; the grown wait sees the answer: one upload.
  let emu = await udata({ storageMsPerMB: 400 });
  try {
    await publishPlan(plan(emu.url, emu.apiKey), { ...opts, timeoutMs: 300, postUploadMsPerMB: 600 });
    assert.equal(emu.log.filter((l) => l.path.endsWith('/upload/')).length, 1);
    assert.equal(emu.state.countResources(), 1);
  } finally {
    await emu.stop();
  }
  // No extra wait: the first orphan check runs while the copy is still going on, the
  // delayed second one finds the resource, so the file is not sent twice.
  emu = await udata({ storageMsPerMB: 400 });
  try {
    const r = await publishPlan(plan(emu.url, emu.apiKey), {
      ...opts,
      retry: { ...FAST_RETRY, retries: 0 },
      timeoutMs: 200,
      postUploadMsPerMB: 0,
      orphanRecheckMs: () => 1200,
    });
    assert.equal(emu.log.filter((l) => l.path.endsWith('/upload/')).length, 1, 'uploaded once');
    assert.equal(emu.state.countResources(), 1, 'no duplicate');
    assert.equal(Object.values(r.linkage.resources)[0], emu.state.liveDatasets()[0].resources[0].id);
  } finally {
    await emu.stop();
  }
  // Without the second look, the same timing uploads twice: the check above is what prevents it.
  emu = await udata({ storageMsPerMB: 400 });
  try {
    await publishPlan(plan(emu.url, emu.apiKey), {
      ...opts,
      retry: { ...FAST_RETRY, retries: 0 },
      timeoutMs: 200,
      postUploadMsPerMB: 0,
      orphanRecheckMs: () => 0,
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(emu.state.countResources() >= 2, 'a duplicate without the delayed check');
  } finally {
    await emu.stop();
  }
});

test('udata: a partial editor may not publish for the organisation; the read-only mode blocks only creations', async () => {
  const emu = await udata({
    users: [
      { ...demoUser(), organizations: [{ id: 'org-demo', name: 'Commune de Démo', slug: 'commune-de-demo', role: 'partial_editor' }] },
    ],
  });
  try {
    const r = await leaks.capture(() => publishPlan(makePlan('udata', emu.url, emu.apiKey, files), opts));
    assert.ok(isPortalError(r.error, 'no-publish-right'), String(r.error));
    assert.match((r.error as Error).message, /Commune de Démo \(role: partial_editor\)/);
    assert.equal(writesOf(emu.log), 0);
  } finally {
    await emu.stop();
  }
  const ro = await udata();
  try {
    const first = await publishPlan(makePlan('udata', ro.url, ro.apiKey, files), opts);
    await ro.stop();
    const locked = await udata({ readOnly: true, users: ro.state.users });
    try {
      const put = await fetch(`${locked.url}/api/1/me/`, { headers: { 'X-API-KEY': ro.apiKey } });
      assert.equal(put.status, 200);
      const post = await fetch(`${locked.url}/api/1/datasets/`, {
        method: 'POST',
        headers: { 'X-API-KEY': ro.apiKey, 'Content-Type': 'application/json' },
        body: '{"title":"t","description":"d"}',
      });
      assert.equal(post.status, 423);
    } finally {
      await locked.stop();
    }
    assert.ok(first.datasetId);
  } catch (e) {
    await ro.stop().catch(() => undefined);
    throw e;
  }
});

test('udata: resource type per file (a PDF guide is documentation) and the schema with its version', async () => {
  const emu = await udata();
  try {
    const pdf = join(files.dir, 'guide.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% guide\n');
    const p = makePlan('udata', emu.url, emu.apiKey, files);
    p.files.push({ path: pdf, title: 'Guide de lecture', format: 'pdf' });
    await publishPlan(p, opts);
    const rs = emu.state.liveDatasets()[0].resources;
    assert.deepEqual(
      rs.map((r) => r.type),
      ['main', 'main', 'documentation'],
    );
    assert.deepEqual(rs[0].schema, { name: 'scdl/subventions', version: '2.1.1' });
  } finally {
    await emu.stop();
  }
});

test('CKAN: licence ids from license_list, an unknown token is anonymous (bad key), 10 MB default limit', async () => {
  const emu = await startCkanEmulator({ maxResourceMB: 0.002 });
  keys.push(emu.apiKey);
  try {
    const p = makePlan('ckan', emu.url, emu.apiKey, files);
    p.dataset.license = 'ODbL-1.0';
    p.files = p.files.slice(1); // the small budget file (< 2 KB)
    const r = await publishPlan(p, opts);
    assert.equal(emu.state.find(r.datasetId)!.license_id, 'odc-odbl');
    const q = makePlan('ckan', emu.url, emu.apiKey, files);
    q.dataset.license = 'etalab-2.0';
    q.files = q.files.slice(1);
    q.dataset.title = 'Autre jeu';
    const r2 = await publishPlan(q, opts);
    assert.equal(emu.state.find(r2.datasetId)!.license_id, undefined, 'not stored unrecognised');
    assert.match(r2.warnings!.join(' '), /no licence matching etalab-2.0/);

    const anon = await leaks.capture(() => publishPlan(makePlan('ckan', emu.url, 'not-a-real-token-123456', files), opts));
    keys.push('not-a-real-token-123456');
    assert.ok(isPortalError(anon.error, 'unauthorized'), String(anon.error));
    assert.match((anon.error as Error).message, /anonymous/);

    const big = await leaks.capture(() => publishPlan(makePlan('ckan', emu.url, emu.apiKey, files), opts));
    assert.ok(isPortalError(big.error, 'too-large'), String(big.error));
    assert.match((big.error as Error).message, /10 MB/);
  } finally {
    await emu.stop();
  }
});

test('a dataset linked by hand is adopted (our marker added, its own extras kept), then verified on later runs', async () => {
  const emu = await udata();
  try {
    const own = emu.state.create(
      { title: 'Créé sur le site', description: 'x', organization: 'org-demo', private: true, extras: { 'harvest:source': 'site' } },
      emu.state.users[0],
    );
    const first = await publishPlan(
      makePlan('udata', emu.url, emu.apiKey, files, { datasetId: own.id, resources: {}, explicit: true }),
      opts,
    );
    assert.equal(first.datasetId, own.id);
    assert.equal(own.extras['harvest:source'], 'site', 'the owner’s extras are kept');
    assert.equal(own.extras['odw:publish-id'], first.linkage.marker, 'our marker is added');
    assert.equal(first.linkage.explicit, undefined, 'explicit is never persisted');
    const again = await publishPlan(makePlan('udata', emu.url, emu.apiKey, files, first.linkage), opts);
    assert.equal(again.datasetId, own.id);
    assert.equal(emu.state.countDatasets(), 1);
  } finally {
    await emu.stop();
  }
});

test('the API key appears in no log line or error message of this file', () => {
  leaks.assertClean(keys);
});
