// Streams an XML entry through saxes (the parser exceljs itself uses) into plain callbacks.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { saxes } from '../vendor';
import { asSheetError } from './errors';

import type { Bytes } from './xml-bytes';

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  open?(name: string, attrs: Attrs, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
  /**
   * The byte tokenizer only (saxes never calls it): offered each element at `lt` inside the root
   * before the general path; returns the index after the whole element it took, or -1.
   */
  quick?(buf: Bytes, lt: number, n: number): number;
}

/** `afterWrite` runs after each chunk is parsed: work the callbacks queued, done off the parser's stack. */
export async function parseXml(
  stream: Readable,
  h: XmlHandlers,
  where: string,
  signal?: AbortSignal,
  afterWrite?: () => Promise<void>,
): Promise<void> {
  // Position tracking costs ~15% of the parse and we report cells, not XML lines.
  const parser = new (saxes().SaxesParser)({ position: false });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (h.open) parser.on('opentag', (t) => h.open!(t.name, t.attributes as Attrs, t.isSelfClosing));
  if (h.text) parser.on('text', h.text);
  if (h.close) parser.on('closetag', (t) => h.close!(t.name));
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) {
      signal?.throwIfAborted();
      parser.write(decoder.write(chunk as Buffer));
      if (failure) throw failure;
      if (afterWrite) await afterWrite();
    }
    parser.write(decoder.end());
    parser.close();
    if (failure) throw failure;
    if (afterWrite) await afterWrite();
  } catch (e) {
    stream.destroy();
    if (signal?.aborted) throw e;
    throw asSheetError(e, where);
  }
}

/** Truthy XML boolean attributes: Excel writes "1", LibreOffice "true". */
export const xmlTrue = (v: string | undefined): boolean => v === '1' || v === 'true';

/** The local part of a tag name: `x:row` → `row` (some producers prefix the main namespace). */
export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
};
