// Streams one worksheet XML (xl/worksheets/sheetN.xml) through saxes into rows: the general
// reader, used when the byte scanner (xlsx-scan.ts) meets markup it does not handle.
import type { Readable } from 'node:stream';
import { XlsxRowBuilder, type XlsxSheetContext } from './xlsx-rows';
import type { SheetEnd, SheetRow } from './types';
import { localName, parseXml, xmlTrue } from './xml';

export type { XlsxSheetContext } from './xlsx-rows';

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;

export async function readXlsxSheet(
  stream: Readable,
  ctx: XlsxSheetContext,
  onRow: (row: SheetRow) => void,
  part: string,
  signal?: AbortSignal,
): Promise<SheetEnd> {
  const b = new XlsxRowBuilder(ctx, onRow, part, signal);
  let capture = NONE;
  let inInline = false;
  let phonetic = 0;
  await parseXml(
    stream,
    {
      open(name, a) {
        switch (localName(name)) {
          case 'row':
            b.startRow(a.r, xmlTrue(a.hidden));
            break;
          case 'c':
            b.startCell(a.r, a.s, a.t);
            break;
          case 'v':
            capture = VALUE;
            b.hasValue = true;
            break;
          case 'f':
            capture = FORMULA;
            b.startFormula(a.t === 'shared' ? a.si : undefined);
            break;
          case 'is':
            inInline = true;
            b.hasValue = true;
            break;
          case 't':
            if (inInline && phonetic === 0) capture = VALUE;
            break;
          case 'rPh':
            phonetic++;
            break;
          case 'col':
            if (xmlTrue(a.hidden)) b.hideColumns(a.min, a.max);
            break;
          case 'mergeCell':
            b.addMerge(a.ref);
        }
      },
      text(t) {
        if (capture === VALUE) b.addValue(t);
        else if (capture === FORMULA) b.addFormula(t);
      },
      close(name) {
        switch (localName(name)) {
          case 'v':
          case 't':
            capture = NONE;
            break;
          case 'f':
            capture = NONE;
            b.endFormula();
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c':
            b.endCell();
            break;
          case 'row':
            b.endRow();
        }
      },
    },
    part,
    signal,
  );
  return b.end();
}
