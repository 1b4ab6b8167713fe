// `odw publish --lang fr` through the real dist/cli.js: the dry run's requests, the progress and
// warning lines (the key's right, retries, unchanged files, errors allowed, a CKAN licence left
// out) and the result in French words and spacing; the same runs in English keep their words.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startUdataEmulator } from '../../emulator/udata';
import { startCkanEmulator } from '../../emulator/ckan';
import { makeProject, outputs, runCli } from './helpers';

/** What ajv, Node or our own English would leave in a French line. */
const ENGLISH = /\b(warning|error|your key|retry|unchanged|uploaded|bytes|file|publishing despite|reason|licence matching)\b|[“”]/;
const keys: string[] = [];

test('udata: the dry run, the run, a retry and a re-run say what happens in French', async () => {
  const emu = await startUdataEmulator();
  keys.push(emu.apiKey);
  try {
    const p = makeProject();
    const dry = await runCli([p.dp, '--portal', emu.url, '--dry-run', '--lang', 'fr'], {});
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^ {2}fichier 20240115_213502388_equipements\.csv \(\d+ octets, text\/csv\)$/m);
    assert.doesNotMatch(dry.out.replace(/^ {2}\{.*$/gm, ''), ENGLISH);
    const dryEn = await runCli([p.dp, '--portal', emu.url, '--dry-run', '--lang', 'en'], {});
    assert.match(dryEn.out, /^ {2}file 20240115_213502388_equipements\.csv \(\d+ bytes, text\/csv\)$/m);

    // The final update answers 502 once: retried, and said so.
    emu.faults.add({ method: 'PUT', path: /^\/api\/1\/datasets\/[^/]+\/$/, action: { kind: 'status', status: 502 } });
    const r = await runCli([p.dp, '--portal', emu.url, '--lang', 'fr'], { ODW_API_KEY: emu.apiKey });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^ {2}votre clé peut publier pour l’organisation .+ \(rôle (administrateur|éditeur)\)$/m);
    assert.match(r.err, /^ {2}avertissement : PUT \S+ : HTTP 502, nouvel essai 1\/\d dans \d+ ms$/m);
    assert.match(r.out, /^Publié : \S+ \(jeu de données \S+, privé\)\n {2}Équipements : \S+$/m);
    const again = await runCli([p.dp, '--portal', emu.url, '--lang', 'fr'], { ODW_API_KEY: emu.apiKey });
    assert.equal(again.code, 0, again.err);
    assert.match(again.err, /equipements\.csv n’a pas changé depuis la dernière publication : il n’est pas envoyé à nouveau/);
    for (const x of [r, again]) assert.doesNotMatch(x.err + x.out, ENGLISH);

    const en = await runCli([p.dp, '--portal', emu.url, '--lang', 'en'], { ODW_API_KEY: emu.apiKey });
    assert.match(en.err, /^ {2}your key can publish to organisation .+ \(role (admin|editor)\)$/m);
    assert.match(en.err, /is unchanged since the last publication: not uploaded again/);
    assert.match(en.out, /^ {2}Équipements: \S+$/m);

    // Errors allowed, with a reason: the warning in French.
    const broken = makeProject({ csv: 'nom,commune\nPiscine,Rennes,en trop\n' });
    const allowed = await runCli(
      [broken.dp, '--portal', emu.url, '--dry-run', '--allow-errors', 'validé par le service', '--lang', 'fr'],
      {},
    );
    assert.equal(allowed.code, 0, allowed.err);
    assert.match(
      allowed.err,
      /^ {2}avertissement : publication malgré les erreurs \(.+ : 1 erreur\(s\), la première : .+\) ; raison : validé par le service$/m,
    );
    const allowedEn = await runCli([broken.dp, '--portal', emu.url, '--dry-run', '--allow-errors', 'ok', '--lang', 'en'], {});
    assert.match(allowedEn.err, /^ {2}warning: publishing despite lint errors \(.+\); reason: ok$/m);

    const missing = await runCli([`${p.dir}/nope.csv`, '--portal', emu.url, '--dry-run', '--lang', 'fr'], {});
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^odw publish : fichier introuvable : /);
  } finally {
    await emu.stop();
  }
});

test('CKAN: a licence the portal lacks is said in French', async () => {
  const emu = await startCkanEmulator();
  keys.push(emu.apiKey);
  try {
    const p = makeProject({ licence: 'etalab-2.0' });
    const r = await runCli([p.dp, '--portal', emu.url, '--type', 'ckan', '--lang', 'fr'], { ODW_API_KEY: emu.apiKey });
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.err,
      /avertissement : le portail n’a pas de licence correspondant à etalab-2\.0 \(ses identifiants : .+\) ; le jeu de données est publié sans licence/,
    );
    assert.doesNotMatch(r.err, ENGLISH);
  } finally {
    await emu.stop();
  }
});

test('the API key appears in no output of this file', () => {
  for (const k of keys)
    assert.deepEqual(
      outputs.filter((o) => o.includes(k)),
      [],
    );
});

test('a folder given to publish is named as a folder, its datapackage.json suggested', async () => {
  const p = makeProject();
  const dir = p.dp.replace(/[\\/]datapackage\.json$/, '');
  const en = await runCli([dir, '--portal', 'http://127.0.0.1:9', '--dry-run', '--lang', 'en'], {});
  assert.equal(en.code, 2);
  assert.match(en.err, /is a folder; publish .*datapackage\.json/);
  const fr = await runCli([dir, '--portal', 'http://127.0.0.1:9', '--dry-run', '--lang', 'fr'], {});
  assert.equal(fr.code, 2);
  assert.match(fr.err, /est un dossier ; publiez .*datapackage\.json/);
  assert.doesNotMatch(fr.err, /introuvable/);
});
