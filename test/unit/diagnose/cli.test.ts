// `odw diagnose` as users run it: the built dist/cli.js against the emulators, its exact
// JSON, the text flags, and portal failures (clear message, last known inventory, exit 1).
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { startUdataEmulator, type UdataEmulator } from '../../emulator/udata';
import { startCkanEmulator, type CkanEmulator } from '../../emulator/ckan';
import { DIAG_ORG, diagUser, seedUdataDiagnose } from '../../emulator/udata-diagnose';
import { DIAG_CKAN_ORG, diagCkanUser, seedCkanDiagnose } from '../../emulator/ckan-diagnose';
import { frequencyWord } from '../../../src/core/diagnose/messages';
import { FREQUENCIES } from '../../emulator/catalogue';
import { FLAGGED, seedDate } from '../../emulator/diagnose-seed';

let udata: UdataEmulator;
let ckan: CkanEmulator;
const cache = mkdtempSync(join(tmpdir(), 'odw-diag-cache-'));
before(async () => {
  udata = await startUdataEmulator({ users: [diagUser()] });
  seedUdataDiagnose(udata.state, udata.url);
  ckan = await startCkanEmulator({ users: [diagCkanUser()] });
  seedCkanDiagnose(ckan.state, ckan.url);
});
after(async () => {
  await udata.stop();
  await ckan.stop();
  rmSync(cache, { recursive: true, force: true });
});

/** Runs dist/cli.js without blocking this process (the emulators live in it). */
function odw(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
      env: { ...process.env, ODW_CACHE_DIR: cache, ODW_API_KEY: '', LANG: 'C', ...env },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (err += c));
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

const DATASET_KEYS = ['formats', 'frequency', 'id', 'lastUpdate', 'openFormat', 'quality', 'schema', 'stale', 'title', 'url'];

test('udata JSON: the exact shape, every flag, two pages, private datasets only with ODW_API_KEY', async () => {
  const r = await odw(['diagnose', '--portal', udata.url, '--organization', DIAG_ORG.id, '--format', 'json'], {
    ODW_API_KEY: udata.apiKey,
  });
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j).sort(), ['datasets', 'organization', 'socle']);
  assert.deepEqual(j.organization, { id: DIAG_ORG.id, name: 'Ville de Diagville' });
  assert.equal(j.datasets.length, 106);
  for (const d of j.datasets) assert.deepEqual(Object.keys(d).sort(), DATASET_KEYS);
  const by = (t: string) => j.datasets.find((d: { title: string }) => d.title === t);
  assert.equal(by('Budget primitif 2019').stale, true);
  assert.equal(by('Subventions 2024').stale, false);
  assert.equal(by('Subventions 2024').schema, 'scdl/subventions');
  assert.equal(by('Subventions 2024').quality, 1);
  assert.equal(by('Délibérations du conseil municipal').openFormat, false);
  assert.deepEqual(by('Délibérations du conseil municipal').formats, ['pdf', 'docx']);
  assert.ok(by('Liste des parkings').quality < 0.5);
  assert.equal(by('Équipements sportifs').schema, null);
  assert.match(by('Subventions 2024').lastUpdate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(by('Projet interne (privé)'));
  assert.deepEqual(j.socle.published, ['scdl/budget', 'scdl/subventions']);
  assert.ok(j.socle.missing.includes('scdl/equipements'));
  assert.ok(udata.log.every((e) => e.method === 'GET'));
  const anonymous = JSON.parse((await odw(['diagnose', '--portal', udata.url, '--organization', DIAG_ORG.id, '--format', 'json'])).out);
  assert.equal(anonymous.datasets.length, 105);
});

