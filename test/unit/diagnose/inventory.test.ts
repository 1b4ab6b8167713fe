// The published inventory read from the udata and CKAN emulators, seeded with an
// organisation whose datasets cover each flag and need two pages of 100.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readInventory, checkColumns, SOCLE, type OrgInventory, type PublishedDataset } from '../../../src/core/diagnose';
import { startUdataEmulator, type UdataEmulator } from '../../emulator/udata';
import { startCkanEmulator, type CkanEmulator } from '../../emulator/ckan';
import { DIAG_ORG, diagUser, seedUdataDiagnose } from '../../emulator/udata-diagnose';
import { DIAG_CKAN_ORG, diagCkanUser, seedCkanDiagnose } from '../../emulator/ckan-diagnose';

let udata: UdataEmulator;
let ckan: CkanEmulator;
before(async () => {
  udata = await startUdataEmulator({ users: [diagUser()] });
  seedUdataDiagnose(udata.state, udata.url);
  ckan = await startCkanEmulator({ users: [diagCkanUser()] });
  seedCkanDiagnose(ckan.state, ckan.url);
});
after(async () => {
  await udata.stop();
  await ckan.stop();
});

const byTitle = (inv: OrgInventory, title: string): PublishedDataset => {
  const d = inv.datasets.find((x) => x.title === title);
  assert.ok(d, `dataset ${title} listed`);
  return d;
};

function assertFlags(inv: OrgInventory): void {
  const sub = byTitle(inv, 'Subventions 2024');
  assert.equal(sub.schema, 'scdl/subventions');
  assert.equal(sub.stale, false);
  assert.equal(sub.openFormat, true);
  assert.deepEqual(sub.formats, ['csv']);
  assert.equal(sub.frequency, 'annual');
  const budget = byTitle(inv, 'Budget primitif 2019');
  assert.equal(budget.stale, true, 'five years old with an annual frequency');
  const pdf = byTitle(inv, 'Délibérations du conseil municipal');
  assert.equal(pdf.openFormat, false);
  assert.deepEqual(pdf.formats, ['pdf', 'docx']);
  assert.equal(pdf.stale, false, 'monthly, updated 3 days ago');
  assert.equal(byTitle(inv, 'Équipements sportifs').schema, null);
  assert.deepEqual(inv.socle.published, ['scdl/budget', 'scdl/subventions']);
  assert.ok(inv.socle.missing.includes('scdl/equipements'));
  assert.ok(inv.socle.missing.includes('scdl/catalogue'), 'declared by a private dataset only: not published');
  assert.equal(inv.socle.published.length + inv.socle.missing.length, SOCLE.length);
}

test('udata: every page of the organisation, flags, quality and the Socle coverage; private datasets with the key only', async () => {
  const inv = await readInventory({ kind: 'udata', baseUrl: udata.url, organization: DIAG_ORG.id, apiKey: udata.apiKey });
  assert.deepEqual(inv.organization, { id: DIAG_ORG.id, name: 'Ville de Diagville' });
  assert.equal(inv.datasets.length, 106);
  const pages = udata.log.filter((e) => e.path === `/api/1/organizations/${DIAG_ORG.id}/datasets/`).map((e) => e.query);
  assert.deepEqual(pages, ['?page=1&page_size=100', '?page=2&page_size=100']);
  assertFlags(inv);
  const low = byTitle(inv, 'Liste des parkings');
  assert.equal(low.lowQuality, true);
  assert.equal(low.quality, 2 / 9);
  assert.deepEqual(low.missingCriteria, [
    'license',
    'temporal_coverage',
    'spatial',
    'update_frequency',
    'dataset_description_quality',
    'resources_documentation',
  ]);
  assert.equal(byTitle(inv, 'Subventions 2024').quality, 1);
  assert.equal(byTitle(inv, 'Subventions 2024').lowQuality, false);
  assert.equal(byTitle(inv, 'Projet interne (privé)').private, true);
  assert.ok(
    udata.log.every((e) => e.method === 'GET'),
    'read-only',
  );

  const anonymous = await readInventory({ kind: 'udata', baseUrl: udata.url, organization: DIAG_ORG.slug });
  assert.equal(anonymous.datasets.length, 105);
  assert.ok(!anonymous.datasets.some((d) => d.private));
});

test('udata: the header of an undeclared CSV is matched against the catalog only when asked', async () => {
  const inv = await readInventory({ kind: 'udata', baseUrl: udata.url, organization: DIAG_ORG.id });
  const equip = byTitle(inv, 'Équipements sportifs');
  assert.equal(equip.suggestedSchema, undefined);
  const before = udata.log.length;
  const r = await checkColumns(inv.datasets.filter((d) => d.title === 'Équipements sportifs' || d.title === 'Liste des parkings'));
  assert.deepEqual(r, { read: 2, failed: 0 });
  assert.equal(byTitle(inv, 'Équipements sportifs').suggestedSchema?.name, 'scdl/equipements');
  assert.equal(byTitle(inv, 'Liste des parkings').suggestedSchema, undefined);
  assert.equal(udata.log.slice(before).filter((e) => e.path.startsWith('/static/')).length, 2);
});

test('udata: /datasets/?organization= needs an ObjectId and pages like the organisation listing', async () => {
  const bad = await fetch(`${udata.url}/api/1/datasets/?organization=ville-de-diagville`);
  assert.equal(bad.status, 400);
  const b = (await (await fetch(`${udata.url}/api/1/datasets/?organization=${DIAG_ORG.id}&page=2&page_size=100`)).json()) as {
    data: unknown[];
    total: number;
    next_page: unknown;
  };
  assert.equal(b.total, 105);
  assert.equal(b.data.length, 5);
  assert.equal(b.next_page, null);
});

test('CKAN: package_search by owner_org over two pages, DCAT frequencies, no quality score', async () => {
  const inv = await readInventory({ kind: 'ckan', baseUrl: ckan.url, organization: DIAG_CKAN_ORG.name, apiKey: ckan.apiKey });
  assert.deepEqual(inv.organization, { id: DIAG_CKAN_ORG.id, name: 'Ville de Diagville' });
  assert.equal(inv.datasets.length, 106);
  const searches = ckan.log.filter((e) => e.path === '/api/3/action/package_search');
  assert.equal(searches.length, 2);
  assert.match(searches[1].query, /start=100/);
  assert.match(searches[0].query, /include_private=true/);
  assertFlags(inv);
  assert.ok(inv.datasets.every((d) => d.quality === null && !d.lowQuality));
  assert.equal(byTitle(inv, 'Équipements sportifs').frequency, 'irregular');
  assert.ok(
    ckan.log.every((e) => e.method === 'GET'),
    'read-only',
  );
  const anonymous = await readInventory({ kind: 'ckan', baseUrl: ckan.url, organization: DIAG_CKAN_ORG.id });
  assert.equal(anonymous.datasets.length, 105);
});
