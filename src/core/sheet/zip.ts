// Zip access for .xlsx and .ods: the central directory is read first (yauzl), so zip bombs are
// refused from their declared sizes BEFORE anything is inflated; an entry's bytes are then read
// straight from the file into native zlib, and an entry that grows beyond what it declared is
// cut off too.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough, Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { yauzl } from '../vendor';
import { asSheetError, SheetReadError } from './errors';
import { assertZip } from './sniff';

export interface ZipLimits {
  /** Total declared uncompressed size above which the archive is refused. */
  maxTotalBytes: number;
  /** Declared uncompressed/compressed ratio above which an entry is refused (deflate cannot exceed ~1032). */
  maxRatio: number;
  /**
   * Ratio above which an entry larger than BIG_ENTRY is refused: cell data compresses 5–20×
   * (the bench workbooks 6×); only markup made to inflate (a 2 GiB sheet in a 7 MB zip) goes far beyond.
   */
  maxBigRatio?: number;
}

/** A real workbook's parts stay well under 2 GiB inflated (the 200 MB bench workbook: about 1.3 GB). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 2 * 1024 ** 3, maxRatio: 1100, maxBigRatio: 100 };
const BIG_ENTRY = 64 * 1024 * 1024;

/** Entries this small cannot hurt whatever their ratio (empty parts have huge "ratios"). */
const SMALL_ENTRY = 1024 * 1024;
/** One entry of the central directory, as the readers need it. */
interface ZipEntry {
  path: string;
  flags: number;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  offsetToLocalFileHeader: number;
  crc32: number;
}

const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;

export class ZipArchive {
  /** Bytes inflated so far, of `total` declared by the directory: the progress of a long read. */
  private inflated = 0;
  private told = 0;
  private readonly total: number;
  /** The archive's size on disk: the readers' cell budget grows with it (limits.ts cellsAllowed). */
  size = 0;
  /** Called as entries inflate (a 200 MB workbook takes a minute: the user sees it move). */
  onProgress?: (done: number, total: number) => void;

  private constructor(
    private readonly entries: Map<string, ZipEntry>,
    private readonly path: string,
  ) {
    let total = 0;
    for (const f of entries.values()) total += f.uncompressedSize;
    this.total = total;
  }

  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    await assertZip(path);
    let files: ZipEntry[];
    try {
      files = await readDirectory(path);
    } catch (e) {
      throw asSheetError(e, 'zip directory');
    }
    const size = (await stat(path)).size;
    checkDeclaredSizes(files, size, limits);
    const zip = new ZipArchive(new Map(files.map((f) => [f.path.replace(/^\/+/, ''), f])), path);
    zip.size = size;
    return zip;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** What tells this entry from another one: the file, its size, the entry's declared checksum and sizes. */
  identity(name: string): string | null {
    const f = this.entries.get(name);
    return f ? `${this.path}\0${this.size}\0${name}\0${f.crc32}\0${f.compressedSize}\0${f.uncompressedSize}` : null;
  }

  /** `inflate` for a caller that takes a stream at once (errors come through the stream). */
  stream(name: string): Readable {
    const f = this.entries.get(name);
    if (!f) throw new SheetReadError('corrupt', `missing ${name}`);
    if (f.flags & 1) throw new SheetReadError('encrypted', name);
    const out = new PassThrough();
    this.inflate(name).then(
      (src) => {
        src.on('error', (e) => out.destroy(e));
        src.pipe(out);
      },
      (e: unknown) => out.destroy(asSheetError(e, name)),
    );
    return out;
  }

