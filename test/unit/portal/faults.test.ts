// Each injected fault ends in success or in a clear typed error, with timing bounds for
// Retry-After and timeouts. Delays are kept small through the options.
import test from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPortalError, PortalErrorKind, ProgressEvent, publishPlan, PublishPlan } from '../../../src/core/portal';
import type { FaultRule } from '../../emulator/faults';
import { demoUser, startUdataEmulator, UdataEmulatorOptions } from '../../emulator/udata';
import { FAST_RETRY, LeakCollector, makePlan, sampleFiles } from './helpers';

const leaks = new LeakCollector();
const keys: string[] = [];
const files = sampleFiles(500);

async function run(emuOpts: UdataEmulatorOptions, edit: (p: PublishPlan) => void = () => {}, extra: Record<string, unknown> = {}) {
  const emu = await startUdataEmulator(emuOpts);
  keys.push(emu.apiKey);
  const plan = makePlan('udata', emu.url, emu.apiKey, files);
  edit(plan);
  const started = Date.now();
  const out = await leaks.capture(() => publishPlan(plan, { retry: FAST_RETRY, timeoutMs: 1000, logger: leaks.logger, ...extra }));
  const elapsed = Date.now() - started;
  leaks.text(JSON.stringify(emu.log));
  await emu.stop();
  return { ...out, elapsed, emu };
}

function assertTyped(error: unknown, kind: PortalErrorKind) {
  assert.ok(isPortalError(error), `typed error expected, got ${String(error)}`);
  assert.equal(error.kind, kind, error.message);
  assert.ok(error.messages.en.length > 10 && error.messages.fr.length > 10);
}

test('429 with Retry-After is honoured (delay measured) then succeeds', async () => {
  const rule: FaultRule = { method: 'POST', path: /^\/api\/1\/datasets\/$/, action: { kind: 'status', status: 429, retryAfter: '1' } };
  const r = await run({ faults: [rule] });
  assert.ok(r.value, String(r.error));
  assert.equal(r.emu.state.countDatasets(), 1, 'a 429 was not processed, so one create only');
  // Measured between the refused request and the next one, as the portal sees them (not the
  // whole run, whose duration depends on the machine's load).
  const refused = r.emu.log.findIndex((e) => e.status === 429);
  const gap = r.emu.log[refused + 1].at - r.emu.log[refused].at;
  assert.ok(gap >= 950 && gap < 5000, `waited ${gap} ms for Retry-After: 1`);
});

test('503 with Retry-After on an idempotent step is retried', async () => {
  const r = await run({
    faults: [{ method: 'PUT', path: '/resources/', action: { kind: 'status', status: 503, retryAfter: '0' }, times: 2 }],
  });
  assert.ok(r.value, String(r.error));
  assert.equal(r.emu.log.filter((e) => e.status === 503).length, 2);
});

test('503 with Retry-After on the create: waited for, looked up, created once', async () => {
  const rule: FaultRule = { method: 'POST', path: /^\/api\/1\/datasets\/$/, action: { kind: 'status', status: 503, retryAfter: '1' } };
  const r = await run({ faults: [rule] });
  assert.ok(r.value, String(r.error));
  assert.equal(r.emu.state.countDatasets(), 1);
  assert.ok(r.elapsed >= 900, `waited ${r.elapsed} ms`);
  const creates = r.emu.log.filter((e) => e.method === 'POST' && e.path === '/api/1/datasets/');
  assert.equal(creates.length, 2, 'the create was not blindly resent by the transport');
  const i = r.emu.log.indexOf(creates[1]);
  assert.match(r.emu.log[i - 1].path, /\/organizations\/org-demo\/datasets\/$/, 'lookup before the second create');
});

test('a Retry-After beyond the limit fails at once with rate-limited and the delay', async () => {
  const r = await run({ faults: [{ method: 'GET', path: '/me/', action: { kind: 'status', status: 429, retryAfter: '3600' } }] });
  assertTyped(r.error, 'rate-limited');
  assert.equal((r.error as { retryAfterMs?: number }).retryAfterMs, 3_600_000);
  assert.ok(r.elapsed < 1000);
});

test('repeated 500 on GET is retried with backoff, then succeeds', async () => {
  const r = await run({ faults: [{ method: 'GET', path: '/me/', action: { kind: 'status', status: 500 }, times: 3 }] });
  assert.ok(r.value, String(r.error));
});

test('500 more times than allowed ends in a typed server error', async () => {
  const r = await run({ faults: [{ method: 'PUT', path: '/resources/', action: { kind: 'status', status: 500 }, times: Infinity }] });
  assertTyped(r.error, 'server');
  assert.equal((r.error as { step?: string }).step, 'declare-resource');
});

test('latency beyond the timeout: retried when idempotent, typed timeout otherwise', async () => {
  const once = await run({ faults: [{ method: 'GET', path: '/me/', action: { kind: 'latency', ms: 400 } }] }, undefined, {
    timeoutMs: 150,
  });
  assert.ok(once.value, String(once.error));
  const always = await run(
    { faults: [{ method: 'GET', path: '/me/', action: { kind: 'latency', ms: 400 }, times: Infinity }] },
    undefined,
    { timeoutMs: 100 },
  );
  assertTyped(always.error, 'timeout');
  assert.ok(always.elapsed < 1500, `${always.elapsed} ms`);
});

