// Totals rows: by label (`Total`, `Ensemble :`), by numbers alone (`;;;18000;`, every amount the
// sum to the cent of the rows above, nothing identifying a record), `Ensemble des…` by both; a
// name that starts with "Ensemble" is a record. The proposal drops them (`drop.totals`, with its
// reason), and what the user sees counts them exactly: CLI, panel notices, on real exports too.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, readCsvFile, runOdw } from '../helpers';
import { totalLabel, TotalsTracker } from '../../../src/core/standardise/totals';
import { previewTask, proposeTask, writeTask } from '../../../src/core/standardise/task';
import { previewHeading, rowNotices } from '../../../webview-ui/standardise/notices';
import type { NoticeStrings } from '../../../src/protocol/standardise';

const dir = mkdtempSync(join(tmpdir(), 'odw-std-totals-'));
const SOMMES = join(FIXTURES, 'standardise', 'subventions-sommes.csv');
const PRESQUE = join(FIXTURES, 'standardise', 'subventions-presque-sommes.csv');

const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
const T = {
  preview: 'In the whole file, read for the preview: rows left out or worth a look',
  previewFirst: 'In the first {0} lines (not the whole file), read for the preview: rows left out or worth a look',
  lines: { one: 'line {0}', other: 'lines {0}' },
  totalsWritten: { one: '{0} totals row written as a record ({1}).', other: '{0} totals rows written as records ({1}).' },
  totalsDropped: {
    one: '{0} totals row not written: “Drop totals rows” is on ({1}).',
    other: '{0} totals rows not written: “Drop totals rows” is on ({1}).',
  },
  blank: { one: '{0} blank row not written ({1}).', other: '{0} blank rows not written ({1}).' },
};
const EN = T as unknown as NoticeStrings;
const FR = JSON.parse(JSON.stringify(T), (_k, v: unknown) => (typeof v === 'string' ? (bundle[v] ?? `MISSING ${v}`) : v)) as NoticeStrings;

test('a first cell that names a total is one; a name that starts with "Ensemble" is not', () => {
  for (const l of [
    'Total',
    'TOTAL GÉNÉRAL',
    'Total général',
    'Sous-total',
    'Sous total culture',
    'Totaux',
    'Ensemble',
    'ENSEMBLE',
    'Ensemble :',
    'Ensemble : culture',
    'Ensemble.',
  ])
    assert.equal(totalLabel([l, '', '100']), 'total', l);
  for (const l of [
    'ENSEMBLE DES SUBVENTIONS',
    'Ensemble des subventions',
    'Ensemble du budget',
    'Ensemble de la commune',
    'Ensemble d’Harmonie',
  ])
    assert.equal(totalLabel([l, '100']), 'maybe', l);
  for (const l of [
    'ENSEMBLE VOCAL DE GRENOBLE',
    'Ensemble scolaire Saint-Joseph',
    'Ensemble Vocal de Montpellier ',
    'Ensembles',
    'Ensemble-Vocal',
    'Totalement jazz',
    'VOIR ENSEMBLE',
  ])
    assert.equal(totalLabel([l, '100']), null, l);
  // The first filled cell: a label in the third column is the row's.
  assert.equal(totalLabel(['', ' ', 'Total', '300']), 'total');
});

test('an unlabelled row is a total when every amount is its column’s sum to the cent, since the start or the last total', () => {
  const t = new TotalsTracker();
  const judge = (...rows: string[][]) => rows.map((r) => t.row(r));
  assert.deepEqual(judge(['A', '44306184100047', '100,10'], ['B', '51234567800012', '200']), [false, false]);
  assert.deepEqual(judge(['', '', '300,10']), [true], 'the section’s sum');
  assert.deepEqual(judge(['C', '79876543200015', '1 000 €'], ['D', '80123456700019', '50']), [false, false]);
  assert.deepEqual(judge(['', '', '1050,01']), [false], 'a cent off: a record with its name missing, kept');
  // That row is summed: the grand total includes it (the file's own sum would).
  assert.deepEqual(judge(['', '', '2 400,11']), [true], 'the sum since the start');
  // One row above is no sum of rows: kept.
  const one = new TotalsTracker();
  assert.deepEqual([one.row(['A', '', '500']), one.row(['', '', '500'])], [false, false]);
  // An identifier, an object or a date identifies a record.
  const id = new TotalsTracker();
  assert.deepEqual([id.row(['A', '10']), id.row(['B', '20']), id.row(['', '30', '44306184100047'])], [false, false, false]);
  const dated = new TotalsTracker();
  assert.deepEqual([dated.row(['A', '10']), dated.row(['B', '20']), dated.row(['15/03/2024', '30'])], [false, false, false]);
  // "Ensemble des…": a total when its amounts are the sums and nothing else identifies a record.
  const e = new TotalsTracker();
  assert.deepEqual(
    [
      e.row(['A', '', '10']),
      e.row(['B', '', '20']),
      e.row(['Ensemble des amis', '51234567800012', '30']),
      e.row(['Ensemble des subventions', '', '60']),
    ],
    [false, false, false, true],
  );
  // A company named "Total…" with its SIRET is a record; the same label with amounts only is a total.
  const company = new TotalsTracker();
  assert.deepEqual(
    [
      company.row(['A', '44306184100047', '10']),
      company.row(['TOTAL ENERGIES MARKETING FRANCE', '54205118000066', '20']),
      company.row(['Total', '', '30']),
    ],
    [false, false, true],
  );
  // A section heading starts a section.
  const s = new TotalsTracker();
  s.row(['A', '7']);
  s.section();
  assert.deepEqual([s.row(['B', '1']), s.row(['C', '2']), s.row(['', '3'])], [false, false, true]);
});

