// Writes a TOTEM budget act of about N MB (default 50) for the bench: ISO-8859-1, indented like
// the real acts, one LigneBudget per line of a plausible M14 budget, some without ContNat (their
// chapter comes from the plan), one in eight a calculated subtotal.
//   node scripts/bench/gen-budget.mjs <out.xml> [MB]
import { createWriteStream } from 'node:fs';

const [out, mbArg] = process.argv.slice(2);
const target = Number(mbArg ?? 50) * 1e6;
const LINES = [
  ['6068', '011', 'D', '0'],
  ['6226', '011', 'D', '0'],
  ['6411', '012', 'D', '0'],
  ['6451', '012', 'D', '0'],
  ['66111', '66', 'D', '0'],
  ['73111', null, 'R', '0'],
  ['7411', null, 'R', '0'],
  ['70311', null, 'R', '0'],
  ['2313', '23', 'D', '0'],
  ['1641', '16', 'D', '0'],
  ['2132', null, 'D', '1'],
  ['6811', '042', 'D', '1'],
  ['28031', '040', 'R', '1'],
  ['021', '021', 'R', '1'],
  ['023', '023', 'D', '1'],
];
const head = `<?xml version="1.0" encoding="ISO-8859-1"?>
<DocumentBudgetaire xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire">
   <VersionSchema V="100"/>
   <Scellement md5="0" sha1="0" date="2022-04-07T10:16:21.216+02:00"/>
   <EnTeteDocBudgetaire>
      <LibelleColl V="COMMUNE DE BANC D'ESSAI"/>
      <IdColl V="21560046100010"/>
   </EnTeteDocBudgetaire>
   <Budget>
      <EnTeteBudget>
         <LibelleEtab V="BUDGET PRINCIPAL"/>
         <IdEtab V="21560046100010"/>
         <Nomenclature V="M14-M14_COM_500_3500"/>
      </EnTeteBudget>
      <BlocBudget>
         <NatDec V="01"/>
         <Exer V="2022"/>
         <CodTypBud V="P"/>
      </BlocBudget>
`;
const ws = createWriteStream(out, { encoding: 'latin1' });
let size = 0;
const write = (s) => {
  size += s.length;
  return ws.write(s);
};
write(head);
let i = 0;
async function run() {
  while (size < target) {
    let chunk = '';
    for (let k = 0; k < 500; k++, i++) {
      const [nature, chap, rd, op] = LINES[i % LINES.length];
      const amount = ((i * 7919) % 1000000) / 100 + 10;
      chunk += `      <LigneBudget${i % 8 === 7 ? ' calculated="true"' : ''}>
         <Nature V="${nature}"/>${chap ? `\n         <ContNat V="${chap}"/>` : ''}
         <LibCpte V="Ligne n° ${i} - équipement"/>
         <ArtSpe V="false"/>
         <CodRD V="${rd}"/>
         <MtBudgPrec V="${amount.toFixed(2)}"/>
         <MtPropNouv V="${amount.toFixed(2)}"/>
         <MtPrev V="${amount.toFixed(2)}"/>
         <CredOuv V="${amount.toFixed(2)}"/>
         <OpBudg V="${op}"/>${op === '1' ? '\n         <TypOpBudg V="2"/>' : ''}
         <MtSup Code="BudgetHorsRAR" V="${amount.toFixed(2)}"/>
      </LigneBudget>
`;
    }
    if (!write(chunk)) await new Promise((r) => ws.once('drain', r));
  }
  write('   </Budget>\n</DocumentBudgetaire>\n');
  ws.end();
}
await run();