test('udata text: the flags in words, the column check on request, the Socle list', async () => {
  const r = await odw(['diagnose', '--portal', udata.url, '--organization', DIAG_ORG.slug, '--check-columns']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /- Budget primitif 2019 .*⚑ stale/);
  assert.match(r.out, /- Délibérations du conseil municipal .*⚑ no open format/);
  assert.match(r.out, /ask the service for the source file/);
  assert.match(r.out, /- Équipements sportifs .*⚑ no schema declared/);
  assert.match(r.out, /Its columns match schema scdl\/equipements/);
  assert.match(r.out, /- Liste des parkings .*⚑ low quality/);
  assert.match(r.out, /missing: licence, temporal coverage/);
  assert.doesNotMatch(r.out, /- Subventions 2024 .*⚑/);
  assert.match(r.out, /✓ scdl\/subventions — Subventions/);
  assert.match(r.out, /✗ scdl\/equipements — Équipements/);
  const fr = await odw(['diagnose', '--portal', udata.url, '--organization', DIAG_ORG.id, '--lang', 'fr']);
  assert.match(fr.out, /- Budget primitif 2019 .*⚑ pas à jour/);
});

test('CKAN JSON via package_search, type guessed from an /api/3 address', async () => {
  const r = await odw(['diagnose', '--portal', `${ckan.url}/api/3`, '--organization', DIAG_CKAN_ORG.name, '--format', 'json'], {
    ODW_API_KEY: ckan.apiKey,
  });
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(j.organization, { id: DIAG_CKAN_ORG.id, name: 'Ville de Diagville' });
  assert.equal(j.datasets.length, 106);
  for (const d of j.datasets) assert.deepEqual(Object.keys(d).sort(), DATASET_KEYS);
  const by = (t: string) => j.datasets.find((d: { title: string }) => d.title === t);
  assert.equal(by('Budget primitif 2019').stale, true);
  assert.equal(by('Délibérations du conseil municipal').openFormat, false);
  assert.equal(by('Subventions 2024').quality, null);
  assert.deepEqual(j.socle.published, ['scdl/budget', 'scdl/subventions']);
  assert.ok(ckan.log.every((e) => e.method === 'GET'));
});

test('portal errors and timeouts: a clear message, the last known inventory, exit 1; usage errors exit 2', async () => {
  const args = ['diagnose', '--portal', udata.url, '--organization', DIAG_ORG.id, '--format', 'json', '--timeout', '0.5'];
  const fresh = await odw(args);
  assert.equal(fresh.code, 0, fresh.err);
  udata.faults.add({ path: '/api/1/organizations/', times: Infinity, action: { kind: 'status', status: 503 } });
  const down = await odw(args);
  assert.equal(down.code, 1);
  assert.match(down.err, /The portal had an internal error.*HTTP 503/);
  assert.match(down.err, /Showing the last known inventory/);
  assert.deepEqual(JSON.parse(down.out), JSON.parse(fresh.out));
  udata.faults.clear();
  udata.faults.add({ path: '/api/1/organizations/', times: Infinity, action: { kind: 'latency', ms: 3000 } });
  const slow = await odw(args);
  assert.equal(slow.code, 1);
  assert.match(slow.err, /did not answer in time/);
  assert.equal(JSON.parse(slow.out).datasets.length, 105);
  udata.faults.clear();
  const unknown = await odw(['diagnose', '--portal', udata.url, '--organization', 'nope', '--format', 'json'], {
    ODW_API_KEY: udata.apiKey,
  });
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /organisation “nope” not found/);
  assert.equal(unknown.out, '');
  assert.ok(!unknown.err.includes(udata.apiKey), 'the key is never printed');
  assert.equal((await odw(['diagnose', '--portal', udata.url])).code, 2);
  assert.equal((await odw(['diagnose', '--portal', udata.url, '--organization', 'x', '--type', 'ods'])).code, 2);
  // A plain-HTTP portal is refused before any request: a usage error.
  const http = await odw(['diagnose', '--portal', 'http://data.example.org', '--organization', 'x']);
  assert.equal(http.code, 2);
  assert.match(http.err, /must use HTTPS/);
});