test('the proposal drops the unlabelled sums and "ENSEMBLE DES SUBVENTIONS", never a beneficiary named "Ensemble…"', async () => {
  const source = { path: SOMMES };
  const p = await proposeTask({ source, schema: 'scdl/subventions' });
  assert.ok(p.ok);
  assert.deepEqual(p.result.spec.table, { drop: { totals: true } });
  assert.deepEqual(
    p.result.operations.map((o) => [o.operation, o.rows, o.reason.en]),
    [
      [
        'drop.totals',
        { count: 4, lines: [5, 8, 10, 11] },
        '4 totals rows in the rows read (lines 5, 8, 10, 11): a sum of the rows above is no record, and written as one it counts their amounts twice.',
      ],
    ],
  );
  const preview = await previewTask({ source, spec: p.result.spec, lang: 'en' });
  assert.ok(preview.ok);
  assert.equal(preview.result.checked, 6);
  assert.deepEqual(
    preview.result.rows.map((r) => r[preview.result.header.indexOf('nomBeneficiaire')]),
    [
      'ENSEMBLE VOCAL DE GRENOBLE',
      'Ensemble scolaire Saint-Joseph',
      'Association Sportive du Lac',
      'Club de Lecture Les Tilleuls',
      'Compagnie Théâtre du Pont',
      'Ensemble des amis de l’orgue',
    ],
  );
  assert.equal(previewHeading(preview.result.read, EN), 'In the whole file, read for the preview: rows left out or worth a look');
  assert.deepEqual(rowNotices(preview.result.report, EN), [
    { kind: 'totalsDropped', text: '4 totals rows not written: “Drop totals rows” is on (lines 5, 8, 10, 11).' },
  ]);
  // Unticked: written, said, and the button offered.
  const kept = await previewTask({ source, spec: { ...p.result.spec, table: {} }, lang: 'en' });
  assert.ok(kept.ok);
  assert.equal(kept.result.checked, 10);
  assert.deepEqual(rowNotices(kept.result.report, FR), [
    { kind: 'totalsWritten', text: '4 lignes de total écrites comme des enregistrements (lignes 5, 8, 10, 11).', action: 'dropTotals' },
  ]);
  const out = join(dir, 'sommes.csv');
  const w = await writeTask({ source, spec: p.result.spec, out, lang: 'en' });
  assert.ok(w.ok);
  assert.deepEqual(
    [w.result.rows, w.result.report.totalsDropped, w.result.report.totalsWritten.count],
    [6, { count: 4, lines: [5, 8, 10, 11] }, 0],
  );
  const amounts = readCsvFile(out)
    .slice(1)
    .map((r) => r[readCsvFile(out)[0].indexOf('montant')]);
  assert.deepEqual(amounts, ['12000', '3500', '2500', '1200.50', '8000', '700'], 'each subsidy once: 27900.50 in all');
});

test('odw standardise and odw map say the totals rows the proposal drops, in English and French', async () => {
  const en = await runOdw('standardise', SOMMES, '--schema', 'scdl/subventions', '--out', join(dir, 'cli-en.csv'));
  const lines = en.out.split('\n');
  assert.match(lines[0], /: 6 rows written to scdl\/subventions@/);
  assert.equal(
    lines[1],
    '  4 totals row(s) not written (lines 5, 8, 10, 11): the table operation “Drop totals rows” ("drop": {"totals": true}) leaves them out.',
  );
  const fr = await runOdw('standardise', SOMMES, '--schema', 'scdl/subventions', '--out', join(dir, 'cli-fr.csv'), '--lang', 'fr');
  assert.equal(
    fr.out.split('\n')[1],
    '  4 ligne(s) de total non écrite(s) (lignes 5, 8, 10, 11) : l’opération « Supprimer les lignes de totaux » ("drop": {"totals": true}) les retire.',
  );
  const map = await runOdw('map', SOMMES, '--schema', 'scdl/subventions');
  assert.equal(
    map.out.trim().split('\n').at(-1),
    'Table operation proposed: drop.totals — 4 totals rows in the rows read (lines 5, 8, 10, 11): a sum of the rows above is no record, and written as one it counts their amounts twice.',
  );
  const mapFr = await runOdw('map', SOMMES, '--schema', 'scdl/subventions', '--lang', 'fr');
  assert.match(
    mapFr.out.trim().split('\n').at(-1)!,
    /^Opération proposée : drop\.totals — 4 lignes de total dans les lignes lues \(lignes 5, 8, 10, 11\) : /,
  );
  const json = JSON.parse((await runOdw('map', SOMMES, '--schema', 'scdl/subventions', '--format', 'json')).out);
  assert.deepEqual(
    json.operations.map((o: { operation: string }) => o.operation),
    ['drop.totals'],
  );
  // Nothing to drop: no operation, the outputs as before.
  const none = JSON.parse((await runOdw('map', PRESQUE, '--schema', 'scdl/subventions', '--format', 'json')).out);
  assert.ok(!('operations' in none));
  assert.doesNotMatch((await runOdw('map', PRESQUE, '--schema', 'scdl/subventions')).out, /Table operation/);
});

