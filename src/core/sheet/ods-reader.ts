// Reads an .ods workbook: content.xml streamed once through saxes. Repeated rows and cells
// (LibreOffice writes "1 048 000 empty rows" as one element) are never expanded when empty.
import type { SheetCellFacts } from '../model';
import { cellRef, type CellRange } from './address';
import { SheetReadError } from './errors';
import { odsCell } from './ods-cell';
import type { SheetRow, WorkbookSource, WorkbookVisitor } from './types';
import { parseXml, type Attrs } from './xml';
import type { ZipArchive } from './zip';

const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

export async function openOds(zip: ZipArchive): Promise<WorkbookSource> {
  if (!zip.has('content.xml')) throw new SheetReadError('not-workbook', zip.has('xl/workbook.xml') ? 'an Excel file named .ods' : undefined);
  const mime = zip.has('mimetype') ? (await zip.text('mimetype')).trim() : '';
  if (mime && !mime.includes('spreadsheet')) throw new SheetReadError('not-workbook', mime);
  // Password-protected ODS keep a readable zip but encrypt content.xml; the manifest says so.
  if (zip.has('META-INF/manifest.xml') && (await zip.text('META-INF/manifest.xml')).includes('encryption-data'))
    throw new SheetReadError('encrypted');
  return { format: 'ods', read: (visitor, signal) => readContent(zip, visitor, signal) };
}

