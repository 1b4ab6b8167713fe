// Hostile or broken XML gets a clear refusal (never a crash or a hang); plans de comptes come
// from --plans first, the nearest year when the exact one is missing, a local HTTP server
// standing for odm-budgetaire.org, or not at all (empty labels and a loud warning).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { BudgetRefusal, convertActToFile } from '../../../src/core/budget/convert';
import { MAX_TOKEN_CHARS, streamXml, XmlInputError } from '../../../src/core/budget/xml-stream';
import { main } from '../../../src/cli';
import { actOf, makeAct, readCsv, ROOT, tmp, writeAct } from './helpers';

const offline = { baseUrl: null, cacheDir: null } as const;

async function refusal(xml: string | Buffer, lang: 'en' | 'fr' = 'en'): Promise<BudgetRefusal> {
  const dir = tmp();
  const p = join(dir, 'act.xml');
  writeFileSync(p, xml);
  const out = join(dir, 'out.csv');
  const e = await convertActToFile(p, out, { ...offline, lang }).then(
    () => null,
    (x) => x,
  );
  assert.ok(e instanceof BudgetRefusal, `refused: ${e}`);
  assert.ok(!existsSync(out) && !existsSync(`${out}.${process.pid}.part`), 'no output left behind');
  return e;
}

test('not a budget act: the root is named', async () => {
  const e = await refusal('<?xml version="1.0"?><PES_Aller><Enveloppe/></PES_Aller>');
  assert.equal(e.code, 'not-budget');
  assert.match(e.message, /<PES_Aller>/);
  assert.match((await refusal('<html><body/></html>', 'fr')).message, /Ce n’est pas un acte budgétaire/);
});

test('an empty <DocumentBudgetaire/> is refused, not turned into a header-only CSV', async () => {
  const e = await refusal(
    '<?xml version="1.0" encoding="UTF-8"?>\n<DocumentBudgetaire xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire"/>\n',
    'fr',
  );
  assert.equal(e.code, 'empty-act');
  assert.match(e.message, /^Le <DocumentBudgetaire> est vide/);
});

test('a CSV or a picture renamed .xml is named as not XML, not as a bad encoding', async () => {
  const csv = await refusal('BGT_NATDEC,BGT_ANNEE\nbudget primitif,2022\n');
  assert.equal(csv.code, 'not-xml');
  const png = await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]));
  assert.equal(png.code, 'not-xml');
  assert.match(png.message, /not an XML file/);
  assert.equal((await refusal('\ufeff  \n')).code, 'empty', 'a BOM and blanks: empty, as before');
});

test('a truncated act is refused as truncated', async () => {
  const full = readFileSync(actOf('crach-lotissement-bp-2022'));
  const e = await refusal(full.subarray(0, Math.floor(full.length / 2)));
  assert.equal(e.code, 'truncated');
});

test('billion laughs and XXE: refused at the DOCTYPE, nothing expanded or read', async () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><DocumentBudgetaire><EnTeteDocBudgetaire><LibelleColl V="&lol3;"/></EnTeteDocBudgetaire></DocumentBudgetaire>`;
  const a = await refusal(laughs);
  assert.equal(a.code, 'doctype');
  assert.match(a.message, /DOCTYPE/);
  const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><DocumentBudgetaire><EnTeteDocBudgetaire><LibelleColl V="&x;"/></EnTeteDocBudgetaire></DocumentBudgetaire>`;
  const b = await refusal(xxe);
  assert.equal(b.code, 'doctype');
  assert.doesNotMatch(b.message, /root:/);
});

test('a 100 MB attribute is refused once past the limit, without holding it whole', async () => {
  const MB = 1 << 20;
  let sent = 0;
  const chunk = Buffer.alloc(MB, 'a');
  const src = Readable.from(
    (function* () {
      yield Buffer.from('<?xml version="1.0"?><DocumentBudgetaire><EnTeteDocBudgetaire><LibelleColl V="');
      for (; sent < 100; sent++) yield chunk;
      yield Buffer.from('"/></EnTeteDocBudgetaire></DocumentBudgetaire>');
    })(),
  );
  const e = await streamXml(src, { open() {}, close() {} }).then(
    () => null,
    (x) => x,
  );
  assert.ok(e instanceof XmlInputError && e.kind === 'huge-token', String(e));
  assert.ok(sent * MB < MAX_TOKEN_CHARS + 4 * MB, `stopped after ${sent} MB`);
});

test('a Latin-1 act declared UTF-8 is refused with the reason', async () => {
  const xml = makeAct({ libelleColl: 'SÈTE', lines: [{ Nature: '6068', ContNat: '011', CodRD: 'D', OpBudg: '0' }] });
  const e = await refusal(Buffer.from(xml, 'latin1'));
  assert.equal(e.code, 'encoding');
  assert.match(e.message, /declares the encoding utf-8/);
});

test('an act saved as UTF-8 but declaring ISO-8859-1 is refused, not turned into “Ã©”', async () => {
  const latin1 = readFileSync(actOf('crach-lotissement-bp-2022'));
  assert.match(latin1.subarray(0, 60).toString('latin1'), /ISO-8859-1/i);
  const utf8 = Buffer.from(latin1.toString('latin1'), 'utf8');
  const e = await refusal(utf8, 'fr');
  assert.equal(e.code, 'utf8-bytes');
  assert.match(e.message, /déclare l’encodage iso-8859-1 mais ses octets sont en UTF-8/);
  // The real Latin-1 act, with the same declaration, still converts.
  const dir = tmp();
  const r = await convertActToFile(actOf('crach-lotissement-bp-2022'), join(dir, 'ok.csv'), offline);
  assert.ok(r.rows > 0);
});

