// Hostile CSV mutations (issue #16): what once made the CSV path quadratic or exhausted its
// memory. Huge cells, long lines, wide headers, long runs of spaces or tabs, and bytes whose
// byte-order mark lies about their encoding. Same seed, same inputs.

const BOMS = [
  [0xff, 0xfe], // UTF-16LE
  [0xfe, 0xff], // UTF-16BE
  [0xff, 0xfe, 0x00, 0x00], // UTF-32LE
  [0x00, 0x00, 0xfe, 0xff], // UTF-32BE
  [0xef, 0xbb, 0xbf], // UTF-8 on bytes that may not be
];

/** Inputs stay under a few MB: the CI budget runs hundreds of them. */
const MAX = 3_000_000;

export function mutateCsv(input: Uint8Array, rand: () => number): Uint8Array {
  const buf = Buffer.from(input);
  const at = () => Math.floor(rand() * Math.max(buf.length, 1));
  const size = (max: number) => 1 + Math.floor(rand() * max);
  const insert = (extra: Buffer) => {
    const p = at();
    return Buffer.concat([buf.subarray(0, p), extra, buf.subarray(p)]);
  };
  switch (Math.floor(rand() * 6)) {
    case 0: // a huge cell, quoted or not, of letters, quotes or line breaks
      return insert(Buffer.alloc(size(MAX), ['y', '""', '\n', ' '][Math.floor(rand() * 4)]));
    case 1: // a long line: thousands of cells in one record
      return insert(Buffer.from(`\n${'z;'.repeat(size(MAX / 4))}\n`));
    case 2: {
      // a wide header: the first line replaced by tens of thousands of labels
      const n = size(60_000);
      const nl = buf.indexOf(0x0a);
      const header = Array.from({ length: n }, (_, i) => `c${i}`).join(rand() < 0.5 ? ',' : ';');
      return Buffer.concat([Buffer.from(header), nl === -1 ? Buffer.from('\n') : buf.subarray(nl)]);
    }
    case 3: // a run of spaces, tabs or NBSP inside a cell (what trimming regexes retried from)
      return insert(
        Buffer.concat([
          Buffer.from('x'),
          Buffer.alloc(size(MAX / 2), rand() < 0.3 ? '\t' : rand() < 0.5 ? ' ' : '\u00a0'),
          Buffer.from('y'),
        ]),
      );
    case 4: // a byte-order mark that lies (UTF-16/32 marks on UTF-8 bytes, UTF-8 on Latin-1)
      return Buffer.concat([
        Buffer.from(BOMS[Math.floor(rand() * BOMS.length)]),
        rand() < 0.5 ? Buffer.from(buf.toString('utf8'), 'latin1') : buf,
      ]);
    default: // a misdeclared TSV: a huge cell after a lying mark
      return Buffer.concat([
        Buffer.from(BOMS[Math.floor(rand() * BOMS.length)]),
        Buffer.from('a\tb\n1\t'),
        Buffer.alloc(size(MAX), 'x'),
        Buffer.from('\n2\t3\n'),
      ]);
  }
}
