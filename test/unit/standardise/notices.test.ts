// The Standardise panel's notices: the run's counts (rows left out or worth a look) become one
// sentence each, with the first lines, in the CLI's order and wording, in English and French;
// the totals notice's action is "Drop totals rows" turned on, the other operations kept; the
// report crosses the protocol only in the shape the renderer reads.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';
import { rowNotices, withTotalsDropped, NOTICE_LINES } from '../../../webview-ui/standardise/notices';
import { isShapeReport, isToWebview, parseFromWebview, ROW_NOTICES, type NoticeStrings } from '../../../src/protocol/standardise';
import { emptyReport, type ShapeReport } from '../../../src/core/standardise/table-ops';
import { previewTask, proposeTask, writeTask } from '../../../src/core/standardise/task';

/** The English templates, as src/vscode/standardise/strings.ts has them (checked below). */
const EN: NoticeStrings = {
  preview: 'In the whole file, read for the preview: rows left out or worth a look',
  previewFirst: 'In the first {0} lines (not the whole file), read for the preview: rows left out or worth a look',
  written: 'In the file written: rows left out or worth a look',
  lines: { one: 'line {0}', other: 'lines {0}' },
  label: '“{0}”',
  labelAt: '“{0}” (line {1})',
  leftOut: {
    one: '{0} row not written: more cells than the header and no certain repair ({1}).',
    other: '{0} rows not written: more cells than the header and no certain repair ({1}).',
  },
  shifted: {
    one: '{0} row not written: fewer cells than the header, the values after a lost cell shifted ({1}).',
    other: '{0} rows not written: fewer cells than the header, the values after a lost cell shifted ({1}).',
  },
  repaired: {
    one: '{0} row repaired: an amount split by the comma joined again ({1}).',
    other: '{0} rows repaired: an amount split by the comma joined again ({1}).',
  },
  blank: { one: '{0} blank row not written ({1}).', other: '{0} blank rows not written ({1}).' },
  repeatedHeader: { one: '{0} repeated header not written ({1}).', other: '{0} repeated headers not written ({1}).' },
  sectionHeading: { one: '{0} section heading not written ({1}).', other: '{0} section headings not written ({1}).' },
  byRepeatedHeader: {
    one: '{0} row read by the repeated header above it, whose columns differ from the header’s ({1}).',
    other: '{0} rows read by the repeated header above them, whose columns differ from the header’s ({1}).',
  },
  unmatchedLabels: {
    one: '{0} label of a repeated header matches no column of the header, its cells not read: {1}.',
    other: '{0} labels of a repeated header match no column of the header, their cells not read: {1}.',
  },
  totalsWritten: { one: '{0} totals row written as a record ({1}).', other: '{0} totals rows written as records ({1}).' },
  totalsDropped: {
    one: '{0} totals row not written: “Drop totals rows” is on ({1}).',
    other: '{0} totals rows not written: “Drop totals rows” is on ({1}).',
  },
};

const templates = (s: NoticeStrings): string[] =>
  Object.values(s).flatMap((v: string | { one: string; other: string }) => (typeof v === 'string' ? [v] : [v.one, v.other]));

/** The same templates through the French bundle, as vscode.l10n gives them in a French VS Code. */
const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
const FR = JSON.parse(JSON.stringify(EN), (_k, v: unknown) => (typeof v === 'string' ? (bundle[v] ?? `MISSING ${v}`) : v)) as NoticeStrings;

const report = (over: Partial<ShapeReport>): ShapeReport => ({ ...emptyReport(), ...over });
const rows = (count: number, lines: number[]) => ({ count, lines });

test('the English templates are the ones the host sends, and each has its French translation', () => {
  const src = readFileSync(join(ROOT, 'src', 'vscode', 'standardise', 'strings.ts'), 'utf8');
  for (const t of templates(EN)) {
    assert.ok(src.includes(`vscode.l10n.t('${t}')`), `strings.ts sends ${JSON.stringify(t)}`);
    assert.ok(bundle[t], `French for ${JSON.stringify(t)}`);
  }
});

test('nothing to say: no notice', () => {
  assert.deepEqual(rowNotices(emptyReport(), EN), []);
});

