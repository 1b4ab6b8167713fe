// Resume after a failure at each step: inject a fault at step k (before or after the portal
// did the work), re-run with the saved checkpoint, and count: exactly one dataset, exactly
// one resource per file, every resource linked, nothing orphaned.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isPortalError, publishPlan } from '../../../src/core/portal';
import type { FaultAction, FaultRule } from '../../emulator/faults';
import { startUdataEmulator, UdataEmulator } from '../../emulator/udata';
import { CheckpointStore, FAST_RETRY, LeakCollector, makePlan, sampleFiles } from './helpers';

const leaks = new LeakCollector();
const keys: string[] = [];
const files = sampleFiles(3000);

/** The seven requests of a first publication of two files, in order. */
const STEPS: { name: string; rule: Omit<FaultRule, 'action'> }[] = [
  { name: 'GET /me/', rule: { method: 'GET', path: '/api/1/me/' } },
  { name: 'create dataset', rule: { method: 'POST', path: /^\/api\/1\/datasets\/$/ } },
  { name: 'upload file 1', rule: { method: 'POST', path: '/upload/' } },
  { name: 'declare resource 1', rule: { method: 'PUT', path: '/resources/' } },
  { name: 'upload file 2', rule: { method: 'POST', path: '/upload/', skip: 1 } },
  { name: 'declare resource 2', rule: { method: 'PUT', path: '/resources/', skip: 1 } },
  { name: 'update dataset', rule: { method: 'PUT', path: /^\/api\/1\/datasets\/[^/]+\/$/ } },
];

const FAULTS: { name: string; action: FaultAction }[] = [
  { name: '500 before processing', action: { kind: 'status', status: 500 } },
  { name: '502 after processing', action: { kind: 'status-after', status: 502 } },
  { name: 'reset mid-body', action: { kind: 'reset', afterBytes: 1000 } },
  { name: 'reset after processing', action: { kind: 'reset-after' } },
];

function assertOneCleanDataset(emu: UdataEmulator, linkage: { datasetId?: string; resources: Record<string, string> }, label: string) {
  assert.equal(emu.state.countDatasets(), 1, `${label}: datasets`);
  assert.equal(emu.state.countResources(), 2, `${label}: resources (orphans?)`);
  const ds = emu.state.liveDatasets()[0];
  assert.equal(linkage.datasetId, ds.id, `${label}: linked dataset`);
  assert.deepEqual(new Set(Object.values(linkage.resources)), new Set(ds.resources.map((r) => r.id)), `${label}: every resource linked`);
  assert.ok(
    ds.resources.every((r) => r.schema?.name?.startsWith('scdl/')),
    `${label}: schemas declared`,
  );
  assert.equal(ds.private, false, `${label}: final visibility`);
  const bySha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
  assert.equal(
    ds.resources.find((r) => r.id === linkage.resources[files.subventions])?.sha256,
    bySha(files.subventions),
    `${label}: bytes`,
  );
}

async function runWithResume(emu: UdataEmulator, store: CheckpointStore, label: string) {
  const plan = makePlan('udata', emu.url, emu.apiKey, files);
  // No transport retries on the first run, so every fault surfaces to the orchestrator.
  const first = await leaks.capture(() =>
    publishPlan(plan, {
      retry: { ...FAST_RETRY, retries: 0 },
      timeoutMs: 2000,
      orphanRecheckMs: () => 20,
      logger: leaks.logger,
      onCheckpoint: store.onCheckpoint,
    }),
  );
  if (first.error && !(first.error instanceof Error && /simulated crash/.test(first.error.message))) {
    assert.ok(isPortalError(first.error), `${label}: typed error expected, got ${String(first.error)}`);
    assert.ok(first.error.messages.en && first.error.messages.fr, `${label}: bilingual message`);
  }
  const fired = emu.faults.firedCount;
  emu.faults.clear();
  const again = makePlan('udata', emu.url, emu.apiKey, files, store.saved);
  const second = await publishPlan(again, {
    retry: FAST_RETRY,
    timeoutMs: 2000,
    orphanRecheckMs: () => 20,
    logger: leaks.logger,
    onCheckpoint: store.onCheckpoint,
  });
  assertOneCleanDataset(emu, second.linkage, label);
  return { ...first, fired };
}

for (const step of STEPS) {
  for (const fault of FAULTS) {
    const label = `${step.name} / ${fault.name}`;
    test(`resume: ${label}`, async () => {
      const emu = await startUdataEmulator({ faults: [{ ...step.rule, action: fault.action }] });
      keys.push(emu.apiKey);
      try {
        const store = new CheckpointStore();
        const { fired } = await runWithResume(emu, store, label);
        assert.equal(fired, 1, `${label}: the fault fired`);
        leaks.text(JSON.stringify(emu.log));
      } finally {
        await emu.stop();
      }
    });
  }
}

for (const k of [1, 2, 3, 4]) {
  test(`resume after a crash before checkpoint ${k} was saved`, async () => {
    const emu = await startUdataEmulator();
    keys.push(emu.apiKey);
    try {
      const store = new CheckpointStore(k);
      const first = await runWithResume(emu, store, `crash ${k}`);
      assert.match(String((first.error as Error).message), /simulated crash/);
    } finally {
      await emu.stop();
    }
  });
}

test('a resource deleted on the portal is uploaded again, not orphaned', async () => {
  const emu = await startUdataEmulator();
  keys.push(emu.apiKey);
  try {
    const store = new CheckpointStore();
    const opts = { retry: FAST_RETRY, logger: leaks.logger, onCheckpoint: store.onCheckpoint };
    await publishPlan(makePlan('udata', emu.url, emu.apiKey, files), opts);
    const ds = emu.state.liveDatasets()[0];
    ds.resources = ds.resources.slice(1); // someone removed the first file in the web UI
    const r = await publishPlan(makePlan('udata', emu.url, emu.apiKey, files, store.saved), opts);
    assertOneCleanDataset(emu, r.linkage, 'deleted resource');
  } finally {
    await emu.stop();
  }
});

test('the API key appears in no log line or error message of this file', () => {
  leaks.assertClean(keys);
});
