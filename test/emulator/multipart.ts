// Minimal multipart/form-data parser for the emulators (bodies are buffered: test files are small).

export interface ParsedPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface ParsedMultipart {
  fields: Record<string, string>;
  files: ParsedPart[];
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

function param(header: string, key: string): string | undefined {
  const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
  return m ? m[1].replace(/%22/g, '"').replace(/%0D/g, '\r').replace(/%0A/g, '\n') : undefined;
}

/** Returns undefined when the body is not well-formed multipart. */
export function parseMultipart(body: Buffer, boundary: string): ParsedMultipart | undefined {
  const delim = Buffer.from(`--${boundary}`);
  const out: ParsedMultipart = { fields: {}, files: [] };
  let pos = body.indexOf(delim);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delim.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return out; // closing delimiter
    pos += 2; // CRLF after the delimiter
    const headEnd = body.indexOf('\r\n\r\n', pos);
    if (headEnd < 0) return undefined;
    const head = body.subarray(pos, headEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delim]), headEnd + 4);
    if (next < 0) return undefined;
    const data = body.subarray(headEnd + 4, next);
    const disp = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const name = param(disp, 'name') ?? '';
    const filename = param(disp, 'filename');
    const contentType = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim();
    if (filename !== undefined) out.files.push({ name, filename, contentType, data: Buffer.from(data) });
    else out.fields[name] = data.toString('utf8');
    pos = next + 2;
  }
}
