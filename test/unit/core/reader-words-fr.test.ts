// What the readers say of a file they cannot read, in French under --lang fr: the byte of a NUL,
// a workbook's technical detail and limits, a schema that is not JSON or not there, the system's
// reason. The English keeps the words it had (Node's and the zip library's included).
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, runOdw } from '../helpers';
import { SheetReadError, sheetErrorMessage } from '../../../src/core/sheet/errors';
import { fsReason } from '../../../src/core/fs-words';
import { parseJsonFile } from '../../../src/core/project/json-file';

const dir = mkdtempSync(join(tmpdir(), 'odw-reader-fr-'));
const sample = join(ROOT, 'samples', 'subventions-2024.csv');
/** English a French line must not hold (outside « » quotes). */
const ENGLISH = /\b(byte|bytes|binary|unknown|row|cells|string|unexpected|expected|missing|declared|no such file|zip directory)\b/;
/** Paths (they hold file names) and « » quotes left aside. */
const noEnglish = (s: string) => assert.doesNotMatch(s.replace(/« [^»]* »/g, '').replace(/\S*\/\S*/g, ''), ENGLISH, s);

test('a binary file and a broken workbook: French words in the report header and the detail', async () => {
  const bin = join(dir, 'bin.csv');
  writeFileSync(bin, Buffer.from('x\0\x01binary\0'));
  const fr = await runOdw('lint', bin, '--lang', 'fr');
  assert.equal(fr.code, 2);
  assert.match(fr.out, /bin\.csv \(csv, binaire, 0 ligne\)/);
  assert.match(fr.out, /ce n’est pas un CSV\. \(octet 1\)/);
  noEnglish(fr.out);
  const en = await runOdw('lint', bin, '--lang', 'en');
  assert.match(en.out, /bin\.csv \(csv, binary, 0 rows\)/);
  assert.match(en.out, /not a CSV\. \(byte 1\)/);
  const cleanFr = await runOdw('clean', bin, '--out', join(dir, 'o.csv'), '--lang', 'fr');
  assert.match(cleanFr.err, /\(octet 1\)/);

  const zip = join(dir, 'broken.xlsx');
  writeFileSync(zip, Buffer.from('PK\x03\x04garbage'));
  const z = await runOdw('lint', zip, '--lang', 'fr');
  assert.match(z.out, /broken\.xlsx \(xlsx, inconnu, 0 ligne\)/);
  assert.match(
    z.out,
    /\(répertoire de l’archive zip : fin du répertoire central introuvable, ce n’est pas une archive zip ou le fichier est tronqué\)/,
  );
  noEnglish(z.out);
  assert.match((await runOdw('lint', zip, '--lang', 'en')).out, /\(zip directory: End of central directory record signature not found/);
});

test('a workbook beyond a reader limit says where in French', async () => {
  const sheets = join(FIXTURES, 'hostile', 'sheets');
  const wide = await runOdw('lint', join(sheets, 'ods-wide-repeat-bomb.ods'), '--lang', 'fr');
  assert.match(wide.out, /\(S, 1\u202f000\u202f000 cellules\)/);
  const row = await runOdw('lint', join(sheets, 'row-4294967296.xlsx'), '--lang', 'fr');
  assert.match(row.out, /\(xl\/worksheets\/sheet1\.xml, ligne 4294967296\)/);
  for (const r of [wide, row]) noEnglish(r.out);
  assert.match((await runOdw('lint', join(sheets, 'ods-wide-repeat-bomb.ods'), '--lang', 'en')).out, /\(S, 1,000,000 cells\)/);
  assert.match((await runOdw('lint', join(sheets, 'row-4294967296.xlsx'), '--lang', 'en')).out, /sheet1\.xml, row 4294967296\)/);
});

