// Reads an .ods workbook: content.xml streamed once through saxes. Repeated rows and cells
// (LibreOffice writes "1 048 000 empty rows" as one element) are never expanded when empty.
import type { SheetCellFacts } from '../model';
import { cellRef, type CellRange } from './address';
import { asSheetError, SheetReadError } from './errors';
import { CellBudget, cellsAllowed, clampCount, ColumnSet, limitError, SHEET_LIMITS } from './limits';
import { odsCell } from './ods-cell';
import { quickOdsCell } from './ods-quick-cell';
import { RowQueue } from './row-queue';
import { takeTurns } from './turns';
import type { WorkbookSource, WorkbookVisitor } from './types';
import { parseXml, type Attrs, type XmlHandlers } from './xml';
import { XmlScanner } from './xml-scan';
import { Unsupported } from './xml-bytes';
import { forceSaxes, noteFallback, sheetReaderStats } from './scanner-choice';
import { ResumableVisitor } from './resume';
import type { ZipArchive } from './zip';

const MAX_COLUMNS = SHEET_LIMITS.columns;
const MAX_ROWS = SHEET_LIMITS.rows;

export async function openOds(zip: ZipArchive): Promise<WorkbookSource> {
  if (!zip.has('content.xml'))
    throw new SheetReadError('not-workbook', zip.has('xl/workbook.xml') ? 'an Excel file named .ods' : undefined);
  const mime = zip.has('mimetype') ? (await zip.text('mimetype')).trim() : '';
  if (mime && !mime.includes('spreadsheet')) throw new SheetReadError('not-workbook', mime);
  // Password-protected ODS keep a readable zip but encrypt content.xml; the manifest says so.
  if (zip.has('META-INF/manifest.xml') && (await zip.text('META-INF/manifest.xml')).includes('encryption-data'))
    throw new SheetReadError('encrypted');
  return {
    format: 'ods',
    async read(visitor, signal) {
      if (forceSaxes()) return readContent(zip, visitor, signal, false);
      // The byte tokenizer first; on markup it does not handle, saxes again from the start,
      // giving the visitor only what it was not given yet.
      const told = new ResumableVisitor(visitor);
      try {
        await readContent(zip, told, signal, true);
        sheetReaderStats.fast++;
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        noteFallback(e.message);
        await readContent(zip, told.resume(), signal, false);
      }
    },
  };
}

