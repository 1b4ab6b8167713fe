// Infers a Table Schema from a header and sample rows: types and formats as the file
// actually writes them (a French `1 234,56` becomes number + decimalChar/groupChar, a
// `31/12/2019` date gets format %d/%m/%Y), required when no cell is empty, enums for
// low-cardinality text, and identifier columns kept as text with Validata's SIRET check.
import { isValidSiren, isValidSiret } from '../ids/siret';
import { idColumnKind } from '../ids/id-columns';
import type { CustomCheckDescriptor, FieldDescriptor, TableSchema } from './descriptor';
import { compileCast } from './types/cast';
import { INVALID } from './types/invalid';

export interface InferOptions {
  /** Most distinct values a text column may have to get an enum (default 10). */
  maxEnum?: number;
}

interface Candidate {
  field: Omit<FieldDescriptor, 'name'>;
  /** Extra condition on the column as a whole. */
  accept?: (values: string[], label: string) => boolean;
}

/** Codes and identifiers look numeric but are text: leading zeros, or long digit runs. */
const CODE_LIKE = /^0\d|^\d{10,}$/;
const NUMERIC = new Set(['integer', 'number', 'year']);
const YEARISH = /ann[ée]e|year|exercice|millesime|millésime/i;

/** Most specific first: the first candidate every non-empty cell fits wins. */
const CANDIDATES: Candidate[] = [
  { field: { type: 'boolean' }, accept: (v) => v.some((x) => /^(true|false)$/i.test(x)) },
  { field: { type: 'boolean', trueValues: ['oui', 'Oui', 'OUI'], falseValues: ['non', 'Non', 'NON'] } },
  { field: { type: 'year' }, accept: (v, label) => YEARISH.test(label) && v.every((x) => +x >= 1800 && +x <= 2200) },
  { field: { type: 'integer' } },
  { field: { type: 'number' } },
  { field: { type: 'number', decimalChar: ',' } },
  { field: { type: 'number', decimalChar: ',', groupChar: ' ' } },
  { field: { type: 'number', decimalChar: ',', groupChar: '\u00a0' } },
  { field: { type: 'number', groupChar: ',' } },
  { field: { type: 'date' } },
  { field: { type: 'date', format: '%d/%m/%Y' } },
  { field: { type: 'date', format: '%Y/%m/%d' } },
  { field: { type: 'datetime' } },
  { field: { type: 'time' } },
  { field: { type: 'yearmonth' } },
  { field: { type: 'string', format: 'email' } },
  { field: { type: 'string', format: 'uri' }, accept: (v) => v.every((x) => /^https?:\/\//i.test(x)) },
  { field: { type: 'string', format: 'uuid' } },
];

const casts = CANDIDATES.map((c) => compileCast({ name: 'x', ...c.field }).cast);

export function inferSchema(header: readonly string[], rows: readonly (readonly string[])[], options: InferOptions = {}): TableSchema {
  const maxEnum = options.maxEnum ?? 10;
  const fields: FieldDescriptor[] = [];
  const checks: CustomCheckDescriptor[] = [];
  header.forEach((label, col) => {
    const name = label.trim() || `field${col + 1}`;
    const values = rows.map((r) => r[col] ?? '');
    const filled = values.filter((v) => v !== '');
    const id = identifier(filled, name);
    // Identifiers stay text: as numbers they lose leading zeros and precision.
    const field: FieldDescriptor = { name, ...(id ? { type: 'string' } : typeOf(filled, name)) };
    const constraints: FieldDescriptor['constraints'] = {};
    if (rows.length > 0 && filled.length === values.length) constraints.required = true;
    if (id) {
      constraints.pattern = id === 'siret' ? '^\\d{14}$' : '^\\d{9}$';
      checks.push({ name: id === 'siret' ? 'french-siret-value' : 'french-siren-value', params: { column: name } });
    } else if (field.type === 'string' && !field.format) {
      const distinct = new Set(filled);
      // An enum needs repetition: a handful of values seen several times each.
      if (distinct.size > 0 && distinct.size <= maxEnum && filled.length >= 2 * distinct.size) constraints.enum = [...distinct].sort();
    }
    if (Object.keys(constraints).length) field.constraints = constraints;
    fields.push(field);
  });
  const schema: TableSchema = { $schema: 'https://frictionlessdata.io/schemas/table-schema.json', fields, missingValues: [''] };
  if (checks.length) schema.custom_checks = checks;
  return schema;
}

function typeOf(filled: string[], label: string): Omit<FieldDescriptor, 'name'> {
  if (filled.length === 0) return { type: 'string' };
  const codeLike = filled.some((v) => CODE_LIKE.test(v));
  for (let k = 0; k < CANDIDATES.length; k++) {
    if (codeLike && NUMERIC.has(CANDIDATES[k].field.type!)) continue;
    const cast = casts[k];
    if (filled.every((v) => cast(v) !== INVALID) && (CANDIDATES[k].accept?.(filled, label) ?? true)) return { ...CANDIDATES[k].field };
  }
  return { type: 'string' };
}

/** A SIRET/SIREN column: named so, or mostly valid identifiers of the right length. */
function identifier(filled: string[], label: string): 'siret' | 'siren' | null {
  if (filled.length === 0) return null;
  const kind = idColumnKind(label);
  const share = (valid: (s: string) => boolean) => filled.filter(valid).length / filled.length;
  if (kind === 'siret' || share(isValidSiret) >= 0.8) return share((s) => /^\d{14}$/.test(s)) >= 0.5 ? 'siret' : null;
  if (kind === 'siren' || share(isValidSiren) >= 0.8) return share((s) => /^\d{9}$/.test(s)) >= 0.5 ? 'siren' : null;
  return null;
}
