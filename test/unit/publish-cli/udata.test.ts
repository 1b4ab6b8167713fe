// `odw publish` against the udata emulator, through the real dist/cli.js: the JSON contract,
// private creation, resume without duplicates, unchanged and changed files, the dry run, the
// gate, usage errors, and the fault scenarios of #21, each ending in success or a clear error
// with exactly one dataset and no duplicate resource. Last: the key is in no output.
import test from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { startUdataEmulator, type UdataEmulator } from '../../emulator/udata';
import { makeProject, outputs, runCli, startCli } from './helpers';

const keys: string[] = [];
const emulators: UdataEmulator[] = [];
async function emulator(opts: Parameters<typeof startUdataEmulator>[0] = {}): Promise<UdataEmulator> {
  const emu = await startUdataEmulator(opts);
  keys.push(emu.apiKey);
  emulators.push(emu);
  return emu;
}
const writes = (emu: UdataEmulator) => emu.log.filter((l) => l.method !== 'GET');
const uploads = (emu: UdataEmulator) => emu.log.filter((l) => l.method === 'POST' && l.path.endsWith('/upload/'));

function assertOneDataset(emu: UdataEmulator, label: string, resources = 1) {
  assert.equal([...emu.state.datasets.values()].length, 1, `${label}: exactly one dataset (trash included)`);
  assert.equal(emu.state.countResources(), resources, `${label}: no duplicate resource`);
}

test('publish: JSON contract, private dataset, ids in the project file; unchanged then changed file', async () => {
  const emu = await emulator();
  const p = makeProject();
  try {
    const env = { ODW_API_KEY: emu.apiKey };
    const r = await runCli([p.dp, '--portal', emu.url, '--format', 'json'], env);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['dataset', 'resources']);
    assert.deepEqual(Object.keys(json.dataset), ['id', 'url']);
    assert.deepEqual(Object.keys(json.resources[0]), ['id', 'title', 'url']);
    const [d] = emu.state.liveDatasets();
    assert.equal(json.dataset.id, d.id);
    assert.equal(d.private, true, 'created private');
    assert.equal(d.license, 'lov2');
    assert.deepEqual(d.spatial, { zones: ['fr:commune:35238'], granularity: 'fr:commune' });
    assert.equal(json.resources[0].title, 'Équipements');
    assert.equal(d.resources[0].title, 'Équipements');
    assert.match(r.err, /your key can publish to organisation Commune de Démo/);
    const pub = p.project().datasets.equipements.publication;
    assert.equal(pub.datasetId, d.id);
    assert.equal(pub.resources['20240115_213502388_equipements.csv'], json.resources[0].id);

    const again = await runCli([p.dp, '--portal', emu.url, '--format', 'json'], env);
    assert.equal(again.code, 0, again.err);
    assert.equal(uploads(emu).length, 1, 'an unchanged file is not uploaded again');
    assert.match(again.err, /unchanged/);

    appendFileSync(p.csv, 'Stade,Rennes,2024-05-01,5000\n');
    const changed = await runCli([p.dp, '--portal', emu.url, '--format', 'json'], env);
    assert.equal(changed.code, 0, changed.err);
    assert.equal(JSON.parse(changed.out).resources[0].id, json.resources[0].id, 'same resource id');
    assert.ok(uploads(emu).at(-1)!.path.includes(`/resources/${json.resources[0].id}/upload/`), 'the file of the resource was replaced');
    assert.equal(
      emu.state.liveDatasets()[0].resources[0].title,
      'Équipements',
      'title declared again after udata reset it to the file name',
    );
    assertOneDataset(emu, 'three runs');
  } finally {
    await emu.stop();
  }
});