async function readContent(zip: ZipArchive, visitor: WorkbookVisitor, signal: AbortSignal | undefined, fast: boolean): Promise<void> {
  const hiddenTableStyles = new Set<string>();
  const fills = new Map<string, string>();
  let styleName = '';
  let styleFamily = '';

  let tableDepth = 0;
  let sheetIndex = -1;
  let merges: CellRange[] = [];
  let hiddenColumns = new ColumnSet();
  let column = 0;
  const maxCells = cellsAllowed(zip.size);
  let budget = new CellBudget('content.xml', maxCells);
  /** Per column, the index in `merges` of the last range opened over it: covered cells find theirs in O(1). */
  let cover = new Int32Array(MAX_COLUMNS + 1).fill(-1);
  let lastRow = 0;
  let lastCol = 0;
  let sheetName = '';
  // Every visitor call goes through the queue, in order; the sheet's rows are read even if
  // the visitor then skips them (it answers after the parser's write).
  const queue = new RowQueue(visitor, signal);

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
  const addText = (t: string) => {
    text += t;
    if (text.length > SHEET_LIMITS.cellChars)
      throw limitError('cell-chars', `${sheetName}!${cellRef(Math.min(col + 1, MAX_COLUMNS), Math.min(rowNumber, MAX_ROWS))}`);
  };

  const place = (value: string, facts: SheetCellFacts | undefined, repeat: number) => {
    if (value === '' && !facts) {
      col = Math.min(col + repeat, MAX_COLUMNS);
      return;
    }
    const end = Math.min(col + repeat, MAX_COLUMNS);
    if (end > SHEET_LIMITS.rowCells)
      throw limitError('row-cells', `${sheetName}!${cellRef(SHEET_LIMITS.rowCells + 1, Math.min(rowNumber, MAX_ROWS))}`);
    if (end > values.length) budget.take(end - values.length);
    if (end > lastCol) lastCol = end;
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
    const repeat = clampCount(a['table:number-columns-repeated'], MAX_COLUMNS);
    const here = col + 1;
    if (here > MAX_COLUMNS) return;
    if (covered) {
      const i = cover[here];
      const m = i === -1 ? undefined : merges[i];
      const inside = m && m.left <= here && here <= m.right && m.top <= rowNumber && rowNumber <= m.bottom;
      place(text, inside ? { type: 'empty', mergedInto: cellRef(m.left, m.top) } : undefined, repeat);
      return;
    }
    // Spans are clamped to the sheet's limits here and to its real extent at the end.
    const cs = clampCount(a['table:number-columns-spanned'], MAX_COLUMNS - here + 1);
    const rs = clampCount(a['table:number-rows-spanned'], MAX_ROWS - rowNumber + 1);
    if (cs > 1 || rs > 1) {
      if (merges.length >= SHEET_LIMITS.merges) throw limitError('merges', sheetName);
      const r = { top: rowNumber, left: here, bottom: rowNumber + rs - 1, right: here + cs - 1 };
      for (let c = r.left; c <= r.right; c++) cover[c] = merges.length;
      merges.push(r);
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
    if ((!blank || cells.some((c) => c !== undefined)) && rowNumber <= MAX_ROWS) {
      const last = Math.min(rowNumber + rowRepeat - 1, MAX_ROWS);
      lastRow = last;
      // A repeated row costs its cells again each time: the queue charges every copy to the budget.
      queue.row({ number: rowNumber, values, cells, hidden: rowHidden, stored: true }, last - rowNumber + 1, budget);
    }
    rowNumber = Math.min(rowNumber + rowRepeat, MAX_ROWS + 1);
  };

  /** Merges and hidden columns clamped to the rows and columns the sheet really holds. */
  const sheetEnd = () => {
    const clamped: CellRange[] = [];
    for (const m of merges) {
      if (m.top > lastRow || m.left > lastCol) continue;
      clamped.push(
        m.bottom <= lastRow && m.right <= lastCol ? m : { ...m, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) },
      );
    }
    queue.end({ merges: clamped, hiddenColumns: hiddenColumns.list(lastCol) });
  };

  const handlers: XmlHandlers = {
    quick(buf, lt, n) {
      if (tableDepth !== 1 || annotation > 0) return -1;
      const q = quickOdsCell(buf, lt, n);
      if (!q) return -1;
      cellAttrs = q.attrs;
      covered = false;
      text = q.text;
      endCell();
      cellAttrs = null;
      return q.end;
    },
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
          hiddenColumns = new ColumnSet();
          column = 0;
          rowNumber = 1;
          lastRow = 0;
          lastCol = 0;
          sheetName = a['table:name'] ?? `Sheet${sheetIndex + 1}`;
          budget = new CellBudget(sheetName, maxCells);
          cover = new Int32Array(MAX_COLUMNS + 1).fill(-1);
          queue.sheet({
            name: sheetName,
            index: sheetIndex,
            state: hiddenTableStyles.has(a['table:style-name'] ?? '') ? 'hidden' : 'visible',
          });
          break;
        case 'table:table-column': {
          const n = clampCount(a['table:number-columns-repeated'], MAX_COLUMNS);
          if (tableDepth === 1 && a['table:visibility'] && a['table:visibility'] !== 'visible')
            hiddenColumns.addRange(column + 1, column + n);
          column = Math.min(column + n, MAX_COLUMNS);
          break;
        }
        case 'table:table-row':
          if (tableDepth !== 1) return;
          rowRepeat = clampCount(a['table:number-rows-repeated'], MAX_ROWS);
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
          if (inParagraph) addText(' '.repeat(clampCount(a['text:c'], SHEET_LIMITS.cellChars - text.length + 1)));
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
      if (inParagraph && cellAttrs && annotation === 0) addText(t);
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
            endCell();
            cellAttrs = null;
          }
          break;
        case 'table:table-row':
          if (tableDepth === 1) endRow();
          break;
        case 'table:table':
          if (--tableDepth === 0) sheetEnd();
      }
    },
  };
  if (!fast) return parseXml(zip.stream('content.xml'), handlers, 'content.xml', signal, () => queue.drain());
  const stream = await zip.inflate('content.xml');
  const scanner = new XmlScanner(handlers);
  const turn = takeTurns();
  try {
    for await (const chunk of stream) {
      await turn();
      signal?.throwIfAborted();
      scanner.write(chunk as Buffer);
      await queue.drain();
    }
    scanner.finish();
    await queue.drain();
  } catch (e) {
    stream.destroy();
    if (e instanceof Unsupported || signal?.aborted) throw e;
    throw asSheetError(e, 'content.xml');
  }
}