test('every technical detail of a workbook refusal has French words', () => {
  const cases: [SheetReadError, string][] = [
    [new SheetReadError('corrupt', 'missing xl/worksheets/sheet2.xml'), '(xl/worksheets/sheet2.xml absent de l’archive)'],
    [new SheetReadError('not-zip', 'empty file'), '(fichier vide)'],
    [new SheetReadError('not-workbook', 'an Excel file named .ods'), '(un fichier Excel nommé .ods)'],
    [new SheetReadError('not-workbook', 'an OpenDocument file named .xlsx'), '(un fichier OpenDocument nommé .xlsx)'],
    [new SheetReadError('corrupt', 'xl/styles.xml: compression method 14'), '(xl/styles.xml : méthode de compression 14)'],
    [new SheetReadError('corrupt', 'xl/styles.xml: no data for 120 bytes'), '(xl/styles.xml : aucune donnée pour 120 octets)'],
    [new SheetReadError('corrupt', 'xl/styles.xml: no local header'), '(xl/styles.xml : en-tête local absent)'],
    [
      new SheetReadError('zip-bomb', 'xl/a.xml inflates past its declared 10 bytes'),
      '(xl/a.xml dépasse à la décompression les 10 octets annoncés)',
    ],
    [
      new SheetReadError('zip-bomb', 'xl/a.xml: 1000 bytes declared to expand to 9000000 (ratio 9000)'),
      '(xl/a.xml : 1000 octets annoncés pour 9000000 décompressés (rapport 9000))',
    ],
    [new SheetReadError('zip-bomb', 'declared 4.5 GB uncompressed, limit 2.0 GB'), '(4,5 Go annoncés décompressés, limite 2,0 Go)'],
    [
      new SheetReadError('zip-bomb', 'entries claim 900 packed bytes in a 300-byte file'),
      '(les entrées annoncent 900 octets compressés dans un fichier de 300 octets)',
    ],
    [
      new SheetReadError('corrupt', 'xl/worksheets/sheet1.xml: invalid distance too far back'),
      // zlib's words in French, its own kept for a search.
      '(xl/worksheets/sheet1.xml : données compressées invalides (invalid distance too far back))',
    ],
  ];
  for (const [e, fr] of cases) {
    const text = sheetErrorMessage(e.kind, 'fr', e.detail);
    assert.ok(text.includes(fr), text);
    assert.doesNotMatch(text, /[“”]/);
    // English: the message and its detail as they were.
    assert.equal(e.message.endsWith(`(${e.detail})`), true, e.message);
  }
});

test('a schema that is not JSON or not there, and the system’s reasons, in French', async () => {
  const notJson = join(dir, 'schema.json');
  writeFileSync(notJson, 'not json');
  const fr = await runOdw('lint', sample, '--schema', notJson, '--lang', 'fr');
  assert.match(fr.err, /schema\.json:1:1: erreur : JSON invalide : « n » inattendu, valeur attendue\. \[schema-error\]/);
  assert.doesNotMatch(fr.err, /[“”]/);
  assert.match((await runOdw('lint', sample, '--schema', notJson, '--lang', 'en')).err, /Invalid JSON: unexpected “n”, expected a value\./);
  const missing = join(dir, 'missing.json');
  const gone = await runOdw('lint', sample, '--schema', missing, '--lang', 'fr');
  assert.match(gone.err, /Schéma illisible : .*missing\.json \(fichier ou dossier introuvable \(ENOENT\)\)\./);
  assert.match((await runOdw('lint', sample, '--schema', missing, '--lang', 'en')).err, /\(ENOENT: no such file or directory, open /);

  const denied = Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES' });
  assert.equal(fsReason(denied, 'fr'), 'accès refusé (EACCES)');
  assert.equal(fsReason(denied, 'en'), "EACCES: permission denied, open '/x'");
  assert.equal(fsReason(Object.assign(new Error('x'), { code: 'EWHATEVER' }), 'fr'), 'erreur système EWHATEVER');

  // The project files (datapackage.json, .opendata/project.json): JSON and type words in French.
  const schema = { type: 'object', properties: { title: { type: 'string' } } };
  assert.equal(parseJsonFile('{"title": }', schema).issues[0].message.fr, 'JSON invalide : « } » inattendu, valeur attendue.');
  assert.equal(parseJsonFile('{"title": 3}', schema).issues[0].message.fr, '/title : doit être de type chaîne.');
  assert.equal(parseJsonFile('{"title": 3}', schema).issues[0].message.en, '/title: must be of type string.');
});