test('a blank row and totals rows: one sentence each with the first lines, the totals with their action', () => {
  const totals = rows(24, [35, 46, 50, 73, 81, 90, 101, 112, 130, 145]);
  assert.deepEqual(rowNotices(report({ blank: rows(1, [4]), totalsWritten: totals }), EN), [
    { kind: 'blank', text: '1 blank row not written (line 4).' },
    {
      kind: 'totalsWritten',
      text: '24 totals rows written as records (lines 35, 46, 50, 73, 81, 90, 101, 112, …).',
      action: 'dropTotals',
    },
  ]);
  assert.equal(NOTICE_LINES, 8);
  assert.deepEqual(
    rowNotices(report({ totalsWritten: rows(24, [35, 46]) }), EN, 2).map((n) => n.text),
    ['24 totals rows written as records (lines 35, 46, …).'],
  );
  assert.deepEqual(
    rowNotices(report({ totalsWritten: rows(1, [12]) }), EN).map((n) => n.text),
    ['1 totals row written as a record (line 12).'],
  );
  // More rows than lines known, one line shown: still "lines".
  assert.deepEqual(
    rowNotices(report({ blank: rows(3, [7]) }), EN).map((n) => n.text),
    ['3 blank rows not written (lines 7, …).'],
  );
  // No line known (a source read without line numbers): the sentence without brackets.
  assert.deepEqual(
    rowNotices(report({ blank: rows(2, []) }), EN).map((n) => n.text),
    ['2 blank rows not written.'],
  );
});

test('the same in French, as the CLI words it', () => {
  assert.deepEqual(
    rowNotices(report({ blank: rows(2, [4, 9]), totalsWritten: rows(24, [35, 46]) }), FR, 2).map((n) => n.text),
    ['2 lignes vides non écrites (lignes 4, 9).', '24 lignes de total écrites comme des enregistrements (lignes 35, 46, …).'],
  );
  assert.deepEqual(
    rowNotices(report({ unmatchedLabels: { count: 1, labels: [{ label: 'Catégorie', line: 13 }] } }), FR).map((n) => n.text),
    ['1 libellé d’en-tête répété sans colonne correspondante dans l’en-tête, ses cellules non lues : « Catégorie » (ligne 13).'],
  );
});

test('every count that is not zero, in the order of the CLI summary; only the totals have an action', () => {
  const all = report({
    leftOut: rows(2, [22, 24]),
    shifted: rows(1, [12]),
    repaired: rows(3, [5, 6, 7]),
    blank: rows(26, [3]),
    repeatedHeader: rows(23, [40]),
    sectionHeading: rows(2, [2, 30]),
    byRepeatedHeader: rows(4, [7, 8, 9, 14]),
    unmatchedLabels: { count: 1, labels: [{ label: 'Catégorie', line: 13 }] },
    totalsWritten: rows(24, [35]),
    totalsDropped: rows(2, [60, 70]),
  });
  const n = rowNotices(all, EN);
  assert.deepEqual(
    n.map((x) => x.kind),
    [...ROW_NOTICES],
  );
  assert.deepEqual(
    n.filter((x) => x.action).map((x) => x.kind),
    ['totalsWritten'],
  );
  assert.equal(n[1].text, '1 row not written: fewer cells than the header, the values after a lost cell shifted (line 12).');
  assert.equal(n[6].text, '4 rows read by the repeated header above them, whose columns differ from the header’s (lines 7, 8, 9, 14).');
  assert.equal(n[7].text, '1 label of a repeated header matches no column of the header, its cells not read: “Catégorie” (line 13).');
  assert.equal(n[9].text, '2 totals rows not written: “Drop totals rows” is on (lines 60, 70).');
});

test('a label is a cell of the file: kept as it is (the webview inserts it as text), never read as a template', () => {
  const hostile = '<img src=x onerror=alert(1)>{1}';
  const [n] = rowNotices(report({ unmatchedLabels: { count: 3, labels: [{ label: hostile, line: 2 }, { label: 'Type' }] } }), EN);
  assert.equal(
    n.text,
    '3 labels of a repeated header match no column of the header, their cells not read: “<img src=x onerror=alert(1)>{1}” (line 2), “Type”, ….',
  );
});

test('the totals action turns "Drop totals rows" on and keeps the other table operations', () => {
  assert.deepEqual(withTotalsDropped(undefined), { drop: { totals: true } });
  const table = {
    headerRow: 2,
    drop: { blank: true, where: [{ column: 'Etape', equals: ['Refusé'] }] },
    stack: { files: [{ path: 'b.csv', label: '2025' }], column: 'Source' },
  };
  const on = withTotalsDropped(table);
  assert.deepEqual(on, { ...table, drop: { ...table.drop, totals: true } });
  assert.equal(table.drop.blank, true);
  assert.ok(!('totals' in table.drop), 'the view’s table is not changed');
  // The message Apply sends: the host takes it as it is.
  assert.deepEqual(parseFromWebview({ type: 'table', table: on }), { type: 'table', table: on });
});