test('an unknown organisation and an unreadable answer are said in French with « », in English unchanged', async () => {
  const portals = [
    ['udata', udata.url],
    ['ckan', `${ckan.url}/api/3`],
  ] as const;
  for (const [name, portal] of portals) {
    const args = ['diagnose', '--portal', portal, '--organization', 'nope'];
    const fr = await odw([...args, '--lang', 'fr']);
    assert.equal(fr.code, 1, name);
    assert.equal(fr.err, 'odw diagnose : Introuvable sur le portail : organisation « nope »\n', name);
    const en = await odw([...args, '--lang', 'en']);
    assert.equal(en.code, 1, name);
    assert.equal(en.err, 'odw diagnose: Not found on the portal: organisation “nope” not found\n', name);
  }
  // A 200 whose body is not an object (udata), a CKAN answer without its success envelope.
  udata.faults.add({
    path: `/api/1/organizations/${DIAG_ORG.id}/`,
    times: Infinity,
    action: { kind: 'status', status: 200, body: 'hello' },
  });
  const udataFr = await odw(['diagnose', '--portal', udata.url, '--organization', DIAG_ORG.id, '--lang', 'fr']);
  udata.faults.clear();
  assert.equal(udataFr.code, 1);
  assert.match(
    udataFr.err,
    new RegExp(
      `^odw diagnose : Le portail a envoyé une réponse illisible pour cet outil : organisation « ${DIAG_ORG.id} » : la réponse n’est pas du JSON\n`,
    ),
  );
  ckan.faults.add({
    path: '/api/3/action/organization_show',
    times: Infinity,
    action: { kind: 'status', status: 200, body: { success: false } },
  });
  const ckanFr = await odw(['diagnose', '--portal', `${ckan.url}/api/3`, '--organization', DIAG_CKAN_ORG.name, '--lang', 'fr']);
  const ckanEn = await odw(['diagnose', '--portal', `${ckan.url}/api/3`, '--organization', DIAG_CKAN_ORG.name, '--lang', 'en']);
  ckan.faults.clear();
  assert.equal(ckanFr.code, 1);
  assert.match(
    ckanFr.err,
    /^odw diagnose : Le portail a envoyé une réponse illisible pour cet outil : organization_show : réponse sans l’enveloppe « success » attendue\n/,
  );
  assert.match(ckanEn.err, /^odw diagnose: The portal sent an answer this tool cannot read: organization_show: no success envelope\n/);
  for (const r of [udataFr, ckanFr]) assert.doesNotMatch(r.err, /[“”]|\bnot\b|\bfound\b/);
});

test('the French text report: the colons spaced, the update frequencies in words', async () => {
  const args = ['diagnose', '--portal', udata.url, '--organization', DIAG_ORG.id];
  const fr = await odw([...args, '--lang', 'fr']);
  assert.equal(fr.code, 0, fr.err);
  assert.match(fr.out, /^Organisation : Ville de Diagville \(/m);
  // The seed dates the budget a number of days before now: its day moves with the clock.
  const day = seedDate(FLAGGED.find((d) => d.title === 'Budget primitif 2019')!.ageDays).slice(0, 10);
  assert.match(
    fr.out,
    new RegExp(`^- Budget primitif 2019 {2}\\[${day} · annuelle · csv · scdl/budget · qualité 8/9\\] {2}⚑ pas à jour$`, 'm'),
  );
  assert.match(fr.out, /plus ancienne que sa fréquence \(annuelle\) ne le permet\./);
  assert.match(fr.out, /· mensuelle · pdf\/docx ·/);
  assert.match(fr.out, /^Socle Commun des Données Locales : \d+\/\d+$/m);
  assert.doesNotMatch(fr.out, /· (annual|monthly|irregular) ·|\((annual|monthly)\)/);
  const en = await odw([...args, '--lang', 'en']);
  assert.match(en.out, /^Organisation: Ville de Diagville \(/m);
  assert.ok(en.out.includes(`[${day} · annual · csv · scdl/budget · quality 8/9]`), en.out);
  assert.match(en.out, /older than its frequency \(annual\) allows\./);
  assert.match(en.out, /^Socle Commun des Données Locales: \d+\/\d+$/m);
  // Every udata frequency (the emulator's list, before `unknown` and the legacy aliases) has French
  // words; English keeps the portal's id.
  const ids = FREQUENCIES.slice(0, FREQUENCIES.indexOf('unknown'));
  for (const id of ids) {
    assert.notEqual(frequencyWord(id, 'fr'), id, id);
    assert.equal(frequencyWord(id, 'en'), id);
  }
});