test('dry run: no request reaches the portal, the requests are printed, the key is not', async () => {
  const emu = await emulator();
  const p = makeProject();
  try {
    const r = await runCli([p.dp, '--portal', emu.url, '--dry-run'], { ODW_API_KEY: emu.apiKey });
    assert.equal(r.code, 0, r.err);
    assert.equal(emu.log.length, 0, 'nothing sent');
    assert.match(r.out, /POST .*\/api\/1\/datasets\//);
    assert.match(r.out, /"private":true/);
    const j = await runCli([p.dp, '--portal', emu.url, '--dry-run', '--format', 'json'], {});
    assert.equal(j.code, 0, j.err);
    assert.ok(JSON.parse(j.out).requests.every((q: any) => q.headers['X-API-KEY'] === '***'));
  } finally {
    await emu.stop();
  }
});

test('usage errors exit 2; personal data and lint errors exit 1 with nothing sent', async () => {
  const emu = await emulator();
  try {
    const p = makeProject();
    const env = { ODW_API_KEY: emu.apiKey };
    for (const argv of [
      [],
      [p.dp],
      [p.dp, '--portal'],
      [p.dp, '--portal', emu.url, '--type', 'dcat'],
      [p.dp, '--portal', emu.url, '--bogus'],
      [p.dp, '--portal', emu.url, '--format', 'xml'],
    ]) {
      const r = await runCli(argv, env);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
      assert.match(r.err, /usage: odw publish/);
    }
    assert.equal((await runCli([p.dp, '--portal', emu.url], { ODW_API_KEY: undefined })).code, 2, 'no key');
    assert.equal((await runCli(['/nonexistent/datapackage.json', '--portal', emu.url], env)).code, 2);
    const loose = makeProject().dir;
    writeFileSync(`${loose}/seul.csv`, 'nom,capacite\nSalle,120\n');
    const noDesc = await runCli([`${loose}/seul.csv`, '--portal', emu.url], env);
    assert.equal(noDesc.code, 1, 'a data file alone has no description');
    assert.match(noDesc.err, /no description/);

    const pd = makeProject({
      csv: 'nom,email\nJean Dupont,jean.dupont@gmail.com\nMarie Durand,marie.durand@orange.fr\nPaul Martin,paul.martin@free.fr\n',
    });
    const blocked = await runCli([pd.dp, '--portal', emu.url, '--allow-errors', 'urgent'], env);
    assert.equal(blocked.code, 1);
    assert.match(blocked.err, /personal data/);
    const broken = makeProject({ csv: 'nom,commune,date_ouverture,capacite\nPiscine,Rennes\n' });
    const lint = await runCli([broken.dp, '--portal', emu.url], env);
    assert.equal(lint.code, 1);
    assert.match(lint.err, /--allow-errors/);
    assert.equal(writes(emu).length, 0, 'nothing written');
    const allowed = await runCli([broken.dp, '--portal', emu.url, '--allow-errors', 'the 2024 export is known short'], env);
    assert.equal(allowed.code, 0, allowed.err);
    assert.match(allowed.err, /reason: the 2024 export is known short/);
  } finally {
    await emu.stop();
  }
});

test('a file outside the project is refused before anything is sent (#16)', async () => {
  const emu = await emulator();
  try {
    const p = makeProject({ extra: {} });
    const secret = makeProject().csv;
    const dp = JSON.parse(require('node:fs').readFileSync(p.dp, 'utf8'));
    dp.resources.push({ name: 'key', path: secret, dataset: 'equipements' }, { name: 'up', path: '../x.csv', dataset: 'equipements' });
    writeFileSync(p.dp, JSON.stringify(dp));
    const r = await runCli([p.dp, '--portal', emu.url], { ODW_API_KEY: emu.apiKey });
    assert.equal(r.code, 2);
    assert.match(r.err, /outside the project folder/);
    assert.equal(emu.log.length, 0);
  } finally {
    await emu.stop();
  }
});

test('faults: reset after an accepted upload, 5xx once on the final update, 429 Retry-After, slow storage copy', async () => {
  const scenarios: { name: string; opts?: Parameters<typeof startUdataEmulator>[0]; fault?: any; runs?: number }[] = [
    { name: 'reset after accepted upload', fault: { method: 'POST', path: '/upload/', action: { kind: 'reset-after' } } },
    {
      name: '5xx once on final update',
      fault: { method: 'PUT', path: /^\/api\/1\/datasets\/[^/]+\/$/, action: { kind: 'status', status: 502 } },
    },
    {
      name: '5xx after processing the final update',
      fault: { method: 'PUT', path: /^\/api\/1\/datasets\/[^/]+\/$/, action: { kind: 'status-after', status: 500 } },
    },
    {
      name: '429 with Retry-After on create',
      fault: { method: 'POST', path: /^\/api\/1\/datasets\/$/, action: { kind: 'status', status: 429, retryAfter: '1' } },
    },
    { name: 'slow storage copy', opts: { storageMsPerMB: 1500 } },
    {
      name: 'final update fails past every retry, then the re-run resumes',
      fault: { method: 'PUT', path: /^\/api\/1\/datasets\/[^/]+\/$/, times: 4, action: { kind: 'status', status: 503 } },
      runs: 2,
    },
  ];
  for (const s of scenarios) {
    const emu = await emulator(s.opts);
    try {
      const p = makeProject({
        csv: s.opts?.storageMsPerMB
          ? `nom,commune,date_ouverture,capacite\n${'Piscine des Ondines,Rennes,2019-06-01,450\n'.repeat(30000)}`
          : undefined,
      });
      if (s.fault) emu.faults.add(s.fault);
      let r = await runCli([p.dp, '--portal', emu.url, '--format', 'json'], { ODW_API_KEY: emu.apiKey });
      if (s.runs === 2) {
        assert.equal(r.code, 1, `${s.name}: first run fails`);
        assert.match(r.err, /while writing the dataset metadata/);
        assert.match(r.err, /Run the same command again later/);
        r = await runCli([p.dp, '--portal', emu.url, '--format', 'json'], { ODW_API_KEY: emu.apiKey });
      }
      assert.equal(r.code, 0, `${s.name}: ${r.err}`);
      if (s.fault) assert.ok(emu.faults.firedCount >= 1, `${s.name}: the fault fired`);
      assertOneDataset(emu, s.name);
      assert.equal(JSON.parse(r.out).dataset.id, emu.state.liveDatasets()[0].id);
    } finally {
      await emu.stop();
    }
  }
});

test('a job killed in the middle of an upload: the next run resumes the same dataset, one resource', async () => {
  const emu = await emulator();
  const p = makeProject({ csv: `nom,commune,date_ouverture,capacite\n${'Piscine des Ondines,Rennes,2019-06-01,450\n'.repeat(20000)}` });
  try {
    emu.faults.add({ method: 'POST', path: '/upload/', action: { kind: 'slow-body', delayMsPerChunk: 200 } });
    const child = startCli([p.dp, '--portal', emu.url], { ODW_API_KEY: emu.apiKey });
    const t0 = Date.now();
    while (!emu.log.some((l) => l.method === 'POST' && l.path.endsWith('/upload/'))) {
      if (Date.now() - t0 > 30_000) throw new Error('the upload never started');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    assert.equal(emu.state.datasets.size, 1, 'the dataset was created before the kill');
    assert.equal(emu.state.countResources(), 0, 'the upload never finished');
    assert.ok(p.project().datasets.equipements.publishing?.datasetId, 'the checkpoint was saved');
    emu.faults.clear();
    const r = await runCli([p.dp, '--portal', emu.url, '--format', 'json'], { ODW_API_KEY: emu.apiKey });
    assert.equal(r.code, 0, r.err);
    assertOneDataset(emu, 'after the kill');
    assert.equal(JSON.parse(r.out).dataset.id, [...emu.state.datasets.values()][0].id);
    assert.equal(p.project().datasets.equipements.publishing, undefined, 'no half-done run left');
  } finally {
    await emu.stop();
  }
});

test('a dataset deleted on the portal between runs: a clear error, no upload into the trash', async () => {
  const emu = await emulator();
  const p = makeProject();
  try {
    const env = { ODW_API_KEY: emu.apiKey };
    assert.equal((await runCli([p.dp, '--portal', emu.url], env)).code, 0);
    const d = emu.state.liveDatasets()[0];
    d.deleted = new Date().toISOString();
    appendFileSync(p.csv, 'Stade,Rennes,2024-05-01,5000\n');
    const before = uploads(emu).length;
    const r = await runCli([p.dp, '--portal', emu.url], env);
    assert.equal(r.code, 1);
    assert.match(r.err, /no longer exists/);
    assert.match(r.err, /Restore the dataset on the portal/);
    assert.equal(uploads(emu).length, before, 'nothing uploaded into the deleted dataset');
    assert.equal(emu.state.datasets.size, 1, 'no second dataset');
    assert.equal(d.resources.length, 1, 'no resource added to the trashed dataset');
  } finally {
    await emu.stop();
  }
});

test('a project file aimed at a dataset we did not create is refused before any write (#16)', async () => {
  const emu = await emulator();
  const p = makeProject();
  try {
    const env = { ODW_API_KEY: emu.apiKey };
    assert.equal((await runCli([p.dp, '--portal', emu.url], env)).code, 0);
    const other = emu.state.create(
      { title: 'Un autre jeu', description: 'x', organization: 'org-demo', private: false },
      emu.state.users[0],
    );
    const project = p.project();
    project.datasets.equipements.publication.datasetId = other.id;
    writeFileSync(`${p.dir}/.opendata/project.json`, JSON.stringify(project));
    const n = writes(emu).length;
    const r = await runCli([p.dp, '--portal', emu.url], env);
    assert.equal(r.code, 1);
    assert.match(r.err, /was not created by this project/);
    assert.equal(writes(emu).length, n, 'no write');
  } finally {
    await emu.stop();
  }
});

test('the API key appears in no output, project file or portal request log of this file', () => {
  assert.ok(outputs.length > 10);
  for (const e of emulators) outputs.push(JSON.stringify(e.log));
  assert.ok(
    emulators.some((e) => e.log.some((l) => l.headers['x-api-key'] === '***')),
    'the key was sent (masked in the log)',
  );
  for (const k of keys)
    assert.deepEqual(
      outputs.filter((o) => o.includes(k)),
      [],
      'key leaked',
    );
});
