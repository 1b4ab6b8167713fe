// Workbook-aware mutations for the fuzz run (#16): the zip is opened, one XML part (a sheet,
// content.xml or the shared strings) is rewritten the way a hostile file would be — huge
// repeats and spans, far-right cells, wild row numbers, many shared strings, huge cells — and
// zipped again, so the mutant reaches the XML readers instead of dying at the zip directory.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
}

/** The entries of a zip, from its central directory; null when it is not one we can read. */
export function unzipSync(zip: Uint8Array): Entry[] | null {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) return null;
  const out: Entry[] = [];
  let p = buf.readUInt32LE(eocd + 16);
  try {
    for (let i = 0, n = buf.readUInt16LE(eocd + 10); i < n; i++) {
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      const local = buf.readUInt32LE(p + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const raw = buf.subarray(start, start + size);
      out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
  } catch {
    return null;
  }
  return out;
}

/** A zip of `entries` (deflated; CRCs left 0: the readers do not check them). */
export function zipSync(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data, { level: 1 });
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const HUGE = ['2147483647', '4294967296', '1048575', '16384', '-2000000000', 'Infinity', 'NaN', '1e300', '0'];

/** Replaces one occurrence (chosen at random) of `re`'s matches by `f(match)`. */
function replaceOne(xml: string, re: RegExp, rand: () => number, f: (m: string) => string): string {
  const all = [...xml.matchAll(re)];
  if (all.length === 0) return xml;
  const m = pick(rand, all);
  return xml.slice(0, m.index!) + f(m[0]) + xml.slice(m.index! + m[0].length);
}

const MUTATORS: ((xml: string, rand: () => number) => string)[] = [
  // ODS repeats: a row or a cell repeated a huge number of times.
  (x, r) =>
    replaceOne(
      x,
      /<table:table-row(?=[ >])/g,
      r,
      (m) => `${m} table:number-rows-repeated="${pick(r, ['100000', '1048575', '2147483647'])}"`,
    ),
  (x, r) => replaceOne(x, /<table:table-cell(?=[ >])/g, r, (m) => `${m} table:number-columns-repeated="${pick(r, HUGE)}"`),
  // Spans: ODS merges and XLSX mergeCells over the whole sheet.
  (x, r) =>
    replaceOne(
      x,
      /<table:table-cell(?=[ >])/g,
      r,
      (m) => `${m} table:number-columns-spanned="${pick(r, HUGE)}" table:number-rows-spanned="${pick(r, HUGE)}"`,
    ),
  (x, r) =>
    x.replace(
      /<\/sheetData>/,
      `</sheetData><mergeCells>${`<mergeCell ref="${pick(r, ['A1:XFD1048576', 'B2:ZZZ99999999', 'A1'])}"/>`.repeat(1 + Math.floor(r() * 30000))}</mergeCells>`,
    ),
  // Far-right cells and wild row numbers.
  (x, r) => x.replace(/<c r="[A-Z]+(\d+)"/g, (m, row: string) => (r() < 0.3 ? `<c r="${pick(r, ['XFD', 'FAO', 'ZZZZ'])}${row}"` : m)),
  (x, r) => replaceOne(x, /<row r="\d+"/g, r, () => `<row r="${pick(r, HUGE)}"`),
  (x, r) =>
    x.replace(
      /<sheetData>/,
      `<cols>${'<col min="1" max="16384" hidden="1"/>'.repeat(1 + Math.floor(r() * 5000))}<col min="${pick(r, HUGE)}" max="${pick(r, HUGE)}" hidden="1"/></cols><sheetData>`,
    ),
  // Shared strings: the table repeated, a count that lies, an index far out of range.
  (x, r) =>
    x.replace(/(<si>[\s\S]*?<\/si>)/, (m) => m.repeat(1 + Math.floor(r() * 200000))).replace(/count="\d+"/, `count="${pick(r, HUGE)}"`),
  (x, r) => replaceOne(x, /<c ([^>]*)t="s"([^>]*)><v>\d+<\/v>/g, r, (m) => m.replace(/<v>\d+<\/v>/, `<v>${pick(r, HUGE)}</v>`)),
  // Huge cells and huge `text:s` runs.
  (x, r) => replaceOne(x, /<v>|<t>|<text:p>/g, r, (m) => m + 'x'.repeat(Math.floor(r() * 3_000_000))),
  (x, r) => replaceOne(x, /<text:p>/g, r, (m) => `${m}<text:s text:c="${pick(r, HUGE)}"/>`),
];

/** A mutant of a workbook, or null when it is not a zip this can open (the byte mutators then apply). */
export function mutateSheet(input: Uint8Array, rand: () => number): Uint8Array | null {
  const entries = unzipSync(input);
  if (!entries) return null;
  const parts = entries.filter((e) => /^(xl\/worksheets\/[^/]+\.xml|xl\/sharedStrings\.xml|content\.xml)$/.test(e.name));
  if (parts.length === 0) return null;
  const part = pick(rand, parts);
  const mutator = pick(rand, MUTATORS);
  part.data = Buffer.from(mutator(part.data.toString('utf8'), rand), 'utf8');
  return zipSync(entries);
}
