// Budget test helpers: the shared cases copied in test/fixtures/budget (SOURCES.md), small
// synthetic acts; the CSV reader (every cell as text) is the shared one.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';

export const ROOT = resolve(__dirname, '../../../..');
export const CASES = join(ROOT, 'test/fixtures/budget/cases');
export const caseNames = (): string[] => readdirSync(CASES).sort();
export const actOf = (name: string): string => join(CASES, name, 'totem.xml');

export const tmp = (): string => mkdtempSync(join(tmpdir(), 'odw-budget-'));

export { readCsv } from '../helpers';

export interface LineSpec {
  [child: string]: string | undefined;
}

/** A small act: `lines` are the LigneBudget children's V values (`calculated` becomes the attribute). */
export function makeAct(o: {
  nomenclature?: string;
  exer?: string;
  natDec?: string;
  libelleColl?: string;
  libelleEtab?: string;
  idEtab?: string;
  idColl?: string;
  codTypBud?: string;
  encoding?: string;
  lines: LineSpec[];
}): string {
  const enc = o.encoding ?? 'UTF-8';
  const lines = o.lines
    .map((l) => {
      const { calculated, ...kids } = l;
      const body = Object.entries(kids)
        .map(([k, v]) => `<${k} V="${v}"/>`)
        .join('');
      return `<LigneBudget${calculated ? ` calculated="${calculated}"` : ''}>${body}</LigneBudget>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="${enc}"?>
<DocumentBudgetaire xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire">
<Scellement date="2020-03-02T10:00:00"/>
<EnTeteDocBudgetaire><LibelleColl V="${o.libelleColl ?? 'VILLE DE GRENOBLE'}"/><IdColl V="${o.idColl ?? '21380185500015'}"/></EnTeteDocBudgetaire>
<Budget><EnTeteBudget><LibelleEtab V="${o.libelleEtab ?? 'BUDGET PRINCIPAL'}"/><IdEtab V="${o.idEtab ?? '21380185500015'}"/><Nomenclature V="${o.nomenclature ?? 'M14-M14_COM_500_3500'}"/></EnTeteBudget>
<BlocBudget><NatDec V="${o.natDec ?? '01'}"/><Exer V="${o.exer ?? '2022'}"/><CodTypBud V="${o.codTypBud ?? 'P'}"/></BlocBudget>
${lines}
</Budget></DocumentBudgetaire>`;
}

/** Writes an act in its declared encoding. */
export function writeAct(dir: string, name: string, xml: string, encoding = 'utf-8'): string {
  const p = join(dir, name);
  writeFileSync(p, iconv.encode(xml, encoding));
  return p;
}
