// Schema inference from table text: the same reader as the linter, a bounded sample of rows.
import { CsvRowReader } from '../read/csv';
import { detectDelimiter } from '../read/dialect';
import type { TableSchema } from './descriptor';
import { inferSchema } from './infer';

/** Rows looked at: enough to see types and enums, bounded for huge files. */
const SAMPLE_ROWS = 20000;

export function inferSchemaFromText(text: string, format: 'csv' | 'tsv' = 'csv'): TableSchema {
  const delimiter = format === 'tsv' ? '\t' : detectDelimiter(text);
  let header: string[] | null = null;
  const rows: string[][] = [];
  new CsvRowReader({ delimiter, quoteChar: '"' }, (row) => {
    if (!header) header = row.values;
    else if (rows.length < SAMPLE_ROWS) rows.push(row.values);
  }).feed(text, true);
  return inferSchema(header ?? [], rows);
}