async function readContent(zip: ZipArchive, visitor: WorkbookVisitor, signal?: AbortSignal): Promise<void> {
  const hiddenTableStyles = new Set<string>();
  const fills = new Map<string, string>();
  let styleName = '';
  let styleFamily = '';

  let tableDepth = 0;
  let sheetIndex = -1;
  let wanted = false;
  let merges: CellRange[] = [];
  let openMerges: CellRange[] = [];
  let hiddenColumns: number[] = [];
  let column = 0;

  let rowNumber = 0;
  let rowRepeat = 1;
  let rowHidden = false;
  let values: string[] = [];
  let cells: (SheetCellFacts | undefined)[] = [];
  let col = 0;

  let cellAttrs: Attrs | null = null;
  let covered = false;
  let text = '';
  let paragraphs = 0;
  let inParagraph = 0;
  let annotation = 0;

  const place = (value: string, facts: SheetCellFacts | undefined, repeat: number) => {
    if (value === '' && !facts) {
      col += repeat;
      return;
    }
    const end = Math.min(col + repeat, MAX_COLUMNS);
    while (values.length < col) {
      values.push('');
      cells.push(undefined);
    }
    for (; col < end; col++) {
      values.push(value);
      cells.push(facts);
    }
  };

  const endCell = () => {
    const a = cellAttrs!;
    const repeat = Number(a['table:number-columns-repeated'] ?? 1);
    const here = col + 1;
    if (covered) {
      const m = openMerges.find((r) => r.left <= here && here <= r.right && r.top <= rowNumber && rowNumber <= r.bottom);
      place(text, m ? { type: 'empty', mergedInto: cellRef(m.left, m.top) } : undefined, repeat);
      return;
    }
    const cs = Number(a['table:number-columns-spanned'] ?? 1);
    const rs = Number(a['table:number-rows-spanned'] ?? 1);
    if (cs > 1 || rs > 1) {
      const r = { top: rowNumber, left: here, bottom: rowNumber + rs - 1, right: here + cs - 1 };
      merges.push(r);
      openMerges.push(r);
    }
    const cell = odsCell(a, text, fills.get(a['table:style-name'] ?? ''));
    place(cell.text, cell.facts, repeat);
  };

  const endRow = () => {
    let n = values.length;
    while (n > 0 && values[n - 1] === '' && cells[n - 1] === undefined) n--;
    values.length = n;
    cells.length = n;
    const blank = values.every((v) => v === '');
    if (!blank || cells.some((c) => c !== undefined)) {
      const last = Math.min(rowNumber + rowRepeat - 1, MAX_ROWS);
      for (let r = rowNumber; r <= last; r++) {
        const row: SheetRow = { number: r, values: r === rowNumber ? values : values.slice(), cells: r === rowNumber ? cells : cells.slice(), hidden: rowHidden, stored: true };
        visitor.row(row);
      }
    }
    rowNumber += rowRepeat;
    openMerges = openMerges.filter((m) => m.bottom >= rowNumber);
  };

  await parseXml(
    zip.stream('content.xml'),
    {
      open(name, a) {
        if (annotation > 0) {
          if (name === 'office:annotation') annotation++;
          return;
        }
        switch (name) {
          case 'style:style':
            styleName = a['style:name'] ?? '';
            styleFamily = a['style:family'] ?? '';
            break;
          case 'style:table-properties':
            if (styleFamily === 'table' && a['table:display'] === 'false') hiddenTableStyles.add(styleName);
            break;
          case 'style:table-cell-properties': {
            const bg = a['fo:background-color'];
            if (styleFamily === 'table-cell' && bg && bg !== 'transparent' && !/^#f{6}$/i.test(bg)) fills.set(styleName, bg.toUpperCase());
            break;
          }
          case 'table:table':
            if (tableDepth++ > 0) return;
            sheetIndex++;
            merges = [];
            openMerges = [];
            hiddenColumns = [];
            column = 0;
            rowNumber = 1;
            wanted =
              visitor.sheet({
                name: a['table:name'] ?? `Sheet${sheetIndex + 1}`,
                index: sheetIndex,
                state: hiddenTableStyles.has(a['table:style-name'] ?? '') ? 'hidden' : 'visible',
              }) !== false;
            break;
          case 'table:table-column': {
            const n = Number(a['table:number-columns-repeated'] ?? 1);
            if (tableDepth === 1 && a['table:visibility'] && a['table:visibility'] !== 'visible')
              for (let c = column + 1; c <= Math.min(column + n, MAX_COLUMNS); c++) hiddenColumns.push(c);
            column += n;
            break;
          }
          case 'table:table-row':
            if (tableDepth !== 1) return;
            rowRepeat = Number(a['table:number-rows-repeated'] ?? 1);
            rowHidden = !!a['table:visibility'] && a['table:visibility'] !== 'visible';
            values = [];
            cells = [];
            col = 0;
            break;
          case 'table:table-cell':
          case 'table:covered-table-cell':
            if (tableDepth !== 1) return;
            cellAttrs = a;
            covered = name === 'table:covered-table-cell';
            text = '';
            paragraphs = 0;
            break;
          case 'text:p':
            if (cellAttrs && paragraphs++ > 0) text += '\n';
            inParagraph++;
            break;
          case 'text:s':
            if (inParagraph) text += ' '.repeat(Number(a['text:c'] ?? 1));
            break;
          case 'text:tab':
            if (inParagraph) text += '\t';
            break;
          case 'text:line-break':
            if (inParagraph) text += '\n';
            break;
          case 'office:annotation':
            annotation = 1;
        }
      },
      text(t) {
        if (inParagraph && cellAttrs && annotation === 0) text += t;
      },
      close(name) {
        if (annotation > 0) {
          if (name === 'office:annotation') annotation--;
          return;
        }
        switch (name) {
          case 'text:p':
            inParagraph--;
            break;
          case 'table:table-cell':
          case 'table:covered-table-cell':
            if (tableDepth === 1 && cellAttrs) {
              if (wanted) endCell();
              cellAttrs = null;
            }
            break;
          case 'table:table-row':
            if (tableDepth === 1 && wanted) endRow();
            else if (tableDepth === 1) rowNumber += rowRepeat;
            break;
          case 'table:table':
            if (--tableDepth === 0 && wanted) visitor.sheetEnd({ merges, hiddenColumns });
        }
      },
    },
    'content.xml',
    signal,
  );
}
