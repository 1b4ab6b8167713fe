// The hostile CSV/TSV inputs of issue #16, generated at test time (a few MB each, never
// committed): wide rows and headers, huge cells and lines, a cell of tabs in a `;` file,
// misdeclared encodings. Each one once took minutes, gigabytes or a stack overflow.
const lineOf = (n: number, cell: (i: number) => string, d = ',') => Array.from({ length: n }, (_, i) => cell(i)).join(d);

export interface HostileCsv {
  name: string;
  bytes: () => Buffer;
  /** The delimiter the lint must report (a cell of tabs must not make a `;` file tab-separated). */
  delimiter?: string;
}

export const HOSTILE_CSVS: HostileCsv[] = [
  { name: 'wide-row-100k.csv', bytes: () => Buffer.from(`a,b,c\n${lineOf(100_000, (i) => `x${i}`)}\n`) },
  { name: 'wide-row-200k.csv', bytes: () => Buffer.from(`a,b,c\n${lineOf(200_000, (i) => `x${i}`)}\n`) },
  { name: 'header-50k.csv', bytes: () => Buffer.from(`${lineOf(50_000, (i) => `c${i}`)}\n${lineOf(50_000, (i) => ` ${i} `)}\n`) },
  { name: 'header-200k.csv', bytes: () => Buffer.from(`${lineOf(200_000, (i) => `c${i}`)}\n1,2\n`) },
  { name: 'tabs-in-semicolon.csv', bytes: () => Buffer.from(`a;b\n1;${'\t'.repeat(200_000)}x\n2;3\n`), delimiter: ';' },
  { name: 'cell-5mb.csv', bytes: () => Buffer.from(`a,b\n1, ${'y'.repeat(5_000_000)} \n2,3\n`) },
  { name: 'quoted-cell-5mb.csv', bytes: () => Buffer.from(`a,b\n1,"${'y""\n'.repeat(1_250_000)}"\n2,3\n`) },
  { name: 'line-8mb.csv', bytes: () => Buffer.from(`a,b\n1,${'y,'.repeat(4_000_000)}z\n2,3\n`) },
  { name: 'header-cell-5mb.csv', bytes: () => Buffer.from(`a,${'h'.repeat(5_000_000)}\n${'1, x \n'.repeat(2000)}`) },
  { name: 'inner-spaces.csv', bytes: () => Buffer.from(`a,b\n1,x${' '.repeat(1_000_000)}y\n2,${'\u00a0'.repeat(500_000)}z\n`) },
  // UTF-16LE byte-order mark on UTF-8 bytes, and a UTF-8 one on Latin-1 bytes.
  {
    name: 'misdeclared-utf16.tsv',
    bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`a\tb\n1\t${'x'.repeat(5_000_000)}\n2\t3\n`)]),
  },
  {
    name: 'misdeclared-utf8.tsv',
    bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`a\tb\n1\t${'\xe9'.repeat(5_000_000)}\n2\t3\n`, 'latin1')]),
  },
];
