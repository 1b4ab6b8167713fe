// Streams an XML file through saxes in its declared encoding, refusing what a budget act never
// holds and a hostile file might: a DOCTYPE (entity expansion, external entities), a single
// attribute or text run of many megabytes, bytes that contradict the declared encoding.
// Nothing is ever resolved from outside: saxes does not fetch, and we stop at the DOCTYPE.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { iconv, saxes } from '../vendor';

export type Attrs = Record<string, string>;

export type XmlErrorKind =
  | 'doctype'
  | 'malformed'
  | 'truncated'
  | 'huge-token'
  | 'too-deep'
  | 'encoding'
  | 'utf8-bytes'
  | 'unsupported-encoding'
  | 'empty'
  | 'not-xml';

/** A file the reader refuses; `kind` picks the user's message (messages.ts). */
export class XmlInputError extends Error {
  constructor(
    readonly kind: XmlErrorKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

export interface XmlHandlers {
  /** `name` without its prefix (`db:Budget` → `Budget`). */
  open(name: string, attrs: Attrs): void;
  close(name: string): void;
  /** Called between chunks: lets the caller do asynchronous work (load a plan) on what it saw. */
  drain?(): Promise<void>;
}

/** No budget act holds an attribute or text this long; past it the file is refused, memory stays bounded. */
export const MAX_TOKEN_CHARS = 8 * 1024 * 1024;
/** A budget act nests about six elements deep; past this the file is refused (saxes keeps every open tag). */
export const MAX_DEPTH = 256;
const CHUNK = 1 << 20;

export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
};

/** The encoding named by the BOM or the XML declaration (UTF-8 when neither says). */
export function declaredEncoding(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const m = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head.subarray(0, 512).toString('latin1'));
  return m ? m[1].toLowerCase() : 'utf-8';
}

/**
 * XML starts with `<` once its BOM and blanks are skipped; a CSV, a PDF or a picture renamed
 * `.xml` does not, and is named for what it is rather than for a bad encoding or stray text.
 */
function startsLikeXml(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return i === head.length || head[i] === 0x3c;
}

interface Decoder {
  write(b: Buffer): string;
  end(): string;
}

function decoderFor(encoding: string): Decoder {
  if (/^utf-?8$/.test(encoding)) {
    // fatal: a Latin-1 file declared UTF-8 must fail loudly, not turn "é" into U+FFFD.
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    const wrap = (f: () => string) => {
      try {
        return f();
      } catch {
        throw new XmlInputError('encoding', encoding);
      }
    };
    return { write: (b) => wrap(() => td.decode(b, { stream: true })), end: () => wrap(() => td.decode()) };
  }
  const ic = iconv();
  if (!ic.encodingExists(encoding)) throw new XmlInputError('unsupported-encoding', encoding);
  const d = ic.getDecoder(encoding);
  if (!SINGLE_BYTE.test(encoding)) return { write: (b) => d.write(b), end: () => d.end() ?? '' };
  // Any bytes are valid ISO-8859-1: an act saved as UTF-8 but still declaring ISO-8859-1 would
  // turn "é" into "Ã©" without a word. Bytes that are all well-formed UTF-8 sequences, at least
  // one of them, are that mistake (real Latin-1 text of French labels never reads as UTF-8).
  const utf8 = new Utf8Sequences();
  return {
    write: (b) => (utf8.feed(b), d.write(b)),
    end: () => {
      if (utf8.allValid()) throw new XmlInputError('utf8-bytes', encoding);
      return d.end() ?? '';
    },
  };
}

const SINGLE_BYTE = /^(iso-?8859-\d+|latin-?\d|windows-125\d|cp125\d|us-ascii|ascii)$/;

/** Whether every byte above 0x7F seen so far belongs to a well-formed UTF-8 sequence. */
class Utf8Sequences {
  private expect = 0;
  private sequences = 0;
  private broken = false;

