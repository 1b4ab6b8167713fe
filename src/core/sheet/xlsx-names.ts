// The worksheet vocabulary the byte scanner knows (xlsx-scan.ts): element and attribute names
// of the SpreadsheetML main namespace turned into small ids from their bytes, the common cell
// types interned, and short digit runs read without a string.
import { attrValue, text, type Bytes } from './xml-bytes';

/** Tag ids, from the name's bytes (local names of the SpreadsheetML main namespace). */
export const T_OTHER = 0;
export const T_ROW = 1;
export const T_C = 2;
export const T_V = 3;
export const T_F = 4;
export const T_IS = 5;
export const T_T = 6;
export const T_RPH = 7;
export const T_COL = 8;
export const T_MERGE = 9;

export function tagId(b: Buffer, s: number, e: number): number {
  const n = e - s;
  const c0 = b[s];
  if (n === 1) return c0 === 0x63 ? T_C : c0 === 0x76 ? T_V : c0 === 0x66 ? T_F : c0 === 0x74 ? T_T : T_OTHER;
  if (n === 2) return c0 === 0x69 && b[s + 1] === 0x73 ? T_IS : T_OTHER;
  if (n === 3) {
    if (c0 === 0x72 && b[s + 1] === 0x6f && b[s + 2] === 0x77) return T_ROW;
    if (c0 === 0x72 && b[s + 1] === 0x50 && b[s + 2] === 0x68) return T_RPH;
    if (c0 === 0x63 && b[s + 1] === 0x6f && b[s + 2] === 0x6c) return T_COL;
    return T_OTHER;
  }
  if (n === 9 && b.toString('latin1', s, e) === 'mergeCell') return T_MERGE;
  return T_OTHER;
}

/** Attribute slots kept for the sheet's elements. */
export const A_R = 0;
export const A_S = 1;
export const A_T = 2;
export const A_HIDDEN = 3;
export const A_MIN = 4;
export const A_MAX = 5;
export const A_REF = 6;
export const A_SI = 7;

export function attrId(b: Buffer, s: number, e: number): number {
  const n = e - s;
  const c0 = b[s];
  if (n === 1) return c0 === 0x72 ? A_R : c0 === 0x73 ? A_S : c0 === 0x74 ? A_T : -1;
  if (n === 2) return c0 === 0x73 && b[s + 1] === 0x69 ? A_SI : -1;
  if (n === 3) {
    const c1 = b[s + 1];
    const c2 = b[s + 2];
    if (c0 === 0x6d && c1 === 0x69 && c2 === 0x6e) return A_MIN;
    if (c0 === 0x6d && c1 === 0x61 && c2 === 0x78) return A_MAX;
    if (c0 === 0x72 && c1 === 0x65 && c2 === 0x66) return A_REF;
    return -1;
  }
  if (n === 6 && c0 === 0x68 && b[s + 1] === 0x69 && b[s + 2] === 0x64 && b[s + 3] === 0x64 && b[s + 4] === 0x65 && b[s + 5] === 0x6e)
    return A_HIDDEN;
  return -1;
}

/** Interned cell types, so the common ones cost no string. */
export function cellType(b: Bytes, s: number, e: number): string {
  const n = e - s;
  const c0 = b[s];
  if (n === 1) {
    if (c0 === 0x73) return 's';
    if (c0 === 0x6e) return 'n';
    if (c0 === 0x62) return 'b';
    if (c0 === 0x65) return 'e';
    if (c0 === 0x64) return 'd';
  }
  if (n === 3 && c0 === 0x73 && b[s + 1] === 0x74 && b[s + 2] === 0x72) return 'str';
  return attrValue(text(b, s, e));
}

/** A boolean attribute's value bytes s..e: "1" or "true". */
export function isTrueValue(b: Bytes, s: number, e: number): boolean {
  const n = e - s;
  if (n === 1) return b[s] === 0x31;
  return n === 4 && b[s] === 0x74 && b.latin1Slice(s, s + 4) === 'true';
}

/** Column number from the letters of a cell reference's bytes (0 when it starts with none). */
export function refColumn(b: Buffer, s: number, e: number): number {
  let col = 0;
  for (let k = s; k < e && k < s + 4; k++) {
    const c = b[k] | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col;
}

/** A run of 1–9 ASCII digits as a number, else -1 (the caller then parses the text as saxes would give it). */
export function digits(b: Buffer, s: number, e: number): number {
  if (e <= s || e - s > 9) return -1;
  let v = 0;
  for (let k = s; k < e; k++) {
    const d = b[k] - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const SHEET_NAMES = new Set([
  'worksheet',
  'sheetData',
  'row',
  'c',
  'v',
  'f',
  'is',
  't',
  'r',
  'rPh',
  'cols',
  'col',
  'mergeCells',
  'mergeCell',
]);
/** A local name of the sheet's own elements (a prefixed one is refused). */
export const isSheetName = (local: string) => SHEET_NAMES.has(local);
