// `odw clean --lang fr`: the summary of each step and the refusal of a file that is no CSV
// with French spacing before the colon; the English lines unchanged.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runOdw } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'odw-clean-fr-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sample = join(ROOT, 'samples', 'subventions-2024.csv');

test('odw clean says each step and its refusals with the French colon', async () => {
  const out = join(dir, 'out.csv');
  const fr = await runOdw('clean', sample, '--out', out, '--lang', 'fr');
  assert.equal(fr.code, 0, fr.err);
  assert.match(fr.out, /^encoding : 1 correction\(s\)$/m);
  assert.match(fr.out, /^type-error : 14 correction\(s\) \[dateConvention, montant\]$/m);
  assert.doesNotMatch(fr.out, /^[\w-]+: /m);
  const en = await runOdw('clean', sample, '--out', out, '--lang', 'en');
  assert.match(en.out, /^encoding: 1 fix\(es\)$/m);
  assert.match(en.out, /^type-error: 14 fix\(es\) \[dateConvention, montant\]$/m);
  // The closing count reads the same for 1 as for 20 problems (it said "1 errors and warnings before").
  const esc = out.replace(/[/.]/g, '\\$&');
  assert.match(fr.out, new RegExp(`^${esc} : erreurs et avertissements : \\d+ avant, \\d+ après\\.$`, 'm'));
  assert.match(en.out, new RegExp(`^${esc}: errors and warnings: \\d+ before, \\d+ after\\.$`, 'm'));

  const bin = join(dir, 'bin.csv');
  writeFileSync(bin, Buffer.from('a\0b\0'));
  const refused = await runOdw('clean', bin, '--out', out, '--lang', 'fr');
  assert.equal(refused.code, 2);
  assert.equal(
    refused.err,
    `${bin} : Le fichier contient des octets NUL : il est binaire ou en UTF-16 sans BOM, ce n’est pas un CSV. (octet 1)\n`,
  );
  const refusedEn = await runOdw('clean', bin, '--out', out, '--lang', 'en');
  assert.match(refusedEn.err, new RegExp(`^${bin.replace(/[/.]/g, '\\$&')}: The file holds NUL bytes`));
});
