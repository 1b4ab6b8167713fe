// A chart published as a data.gouv.fr reuse: the self-contained page as a documentation
// resource when the portal accepts .html (else the URL given), the reuse once (resumed by its
// marker after a lost answer), its image; and the page itself has no script.
import test from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPortalError, publishPlan, publishReuse, type ReuseLinkage } from '../../../src/core/portal';
import { chartPage } from '../../../src/core/chart/page';
import { ALLOWED_EXTENSIONS } from '../../emulator/catalogue';
import { startUdataEmulator } from '../../emulator/udata';
import { FAST_RETRY, LeakCollector, makePlan, sampleFiles } from './helpers';

const leaks = new LeakCollector();
const keys: string[] = [];
const files = sampleFiles();
const series = {
  kind: 'categories' as const,
  labels: ['Association <script>alert(1)</script>', ''],
  values: [1500, 250.5],
  rows: [3, 1],
  others: { categories: 4, value: 100, rows: 4 },
  xy: [],
  stats: { rows: 8, used: 8, categories: 6, skipped: [], truncated: false, sampled: false, dateFormat: null },
};
const page = join(files.dir, 'subventions-chart.html');
const png = join(files.dir, 'chart.png');
writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));

test('the chart page is self-contained: inline SVG and table, a CSP without scripts, labels escaped', () => {
  const html = chartPage({
    title: 'Subventions 2024',
    heading: 'Somme de montant par bénéficiaire',
    series,
    source: 'subventions.csv',
    locale: 'fr-FR',
    lang: 'fr',
    othersLabel: 'Autres ({0})',
  });
  assert.ok(!/<script/i.test(html.replace('&lt;script&gt;', '')), 'no script element');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.ok(!/src="http|href="http/.test(html), 'nothing external');
  assert.match(html, /Association &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /<svg role="img"/);
  assert.match(html, /Autres \(4\)/);
  assert.match(html, /1\u202f500|1 500/);
  writeFileSync(page, html);
});

test('reuse with its page uploaded as documentation, image, dataset linked; a re-run creates nothing twice', async () => {
  const emu = await startUdataEmulator({ allowedExtensions: [...ALLOWED_EXTENSIONS, 'html'] });
  keys.push(emu.apiKey);
  try {
    const ds = await publishPlan(makePlan('udata', emu.url, emu.apiKey, files), { retry: FAST_RETRY });
    let saved: ReuseLinkage = {};
    const plan = {
      profile: { kind: 'udata' as const, baseUrl: emu.url, apiKey: emu.apiKey },
      datasetId: ds.datasetId,
      title: 'Subventions 2024 en un graphique',
      description: 'Les montants versés par bénéficiaire.',
      page: { html: page, title: 'Graphique : subventions 2024' },
      image: png,
      linkage: saved,
    };
    const r = await publishReuse(plan, { retry: FAST_RETRY, logger: leaks.logger, onCheckpoint: (l) => void (saved = l) });
    const [reuse] = emu.reuses.live();
    assert.equal(reuse.id, r.reuseId);
    assert.equal(reuse.type, 'visualization');
    assert.deepEqual(reuse.datasets, [ds.datasetId]);
    assert.ok(reuse.image, 'image set');
    const res = emu.state.find(ds.datasetId)!.resources.find((x) => x.id === r.linkage.pageResourceId)!;
    assert.equal(res.type, 'documentation');
    assert.equal(reuse.url, res.url);
    const again = await publishReuse({ ...plan, linkage: saved }, { retry: FAST_RETRY, logger: leaks.logger });
    assert.equal(again.reuseId, r.reuseId);
    assert.equal(emu.reuses.live().length, 1, 'one reuse');
    assert.equal(emu.state.countResources(ds.datasetId), 3, 'one page resource');
  } finally {
    await emu.stop();
  }
});

test('default udata refuses .html: nothing is written; with a URL the reuse is created; a lost answer is resumed', async () => {
  const emu = await startUdataEmulator();
  keys.push(emu.apiKey);
  try {
    const ds = await publishPlan(makePlan('udata', emu.url, emu.apiKey, files), { retry: FAST_RETRY });
    const n = emu.log.filter((l) => l.method !== 'GET').length;
    const base = {
      profile: { kind: 'udata' as const, baseUrl: emu.url, apiKey: emu.apiKey },
      datasetId: ds.datasetId,
      title: 'Carte des subventions',
      description: 'La carte interactive.',
      linkage: {},
    };
    const no = await leaks.capture(() =>
      publishReuse({ ...base, page: { html: page, title: 'x' } }, { retry: FAST_RETRY, logger: leaks.logger }),
    );
    assert.ok(isPortalError(no.error, 'extension-not-allowed'), String(no.error));
    assert.match((no.error as Error).message, /give the URL/);
    assert.equal(emu.log.filter((l) => l.method !== 'GET').length, n, 'nothing written');
    let saved: ReuseLinkage = {};
    emu.faults.add({ method: 'POST', path: /^\/api\/1\/reuses\/$/, action: { kind: 'reset-after' } });
    const first = await leaks.capture(() =>
      publishReuse(
        { ...base, page: { url: 'https://ville.example.fr/carte-subventions' } },
        { retry: { ...FAST_RETRY, retries: 0 }, logger: leaks.logger, onCheckpoint: (l) => void (saved = l) },
      ),
    );
    assert.ok(!first.error, String(first.error));
    assert.equal(emu.reuses.live().length, 1, 'found by its marker, not created twice');
    const again = await publishReuse(
      { ...base, page: { url: 'https://ville.example.fr/carte-subventions' }, linkage: saved },
      { retry: FAST_RETRY },
    );
    assert.equal(again.reuseId, emu.reuses.live()[0].id);
    assert.equal(emu.reuses.live().length, 1);
  } finally {
    await emu.stop();
  }
});

test('the API key appears in no log line or error message of this file', () => {
  leaks.assertClean(keys);
});
