// Why a workbook could not be read, with a message that tells the user what to do.
import { libraryMessageFr } from '../library-words';
import type { Lang } from '../model';

export type SheetErrorKind = 'xls' | 'encrypted' | 'not-zip' | 'text' | 'corrupt' | 'zip-bomb' | 'not-workbook' | 'limit';

export class SheetReadError extends Error {
  constructor(
    readonly kind: SheetErrorKind,
    /** Technical detail (entry name, sizes), appended to the message in parentheses. */
    readonly detail?: string,
  ) {
    super(sheetErrorMessage(kind, 'en', detail));
    this.name = 'SheetReadError';
  }
}

const en: Record<SheetErrorKind, string> = {
  xls: 'Legacy Excel 97-2003 workbooks (.xls) cannot be read. Open the file in Excel or LibreOffice and save it as .xlsx or .ods (or run `soffice --headless --convert-to xlsx file.xls`), then lint the new file.',
  encrypted:
    'The workbook is password-protected (encrypted). Open it in Excel or LibreOffice, remove the password (File › Info › Protect Workbook, or Save As without a password), then lint it again. Open data is never password-protected.',
  'not-zip':
    'This is not a valid .xlsx/.ods workbook (they are zip archives). If it is a CSV or another format, give it its real extension.',
  text: 'This file is text, not a workbook: it was probably renamed. Give it its real extension (.csv) to lint it as a CSV.',
  corrupt:
    'The workbook is damaged or truncated and cannot be read. Open it in Excel or LibreOffice (which may repair it) and save it again.',
  'zip-bomb': 'The workbook declares a size far beyond what it holds (a “zip bomb”) or above the safety limit: it was not expanded.',
  'not-workbook': 'This zip archive is not a spreadsheet (no workbook inside). Check the file and its extension.',
  limit: 'The workbook goes beyond a safety limit of the reader and was not read further',
};
const fr: Record<SheetErrorKind, string> = {
  xls: 'Les classeurs Excel 97-2003 (.xls) ne peuvent pas être lus. Ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le en .xlsx ou .ods (ou lancez `soffice --headless --convert-to xlsx fichier.xls`), puis analysez le nouveau fichier.',
  encrypted:
    'Le classeur est protégé par un mot de passe (chiffré). Ouvrez-le dans Excel ou LibreOffice, retirez le mot de passe (Fichier › Informations › Protéger le classeur, ou Enregistrer sous sans mot de passe), puis relancez l’analyse. Une donnée ouverte n’est jamais protégée par mot de passe.',
  'not-zip':
    'Ce n’est pas un classeur .xlsx/.ods valide (ce sont des archives zip). S’il s’agit d’un CSV ou d’un autre format, donnez-lui sa vraie extension.',
  text: 'Ce fichier est du texte, pas un classeur : il a sans doute été renommé. Donnez-lui sa vraie extension (.csv) pour l’analyser comme un CSV.',
  corrupt:
    'Le classeur est endommagé ou tronqué et ne peut pas être lu. Ouvrez-le dans Excel ou LibreOffice (qui pourra le réparer) et enregistrez-le à nouveau.',
  'zip-bomb':
    'Le classeur annonce une taille sans rapport avec son contenu (« bombe zip ») ou au-delà de la limite de sécurité : il n’a pas été décompressé.',
  'not-workbook': 'Cette archive zip n’est pas un classeur (aucune feuille de calcul dedans). Vérifiez le fichier et son extension.',
  limit: 'Le classeur dépasse une limite de sécurité du lecteur et n’a pas été lu plus loin',
};

/** What each reader limit means (src/core/sheet/limits.ts), in both languages. */
const limitText: Record<string, [string, string]> = {
  'cell-chars': ['a cell holds more than 32 MB of text', 'une cellule contient plus de 32 Mo de texte'],
  'row-cells': [
    'a row has a cell beyond column 4 096 (FAN); delete the stray far-right cells',
    'une ligne a une cellule au-delà de la colonne 4 096 (FAN) ; supprimez les cellules égarées à droite',
  ],
  'sheet-cells': ['the sheet holds more than 30 million cells', 'la feuille contient plus de 30 millions de cellules'],
  'cell-density': [
    'repeated rows or cells expand the sheet to far more cells than a file this small can hold',
    'des lignes ou cellules répétées étendent la feuille bien au-delà de ce qu’un fichier aussi petit peut contenir',
  ],
  'row-number': ['a row number is beyond Excel’s last row, 1 048 576', 'un numéro de ligne dépasse la dernière ligne d’Excel, 1 048 576'],
  'shared-strings': ['more than 10 million shared strings', 'plus de 10 millions de chaînes partagées'],
  'shared-chars': ['the shared strings hold more than 256 MB of text', 'les chaînes partagées contiennent plus de 256 Mo de texte'],
  merges: ['the sheet declares more than 20 000 merged ranges', 'la feuille déclare plus de 20 000 plages fusionnées'],
  'xml-size': ['one XML element is larger than 64 MB', 'un élément XML dépasse 64 Mo'],
};