test('elements nested thousands deep are refused early, memory bounded', async () => {
  const e = await refusal(`<?xml version="1.0"?><DocumentBudgetaire>${'<a>'.repeat(200_000)}`);
  assert.equal(e.code, 'too-deep');
  assert.match(e.message, /nested more than 256 deep/);
});

const planFile = (exer: string, decl = 'M14_COM_500_3500') =>
  gunzipSync(readFileSync(join(ROOT, 'data/plans', exer, 'M14', decl, 'planDeCompte.xml.gz')));
const line = { Nature: '6045', ContNat: '011', CodRD: 'D', OpBudg: '0', MtPrev: '1.00' };

test('--plans is searched first; a missing year falls back to the nearest one, said', async () => {
  const dir = tmp();
  const plans = join(dir, 'plans', '2022', 'M14', 'M14_COM_500_3500');
  mkdirSync(plans, { recursive: true });
  writeFileSync(
    join(plans, 'planDeCompte.xml'),
    planFile('2022').toString('utf8').replace('Libelle="Charges à caractère général"', 'Libelle="Charges générales (plan local)"'),
  );
  const act = writeAct(dir, 'a.xml', makeAct({ lines: [line] }));
  const out = join(dir, 'o.csv');
  const r = await convertActToFile(act, out, { ...offline, plansDirs: [join(dir, 'plans')] });
  assert.equal(r.plan.source, 'plans-dir');
  assert.equal(readCsv(readFileSync(out, 'utf8'))[1][5], 'Charges générales (plan local)');
  const later = writeAct(dir, 'b.xml', makeAct({ exer: '2025', lines: [line] }));
  const r2 = await convertActToFile(later, out, offline);
  assert.deepEqual([r2.plan.source, r2.plan.year, r2.plan.exact], ['bundled', '2022', false]);
  assert.match(r2.problems.find((p) => p.code === 'plan-nearest')!.message, /for 2025: the 2022 plan/);
});

test('a plan missing locally is downloaded from the source into the cache, then read from the cache', async () => {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url!);
    if (req.url === '/normes/2019/M14/M14_COM_SUP3500/planDeCompte.xml')
      res.end(planFile('2018', 'M14_COM_SUP3500').toString('utf8').replace('Exer="2018"', 'Exer="2019"'));
    else res.writeHead(404).end('no');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/normes`;
  try {
    const dir = tmp();
    const cache = join(dir, 'cache');
    const act = writeAct(dir, 'a.xml', makeAct({ nomenclature: 'M14-M14_COM_SUP3500', exer: '2019', lines: [line] }));
    const r = await convertActToFile(act, join(dir, 'o.csv'), { baseUrl: base, cacheDir: cache });
    assert.deepEqual([r.plan.source, r.plan.exact], ['download', true]);
    assert.ok(existsSync(join(cache, '2019/M14/M14_COM_SUP3500/planDeCompte.xml')));
    const again = await convertActToFile(act, join(dir, 'o.csv'), { baseUrl: base, cacheDir: cache });
    assert.equal(again.plan.source, 'cache');
    assert.equal(asked.length, 1, 'one download only');
  } finally {
    server.close();
  }
});

test('offline with no plan: converted with empty labels and a loud warning', async () => {
  const dir = tmp();
  const act = writeAct(dir, 'a.xml', makeAct({ nomenclature: 'M71-M71', exer: '2021', lines: [line] }));
  const out = join(dir, 'o.csv');
  const r = await convertActToFile(act, out, offline);
  const w = r.problems.find((p) => p.code === 'plan-missing')!;
  assert.equal(w.severity, 'warning');
  assert.match(w.message, /NO PLAN DE COMPTES for M71-M71 2021.*EMPTY/);
  assert.equal(readCsv(readFileSync(out, 'utf8'))[1][5], '');
});

test('a nomenclature that is not a safe path never leaves the plans folders', async () => {
  const dir = tmp();
  const act = writeAct(dir, 'a.xml', makeAct({ nomenclature: 'M14-../../etc', lines: [line] }));
  const r = await convertActToFile(act, join(dir, 'o.csv'), offline);
  assert.ok(r.problems.some((p) => p.code === 'no-nomenclature'));
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('odw convert: exit 0 with warnings on stderr, 1 for a non-budget file, 2 for usage', async () => {
  const dir = tmp();
  process.env.ODW_OFFLINE = '1';
  try {
    const out = join(dir, 'b.csv');
    const ok = await cli('convert', actOf('stmalo-agglo-transport-bp-2022'), '--out', out, '--lang', 'fr');
    assert.equal(ok.code, 0);
    assert.match(ok.err, /totem\.xml : avertissement : 1 ligne\(s\) ont un compte absent du plan/);
    assert.match(readFileSync(out, 'utf8'), /^BGT_NATDEC,BGT_ANNEE/);
    const compat = await cli('convert', actOf('crach-lotissement-bp-2022'), '--out', out, '--compat', 'yatotem2scdl');
    assert.equal(compat.code, 0);
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'x.xml'));
    const bad = await cli('convert', join(dir, 'x.xml'), '--out', join(dir, 'x.csv'));
    assert.equal(bad.code, 1);
    assert.match(bad.err, /error: This is not an XML file/);
    assert.equal((await cli('convert', actOf('crach-lotissement-bp-2022'))).code, 2);
    assert.equal((await cli('convert', actOf('crach-lotissement-bp-2022'), '--out', out, '--compat', 'other')).code, 2);
    assert.equal((await cli('convert', join(dir, 'missing.xml'), '--out', out)).code, 2);
    const unknown = await cli('convert', actOf('crach-lotissement-bp-2022'), '--out', out, '--bogus');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown option --bogus/);
  } finally {
    delete process.env.ODW_OFFLINE;
  }
});
