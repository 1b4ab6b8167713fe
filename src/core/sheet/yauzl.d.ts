// The part of yauzl that zip.ts uses: the central directory, entry by entry, with each entry's
// declared sizes and where its local header is (the entries' bytes are read by zip.ts itself).
declare module 'yauzl' {
  export interface Entry {
    fileName: string;
    generalPurposeBitFlag: number;
    compressionMethod: number;
    compressedSize: number;
    uncompressedSize: number;
    relativeOffsetOfLocalHeader: number;
    crc32: number;
  }
  export interface ZipFile {
    entryCount: number;
    eachEntry(): AsyncIterable<Entry>;
    close(): void;
  }
  export function openPromise(
    path: string,
    options?: { autoClose?: boolean; decodeStrings?: boolean; validateEntrySizes?: boolean; strictFileNames?: boolean },
  ): Promise<ZipFile>;
}