test('no false alarm: a sum a cent off, a name "Ensemble vocal…" or a SIRET on a row whose amount is the sum', async () => {
  const source = { path: PRESQUE };
  const p = await proposeTask({ source, schema: 'scdl/subventions' });
  assert.ok(p.ok);
  assert.deepEqual([p.result.spec.table, p.result.operations], [undefined, []]);
  const w = await writeTask({ source, spec: p.result.spec, out: join(dir, 'presque.csv'), lang: 'en' });
  assert.ok(w.ok);
  assert.deepEqual([w.result.rows, w.result.report.totalsWritten.count, w.result.report.totalsDropped.count], [5, 0, 0]);
  const cli = await runOdw('standardise', PRESQUE, '--schema', 'scdl/subventions', '--out', join(dir, 'presque-cli.csv'));
  assert.doesNotMatch(cli.out, /totals row/);
});

test('Montpellier 2013: its one unlabelled grand total (line 939) is found, none of its “Ensemble …” beneficiaries', async () => {
  const path = join(FIXTURES, 'corpus', 'mtp_COM_Montpellier_AttribSub_2013.csv');
  const p = await proposeTask({ source: { path }, schema: 'scdl/subventions' });
  assert.ok(p.ok);
  assert.deepEqual(
    p.result.operations[0].rows,
    { count: 1, lines: [939] },
    'the sample reads on for the totals: the grand total is the last line',
  );
  const out = join(dir, 'mtp-2013.csv');
  const w = await writeTask({ source: { path }, spec: p.result.spec, out, lang: 'en' });
  assert.ok(w.ok);
  assert.deepEqual([w.result.rows, w.result.report.totalsDropped], [937, { count: 1, lines: [939] }]);
  const rows = readCsvFile(out);
  const names = rows.slice(1).map((r) => r[rows[0].indexOf('nomBeneficiaire')]);
  assert.equal(names.filter((n) => /^ensemble/i.test(n)).length, 5, 'Ensemble Vocal de Montpellier, Ensemble Choral Universitaire…: kept');
});

test('the preview’s counts are said of the lines it read when it did not read the whole file', async () => {
  const rows = ['Bénéficiaire;SIRET;Objet;Montant'];
  for (let i = 0; i < 300; i++) rows.push(`Club ${i};;Projet ${i};10`);
  rows.push(';;;3000');
  const path = join(dir, 'long.csv');
  writeFileSync(path, rows.join('\n') + '\n');
  const p = await proposeTask({ source: { path }, schema: 'scdl/subventions' });
  assert.ok(p.ok);
  assert.deepEqual(p.result.operations[0].rows, { count: 1, lines: [302] });
  const { table: _t, ...spec } = p.result.spec;
  const short = await previewTask({ source: { path }, spec, rows: 5, lang: 'en' });
  assert.ok(short.ok);
  assert.deepEqual(short.result.read, { line: 206, whole: false }, 'the 5 rows, the header and 200 rows read for the rows left out');
  assert.equal(short.result.report.totalsWritten.count, 0, 'line 302 was not read');
  assert.equal(
    previewHeading(short.result.read, EN),
    'In the first 206 lines (not the whole file), read for the preview: rows left out or worth a look',
  );
  assert.equal(
    previewHeading(short.result.read, FR),
    'Dans les 206 premières lignes (pas tout le fichier), lues pour l’aperçu : lignes écartées ou à vérifier',
  );
  const all = await previewTask({ source: { path }, spec, lang: 'en' });
  assert.ok(all.ok);
  assert.deepEqual(
    [all.result.read, all.result.report.totalsWritten],
    [
      { line: 302, whole: true },
      { count: 1, lines: [302] },
    ],
  );
  assert.equal(previewHeading(all.result.read, FR), 'Dans tout le fichier, lu pour l’aperçu : lignes écartées ou à vérifier');
});
