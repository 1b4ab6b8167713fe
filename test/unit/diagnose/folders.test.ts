// Extra inventory folders: tables with their facts and freshness, PDFs listed apart, dot
// folders skipped, a missing folder reported instead of thrown.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanFolder } from '../../../src/core/diagnose/folders';

test('tables, PDFs, hidden folders and an unreadable root', async () => {
  const root = mkdtempSync(join(tmpdir(), 'odw-share-'));
  try {
    mkdirSync(join(root, 'Sports'));
    mkdirSync(join(root, '.cache'));
    writeFileSync(
      join(root, 'Sports', 'equipements.csv'),
      'COLL_NOM,COLL_SIRET,EQUIP_UID,EQUIP_THEME,EQUIP_CODE,EQUIP_TYPE,EQUIP_NOM,ADR_NUMERO,ADR_NOMVOIE,ADR_CODEPOSTAL,ADR_COMMUNE,EQUIP_LAT,EQUIP_LONG\nVille,1,2,Sport,,Gymnase,Nord,1,rue,38000,Grenoble,45.1,5.7\n',
    );
    writeFileSync(join(root, 'Sports', 'rapport.PDF'), '%PDF-1.4\n');
    writeFileSync(join(root, '.cache', 'x.csv'), 'a\n1\n');
    writeFileSync(join(root, 'notes.txt'), 'x');
    writeFileSync(join(root, 'propre.csv'), 'nom,montant\nA,1\nB,2\n');
    const s = await scanFolder(root);
    assert.equal(s.error, undefined);
    assert.deepEqual(
      s.tables.map((t) => t.rel),
      ['propre.csv', 'Sports/equipements.csv'],
    );
    assert.deepEqual(s.tables[0].quality, { errors: 0, warnings: 0 });
    s.tables.shift();
    assert.ok(s.tables[0].quality!.errors > 0, 'SIRET “1” breaks the detected schema');
    assert.equal(s.tables[0].facts.rows, 1);
    assert.equal(s.tables[0].facts.schema?.name, 'scdl/equipements');
    assert.match(s.tables[0].modified, /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(
      s.pdfs.map((p) => p.rel),
      ['Sports/rapport.PDF'],
    );
    assert.equal((await scanFolder(root, 1)).truncated, true);
    const gone = await scanFolder(join(root, 'nope'));
    assert.match(gone.error ?? '', /ENOENT/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