test('connection reset mid-upload of a replacement is retried (idempotent)', async () => {
  const emu = await startUdataEmulator();
  keys.push(emu.apiKey);
  try {
    const own = sampleFiles();
    const saved = (await publishPlan(makePlan('udata', emu.url, emu.apiKey, own), { retry: FAST_RETRY })).linkage;
    // A changed file replaces its resource's file; an unchanged one would not be sent at all.
    appendFileSync(own.subventions, 'Commune de Démo,21350238800019,2024-12-31,Association nouvelle,999\r\n');
    emu.faults.add({ method: 'POST', path: '/resources/', action: { kind: 'reset', afterBytes: 2000 }, times: 2 });
    const r = await publishPlan(makePlan('udata', emu.url, emu.apiKey, own, saved), { retry: FAST_RETRY, logger: leaks.logger });
    assert.deepEqual(r.linkage, saved);
    assert.equal(emu.faults.firedCount, 2);
    assert.equal(emu.state.countResources(), 2);
  } finally {
    await emu.stop();
  }
});

test('slow upload reports growing byte progress and succeeds', async () => {
  const progress: ProgressEvent[] = [];
  const r = await run({ faults: [{ method: 'POST', path: '/upload/', action: { kind: 'slow-body', delayMsPerChunk: 20 } }] }, undefined, {
    onProgress: (p: ProgressEvent) => progress.push(p),
  });
  assert.ok(r.value, String(r.error));
  const sent = progress.filter((p) => p.path === files.subventions).map((p) => p.sent);
  assert.ok(sent.length >= 2 && sent.every((v, i) => i === 0 || v > sent[i - 1]));
});

test('413 over the size limit, 415 for HTML, 423 read-only, 400 with field errors', async () => {
  const big = await run({ maxUploadBytes: 2000 });
  assertTyped(big.error, 'too-large');
  assert.equal((big.error as { step?: string }).step, 'upload-resource');

  const html = join(files.dir, 'page.csv');
  writeFileSync(html, '<!DOCTYPE html><html><body>Erreur</body></html>');
  const h = await run({}, (p) => (p.files[1].path = html));
  assertTyped(h.error, 'unsupported-media');

  const ro = await run({ readOnly: true });
  assertTyped(ro.error, 'locked');

  const tags = await run({}, (p) => (p.dataset.tags = ['ok-tag', 'ab']));
  assertTyped(tags.error, 'bad-request');
  assert.match((tags.error as { fieldErrors?: Record<string, string[]> }).fieldErrors!.tags[0], /between 3 and 96/);
  assert.match((tags.error as Error).message, /tags:/);
});

test('401 expired key, 403 on a dataset of another organization, network error', async () => {
  const expired = { ...demoUser(), expired: true };
  const e = await run({ users: [expired] });
  assertTyped(e.error, 'unauthorized');
  assert.match((e.error as Error).message, /Expired API token/);

  const emu = await startUdataEmulator({
    users: [demoUser(), { ...demoUser(), id: 'u2', organizations: [{ id: 'org-b', name: 'B', slug: 'b' }] }],
  });
  keys.push(...emu.state.users.map((u) => u.apiKey));
  try {
    const foreign = emu.state.create({ title: 'Autre', description: 'x', organization: 'org-b', private: false }, emu.state.users[1]);
    // A project file naming a dataset we did not create is refused before any write (#16).
    const plan = makePlan('udata', emu.url, emu.apiKey, files, { datasetId: foreign.id, resources: {} });
    const f = await leaks.capture(() => publishPlan(plan, { retry: FAST_RETRY, logger: leaks.logger }));
    assertTyped(f.error, 'linkage-mismatch');
    assert.equal(emu.state.countResources(), 0);
    assert.equal(emu.log.filter((l) => l.method !== 'GET').length, 0, 'no write request');
    // Linked by hand (explicit), the dataset of another organisation answers 403 on the first write.
    const g = await leaks.capture(() =>
      publishPlan(
        { ...plan, linkage: { datasetId: foreign.id, resources: {}, explicit: true } },
        { retry: FAST_RETRY, logger: leaks.logger },
      ),
    );
    assertTyped(g.error, 'forbidden');
    assert.equal(emu.state.countResources(), 0);
  } finally {
    await emu.stop();
  }
  const closed = await startUdataEmulator();
  keys.push(closed.apiKey);
  const url = closed.url;
  await closed.stop();
  const n = await leaks.capture(() =>
    publishPlan(makePlan('udata', url, closed.apiKey, files), { retry: FAST_RETRY, logger: leaks.logger }),
  );
  assertTyped(n.error, 'network');
});

test('the API key appears in no log line or error message of this file', () => {
  leaks.assertClean(keys);
});
