// Reads a budget act (`DocumentBudgetaire`, or a `CompteFinancierUnique` wrapping one) as a
// stream: the header fields, then each `LigneBudget` as a map of its children's `V` values.
// Only what is inside the DocumentBudgetaire counts, as for the reference converter.
import { streamXmlFile, type Attrs } from './xml-stream';

/** The act's header, each field as written (empty when missing). */
export interface ActHeader {
  root: 'DocumentBudgetaire' | 'CompteFinancierUnique';
  libelleColl: string;
  idColl: string;
  libelleEtab: string;
  idEtab: string;
  nomenclature: string;
  natDec: string;
  exer: string;
  natVote: string;
  natFonc: string;
  codTypBud: string;
  dteDec: string;
  sealDate: string;
}

export interface ActLine {
  /** Children's `V`, first occurrence of each name. */
  v: Record<string, string>;
  /** The `calculated` attribute, when present. */
  calculated?: string;
}

/** The file is XML but not a budget act: `root` is what it is instead. */
export class NotBudgetActError extends Error {
  constructor(readonly root: string) {
    super(`not a budget act: root <${root}>`);
  }
}

const HEADER: Record<string, Record<string, keyof ActHeader>> = {
  EnTeteDocBudgetaire: { LibelleColl: 'libelleColl', IdColl: 'idColl' },
  EnTeteBudget: { LibelleEtab: 'libelleEtab', IdEtab: 'idEtab', Nomenclature: 'nomenclature' },
  BlocBudget: { NatDec: 'natDec', Exer: 'exer', NatVote: 'natVote', NatFonc: 'natFonc', CodTypBud: 'codTypBud', DteDec: 'dteDec' },
};

export interface ActReader {
  /** Called with the header when the first line is met (or at the end when there is none). */
  header(h: ActHeader): void | Promise<void>;
  line(l: ActLine): void;
  /** Between chunks: the caller's asynchronous work. */
  drain?(): Promise<void>;
}

export function emptyHeader(root: ActHeader['root']): ActHeader {
  return {
    root,
    libelleColl: '',
    idColl: '',
    libelleEtab: '',
    idEtab: '',
    nomenclature: '',
    natDec: '',
    exer: '',
    natVote: '',
    natFonc: '',
    codTypBud: '',
    dteDec: '',
    sealDate: '',
  };
}

export async function readAct(
  path: string,
  r: ActReader,
  signal?: AbortSignal,
): Promise<{ encoding: string; bytes: number; lines: number }> {
  let header: ActHeader | null = null;
  let headerSent = false;
  let pendingHeader: Promise<void> | undefined;
  const stack: string[] = [];
  let docDepth = -1; // depth of the DocumentBudgetaire element, -1 outside
  let line: ActLine | null = null;
  let lineDepth = -1;
  let lines = 0;
  let buffered: ActLine[] = [];
  const sendHeader = () => {
    if (!headerSent && header) {
      headerSent = true;
      pendingHeader = r.header(header) ?? undefined;
    }
  };
  const out = await streamXmlFile(
    path,
    {
      open(name: string, a: Attrs) {
        const depth = stack.length;
        stack.push(name);
        if (depth === 0) {
          if (name !== 'DocumentBudgetaire' && name !== 'CompteFinancierUnique') throw new NotBudgetActError(name);
          header = emptyHeader(name);
          if (name === 'DocumentBudgetaire') docDepth = 0;
          return;
        }
        if (docDepth < 0) {
          if (name === 'DocumentBudgetaire' && depth === 1) docDepth = 1;
          return;
        }
        if (line) {
          if (depth === lineDepth + 1 && a.V !== undefined && !(name in line.v)) line.v[name] = a.V;
          return;
        }
        if (name === 'LigneBudget') {
          line = { v: {}, calculated: a.calculated };
          lineDepth = depth;
          return;
        }
        const h = header!;
        if (name === 'Scellement' && !h.sealDate) h.sealDate = a.date ?? '';
        const field = HEADER[stack[depth - 1]]?.[name];
        if (field && a.V !== undefined && !h[field]) (h as unknown as Record<string, string>)[field] = a.V;
      },
      close(name: string) {
        const depth = stack.length - 1;
        stack.pop();
        if (line && depth === lineDepth && name === 'LigneBudget') {
          lines++;
          sendHeader();
          buffered.push(line);
          line = null;
          lineDepth = -1;
        } else if (depth === docDepth) docDepth = -1;
      },
      async drain() {
        if (pendingHeader) await pendingHeader;
        pendingHeader = undefined;
        const b = buffered;
        buffered = [];
        for (const l of b) r.line(l);
        if (r.drain) await r.drain();
      },
    },
    signal,
  );
  if (header && (header as ActHeader).root === 'CompteFinancierUnique' && lines === 0 && !(header as ActHeader).nomenclature)
    throw new NotBudgetActError('CompteFinancierUnique');
  if (!headerSent) {
    sendHeader();
    if (pendingHeader) await pendingHeader;
  }
  return { ...out, lines };
}
