// A problem of the whole file (a schema that cannot be used, a newer schema version, a sheet that
// cannot be read): no row, column or range to point at.
import type { Diagnostic, Severity } from './model';

export const fileDiagnostic = (rule: string, severity: Severity, message: string): Diagnostic => ({
  rule,
  severity,
  message,
  row: null,
  column: null,
  field: null,
  line: null,
  start: null,
  end: null,
});
