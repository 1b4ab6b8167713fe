// Opens a workbook by what it contains, not by its extension: an .xlsx renamed .ods (or a
// CSV renamed .xls) is recognised and read, or refused with a message saying what it is.
import { openOds } from './ods-reader';
import type { WorkbookSource } from './types';
import { openXlsx } from './xlsx-reader';
import { ZipArchive, type ZipLimits } from './zip';

export async function openWorkbook(
  path: string,
  limits?: ZipLimits,
  onProgress?: (done: number, total: number) => void,
): Promise<WorkbookSource> {
  const zip = await ZipArchive.open(path, limits);
  zip.onProgress = onProgress;
  if (zip.has('content.xml') || zip.has('mimetype')) return openOds(zip);
  return openXlsx(zip);
}
