// One OpenDocument cell's typed value (office:value-type and friends) as display text and facts.
import type { SheetCellFacts } from '../model';
import { booleanText, isoDateTimeText, isoDurationTime, numberText } from './cell-text';
import type { Attrs } from './xml';

export interface OdsCell {
  text: string;
  facts: SheetCellFacts | undefined;
}

/** LibreOffice writes errors as text ("#REF!", "Err:502") flagged calcext:value-type="error". */
const ERROR_TEXT = /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)|Err:\d+)$/;

/**
 * `of:=SUM([.B2:.B9])` → `SUM(B2:B9)`, `[$Feuil2.A1]` → `Feuil2!A1`: OpenFormula references
 * rewritten the way spreadsheet users read them.
 */
export function odsFormulaText(f: string): string {
  const ref = (part: string) =>
    part.replace(/^\$?(?:'([^']*)'|([^.]*))\./, (_, quoted?: string, plain?: string) => {
      const sheet = quoted ?? plain ?? '';
      return sheet ? `${sheet}!` : '';
    });
  return f
    .replace(/^(?:[a-z]+:)?=/, '')
    .replace(/\[([^\]]+)\]/g, (_, inner: string) => inner.split(':').map(ref).join(':'))
    .replace(/\$/g, '');
}

export function odsCell(a: Attrs, paragraphs: string, fill: string | undefined): OdsCell {
  const kind = a['office:value-type'];
  const formula = a['table:formula'];
  let text: string;
  let type: SheetCellFacts['type'];
  switch (kind) {
    case 'float':
    case 'percentage':
    case 'currency':
      text = numberText(Number(a['office:value']));
      type = 'number';
      break;
    case 'date':
      text = isoDateTimeText(a['office:date-value'] ?? paragraphs);
      type = 'date';
      break;
    case 'time':
      text = isoDurationTime(a['office:time-value'] ?? paragraphs);
      type = 'date';
      break;
    case 'boolean':
      text = booleanText(a['office:boolean-value'] === 'true');
      type = 'boolean';
      break;
    case 'string':
      text = a['office:string-value'] ?? paragraphs;
      type = 'string';
      break;
    default:
      text = paragraphs;
      type = text === '' ? 'empty' : 'string';
  }
  if (a['calcext:value-type'] === 'error' || (formula && ERROR_TEXT.test(paragraphs))) {
    text = paragraphs;
    type = 'error';
  }
  if (type === 'empty' && !formula) return { text, facts: undefined };
  // As in XLSX: a formula's type is its error, `empty` when no result was saved, else `formula`.
  const facts: SheetCellFacts = { type: formula && type !== 'error' && type !== 'empty' ? 'formula' : type };
  if (formula) facts.formula = odsFormulaText(formula);
  if (fill) facts.fill = fill;
  return { text, facts };
}