/** French for the technical details the readers write in English (the English stays as written). */
const DETAIL_FR: [RegExp, (...m: string[]) => string][] = [
  [/^zip directory: (.*)$/s, (_, said) => `répertoire de l’archive zip : ${libraryMessageFr(said)}`],
  [/^missing (\S+)$/, (_, part) => `${part} absent de l’archive`],
  [/^empty file$/, () => 'fichier vide'],
  [/^an Excel file named \.ods$/, () => 'un fichier Excel nommé .ods'],
  [/^an OpenDocument file named \.xlsx$/, () => 'un fichier OpenDocument nommé .xlsx'],
  [/^(.+): compression method (\d+)$/, (_, e, m) => `${e} : méthode de compression ${m}`],
  [/^(.+): no data for (\d+) bytes$/, (_, e, n) => `${e} : aucune donnée pour ${n} octets`],
  [/^(.+): no local header$/, (_, e) => `${e} : en-tête local absent`],
  [/^(.+) inflates past its declared (\d+) bytes$/, (_, e, n) => `${e} dépasse à la décompression les ${n} octets annoncés`],
  [
    /^(.+): (\d+) bytes declared to expand to (\d+) \(ratio (\d+)(?:, limit (\d+) above (\d+) MB)?\)$/,
    (_, e, c, u, r, l, mb) =>
      `${e} : ${c} octets annoncés pour ${u} décompressés (rapport ${r}${l ? `, limite ${l} au-delà de ${mb} Mo` : ''})`,
  ],
  [
    /^declared ([\d.]+) GB uncompressed, limit ([\d.]+) GB$/,
    (_, t, l) => `${t.replace('.', ',')} Go annoncés décompressés, limite ${l.replace('.', ',')} Go`,
  ],
  [
    /^entries claim (\d+) packed bytes in a (\d+)-byte file$/,
    (_, p, f) => `les entrées annoncent ${p} octets compressés dans un fichier de ${f} octets`,
  ],
  // A part and what the zip or XML library said of it, in French when the words are known.
  [/^([^\s:]+): (.*)$/s, (_, e, said) => `${e} : ${libraryMessageFr(said)}`],
];

/** A limit's place (`xl/worksheets/sheet1.xml, row 9`, `S, 1,000,000 cells`, `…, string 12`) in French. */
const placeFr = (place: string): string =>
  place
    .replace(/\brow (\S+)/g, 'ligne $1')
    .replace(/\bstring (\d+)/g, 'chaîne $1')
    .replace(/(\d[\d,]*) cells\b/g, (_, n: string) => `${Number(n.replace(/,/g, '')).toLocaleString('fr')} cellules`);

function detailFr(detail: string): string {
  for (const [re, say] of DETAIL_FR) {
    const m = re.exec(detail);
    if (m) return say(...m) + detail.slice(m.index + m[0].length);
  }
  return detail;
}

export function sheetErrorMessage(kind: SheetErrorKind, lang: Lang, detail?: string): string {
  if (kind === 'limit' && detail) {
    // Limit details are `id@place` (limitError): the limit is named in the user's language.
    const at = detail.indexOf('@');
    const text = limitText[at === -1 ? detail : detail.slice(0, at)];
    const place = at === -1 ? '' : detail.slice(at + 1);
    if (text)
      return lang === 'fr'
        ? `${fr.limit} : ${text[1]}${place ? ` (${placeFr(place)})` : ''}.`
        : `${en.limit}: ${text[0]}${place ? ` (${place})` : ''}.`;
  }
  return (lang === 'fr' ? fr : en)[kind] + (detail ? ` (${lang === 'fr' ? detailFr(detail) : detail})` : '');
}

/** Turns whatever a zip or XML library threw into a SheetReadError. */
export function asSheetError(e: unknown, where: string): SheetReadError {
  if (e instanceof SheetReadError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/MISSING_PASSWORD|BAD_PASSWORD/.test(msg)) return new SheetReadError('encrypted', where);
  return new SheetReadError('corrupt', `${where}: ${msg}`);
}

/** The sheet asked for is not in the workbook: said with the sheets it has. */
export function noSheetMessage(path: string, sheet: string, names: readonly string[], lang: Lang): string {
  return lang === 'fr'
    ? `${path} : pas de feuille « ${sheet} » (feuilles : ${names.join(', ')}).`
    : `${path}: no sheet “${sheet}” (sheets: ${names.join(', ')}).`;
}
