// CKAN flow against the CKAN emulator: create → upload → update (replace), private on every
// package write, resume without duplicates, dry run with the Authorization header masked.
import test from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { isPortalError, publishPlan } from '../../../src/core/portal';
import { startCkanEmulator } from '../../emulator/ckan';
import { CheckpointStore, FAST_RETRY, LeakCollector, makePlan, sampleFiles } from './helpers';

const leaks = new LeakCollector();
const keys: string[] = [];
const files = sampleFiles(200);
const opts = { retry: FAST_RETRY, timeoutMs: 2000, logger: leaks.logger };
const isPackageWrite = (e: { path: string }) => /package_(create|patch)$/.test(e.path);

test('CKAN: create → upload → update with replacement', async () => {
  const emu = await startCkanEmulator();
  keys.push(emu.apiKey);
  try {
    const store = new CheckpointStore();
    const first = await publishPlan(makePlan('ckan', emu.url, emu.apiKey, files), { ...opts, onCheckpoint: store.onCheckpoint });
    assert.equal(emu.state.countDatasets(), 1);
    assert.equal(emu.state.countResources(), 2);
    const pkg = emu.state.find(first.datasetId)!;
    assert.equal(pkg.name, store.saved.marker, 'the generated slug is the resume marker');
    assert.match(pkg.name, /^subventions-accordees-par-la-commune-de-demo-[0-9a-f]{8}$/);
    assert.equal(pkg.private, false);
    assert.equal(pkg.notes?.slice(0, 12), 'Liste des su');
    assert.deepEqual(pkg.tags, [{ name: 'subventions' }, { name: 'scdl' }]);
    assert.deepEqual(JSON.parse(String(pkg.resources[0].schema)), { name: 'scdl/subventions', version: '2.1.1' });
    assert.equal(pkg.resources[0].name, 'Subventions 2024');
    assert.match(first.datasetUrl ?? '', /\/dataset\/subventions-/);

    writeFileSync(files.budget, 'BGT_NATDEC,BGT_ANNEE\r\nBP,2026\r\n');
    const plan2 = makePlan('ckan', emu.url, emu.apiKey, files, store.saved);
    plan2.dataset.description += ' Mise à jour 2026.';
    const second = await publishPlan(plan2, { ...opts, onCheckpoint: store.onCheckpoint });
    assert.deepEqual(second.linkage, first.linkage);
    assert.equal(emu.state.countResources(), 2);
    assert.equal(pkg.resources[1].size, 'BGT_NATDEC,BGT_ANNEE\r\nBP,2026\r\n'.length);
    assert.equal(pkg.resources[1].name, 'Budget primitif 2024', 'resource_update re-sent every field');
    assert.match(pkg.notes ?? '', /Mise à jour 2026/);
    assert.deepEqual(pkg.extras.find((e) => e.key === 'odw_publish_id')?.value, pkg.name, 'extras not managed by the patch are kept');
    assert.ok(emu.log.some((e) => e.path.endsWith('/resource_update')));

    const writes = emu.log.filter(isPackageWrite);
    assert.equal(writes.length, 3);
    assert.ok(writes.every((w) => typeof w.json.private === 'boolean'));
    assert.equal(writes[0].json.private, true);
    assert.ok(!JSON.stringify(emu.log).includes(emu.apiKey));
    leaks.text(JSON.stringify(emu.log));
  } finally {
    await emu.stop();
  }
});

test('CKAN: lost answers to package_create and resource_create do not duplicate', async () => {
  const emu = await startCkanEmulator({
    faults: [
      { method: 'POST', path: '/package_create', action: { kind: 'status-after', status: 500 } },
      { method: 'POST', path: '/resource_create', action: { kind: 'reset-after' }, skip: 1 },
    ],
  });
  keys.push(emu.apiKey);
  try {
    const store = new CheckpointStore();
    const r = await publishPlan(makePlan('ckan', emu.url, emu.apiKey, files), { ...opts, onCheckpoint: store.onCheckpoint });
    assert.equal(emu.faults.firedCount, 2);
    assert.equal(emu.state.countDatasets(), 1);
    assert.equal(emu.state.countResources(), 2);
    assert.deepEqual(new Set(Object.values(r.linkage.resources)), new Set(emu.state.find(r.datasetId)!.resources.map((x) => x.id)));
  } finally {
    await emu.stop();
  }
});

test('CKAN: validation errors are typed with their fields; a bad token is a bad key (CKAN answers as to anonymous)', async () => {
  const emu = await startCkanEmulator();
  keys.push(emu.apiKey);
  try {
    const noOrg = makePlan('ckan', emu.url, emu.apiKey, files);
    noOrg.dataset.organization = undefined;
    const r = await leaks.capture(() => publishPlan(noOrg, opts));
    assert.ok(isPortalError(r.error, 'bad-request'));
    assert.deepEqual(Object.keys(r.error.fieldErrors ?? {}), ['owner_org']);
    assert.equal(r.error.step, 'create-dataset');

    const bad = await leaks.capture(() => publishPlan(makePlan('ckan', emu.url, 'not-the-token-xyz', files), opts));
    keys.push('not-the-token-xyz');
    assert.ok(isPortalError(bad.error, 'unauthorized'), String(bad.error));
    assert.equal(bad.error.step, 'check-key');
    assert.equal(emu.log.filter((l) => l.path.endsWith('package_create')).length, 1, 'only the first plan reached a create');
  } finally {
    await emu.stop();
  }
});

test('CKAN: dry run masks the Authorization header', async () => {
  const emu = await startCkanEmulator();
  keys.push(emu.apiKey);
  try {
    const r = await publishPlan(makePlan('ckan', emu.url, emu.apiKey, files), { ...opts, dryRun: true });
    assert.equal(emu.log.length, 0);
    assert.deepEqual(
      r.requests!.map((q) => q.url.split('/').at(-1)),
      [
        'organization_list_for_user',
        'license_list',
        'package_create',
        'resource_create',
        'resource_create',
        'package_show',
        'package_patch',
      ],
    );
    assert.ok(r.requests!.every((q) => q.headers.Authorization === '***'));
    assert.equal(r.requests![3].multipart?.file.field, 'upload');
    leaks.text(JSON.stringify(r.requests));
  } finally {
    await emu.stop();
  }
});

test('the API key appears in no log line or error message of this file', () => {
  leaks.assertClean(keys);
});
