// Encoding detection and decoding. UTF-8 is checked with the platform's strict decoder
// (fast, exact); anything else is named by chardet and decoded by iconv-lite.
import { isUtf8 as nativeIsUtf8 } from 'node:buffer';
import { chardet, iconv } from '../vendor';
import { utf8Text } from './utf8-text';

export interface Decoded {
  text: string;
  /** Canonical lower-case name: utf-8, windows-1252, iso-8859-1… */
  encoding: string;
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | null;
  /** The file starts with a UTF-8 BOM but its body is not UTF-8. */
  bomLies: boolean;
  /** Bytes that could not be decoded were replaced (U+FFFD). */
  invalidBytes: boolean;
}

export type Unreadable = { fatal: 'empty' | 'binary' | 'nul'; offset?: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The UTF-32 byte-order mark, if any: FF FE 00 00 must not be read as UTF-16LE (its BOM starts alike). */
export function utf32Bom(buf: Uint8Array): 'utf-32le' | 'utf-32be' | null {
  if (buf.length < 4) return null;
  if (buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return 'utf-32le';
  if (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) return 'utf-32be';
  return null;
}

/** Looks at the first bytes: NUL bytes mean binary (or UTF-16 without BOM), which we refuse. */
export function sniffBinary(buf: Uint8Array): Unreadable | null {
  if (buf.length === 0) return { fatal: 'empty' };
  if (utf32Bom(buf)) return null;
  if (buf[0] === 0xff && buf[1] === 0xfe) return null;
  if (buf[0] === 0xfe && buf[1] === 0xff) return null;
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return { fatal: looksLikeZip(buf) ? 'binary' : 'nul', offset: i };
    if (b < 9 || (b > 13 && b < 32 && b !== 26)) control++;
  }
  // Text exports may hold a stray control char; a binary file holds many.
  return control > n / 20 ? { fatal: 'binary' } : null;
}

function looksLikeZip(buf: Uint8Array): boolean {
  return buf[0] === 0x50 && buf[1] === 0x4b;
}

function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
}

/** Strict UTF-8 validation, native (SIMD) and without decoding. */
export function isUtf8(buf: Uint8Array): boolean {
  return nativeIsUtf8(buf);
}

/** Names a single-byte encoding for bytes that are not UTF-8. */
export function guessLegacyEncoding(buf: Uint8Array): string {
  const sample = buf.length > 65536 ? buf.subarray(0, 65536) : buf;
  const name = (chardet().detect(sample) ?? '').toLowerCase();
  // chardet sometimes names a Central-European or Cyrillic code page for short French
  // samples; French exports are Windows-1252 (a superset of Latin-1 for printable text).
  if (name === 'iso-8859-1' || name === 'windows-1252') return hasC1(sample) ? 'windows-1252' : 'iso-8859-1';
  if (name.startsWith('windows-125') || name.startsWith('iso-8859') || name === '' || name.startsWith('koi8')) {
    return 'windows-1252';
  }
  // Bytes that are not UTF-8 cannot be ASCII or UTF-8 whatever chardet says of a mostly-ASCII sample.
  if (name === 'ascii' || name === 'utf-8' || !iconv().encodingExists(name)) return 'windows-1252';
  return name;
}

/** True when the bytes use 0x80–0x9F, which Windows-1252 maps to € ’ … and Latin-1 to controls. */
function hasC1(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i] >= 0x80 && buf[i] <= 0x9f) return true;
  return false;
}

export function decode(buf: Uint8Array, forced?: string): Decoded {
  const u32 = utf32Bom(buf);
  if (u32) return plain(iconv().decode(Buffer.from(buf.subarray(4)), u32), u32, u32);
  if (buf[0] === 0xff && buf[1] === 0xfe) return plain(iconv().decode(Buffer.from(buf.subarray(2)), 'utf-16le'), 'utf-16le', 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return plain(iconv().decode(Buffer.from(buf.subarray(2)), 'utf-16be'), 'utf-16be', 'utf-16be');
  const bom = hasUtf8Bom(buf);
  const body = bom ? buf.subarray(3) : buf;
  if (forced) {
    const text = iconv().decode(Buffer.from(body), forced);
    return { text, encoding: forced.toLowerCase(), bom: bom ? 'utf-8' : null, bomLies: false, invalidBytes: text.includes('\uFFFD') };
  }
  if (isUtf8(body)) {
    return {
      text: utf8Text(Buffer.from(body.buffer, body.byteOffset, body.byteLength)),
      encoding: 'utf-8',
      bom: bom ? 'utf-8' : null,
      bomLies: false,
      invalidBytes: false,
    };
  }
  const encoding = guessLegacyEncoding(body);
  const text = iconv().decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding);
  return { text, encoding, bom: bom ? 'utf-8' : null, bomLies: bom, invalidBytes: false };
}

function plain(text: string, encoding: string, bom: Decoded['bom']): Decoded {
  return { text, encoding, bom, bomLies: false, invalidBytes: text.includes('\uFFFD') };
}
