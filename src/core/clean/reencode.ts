// Encoding repair: bytes in a legacy code page (Windows-1252, Latin-1…) become UTF-8. The
// caller keeps a backup and asks first: this changes every byte past the first accent.
import { decode } from '../read/decode';

export interface Reencoded {
  /** Encoding the bytes were read with. */
  from: string;
  /** UTF-8 bytes without BOM; null when the bytes were UTF-8 already. */
  bytes: Uint8Array | null;
}

export function reencodeToUtf8(buf: Uint8Array, from?: string): Reencoded {
  const d = decode(buf, from);
  const utf8 = /^utf-?8$/i.test(d.encoding);
  // A UTF-8 file whose BOM is right needs nothing; a lying BOM or a legacy page needs rewriting.
  if (utf8 && !d.bomLies) return { from: d.encoding, bytes: null };
  return { from: d.encoding, bytes: new Uint8Array(Buffer.from(d.text, 'utf8')) };
}