  /**
   * Inflates one entry as a stream, read straight from the file into native zlib with large
   * chunks (inflation runs on libuv's thread pool, beside the scan of the previous chunk); it
   * fails if the entry grows past its declared size.
   */
  async inflate(name: string): Promise<Readable> {
    const f = this.entries.get(name);
    if (!f) throw new SheetReadError('corrupt', `missing ${name}`);
    if (f.flags & 1) throw new SheetReadError('encrypted', name);
    if (f.compressionMethod !== 0 && f.compressionMethod !== 8)
      throw new SheetReadError('corrupt', `${name}: compression method ${f.compressionMethod}`);
    if (f.compressedSize === 0) {
      if (f.uncompressedSize > 0) throw new SheetReadError('corrupt', `${name}: no data for ${f.uncompressedSize} bytes`);
      return Readable.from([]);
    }
    const fh = await open(this.path, 'r');
    const head = Buffer.alloc(30);
    try {
      await fh.read(head, 0, 30, f.offsetToLocalFileHeader);
    } finally {
      await fh.close();
    }
    if (head.readUInt32LE(0) !== 0x04034b50) throw new SheetReadError('corrupt', `${name}: no local header`);
    const start = f.offsetToLocalFileHeader + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const src = createReadStream(this.path, { start, end: start + f.compressedSize - 1, highWaterMark: 1 << 20 });
    const guard = this.guard(name, f.uncompressedSize);
    const inflater = f.compressionMethod === 8 ? createInflateRaw({ chunkSize: 1 << 20 }) : null;
    const fail = (e: Error) => guard.destroy(asSheetError(e, name));
    src.on('error', fail);
    if (!inflater) return src.pipe(guard);
    inflater.on('error', fail);
    return src.pipe(inflater).pipe(guard);
  }

  /** Counts inflated bytes (progress) and cuts off an entry that grows past its declared size. */
  private guard(name: string, declared: number): Transform {
    let seen = 0;
    const zip = this;
    return new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        zip.inflated += chunk.length;
        if (zip.onProgress && zip.inflated - zip.told >= 4 * 1024 * 1024) {
          zip.told = zip.inflated;
          zip.onProgress(zip.inflated, zip.total);
        }
        if (seen > declared) done(new SheetReadError('zip-bomb', `${name} inflates past its declared ${declared} bytes`));
        else done(null, chunk);
      },
    });
  }

  async text(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of this.stream(name)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** The central directory's entries (directories left out). */
async function readDirectory(path: string): Promise<ZipEntry[]> {
  const zip = await yauzl().openPromise(path, { autoClose: false, decodeStrings: true, validateEntrySizes: false, strictFileNames: false });
  const out: ZipEntry[] = [];
  try {
    for await (const e of zip.eachEntry()) {
      if (e.fileName.endsWith('/')) continue;
      out.push({
        path: e.fileName,
        flags: e.generalPurposeBitFlag,
        compressionMethod: e.compressionMethod,
        compressedSize: e.compressedSize,
        uncompressedSize: e.uncompressedSize,
        offsetToLocalFileHeader: e.relativeOffsetOfLocalHeader,
        crc32: e.crc32,
      });
    }
  } finally {
    zip.close();
  }
  return out;
}

function checkDeclaredSizes(files: ZipEntry[], fileSize: number, limits: ZipLimits): void {
  let total = 0;
  let packed = 0;
  for (const f of files) {
    total += f.uncompressedSize;
    packed += f.compressedSize;
    const ratio = f.uncompressedSize / Math.max(1, f.compressedSize);
    if (f.uncompressedSize > SMALL_ENTRY && ratio > limits.maxRatio)
      throw new SheetReadError(
        'zip-bomb',
        `${f.path}: ${f.compressedSize} bytes declared to expand to ${f.uncompressedSize} (ratio ${Math.round(ratio)})`,
      );
    if (f.uncompressedSize > BIG_ENTRY && ratio > (limits.maxBigRatio ?? Infinity))
      throw new SheetReadError(
        'zip-bomb',
        `${f.path}: ${f.compressedSize} bytes declared to expand to ${f.uncompressedSize} (ratio ${Math.round(ratio)}, limit ${limits.maxBigRatio} above ${BIG_ENTRY / 1024 ** 2} MB)`,
      );
  }
  if (total > limits.maxTotalBytes)
    throw new SheetReadError('zip-bomb', `declared ${gb(total)} uncompressed, limit ${gb(limits.maxTotalBytes)}`);
  // Entries that overlap (the "non-recursive zip bomb") claim more packed bytes than the file has.
  if (packed > fileSize) throw new SheetReadError('zip-bomb', `entries claim ${packed} packed bytes in a ${fileSize}-byte file`);
}
