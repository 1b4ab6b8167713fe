// The webview's texts, translated on the host (vscode.l10n) and sent with the view.
import * as vscode from 'vscode';
import type { NoticeStrings, StandardiseStrings } from '../../protocol/standardise';

export function standardiseStrings(): StandardiseStrings {
  return {
    target: vscode.l10n.t('Target schema'),
    version: vscode.l10n.t('Version'),
    fields: vscode.l10n.t('Schema fields'),
    field: vscode.l10n.t('Field'),
    source: vscode.l10n.t('Source'),
    required: vscode.l10n.t('required'),
    none: vscode.l10n.t('(nothing)'),
    constant: vscode.l10n.t('Constant value'),
    column: vscode.l10n.t('Column “{0}”'),
    expression: vscode.l10n.t('{0} of “{1}”'),
    proposed: vscode.l10n.t('proposed: {0} %, {1}'),
    unmapped: vscode.l10n.t('Unmapped columns'),
    keepUnmapped: vscode.l10n.t('Keep them as extra columns after the schema’s fields'),
    preview: vscode.l10n.t('Preview'),
    counts: vscode.l10n.t('{0} errors, {1} warnings in the first {2} rows ({3} ms)'),
    fieldProblems: vscode.l10n.t('{0} problems'),
    write: vscode.l10n.t('Write standardised CSV'),
    writing: vscode.l10n.t('Writing…'),
    updating: vscode.l10n.t('Updating…'),
    noUnmapped: vscode.l10n.t('Every column is used.'),
    tableOps: vscode.l10n.t('Table operations (before the mapping)'),
    headerRow: vscode.l10n.t('Header row'),
    dropBlank: vscode.l10n.t('Drop blank rows'),
    dropTotals: vscode.l10n.t('Drop totals rows'),
    proposedOp: vscode.l10n.t('Proposed: {0}'),
    unpivot: vscode.l10n.t('Unpivot these columns into rows'),
    unpivotName: vscode.l10n.t('Name column'),
    unpivotValue: vscode.l10n.t('Value column'),
    apply: vscode.l10n.t('Apply'),
    detected: vscode.l10n.t('(detected)'),
    dropWhere: vscode.l10n.t('Drop the rows whose column'),
    dropValues: vscode.l10n.t('has one of these values (separated by ;)'),
    addRule: vscode.l10n.t('Add a rule'),
    removeRule: vscode.l10n.t('Remove'),
    stack: vscode.l10n.t('Stack these files or sheets under this one'),
    stackColumn: vscode.l10n.t('Column saying where each row came from'),
    kinds: {
      join: vscode.l10n.t('Join columns'),
      split: vscode.l10n.t('Split a column and take a part'),
      date: vscode.l10n.t('Date from day, month, year columns'),
      period: vscode.l10n.t('Period from two date columns'),
      map: vscode.l10n.t('Value map of a column'),
      lookup: vscode.l10n.t('Lookup in a reference CSV'),
    },
    separator: vscode.l10n.t('Separator'),
    part: vscode.l10n.t('Part (1 = first, -1 = last)'),
    day: vscode.l10n.t('Day'),
    month: vscode.l10n.t('Month'),
    year: vscode.l10n.t('Year'),
    start: vscode.l10n.t('Start'),
    end: vscode.l10n.t('End'),
    keep: vscode.l10n.t('(keep as is)'),
    lookupFile: vscode.l10n.t('Reference CSV (path from the source folder)'),
    lookupKey: vscode.l10n.t('Key column of the reference'),
    lookupValue: vscode.l10n.t('Value column of the reference'),
    notices: noticeStrings(),
  };
}

/** The notices' sentences, worded as `odw standardise` prints them (src/cli/standardise.ts). */
function noticeStrings(): NoticeStrings {
  return {
    preview: vscode.l10n.t('In the whole file, read for the preview: rows left out or worth a look'),
    previewFirst: vscode.l10n.t('In the first {0} lines (not the whole file), read for the preview: rows left out or worth a look'),
    written: vscode.l10n.t('In the file written: rows left out or worth a look'),
    lines: { one: vscode.l10n.t('line {0}'), other: vscode.l10n.t('lines {0}') },
    label: vscode.l10n.t('“{0}”'),
    labelAt: vscode.l10n.t('“{0}” (line {1})'),
    leftOut: {
      one: vscode.l10n.t('{0} row not written: more cells than the header and no certain repair ({1}).'),
      other: vscode.l10n.t('{0} rows not written: more cells than the header and no certain repair ({1}).'),
    },
    shifted: {
      one: vscode.l10n.t('{0} row not written: fewer cells than the header, the values after a lost cell shifted ({1}).'),
      other: vscode.l10n.t('{0} rows not written: fewer cells than the header, the values after a lost cell shifted ({1}).'),
    },
    repaired: {
      one: vscode.l10n.t('{0} row repaired: an amount split by the comma joined again ({1}).'),
      other: vscode.l10n.t('{0} rows repaired: an amount split by the comma joined again ({1}).'),
    },
    blank: {
      one: vscode.l10n.t('{0} blank row not written ({1}).'),
      other: vscode.l10n.t('{0} blank rows not written ({1}).'),
    },
    repeatedHeader: {
      one: vscode.l10n.t('{0} repeated header not written ({1}).'),
      other: vscode.l10n.t('{0} repeated headers not written ({1}).'),
    },
    sectionHeading: {
      one: vscode.l10n.t('{0} section heading not written ({1}).'),
      other: vscode.l10n.t('{0} section headings not written ({1}).'),
    },
    byRepeatedHeader: {
      one: vscode.l10n.t('{0} row read by the repeated header above it, whose columns differ from the header’s ({1}).'),
      other: vscode.l10n.t('{0} rows read by the repeated header above them, whose columns differ from the header’s ({1}).'),
    },
    unmatchedLabels: {
      one: vscode.l10n.t('{0} label of a repeated header matches no column of the header, its cells not read: {1}.'),
      other: vscode.l10n.t('{0} labels of a repeated header match no column of the header, their cells not read: {1}.'),
    },
    totalsWritten: {
      one: vscode.l10n.t('{0} totals row written as a record ({1}).'),
      other: vscode.l10n.t('{0} totals rows written as records ({1}).'),
    },
    totalsDropped: {
      one: vscode.l10n.t('{0} totals row not written: “Drop totals rows” is on ({1}).'),
      other: vscode.l10n.t('{0} totals rows not written: “Drop totals rows” is on ({1}).'),
    },
  };
}
