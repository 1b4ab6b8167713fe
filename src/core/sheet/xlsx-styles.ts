// What a cell's style index (`s`) means for the data: its number format (is it a date? text?)
// and its solid fill colour. Read once from xl/styles.xml.
import type { Readable } from 'node:stream';
import { dateKindOf, type DateKind } from './cell-text';
import { localName, parseXml } from './xml';

export interface CellStyle {
  numFmt?: string;
  dateKind: DateKind | null;
  /** Number format "@": the author asked for text, so digits stored as text are intended. */
  text: boolean;
  fill?: string;
}

/** Excel's built-in formats that matter here (ECMA-376 §18.8.30); others show plain numbers. */
const BUILTIN: Record<number, string> = {
  14: 'dd/mm/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'dd/mm/yyyy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  49: '@',
};
/** Locale-dependent date formats (East Asian calendars) have ids 27-36 and 50-58. */
const isLocaleDate = (id: number) => (id >= 27 && id <= 36) || (id >= 50 && id <= 58);

export const PLAIN_STYLE: CellStyle = { dateKind: null, text: false };

export async function readStyles(stream: Readable): Promise<CellStyle[]> {
  const formats = new Map<number, string>();
  const fills: (string | undefined)[] = [];
  const xfs: { numFmtId: number; fillId: number }[] = [];
  let inFills = false;
  let inCellXfs = false;
  let fill: { solid: boolean; colour?: string } | null = null;
  await parseXml(
    stream,
    {
      open(name, a) {
        switch (localName(name)) {
          case 'numFmt':
            formats.set(Number(a.numFmtId), a.formatCode ?? '');
            break;
          case 'fills':
            inFills = true;
            break;
          case 'fill':
            if (inFills) fill = { solid: false };
            break;
          case 'patternFill':
            if (fill) fill.solid = a.patternType === 'solid';
            break;
          case 'fgColor':
            if (fill) fill.colour = colourKey(a);
            break;
          case 'cellXfs':
            inCellXfs = true;
            break;
          case 'xf':
            if (inCellXfs) xfs.push({ numFmtId: Number(a.numFmtId ?? 0), fillId: Number(a.fillId ?? 0) });
        }
      },
      close(name) {
        const n = localName(name);
        if (n === 'fill' && fill) {
          fills.push(fill.solid ? fill.colour : undefined);
          fill = null;
        } else if (n === 'fills') inFills = false;
        else if (n === 'cellXfs') inCellXfs = false;
      },
    },
    'xl/styles.xml',
  );
  return xfs.map(({ numFmtId, fillId }) => {
    const code = formats.get(numFmtId) ?? BUILTIN[numFmtId];
    const dateKind = isLocaleDate(numFmtId) ? 'date' : code ? dateKindOf(code) : null;
    return { numFmt: code, dateKind, text: code === '@', fill: fills[fillId] };
  });
}

/** A stable key for a colour: ARGB when given, else its theme or palette index. White is no colour. */
function colourKey(a: Record<string, string>): string | undefined {
  if (a.rgb) return /^(FF)?FFFFFF$/i.test(a.rgb) ? undefined : a.rgb.toUpperCase();
  // Theme colour 0 without a tint is the sheet background ("lt1"): no colour either.
  if (a.theme === '0' && !a.tint) return undefined;
  if (a.theme) return `theme:${a.theme}${a.tint ? `:${Number(a.tint).toFixed(2)}` : ''}`;
  // Indexed 64 is the "system foreground", which Excel writes for plain cells.
  if (a.indexed && a.indexed !== '64' && a.indexed !== '9' && a.indexed !== '1') return `indexed:${a.indexed}`;
  return undefined;
}
