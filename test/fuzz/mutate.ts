// Deterministic input mutations for fuzzing the readers: bytes flipped, truncated, random
// delimiters/quotes/encodings, huge cells, NUL bytes. Same seed, same inputs.

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const SPECIALS = [0x22, 0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x00, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x80, 0x7c, 0x3d];

export function mutate(input: Uint8Array, rand: () => number): Uint8Array {
  const pick = Math.floor(rand() * 8);
  const buf = Buffer.from(input);
  const at = () => Math.floor(rand() * Math.max(buf.length, 1));
  switch (pick) {
    case 0: // flip random bytes
      for (let i = 0; i < 1 + rand() * 16; i++) if (buf.length) buf[at()] = Math.floor(rand() * 256);
      return buf;
    case 1: // truncate
      return buf.subarray(0, at());
    case 2: // sprinkle CSV-significant bytes
      for (let i = 0; i < 1 + rand() * 32; i++) if (buf.length) buf[at()] = SPECIALS[Math.floor(rand() * SPECIALS.length)];
      return buf;
    case 3: {
      // insert a huge cell
      const p = at();
      const big = Buffer.alloc(Math.floor(rand() * 2_000_000), rand() < 0.5 ? 'x' : '"');
      return Buffer.concat([buf.subarray(0, p), big, buf.subarray(p)]);
    }
    case 4: {
      // duplicate a slice many times (many rows / deep repetition)
      const a = at();
      const b = Math.min(buf.length, a + Math.floor(rand() * 200));
      const slice = buf.subarray(a, b);
      return Buffer.concat([buf, ...Array.from({ length: Math.floor(rand() * 200) }, () => slice)]);
    }
    case 5: // swap the delimiter everywhere
      return Buffer.from(
        buf.toString('latin1').replace(/[,;]/g, () => String.fromCharCode(SPECIALS[Math.floor(rand() * SPECIALS.length)])),
        'latin1',
      );
    case 6: // prepend a BOM (UTF-8 or UTF-16)
      return Buffer.concat([Buffer.from(rand() < 0.5 ? [0xef, 0xbb, 0xbf] : [0xff, 0xfe]), buf]);
    default: // empty or a single byte
      return rand() < 0.5 ? Buffer.alloc(0) : Buffer.from([Math.floor(rand() * 256)]);
  }
}
