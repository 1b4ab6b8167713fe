// The CLI contract other tools depend on: exit codes and the JSON report shape.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, runOdw } from '../helpers';

const run = runOdw;

const dir = mkdtempSync(join(tmpdir(), 'odw-cli-'));
const clean = join(dir, 'clean.csv');
writeFileSync(clean, 'nom,montant\nA,1\nB,2\n');
const broken = join(dir, 'broken.csv');
writeFileSync(broken, 'nom,montant\nA\n');

test('exit 0 on a clean file, 1 on errors, 2 on usage and unreadable input', async () => {
  assert.equal((await run('lint', clean)).code, 0);
  assert.equal((await run('lint', broken)).code, 1);
  const usage = await run('lint');
  assert.equal(usage.code, 2);
  assert.match(usage.err, /usage: odw lint/);
  assert.equal((await run('lint', clean, '--format', 'xml')).code, 2);
  const missing = await run('lint', join(dir, 'nope.csv'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no such file/);
  const bin = join(dir, 'junk.csv');
  writeFileSync(bin, Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 9, 9]));
  const junk = await run('lint', bin, '--format', 'json');
  assert.equal(junk.code, 2);
  assert.equal(JSON.parse(junk.out).files[0].diagnostics[0].rule, 'source-error');
});

test('--help, <command> --help and --version print and exit 0; the usage lists every command', async () => {
  const help = await run('--help');
  assert.equal(help.code, 0);
  for (const c of ['lint', 'clean']) assert.match(help.out, new RegExp(`^  ${c} `, 'm'));
  assert.match(help.out, /odw lint <paths…>.*--max-problems/);
  const lintHelp = await run('lint', '--help');
  assert.equal(lintHelp.code, 0);
  assert.match(lintHelp.out, /^usage: odw lint/);
  assert.equal(lintHelp.err, '');
  const v = await run('--version');
  assert.equal(v.code, 0);
  assert.match(v.out, /^(\d+\.\d+\.\d+|unknown)\n$/);
  const unknown = await run('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command/);
});

test('--format json has exactly the documented shape', async () => {
  const r = await run('lint', broken, '--format', 'json');
  const report = JSON.parse(r.out);
  assert.deepEqual(Object.keys(report), ['files']);
  const f = report.files[0];
  assert.deepEqual(
    Object.keys(f).sort(),
    ['byRule', 'counts', 'delimiter', 'diagnostics', 'encoding', 'format', 'path', 'rows', 'schema', 'truncated'].sort(),
  );
  assert.deepEqual([f.format, f.encoding, f.delimiter, f.rows], ['csv', 'utf-8', ',', 1]);
  const d = f.diagnostics.find((x: { rule: string }) => x.rule === 'missing-cell');
  assert.deepEqual(Object.keys(d).sort(), ['column', 'end', 'field', 'line', 'message', 'row', 'rule', 'severity', 'start'].sort());
  assert.deepEqual(
    [d.rule, d.severity, d.row, d.column, d.field, d.line, d.start, d.end],
    ['missing-cell', 'error', 2, 2, 'montant', 2, 1, 1],
  );
  assert.equal(f.schema, null);
  assert.equal(f.counts.error, 1);
  assert.equal(f.byRule['missing-cell'], 1);
  assert.equal(f.truncated, false);
});

test('--lang fr gives French messages; sarif is SARIF 2.1.0', async () => {
  const fr = await run('lint', broken, '--lang', 'fr');
  assert.match(fr.out, /Cellule « montant » manquante/);
  const sarif = JSON.parse((await run('lint', broken, '--format', 'sarif')).out);
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'missing-cell'));
});

test('folders are expanded to the tables they hold (the real corpus lints without a crash)', async () => {
  const r = await run('lint', join(FIXTURES, 'corpus'), '--format', 'json');
  const files = JSON.parse(r.out).files;
  assert.ok(files.length >= 12);
  assert.ok(files.every((f: { diagnostics: unknown[] }) => Array.isArray(f.diagnostics)));
});

test('the built CLI runs as a program (node dist/cli.js)', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', broken, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.ok(JSON.parse(r.stdout).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'missing-cell'));
});

test('a reader that stops early (odw lint … | head) ends odw quietly with the true exit code', () => {
  const many = join(dir, 'many.csv');
  writeFileSync(many, 'a,b\n' + '1\n'.repeat(50_000)); // every row short of a cell: errors
  // `head -c 1` closes the pipe after one byte while odw still has thousands of lines to print.
  const r = spawnSync(
    'bash',
    ['-c', `node "${join(ROOT, 'dist/cli.js')}" lint "${many}" --max-problems 0 | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`],
    {
      encoding: 'utf8',
    },
  );
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled/);
  assert.equal(r.stdout.trim(), '1');
});

