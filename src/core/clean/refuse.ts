// What `clean` will not touch: it rewrites CSV/TSV text, so a workbook (or a legacy .xls)
// would be written out as its zip bytes under a .csv name, and binary junk as mojibake. Judged
// by the first bytes, then by the extension, with the lint's own messages for what the file is.
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Lang } from '../model';
import { SheetReadError, sheetErrorMessage } from '../sheet/errors';
import { assertZip } from '../sheet/sniff';
import { sniffBinary } from '../read/decode';
import { sourceError } from '../reader-diagnostics';

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.ods', '.xls']);

const WORKBOOK = {
  en: 'This is a workbook: `clean` works on CSV/TSV files only. Export the sheet first (Open Data: Export Sheet as CSV in VS Code), then clean the CSV.',
  fr: 'C’est un classeur : `clean` ne traite que les fichiers CSV/TSV. Exportez d’abord la feuille (Open Data : Exporter la feuille en CSV dans VS Code), puis nettoyez le CSV.',
};

/** What the lint's binary sniffing looks at. */
const HEAD_BYTES = 8192;

async function head(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Why `path` must not be cleaned as text, or null when it is a CSV/TSV to clean. */
export async function notCsv(path: string, lang: Lang): Promise<string | null> {
  const h = await head(path);
  // PK\3\4 / PK\5\6 (not just "PK": a header may start with PK_ID).
  const zipOrCfb =
    (h[0] === 0x50 && h[1] === 0x4b && h[2] < 9 && h[3] < 9) || (h[0] === 0xd0 && h[1] === 0xcf && h[2] === 0x11 && h[3] === 0xe0);
  if (!zipOrCfb && !WORKBOOK_EXTENSIONS.has(extname(path).toLowerCase())) {
    const binary = sniffBinary(h);
    if (!binary || binary.fatal === 'empty') return null;
    return sourceError(
      binary.fatal,
      lang,
      undefined,
      binary.offset !== undefined ? `${lang === 'fr' ? 'octet' : 'byte'} ${binary.offset}` : undefined,
    ).message;
  }
  try {
    await assertZip(path);
  } catch (e) {
    if (e instanceof SheetReadError) return sheetErrorMessage(e.kind, lang, e.detail);
    throw e;
  }
  return WORKBOOK[lang];
}
