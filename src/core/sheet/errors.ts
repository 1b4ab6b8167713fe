// Why a workbook could not be read, with a message that tells the user what to do.
import type { Lang } from '../model';

export type SheetErrorKind = 'xls' | 'encrypted' | 'not-zip' | 'text' | 'corrupt' | 'zip-bomb' | 'not-workbook';

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
  encrypted: 'The workbook is password-protected (encrypted). Open it in Excel or LibreOffice, remove the password (File › Info › Protect Workbook, or Save As without a password), then lint it again. Open data is never password-protected.',
  'not-zip': 'This is not a valid .xlsx/.ods workbook (they are zip archives). If it is a CSV or another format, give it its real extension.',
  text: 'This file is text, not a workbook: it was probably renamed. Give it its real extension (.csv) to lint it as a CSV.',
  corrupt: 'The workbook is damaged or truncated and cannot be read. Open it in Excel or LibreOffice (which may repair it) and save it again.',
  'zip-bomb': 'The workbook declares a size far beyond what it holds (a “zip bomb”) or above the safety limit: it was not expanded.',
  'not-workbook': 'This zip archive is not a spreadsheet (no workbook inside). Check the file and its extension.',
};
const fr: Record<SheetErrorKind, string> = {
  xls: 'Les classeurs Excel 97-2003 (.xls) ne peuvent pas être lus. Ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le en .xlsx ou .ods (ou lancez `soffice --headless --convert-to xlsx fichier.xls`), puis analysez le nouveau fichier.',
  encrypted: 'Le classeur est protégé par un mot de passe (chiffré). Ouvrez-le dans Excel ou LibreOffice, retirez le mot de passe (Fichier › Informations › Protéger le classeur, ou Enregistrer sous sans mot de passe), puis relancez l’analyse. Une donnée ouverte n’est jamais protégée par mot de passe.',
  'not-zip': 'Ce n’est pas un classeur .xlsx/.ods valide (ce sont des archives zip). S’il s’agit d’un CSV ou d’un autre format, donnez-lui sa vraie extension.',
  text: 'Ce fichier est du texte, pas un classeur : il a sans doute été renommé. Donnez-lui sa vraie extension (.csv) pour l’analyser comme un CSV.',
  corrupt: 'Le classeur est endommagé ou tronqué et ne peut pas être lu. Ouvrez-le dans Excel ou LibreOffice (qui pourra le réparer) et enregistrez-le à nouveau.',
  'zip-bomb': 'Le classeur annonce une taille sans rapport avec son contenu (« bombe zip ») ou au-delà de la limite de sécurité : il n’a pas été décompressé.',
  'not-workbook': 'Cette archive zip n’est pas un classeur (aucune feuille de calcul dedans). Vérifiez le fichier et son extension.',
};

export function sheetErrorMessage(kind: SheetErrorKind, lang: Lang, detail?: string): string {
  return (lang === 'fr' ? fr : en)[kind] + (detail ? ` (${detail})` : '');
}

/** Turns whatever a zip or XML library threw into a SheetReadError. */
export function asSheetError(e: unknown, where: string): SheetReadError {
  if (e instanceof SheetReadError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/MISSING_PASSWORD|BAD_PASSWORD/.test(msg)) return new SheetReadError('encrypted', where);
  return new SheetReadError('corrupt', `${where}: ${msg}`);
}
