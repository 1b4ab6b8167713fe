// Streams one worksheet XML (xl/worksheets/sheetN.xml) into rows of display text plus cell
// facts, in a single saxes pass: values, formulas (shared ones resolved), errors, hidden
// rows and columns, merged ranges (stated after the rows, so delivered at the end).
import type { Readable } from 'node:stream';
import type { SheetCellFacts } from '../model';
import { parseRange, type CellRange } from './address';
import { booleanText, isoDateTimeText, numberText, serialToIso } from './cell-text';
import { unescapeOoxml } from './xlsx-parts';
import { PLAIN_STYLE, type CellStyle } from './xlsx-styles';
import type { SheetEnd, SheetRow } from './types';
import { localName, parseXml, xmlTrue } from './xml';

export interface XlsxSheetContext {
  strings: string[];
  styles: CellStyle[];
  date1904: boolean;
}

type Plain = 'string' | 'number' | 'date' | 'boolean' | 'error' | 'empty';
const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
/** Excel's last column (XFD): a bigger column index means a broken file, not a wide table. */
const MAX_COLUMNS = 16384;

/** Column number of "AB12" without allocating. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col;
}

export async function readXlsxSheet(stream: Readable, ctx: XlsxSheetContext, onRow: (row: SheetRow) => void, part: string, signal?: AbortSignal): Promise<SheetEnd> {
  const merges: CellRange[] = [];
  const hiddenColumns: number[] = [];
  const sharedFormulas = new Map<string, string>();
  // Plain cells of one type and style share one frozen facts object: no allocation per cell.
  const factsCache = new Map<Plain, SheetCellFacts[]>();
  const plainFacts = (type: Plain, s: number, style: CellStyle): SheetCellFacts => {
    let byStyle = factsCache.get(type);
    if (!byStyle) factsCache.set(type, (byStyle = []));
    return (byStyle[s] ??= Object.freeze(withStyle({ type }, style)));
  };

  let rowNumber = 0;
  let values: string[] = [];
  let cells: (SheetCellFacts | undefined)[] = [];
  let hidden = false;
  let stored = false;
  let inRow = false;
  let col = 0;
  let style = 0;
  let type = 'n';
  let capture = NONE;
  let value = '';
  let hasValue = false;
  let formula: string | null = null;
  let sharedId: string | undefined;
  let inInline = false;
  let phonetic = 0;

  const finishCell = () => {
    if (!hasValue && formula === null) return;
    if (col < 1 || col > MAX_COLUMNS) return;
    const st = ctx.styles[style] ?? PLAIN_STYLE;
    let text: string;
    let plain: Plain;
    switch (type) {
      case 's':
        text = ctx.strings[Number(value)] ?? '';
        plain = 'string';
        break;
      case 'str':
      case 'inlineStr':
        text = unescapeOoxml(value);
        plain = 'string';
        break;
      case 'b':
        text = booleanText(value === '1' || value === 'true');
        plain = 'boolean';
        break;
      case 'e':
        text = value;
        plain = 'error';
        break;
      case 'd':
        text = isoDateTimeText(value);
        plain = 'date';
        break;
      default:
        if (value === '') {
          text = '';
          plain = 'empty';
        } else if (st.dateKind) {
          text = serialToIso(Number(value), st.dateKind, ctx.date1904);
          plain = 'date';
        } else {
          text = numberText(Number(value));
          plain = 'number';
        }
    }
    while (values.length < col - 1) {
      values.push('');
      cells.push(undefined);
    }
    values[col - 1] = text;
    cells[col - 1] =
      formula === null ? plainFacts(plain, style, st) : withStyle({ type: formulaType(plain, hasValue), formula }, st);
  };

  await parseXml(
    stream,
    {
      open(name, a) {
        switch (localName(name)) {
          case 'row':
            rowNumber = a.r ? Number(a.r) : rowNumber + 1;
            values = [];
            cells = [];
            hidden = xmlTrue(a.hidden);
            stored = false;
            inRow = true;
            col = 0;
            break;
          case 'c':
            col = a.r ? columnOf(a.r) : col + 1;
            style = a.s ? Number(a.s) : 0;
            type = a.t ?? 'n';
            value = '';
            hasValue = false;
            formula = null;
            sharedId = undefined;
            stored = true;
            break;
          case 'v':
            capture = VALUE;
            hasValue = true;
            break;
          case 'f':
            capture = FORMULA;
            formula = '';
            sharedId = a.t === 'shared' ? a.si : undefined;
            break;
          case 'is':
            inInline = true;
            hasValue = true;
            break;
          case 't':
            if (inInline && phonetic === 0) capture = VALUE;
            break;
          case 'rPh':
            phonetic++;
            break;
          case 'col':
            if (xmlTrue(a.hidden)) for (let c = Number(a.min); c <= Math.min(Number(a.max), MAX_COLUMNS); c++) hiddenColumns.push(c);
            break;
          case 'mergeCell': {
            const r = a.ref ? parseRange(a.ref) : null;
            if (r) merges.push(r);
          }
        }
      },
      text(t) {
        if (capture === VALUE) value += t;
        else if (capture === FORMULA) formula += t;
      },
      close(name) {
        switch (localName(name)) {
          case 'v':
          case 't':
            capture = NONE;
            break;
          case 'f':
            capture = NONE;
            // Cells sharing a formula store it once, on the first cell of the group.
            if (sharedId !== undefined) {
              if (formula) sharedFormulas.set(sharedId, formula);
              else formula = sharedFormulas.get(sharedId) ?? '';
            }
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c':
            if (inRow) finishCell();
            break;
          case 'row': {
            inRow = false;
            let n = values.length;
            while (n > 0 && values[n - 1] === '' && cells[n - 1]?.formula === undefined) n--;
            values.length = n;
            cells.length = n;
            onRow({ number: rowNumber, values, cells, hidden, stored });
          }
        }
      },
    },
    part,
    signal,
  );
  return { merges, hiddenColumns };
}

/** A formula cell's type: its error, `empty` when the file saved no result for it, else `formula`. */
function formulaType(plain: Plain, hasValue: boolean): SheetCellFacts['type'] {
  if (plain === 'error') return 'error';
  return hasValue ? 'formula' : 'empty';
}

function withStyle(f: SheetCellFacts, st: CellStyle): SheetCellFacts {
  if (st.numFmt) f.numFmt = st.numFmt;
  if (st.fill) f.fill = st.fill;
  return f;
}
