// The part of unzipper (a dependency of exceljs) that zip.ts uses: the central directory
// read by `Open.file`, with each entry's declared sizes and a lazy inflating stream.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    flags: number;
    compressionMethod: number;
    compressedSize: number;
    uncompressedSize: number;
    offsetToLocalFileHeader: number;
    crc32: number;
    stream(password?: string): Readable;
  }
  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }
  export const Open: {
    file(path: string, options?: { tailSize?: number }): Promise<CentralDirectory>;
  };
}