  feed(b: Uint8Array): void {
    for (let i = 0; i < b.length && !this.broken; i++) {
      const x = b[i];
      if (this.expect > 0) {
        if (x >= 0x80 && x <= 0xbf) this.expect--;
        else this.broken = true;
      } else if (x >= 0x80) {
        if (x >= 0xc2 && x <= 0xdf) this.expect = 1;
        else if (x >= 0xe0 && x <= 0xef) this.expect = 2;
        else if (x >= 0xf0 && x <= 0xf4) this.expect = 3;
        else this.broken = true;
        this.sequences++;
      }
    }
  }

  allValid(): boolean {
    return !this.broken && this.expect === 0 && this.sequences > 0;
  }
}

/** Parses `path`; resolves once the whole file was read, rejects with XmlInputError (or what a handler threw). */
export async function streamXmlFile(path: string, h: XmlHandlers, signal?: AbortSignal): Promise<{ encoding: string; bytes: number }> {
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    return await streamXml(stream, h, signal);
  } finally {
    stream.destroy();
  }
}

export async function streamXml(stream: Readable, h: XmlHandlers, signal?: AbortSignal): Promise<{ encoding: string; bytes: number }> {
  const parser = new (saxes().SaxesParser)({ position: false });
  let failure: Error | null = null;
  let sinceTag = 0;
  let sawRoot = false;
  parser.on('error', (e) => {
    failure ??= new XmlInputError('malformed', e.message.replace(/^undefined:?\s*/, '').replace(/\.$/, ''));
  });
  parser.on('doctype', () => {
    failure ??= new XmlInputError('doctype', '');
  });
  let depth = 0;
  parser.on('opentag', (t) => {
    if (failure) return;
    sawRoot = true;
    sinceTag = 0;
    if (++depth > MAX_DEPTH) {
      failure = new XmlInputError('too-deep', String(MAX_DEPTH));
      return;
    }
    try {
      h.open(localName(t.name), t.attributes as Attrs);
    } catch (e) {
      failure = e as Error;
    }
  });
  parser.on('closetag', (t) => {
    if (failure) return;
    sinceTag = 0;
    depth--;
    try {
      h.close(localName(t.name));
    } catch (e) {
      failure = e as Error;
    }
  });
  let decoder: Decoder | null = null;
  let encoding = 'utf-8';
  let bytes = 0;
  for await (const chunk of stream) {
    signal?.throwIfAborted();
    const buf = chunk as Buffer;
    if (!decoder) {
      if (!startsLikeXml(buf)) throw new XmlInputError('not-xml', '');
      encoding = declaredEncoding(buf);
      decoder = decoderFor(encoding);
    }
    bytes += buf.length;
    // Feed in slices so one huge token is caught within a slice of its limit, not after it is whole.
    for (let i = 0; i < buf.length && !failure; i += 256 * 1024) {
      const text = decoder.write(buf.subarray(i, i + 256 * 1024));
      sinceTag += text.length;
      parser.write(text);
      if (!failure && sinceTag > MAX_TOKEN_CHARS) failure = new XmlInputError('huge-token', String(MAX_TOKEN_CHARS));
    }
    if (failure) throw failure;
    if (h.drain) await h.drain();
    if (failure) throw failure;
  }
  if (!decoder) throw new XmlInputError('empty', '');
  parser.write(decoder.end());
  if (failure) throw failure;
  if (!sawRoot) throw new XmlInputError('empty', '');
  try {
    parser.close();
  } catch (e) {
    failure ??= new XmlInputError('truncated', (e as Error).message);
  }
  if (failure) {
    const f = failure as Error;
    // saxes says "unclosed tag" or "document must contain a root element" for a cut file.
    if (f instanceof XmlInputError && f.kind === 'malformed' && /unclosed|root element|unexpected end/i.test(f.detail))
      throw new XmlInputError('truncated', f.detail);
    throw f;
  }
  if (h.drain) await h.drain();
  return { encoding, bytes };
}
