// A plan de comptes (nomenclature M14, M57…), read once into maps. Lookups keep the FIRST
// entry in document order for a code, as the reference converter's XPath does
// (`Comptes//Compte[@Code=$x]/@Libelle` takes the first match).
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { saxes } from '../vendor';
import { localName, streamXml, type Attrs } from './xml-stream';

export interface Chapter {
  label: string;
  /** 'I' investissement, 'F' fonctionnement. */
  section: string;
}

/** An account: its label and the chapter it belongs to for each kind of operation. */
export interface Account {
  label: string;
  DR?: string;
  RR?: string;
  DOES?: string;
  DOIS?: string;
  ROES?: string;
  ROIS?: string;
}

export interface Plan {
  norme: string;
  declinaison: string;
  /** The year the plan says it is for (may differ from its folder: README trap 5). */
  exer: string;
  chapters: Map<string, Chapter>;
  accounts: Map<string, Account>;
  /** Functional chapters (`Fonction/Chapitres`: 930, 900…). */
  functionChapters: Map<string, Chapter>;
  /** `Fonction/RefFonctionnelles//RefFonc`. */
  refFonc: Map<string, string>;
  /** `Fonction/Comptes//Compte`: functional codes like 93020. */
  functionAccounts: Map<string, Account>;
}

export const emptyPlan = (): Plan => ({
  norme: '',
  declinaison: '',
  exer: '',
  chapters: new Map(),
  accounts: new Map(),
  functionChapters: new Map(),
  refFonc: new Map(),
  functionAccounts: new Map(),
});

const KINDS = ['DR', 'RR', 'DOES', 'DOIS', 'ROES', 'ROIS'] as const;

function account(a: Attrs): Account {
  const acc: Account = { label: a.Libelle ?? '' };
  for (const k of KINDS) if (a[k]) acc[k] = a[k];
  return acc;
}

const setFirst = <T>(m: Map<string, T>, k: string | undefined, v: () => T) => {
  if (k !== undefined && !m.has(k)) m.set(k, v());
};

/** The parser callbacks that fill `plan`, for the streaming and the synchronous reader. */
function planHandlers(plan: Plan) {
  const stack: string[] = [];
  return {
    open(name: string, a: Attrs) {
      const parent = stack[stack.length - 1];
      // Nature or Fonction, the second level under Nomenclature.
      const part = stack[1];
      if (stack.length === 0 && name === 'Nomenclature') {
        plan.norme = a.Norme ?? '';
        plan.declinaison = a.Declinaison ?? '';
        plan.exer = a.Exer ?? '';
      } else if (name === 'Chapitre' && parent === 'Chapitres') {
        setFirst(part === 'Fonction' ? plan.functionChapters : plan.chapters, a.Code, () => ({
          label: a.Libelle ?? '',
          section: a.Section ?? '',
        }));
      } else if (name === 'Compte' && stack.includes('Comptes')) {
        setFirst(part === 'Fonction' ? plan.functionAccounts : plan.accounts, a.Code, () => account(a));
      } else if (name === 'RefFonc' && part === 'Fonction') {
        setFirst(plan.refFonc, a.Code, () => a.Libelle ?? '');
      }
      stack.push(name);
    },
    close() {
      stack.pop();
    },
  };
}

const unzip = (data: Buffer) => (data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data);

/** Parses a planDeCompte.xml (gzip-compressed or not), with the hostile-input guards of streamXml. */
export async function parsePlan(data: Buffer): Promise<Plan> {
  const plan = emptyPlan();
  await streamXml(Readable.from([unzip(data)]), planHandlers(plan));
  return plan;
}

/** The same, synchronously, for a trusted plan (the bundled ones, read by a lint rule). */
export function parsePlanSync(data: Buffer): Plan {
  const plan = emptyPlan();
  const h = planHandlers(plan);
  const parser = new (saxes().SaxesParser)({ position: false });
  let failure: Error | null = null;
  parser.on('error', (e) => void (failure ??= e));
  parser.on('opentag', (t) => h.open(localName(t.name), t.attributes as Attrs));
  parser.on('closetag', () => h.close());
  parser.write(unzip(data).toString('utf8')).close();
  if (failure) throw failure;
  return plan;
}
