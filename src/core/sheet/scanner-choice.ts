// Which reader reads a workbook part: the byte scanners by default, saxes when they give up
// on some markup or when `ODW_SHEET_READER=saxes` asks for it (to compare, or to work around a bug).
export const forceSaxes = (): boolean => typeof process !== 'undefined' && process.env.ODW_SHEET_READER === 'saxes';

/** Parts read so far by each reader in this process, and why the scanner gave up (tests and the bench read it). */
export const sheetReaderStats = { fast: 0, fallback: 0, reasons: [] as string[] };

export function noteFallback(reason: string): void {
  sheetReaderStats.fallback++;
  if (sheetReaderStats.reasons.length < 20) sheetReaderStats.reasons.push(reason);
}
