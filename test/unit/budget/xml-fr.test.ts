// A malformed or cut budget act in French: the refusal and the XML parser's reason (saxes
// writes English) are French; in English the parser's words stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BudgetRefusal, convertActToFile } from '../../../src/core/budget/convert';
import { tmp } from './helpers';

async function refusal(xml: string, lang: 'en' | 'fr'): Promise<BudgetRefusal> {
  const dir = tmp();
  const p = join(dir, 'act.xml');
  writeFileSync(p, xml);
  const e = await convertActToFile(p, join(dir, 'out.csv'), { baseUrl: null, cacheDir: null, lang }).then(
    () => null,
    (x) => x,
  );
  assert.ok(e instanceof BudgetRefusal, `refused: ${e}`);
  return e;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<DocumentBudgetaire xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire">';

test('a misnested act: the XML parser’s reason in French', async () => {
  const xml = `${HEAD}<EnTeteDocBudgetaire></Budget></DocumentBudgetaire>\n`;
  const fr = await refusal(xml, 'fr');
  assert.equal(fr.code, 'malformed');
  assert.equal(fr.message, 'Le XML est mal formé : balise fermante inattendue.');
  assert.equal((await refusal(xml, 'en')).message, 'The XML is malformed: unexpected close tag.');
  const twice = await refusal(`${HEAD}<EnTeteDocBudgetaire a="1" a="2"/></DocumentBudgetaire>\n`, 'fr');
  assert.equal(twice.message, 'Le XML est mal formé : attribut en double : a.');
});

test('a cut act: truncated, with the unclosed element named in French', async () => {
  const xml = `${HEAD}<EnTeteDocBudgetaire><LibelleColl V="Ville"/>`;
  const fr = await refusal(xml, 'fr');
  assert.equal(fr.code, 'truncated');
  assert.match(
    fr.message,
    /^Le XML s’arrête avant la fermeture de son dernier élément : le fichier est tronqué \(balise non fermée : \w+\)\.$/,
  );
  assert.match((await refusal(xml, 'en')).message, /truncated \(unclosed tag: \w+\)\.$/);
});
