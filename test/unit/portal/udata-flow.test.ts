// End-to-end publish against the udata emulator: create → upload → schema → metadata →
// replace, private semantics, dry run, progress, typed errors, cancellation.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createPortalClient, isPortalError, publish, publishPlan, PortalError, ProgressEvent } from '../../../src/core/portal';
import { startUdataEmulator } from '../../emulator/udata';
import { CheckpointStore, FAST_RETRY, LeakCollector, makePlan, sampleFiles } from './helpers';

const leaks = new LeakCollector();
const keys: string[] = [];
const files = sampleFiles(2000);

async function emulator(opts = {}) {
  const emu = await startUdataEmulator(opts);
  keys.push(emu.apiKey);
  return emu;
}
const clientOpts = { retry: FAST_RETRY, timeoutMs: 2000, logger: leaks.logger };
const isDatasetWrite = (e: { method: string; path: string }) =>
  (e.method === 'POST' && e.path === '/api/1/datasets/') || (e.method === 'PUT' && /^\/api\/1\/datasets\/[^/]+\/$/.test(e.path));

test('create → upload → schema → metadata, then replace on re-run', async () => {
  const emu = await emulator();
  try {
    const store = new CheckpointStore();
    const progress: ProgressEvent[] = [];
    const plan = makePlan('udata', emu.url, emu.apiKey, files);
    const first = await publishPlan(plan, { ...clientOpts, onCheckpoint: store.onCheckpoint, onProgress: (p) => progress.push(p) });

    assert.equal(emu.state.countDatasets(), 1);
    assert.equal(emu.state.countResources(), 2);
    const ds = emu.state.find(first.datasetId)!;
    assert.equal(ds.private, false, 'public at the end as the plan asks');
    assert.equal(ds.license, 'lov2');
    assert.deepEqual(
      ds.resources.map((r) => r.schema),
      [
        { name: 'scdl/subventions', version: '2.1.1' },
        { name: 'scdl/budget', version: '0.8.3' },
      ],
    );
    assert.deepEqual(
      ds.resources.map((r) => r.title),
      ['Subventions 2024', 'Budget primitif 2024'],
    );
    const localSha = createHash('sha256').update(readFileSync(files.subventions)).digest('hex');
    assert.equal(ds.resources[0].sha256, localSha, 'stored bytes equal the local file');
    assert.match(first.datasetUrl ?? '', /\/fr\/datasets\//);
    assert.ok(first.resources.every((r) => r.url?.startsWith(emu.url)));
    // Checkpoints: marker, dataset id, then one per resource.
    assert.equal(store.count, 4);
    assert.deepEqual(store.saved, first.linkage);
    assert.equal(store.saved.resources[files.budget], ds.resources[1].id);
    // Progress reaches the full body size for each upload.
    const last = progress.filter((p) => p.path === files.subventions).at(-1)!;
    assert.equal(last.sent, last.total);
    assert.ok(last.total > readFileSync(files.subventions).length);

    // Re-run with the saved linkage and a changed file: same ids, new bytes, new metadata.
    writeFileSync(files.budget, 'BGT_NATDEC,BGT_ANNEE,BGT_SIRET\r\nBP,2025,21350238800019\r\n');
    const plan2 = makePlan('udata', emu.url, emu.apiKey, files, store.saved);
    plan2.dataset.title = 'Subventions 2024 (mise à jour)';
    const second = await publishPlan(plan2, { ...clientOpts, onCheckpoint: store.onCheckpoint });
    assert.equal(second.datasetId, first.datasetId);
    assert.deepEqual(
      second.resources.map((r) => r.resourceId),
      first.resources.map((r) => r.resourceId),
    );
    assert.equal(emu.state.countDatasets(), 1);
    assert.equal(emu.state.countResources(), 2);
    assert.equal(ds.title, 'Subventions 2024 (mise à jour)');
    assert.equal(ds.resources[1].sha256, createHash('sha256').update(readFileSync(files.budget)).digest('hex'));
    assert.ok(emu.log.some((e) => e.method === 'POST' && e.path.endsWith(`/resources/${ds.resources[1].id}/upload/`)));

    // private on every dataset write; the create asks for private: true.
    const writes = emu.log.filter(isDatasetWrite);
    assert.equal(writes.length, 3);
    for (const w of writes) assert.equal(typeof w.json?.private, 'boolean', `${w.method} ${w.path} lacks private`);
    assert.equal(writes[0].json.private, true);
    // The request log never holds the key.
    assert.ok(!JSON.stringify(emu.log).includes(emu.apiKey));
    leaks.text(JSON.stringify(emu.log));
  } finally {
    await emu.stop();
  }
});

test('a plan asking for private keeps the dataset private', async () => {
  const emu = await emulator();
  try {
    const plan = makePlan('udata', emu.url, emu.apiKey, files);
    plan.dataset.private = true;
    const r = await publishPlan(plan, clientOpts);
    assert.equal(emu.state.find(r.datasetId)!.private, true);
    assert.ok(emu.log.filter(isDatasetWrite).every((w) => w.json.private === true));
  } finally {
    await emu.stop();
  }
});

test('dry run lists every request with the key masked and sends nothing', async () => {
  const emu = await emulator();
  try {
    const plan = makePlan('udata', emu.url, emu.apiKey, files);
    const r = await publishPlan(plan, { ...clientOpts, dryRun: true });
    assert.equal(emu.log.length, 0, 'nothing reached the portal');
    const reqs = r.requests!;
    const lines = reqs.map((q) => `${q.method} ${q.url.replace(emu.url, '')}`);
    assert.deepEqual(
      lines.map((l) => l.replace(/\?.*$/, '')),
      [
        'GET /api/1/me/',
        'GET /api/1/datasets/extensions/',
        'GET /api/1/spatial/zone/fr%3Acommune%3A35238/',
        'POST /api/1/datasets/',
        'POST /api/1/datasets/DRY-RUN-DATASET-ID/upload/',
        `PUT /api/1/datasets/DRY-RUN-DATASET-ID/resources/${r.linkage.resources[files.subventions]}/`,
        `POST /api/1/datasets/DRY-RUN-DATASET-ID/upload/`,
        `PUT /api/1/datasets/DRY-RUN-DATASET-ID/resources/${r.linkage.resources[files.budget]}/`,
        'PUT /api/1/datasets/DRY-RUN-DATASET-ID/',
      ],
    );
    for (const q of reqs) assert.equal(q.headers['X-API-KEY'], '***');
    assert.equal((reqs[3].json as any).private, true);
    assert.equal(reqs[4].multipart?.file.field, 'file');
    assert.equal(reqs[4].multipart?.file.size, readFileSync(files.subventions).length);
    assert.deepEqual((reqs[5].json as any).schema, { name: 'scdl/subventions', version: '2.1.1' });
    const text = JSON.stringify(reqs);
    assert.ok(!text.includes(emu.apiKey));
    leaks.text(text);
  } finally {
    await emu.stop();
  }
});

test('non-HTTPS, non-loopback URLs are refused before any request', async () => {
  for (const url of [
    'http://www.data.gouv.fr',
    'http://10.0.0.5:8080',
    'ftp://127.0.0.1',
    'http://127.example.org',
    'http://localhost:1',
    'http://evil.localhost:1',
  ]) {
    const { error } = await leaks.capture(() => publishPlan(makePlan('udata', url, 'secret-key-123456', files), clientOpts));
    assert.ok(isPortalError(error, 'unsafe-url'), `${url} should be refused`);
    assert.match(error.messages.fr, /HTTPS/);
  }
  for (const url of ['https://demo.data.gouv.fr', 'http://127.0.0.2:1', 'http://[::1]:1']) {
    assert.doesNotThrow(() => createPortalClient({ kind: 'udata', baseUrl: url, apiKey: 'k' }));
  }
  keys.push('secret-key-123456');
});

test('typed errors: bad key, unknown schema, wrong organization, deleted linked dataset', async () => {
  const emu = await emulator();
  try {
    const bad = await leaks.capture(() => publishPlan(makePlan('udata', emu.url, 'wrong-key-abcdef', files), clientOpts));
    assert.ok(isPortalError(bad.error, 'unauthorized'));
    assert.match(bad.error.message, /Invalid API token/);
    assert.match(bad.error.messages.fr, /clé d’API/);
    keys.push('wrong-key-abcdef');

    const plan = makePlan('udata', emu.url, emu.apiKey, files);
    plan.files[0].schema = { name: 'scdl/inconnu', version: '1.0.0' };
    const schemaErr = await leaks.capture(() => publishPlan(plan, clientOpts));
    assert.ok(isPortalError(schemaErr.error, 'bad-request'));
    assert.equal(schemaErr.error.step, 'declare-resource');
    assert.match(schemaErr.error.fieldErrors!.schema[0], /not an allowed value/);

    const other = makePlan('udata', emu.url, emu.apiKey, files);
    other.dataset.organization = 'org-voisine';
    const orgErr = await leaks.capture(() => publishPlan(other, clientOpts));
    assert.ok(isPortalError(orgErr.error, 'not-org-member'));

    const store = new CheckpointStore();
    const ok = await publishPlan(makePlan('udata', emu.url, emu.apiKey, files), { ...clientOpts, onCheckpoint: store.onCheckpoint });
    emu.state.find(ok.datasetId)!.deleted = true;
    const gone = await leaks.capture(() => publishPlan(makePlan('udata', emu.url, emu.apiKey, files, store.saved), clientOpts));
    assert.ok(isPortalError(gone.error, 'linked-dataset-gone'));
    assert.match((gone.error as PortalError).messages.fr, /n’existe plus/);
  } finally {
    await emu.stop();
  }
});

test('an AbortSignal cancels a slow upload with a typed error', async () => {
  const emu = await emulator({ faults: [{ method: 'POST', path: '/upload/', action: { kind: 'slow-body', delayMsPerChunk: 200 } }] });
  try {
    const ctl = new AbortController();
    const client = createPortalClient(makePlan('udata', emu.url, emu.apiKey, files).profile, {
      ...clientOpts,
      signal: ctl.signal,
      onProgress: (p) => p.sent > 0 && ctl.abort(),
    });
    const r = await leaks.capture(() => publish(makePlan('udata', emu.url, emu.apiKey, files), client, { logger: leaks.logger }));
    assert.ok(isPortalError(r.error, 'cancelled'));
  } finally {
    await emu.stop();
  }
});

test('the API key appears in no log line, error message or dry run of this file', () => {
  leaks.assertClean(keys);
});
