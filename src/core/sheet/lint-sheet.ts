// Placeholder until the spreadsheet reader lands: spreadsheets are reported as unsupported.
import type { FileLintOptions } from '../lint-file';
import { unreadableReport } from '../lint-file';
import type { FileReport } from '../model';

export async function lintSpreadsheetFile(path: string, options: FileLintOptions): Promise<FileReport> {
  const lang = options.lang ?? 'en';
  return unreadableReport(path, lang === 'fr' ? 'lecture des classeurs pas encore disponible' : 'spreadsheet reading not available yet', lang);
}