test('the report crosses the protocol only in the shape the notices read', () => {
  const good = report({ blank: rows(1, [4]), unmatchedLabels: { count: 1, labels: [{ label: 'x', line: 3 }, { label: 'y' }] } });
  assert.equal(isShapeReport(good), true);
  assert.equal(isShapeReport({ ...good, blank: { count: -1, lines: [] } }), false);
  assert.equal(isShapeReport({ ...good, totalsWritten: { count: 1, lines: ['<b>'] } }), false);
  assert.equal(isShapeReport({ ...good, unmatchedLabels: { count: 1, labels: [{ label: 7 }] } }), false);
  const { shifted: _s, ...missing } = good;
  assert.equal(isShapeReport(missing), false);
  const preview = { header: [], rows: [], counts: {}, report: good, read: { line: 9, whole: true } };
  assert.equal(isToWebview({ type: 'preview', generation: 1, preview }), true);
  assert.equal(isToWebview({ type: 'preview', generation: 1, preview: { ...preview, report: undefined } }), false);
  assert.equal(isToWebview({ type: 'written', message: 'done', report: good }), true);
  assert.equal(isToWebview({ type: 'written', message: 'done', report: {} }), false);

  const shown = { type: 'shown', heading: EN.preview, notices: [{ kind: 'totalsWritten', text: 't', action: { drop: { totals: true } } }] };
  assert.deepEqual(parseFromWebview(shown), shown);
  assert.equal(parseFromWebview({ ...shown, notices: [{ kind: 'eval', text: 't' }] }), null);
  assert.equal(parseFromWebview({ ...shown, notices: [{ kind: 'blank', text: 't', action: { script: 'x' } }] }), null);
  assert.equal(parseFromWebview({ ...shown, heading: 1 }), null);
});

test('a real export with a blank row and two totals rows: the proposal drops them and says why; unticked, they are written and said', async () => {
  const source = { path: join(FIXTURES, 'standardise', 'subventions-totaux.csv') };
  const p = await proposeTask({ source });
  assert.ok(p.ok);
  assert.equal(p.result.schema.name, 'scdl/subventions');
  // Proposed with the mapping, with its reason in both languages.
  assert.deepEqual(p.result.spec.table, { drop: { totals: true } });
  assert.deepEqual(
    p.result.operations.map((o) => [o.operation, o.rows, o.reason.en, o.reason.fr]),
    [
      [
        'drop.totals',
        { count: 2, lines: [6, 8] },
        '2 totals rows in the rows read (lines 6, 8): a sum of the rows above is no record, and written as one it counts their amounts twice.',
        '2 lignes de total dans les lignes lues (lignes 6, 8) : une somme des lignes au-dessus n’est pas un enregistrement, et écrite comme tel elle compte leurs montants deux fois.',
      ],
    ],
  );
  const spec = p.result.spec;
  const preview = await previewTask({ source, spec, lang: 'en' });
  assert.ok(preview.ok);
  assert.equal(preview.result.checked, 4);
  assert.deepEqual(preview.result.read, { line: 8, whole: true }, 'the whole file read: its counts are the file’s');
  assert.equal(isShapeReport(preview.result.report), true);
  assert.deepEqual(rowNotices(preview.result.report, EN), [
    { kind: 'blank', text: '1 blank row not written (line 4).' },
    { kind: 'totalsDropped', text: '2 totals rows not written: “Drop totals rows” is on (lines 6, 8).' },
  ]);
  assert.deepEqual(
    rowNotices(preview.result.report, FR).map((n) => n.text),
    ['1 ligne vide non écrite (ligne 4).', '2 lignes de total non écrites : « Supprimer les lignes de totaux » est coché (lignes 6, 8).'],
  );
  const out = join(mkdtempSync(join(tmpdir(), 'odw-notices-')), 'out.csv');
  const written = await writeTask({ source, spec, out, lang: 'en' });
  assert.ok(written.ok);
  assert.equal(written.result.rows, 4);
  assert.deepEqual(written.result.report, preview.result.report);
  assert.ok(!('unmapped' in written.result.report), 'the report alone: the panel lists the unmapped columns elsewhere');
  assert.ok(!('read' in written.result.report));

  // The user's table operations win: "Drop totals rows" unticked, none is proposed over them.
  const kept = await proposeTask({ source, table: {} });
  assert.ok(kept.ok);
  assert.deepEqual([kept.result.spec.table, kept.result.operations], [{}, []]);
  const unticked = await previewTask({ source, spec: kept.result.spec, lang: 'en' });
  assert.ok(unticked.ok);
  assert.equal(unticked.result.checked, 6);
  assert.deepEqual(rowNotices(unticked.result.report, EN), [
    { kind: 'blank', text: '1 blank row not written (line 4).' },
    { kind: 'totalsWritten', text: '2 totals rows written as records (lines 6, 8).', action: 'dropTotals' },
  ]);
  const again = await previewTask({ source, spec: { ...spec, table: withTotalsDropped(kept.result.spec.table) }, lang: 'en' });
  assert.ok(again.ok);
  assert.equal(again.result.checked, 4);
});
