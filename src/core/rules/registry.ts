// The explicit list of rules, in documentation order. Adding a rule = one file + one line here.
import type { Rule } from './rule';
import sourceError from './source-error';
import encoding from './encoding';
import delimiter from './delimiter';
import lineEndings from './line-endings';
import blankLabel from './blank-label';
import duplicateLabel from './duplicate-label';
import labelWhitespace from './label-whitespace';
import headerNotFirstRow from './header-not-first-row';
import extraCell from './extra-cell';
import missingCell from './missing-cell';
import blankRow from './blank-row';
import duplicateRow from './duplicate-row';
import emptyColumn from './empty-column';
import cellWhitespace from './cell-whitespace';
import dateFormat from './date-format';
import numberFormat from './number-format';
import formulaInjection from './formula-injection';
import totalsRow from './totals-row';
import codeLeadingZero from './code-leading-zero';
import sheetHeaderRow from './sheet-header-row';
import sheetMergedCells from './sheet-merged-cells';
import sheetFormula from './sheet-formula';
import sheetFormulaError from './sheet-formula-error';
import sheetHiddenData from './sheet-hidden-data';
import sheetNumberAsText from './sheet-number-as-text';
import sheetDateStorage from './sheet-date-storage';
import sheetSeveralTables from './sheet-several-tables';
import sheetColourMeaning from './sheet-colour-meaning';
import sheetSubtotalRow from './sheet-subtotal-row';
import sheetEmpty from './sheet-empty';
import sheetSeveralSheets from './sheet-several-sheets';
import personalData from './personal-data';
import delimiterChoice from './delimiter-choice';
import multilineCell from './multiline-cell';
import inconsistentValues from './inconsistent-values';

export const allRules: readonly Rule<any>[] = [
  sourceError,
  encoding,
  delimiter,
  delimiterChoice,
  lineEndings,
  blankLabel,
  duplicateLabel,
  labelWhitespace,
  headerNotFirstRow,
  extraCell,
  missingCell,
  blankRow,
  duplicateRow,
  emptyColumn,
  cellWhitespace,
  multilineCell,
  dateFormat,
  numberFormat,
  inconsistentValues,
  formulaInjection,
  totalsRow,
  codeLeadingZero,
  sheetHeaderRow,
  sheetMergedCells,
  sheetFormula,
  sheetFormulaError,
  sheetHiddenData,
  sheetNumberAsText,
  sheetDateStorage,
  sheetSeveralTables,
  sheetColourMeaning,
  sheetSubtotalRow,
  sheetEmpty,
  sheetSeveralSheets,
  personalData,
];

export function ruleById(id: string): Rule<any> | undefined {
  return allRules.find((r) => r.meta.id === id);
}