test('usage mistakes are told in the command line’s language (--lang, else the locale), exit 2', async () => {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };
  try {
    delete process.env.LC_ALL;
    process.env.LANG = 'C.UTF-8';
    const en = await run('lint', clean, '--format', 'xml');
    assert.equal(en.code, 2);
    assert.match(en.err, /^--format must be text, json or sarif, not “xml”/);
    // --lang counts even when the mistake comes before it.
    const fr = await run('lint', clean, '--format', 'xml', '--lang', 'fr');
    assert.equal(fr.code, 2);
    assert.match(fr.err, /^--format vaut text, json ou sarif, pas « xml »/);

    process.env.LANG = 'fr_FR.UTF-8';
    const cases: [string[], RegExp][] = [
      [['lint'], /^aucun fichier donné\nusage : odw lint <chemins…> \[--schema <nom\|chemin\|nom@version>\]/],
      [['diagnose'], /^odw diagnose : --portal est obligatoire\nusage : odw diagnose --portal <url-de-base>/],
      [['lint', clean, '--bogus'], /^option inconnue --bogus/],
      [['publish', clean], /^--portal est obligatoire/],
      [['publish', clean, '--type', 'wordpress', '--portal', 'http://x'], /^--type vaut udata ou ckan, pas « wordpress »/],
      [['diagnose', '--portal'], /--portal attend une valeur/],
      [['map', clean], /^--schema est obligatoire/],
      [['standardise', clean, '--schema', 'scdl/subventions'], /^--out est obligatoire/],
      [['clean', clean], /^--out est obligatoire/],
      [['clean', clean, '--out', clean], /^le fichier d’entrée ne sera pas écrasé/],
      [['convert', clean, '--compat', 'x'], /^--compat vaut yatotem2scdl, pas « x »/],
      [['frobnicate'], /^commande inconnue « frobnicate »/],
    ];
    for (const [argv, expected] of cases) {
      const r = await run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, expected, argv.join(' '));
    }
    const help = await run('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^commandes :$/m);
    assert.match(help.out, /^ {2}convert +convertit un acte budgétaire/m);
    assert.match(help.out, /^odw convert <acte\.xml> --out <budget\.csv> \[--plans <dossier>\]/m);
    assert.match((await run('lint', '--help')).out, /^usage : odw lint <chemins…>/);
    assert.match((await run('--help', '--lang', 'en')).out, /^ {2}convert +convert a budget act/m);
    // An explicit --lang en wins over a French locale.
    assert.match((await run('lint', '--lang', 'en')).err, /^no file given/);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test('usage lines are French under --lang fr, the English ones unchanged', async () => {
  const { commands } = await import('../../../src/cli/commands');
  const english = /<(paths|file|name|dir|seconds|reason|base-url|recipe|act)\b|data file|field=value/;
  for (const name of Object.keys(commands)) {
    const fr = await run(name, '--help', '--lang', 'fr');
    assert.equal(fr.code, 0, name);
    assert.match(fr.out, new RegExp(`^usage : odw ${name}( |$)`), name);
    assert.doesNotMatch(fr.out, english, name);
    const en = await run(name, '--help', '--lang', 'en');
    assert.equal(en.out, commands[name].usage.en.map((u) => `usage: ${u}\n`).join(''), name);
  }
  const help = await run('--help', '--lang', 'fr');
  for (const c of Object.values(commands)) for (const u of c.usage.fr) assert.ok(help.out.includes(`\n${u}\n`), u);
  assert.doesNotMatch(help.out, english);
  // The words of a mistake and the usage line after them: one language.
  const mistakes: string[][] = [
    ['lint', '--bogus'],
    ['clean'],
    ['schemas', '--bogus'],
    ['publish'],
    ['convert'],
    ['map'],
    ['standardise'],
    ['diagnose', '--bogus'],
  ];
  for (const argv of mistakes) {
    const fr = await run(...argv, '--lang', 'fr');
    assert.equal(fr.code, 2, argv.join(' '));
    assert.match(fr.err, /\nusage : odw /, argv.join(' '));
    assert.doesNotMatch(fr.err, english, argv.join(' '));
    const en = await run(...argv, '--lang', 'en');
    assert.equal(en.code, 2, argv.join(' '));
    assert.match(en.err, /\nusage: odw /, argv.join(' '));
  }
});

test('odw --help lists each command with the usage line its own mistakes show', async () => {
  const { commands } = await import('../../../src/cli/commands');
  for (const lang of ['en', 'fr'] as const) {
    const help = (await run('--help', '--lang', lang)).out;
    for (const name of Object.keys(commands)) {
      const mistake = await run(name, '--bogus', 'x', '--lang', lang);
      assert.equal(mistake.code, 2, name);
      const shown = mistake.err.trimEnd().split('\n').pop()!;
      assert.equal(shown, `${lang === 'fr' ? 'usage :' : 'usage:'} ${commands[name].usage[lang][0]}`, `${name} --lang ${lang}`);
      assert.ok(help.includes(`\n${commands[name].usage[lang][0]}\n`), `${name} --lang ${lang}`);
    }
  }
  assert.match((await run('--help', '--lang', 'en')).out, /^odw lint .*\[--max-problems N\] \[--sheet <name>\]/m);
  assert.match((await run('--help', '--lang', 'fr')).out, /^odw lint .*\[--max-problems N\] \[--sheet <nom>\]/m);
});
