// Encoding facts of a file on disk, for editor text that VS Code has already decoded.
import { open } from 'node:fs/promises';
import { guessLegacyEncoding, isUtf8, sniffBinary, utf32Bom } from './decode';

export interface EncodingFacts {
  encoding: string;
  bomLies: boolean;
  binary: boolean;
}

/** Reads at most `limit` bytes: enough to name the encoding of any real export. */
export async function sniffFileEncoding(path: string, limit = 8 * 1024 * 1024): Promise<EncodingFacts> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(limit);
    const { bytesRead } = await fh.read(buf, 0, limit, 0);
    const bytes = buf.subarray(0, bytesRead);
    if (sniffBinary(bytes)) return { encoding: 'binary', bomLies: false, binary: true };
    const u32 = utf32Bom(bytes);
    if (u32) return { encoding: u32, bomLies: false, binary: false };
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    let body = bom ? bytes.subarray(3) : bytes;
    // A read cut mid-character: drop up to 3 trailing bytes of an incomplete sequence.
    if (bytesRead === limit) body = body.subarray(0, body.length - 3);
    if (isUtf8(body)) return { encoding: 'utf-8', bomLies: false, binary: false };
    return { encoding: guessLegacyEncoding(body), bomLies: bom, binary: false };
  } finally {
    await fh.close();
  }
}
