// A multipart/form-data body streamed from disk. We build it by hand instead of using
// FormData because we need (1) the exact Content-Length, (2) a count of bytes actually
// pulled by the socket for progress, and (3) a fresh body for each retry — while the file
// is read in 64 KiB chunks and never held in memory.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, extname } from 'node:path';
import { fileError, isPortalError, portalError } from './errors';

export interface MultipartSpec {
  /** Text fields sent before the file. */
  fields: Record<string, string>;
  file: { field: string; path: string; filename?: string; contentType?: string };
}

export interface MultipartBody {
  contentType: string;
  length: number;
  fileSize: number;
  filename: string;
  fileContentType: string;
  /** A new stream each call; `onBytes` gets the running count of body bytes pulled. */
  stream(onBytes: (sent: number) => void): ReadableStream<Uint8Array>;
}

const MIME: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

export function guessContentType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Quote a header parameter the way browsers do (WHATWG): escape `"`, CR and LF. */
function quote(s: string): string {
  return s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export async function buildMultipart(spec: MultipartSpec): Promise<MultipartBody> {
  let fileSize: number;
  try {
    const st = await stat(spec.file.path);
    if (!st.isFile())
      throw portalError('file', { en: `${spec.file.path} (not a regular file)`, fr: `${spec.file.path} (ce n’est pas un fichier)` });
    fileSize = st.size;
  } catch (e) {
    throw isPortalError(e) ? e : fileError(spec.file.path, e);
  }
  const boundary = `----odw${randomBytes(12).toString('hex')}`;
  const filename = spec.file.filename ?? basename(spec.file.path);
  const fileContentType = spec.file.contentType ?? guessContentType(spec.file.path);
  let head = '';
  for (const [k, v] of Object.entries(spec.fields)) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(k)}"\r\n\r\n${v}\r\n`;
  }
  head +=
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(spec.file.field)}"; filename="${quote(filename)}"\r\n` +
    `Content-Type: ${fileContentType}\r\n\r\n`;
  const headBuf = Buffer.from(head, 'utf8');
  const tailBuf = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  const path = spec.file.path;

  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: headBuf.length + fileSize + tailBuf.length,
    fileSize,
    filename,
    fileContentType,
    stream(onBytes) {
      async function* parts(): AsyncGenerator<Uint8Array> {
        yield headBuf;
        for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) yield chunk as Buffer;
        yield tailBuf;
      }
      const it = parts();
      let sent = 0;
      // Pull-based: a chunk is read from disk only when the socket wants more.
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const r = await it.next();
            if (r.done) return controller.close();
            sent += r.value.byteLength;
            onBytes(sent);
            controller.enqueue(r.value);
          } catch (e) {
            controller.error(fileError(path, e));
          }
        },
        async cancel() {
          await it.return(undefined);
        },
      });
    },
  };
}
