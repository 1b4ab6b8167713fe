// Identifies what a file claiming to be a spreadsheet really is, from its first bytes,
// before any zip code runs: legacy .xls and encrypted OOXML are OLE compound files, not zips.
import { open, stat } from 'node:fs/promises';
import { sniffBinary } from '../read/decode';
import { SheetReadError } from './errors';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Stream name Office gives the encrypted payload of a password-protected .xlsx (UTF-16LE in the CFB directory). */
const ENCRYPTED = Buffer.from('EncryptedPackage', 'utf16le');
/** The CFB directory of a small file sits in its first or last megabytes. */
const SCAN = 4 * 1024 * 1024;

const startsWith = (buf: Uint8Array, magic: number[]) => magic.every((b, i) => buf[i] === b);

/** Resolves when `path` is a zip archive; throws a SheetReadError saying what it is otherwise. */
export async function assertZip(path: string): Promise<void> {
  const size = (await stat(path)).size;
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 8192));
    await fh.read(head, 0, head.length, 0);
    if (size === 0) throw new SheetReadError('not-zip', 'empty file');
    if (startsWith(head, ZIP)) return;
    if (startsWith(head, CFB)) throw new SheetReadError((await holdsEncryptedPackage(fh, size)) ? 'encrypted' : 'xls');
    // The empty-archive signature (PK\5\6) is a zip too, but without a workbook.
    if (head[0] === 0x50 && head[1] === 0x4b) throw new SheetReadError('not-workbook');
    throw new SheetReadError(sniffBinary(head) ? 'not-zip' : 'text');
  } finally {
    await fh.close();
  }
}

async function holdsEncryptedPackage(fh: import('node:fs/promises').FileHandle, size: number): Promise<boolean> {
  const parts =
    size <= 2 * SCAN
      ? [[0, size]]
      : [
          [0, SCAN],
          [size - SCAN, SCAN],
        ];
  for (const [from, len] of parts) {
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, from);
    if (buf.includes(ENCRYPTED)) return true;
  }
  return false;
}
