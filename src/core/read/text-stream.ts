// Decoded text of a file on disk, chunk by chunk, with the encoding named from its head.
// A file that is UTF-8 at its head but not further on is read again, whole, as the legacy
// encoding: the caller's `pass` runs again from the start (so it must start from scratch).
// Shared by the streaming lint and the chart reader, so both see the same text.
import { open, stat } from 'node:fs/promises';
import { iconv } from '../vendor';
import { guessLegacyEncoding, isUtf8, sniffBinary, type Unreadable } from './decode';
import { utf8TextOf } from './utf8-text';

export interface TextStreamOptions {
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  chunkBytes?: number;
}

/** A decoded chunk. `latin1`: every character is at most U+00FF (when the decoder knows it; the row hasher then copies bytes). */
export interface TextChunk {
  text: string;
  latin1: boolean;
}

export interface FileText {
  encoding: string;
  bom: boolean;
  total: number;
  /**
   * Calls `onText` for each decoded chunk in order, the last with `final`. In a UTF-8 file
   * `onText` may give back the characters it did not use (see forEachUtf8Chunk): `rereads`.
   */
  forEachChunk(onText: (chunk: TextChunk, final: boolean) => void | number): Promise<void>;
  /** `onText` may return unused characters: they start the next chunk. */
  rereads: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export class Utf8Error extends Error {
  constructor(readonly sample: Uint8Array) {
    super('invalid utf-8');
  }
}

const HEAD = 256 * 1024;
/** Bytes read and decoded at a time (a row may span chunks: the reader carries it over). */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** Bytes at the end of `buf` that start a UTF-8 character not finished in `buf` (0–3). */
function incompleteTail(buf: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * The bytes of [start, end) of a file, chunk by chunk, read into one buffer reused from chunk to
 * chunk (each chunk is decoded before the next read): a fresh 4 MB buffer per chunk costs an mmap
 * and a munmap, which the threads of a split lint then wait on. Checks `signal` between chunks.
 */
async function* byteChunks(
  path: string,
  range: { start: number; end: number },
  chunkBytes: number,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafeSlow(Math.max(1, Math.min(chunkBytes, range.end - range.start)));
    for (let at = range.start; at < range.end;) {
      if (signal?.aborted) throw new CancelledError();
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, range.end - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** A file's head as the streaming readers judge it: no text (why), or its BOM and whether it is UTF-8. */
export async function sniffTextHead(path: string): Promise<{ unreadable: Unreadable } | { head: Uint8Array; bom: boolean; utf8: boolean }> {
  const head = await readHead(path);
  const unreadable = sniffBinary(head);
  if (unreadable) return { unreadable };
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // A head cut mid-character is still UTF-8 if only its last 3 bytes fail.
  return { head, bom, utf8: isUtf8(head.subarray(bom ? 3 : 0, head.length === HEAD ? HEAD - 3 : head.length)) };
}

/** Runs `pass` over the file's text; returns the sniffed problem instead when it is no text. */
export async function withFileText<T>(
  path: string,
  options: TextStreamOptions,
  pass: (file: FileText) => Promise<T>,
): Promise<T | Unreadable> {
  const total = (await stat(path)).size;
  const sniffed = await sniffTextHead(path);
  if ('unreadable' in sniffed) return sniffed.unreadable;
  const { head, bom, utf8 } = sniffed;
  try {
    return await pass(fileText(path, total, utf8 ? 'utf-8' : guessLegacyEncoding(head), bom, options));
  } catch (e) {
    if (!(e instanceof Utf8Error)) throw e;
    return pass(fileText(path, total, guessLegacyEncoding(e.sample), bom, options));
  }
}

/** Encodings with one byte per character: any byte boundary is a character boundary, a LF byte a LF. */
export function isSingleByte(encoding: string): boolean {
  return /^(windows-125\d|iso-8859-\d{1,2}|macintosh|koi8-[ru])$/i.test(encoding);
}

/**
 * Text of bytes [start, end) of a file, chunk by chunk (split lint: each thread reads its part):
 * strict UTF-8 (a BOM at byte 0 skipped; invalid bytes throw Utf8Error), or a single-byte
 * `encoding`. A returned promise of `onText` is awaited before the next chunk; the last call gets
 * `final`.
 *
 * `onText` may return a number of characters at the end of its text that it did not use (a row
 * the chunk cut): the next chunk starts with them, read again from the file. The reader then
 * never joins its carried text to the next chunk: joining copies the whole chunk once more, and
 * these multi-megabyte strings are what fills the heap between two full collections.
 */
export async function forEachTextChunk(
  path: string,
  /** `cut`: the range may end inside a character (a head read): its bytes are dropped, not an error. */
  range: { start: number; end: number; cut?: boolean },
  options: TextStreamOptions,
  onText: (chunk: TextChunk, final: boolean) => void | number | Promise<void>,
  encoding = 'utf-8',
): Promise<void> {
  const utf8 = !isSingleByte(encoding);
  if (range.end <= range.start) return void (await onText({ text: '', latin1: true }, true));
  const size = range.end - range.start;
  const buf = Buffer.allocUnsafeSlow(Math.max(1, Math.min(options.chunkBytes ?? CHUNK_BYTES, size)));
  const fh = await open(path, 'r');
  try {
    let at = range.start;
    for (;;) {
      if (options.signal?.aborted) throw new CancelledError();
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, range.end - at), at);
      const final = bytesRead === 0 || at + bytesRead >= range.end;
      options.onProgress?.(at + bytesRead - range.start, size);
      let raw = buf.subarray(0, bytesRead);
      if (utf8 && at === 0 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) raw = raw.subarray(3);
      // A character cut by the chunk's end is read again with the next chunk (at the range's
      // end: an error, or dropped for a cut head).
      const tail = utf8 ? incompleteTail(raw) : 0;
      const body = raw.subarray(0, raw.length - tail);
      if (utf8 && !isUtf8(body)) throw new Utf8Error(body);
      if (final && tail && !range.cut) throw new Utf8Error(raw.subarray(raw.length - tail));
      const chunk: TextChunk = utf8 ? utf8TextOf(body) : { text: iconv().decode(body, encoding), latin1: false };
      const unused = await onText(chunk, final);
      const text = chunk.text;
      if (final) return;
      let back = tail;
      if (typeof unused === 'number' && unused > 0) back += utf8 ? Buffer.byteLength(text.slice(text.length - unused)) : unused;
      // Always forward: a row longer than the chunk stays with the caller (CsvRowReader carries it).
      if (back >= bytesRead) throw new Error('a chunk must move forward');
      at += bytesRead - back;
    }
  } finally {
    await fh.close();
  }
}

export function isUnreadable(x: unknown): x is Unreadable {
  return typeof x === 'object' && x !== null && 'fatal' in x && Object.keys(x).every((k) => k === 'fatal' || k === 'offset');
}

async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD);
    const { bytesRead } = await fh.read(buf, 0, HEAD, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function fileText(path: string, total: number, encoding: string, bom: boolean, options: TextStreamOptions): FileText {
  // UTF-8, or a single-byte code page without a (lying) BOM: chunks give their cut row back.
  const rereads = encoding === 'utf-8' || (isSingleByte(encoding) && !bom);
  return {
    encoding,
    bom,
    total,
    rereads,
    async forEachChunk(onText) {
      if (rereads) return forEachTextChunk(path, { start: 0, end: total }, options, onText, encoding);
      const legacy = iconv().getDecoder(encoding);
      let bytes = 0;
      let skipBom = bom;
      // Each chunk goes out once the next exists, so the last one is marked final.
      let pending: string | null = null;
      for await (const raw of byteChunks(path, { start: 0, end: total }, options.chunkBytes ?? CHUNK_BYTES, options.signal)) {
        const chunk = skipBom ? raw.subarray(3) : raw;
        skipBom = false;
        if (pending !== null) onText({ text: pending, latin1: false }, false);
        pending = legacy.write(chunk);
        bytes += raw.length;
        options.onProgress?.(bytes, total);
      }
      onText({ text: (pending ?? '') + (legacy.end() ?? ''), latin1: false }, true);
    },
  };
}
