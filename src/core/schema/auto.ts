// The schema step of a lint when the caller did not name a schema: once the header is read,
// detect a catalog schema from it and validate against that; otherwise check identifier
// columns by their names. A CheckFactory like any other, so it runs in the same pass.
import type { CheckFactory } from '../engine/check';
import type { Row } from '../model';
import type { RuleVisitor } from '../rules/rule';
import { idColumnsCheck } from '../ids/id-columns';
import { compileSchema } from './compile';
import { detectSchema, type Detection } from './detect';
import { schemaCheck } from './validate';
import type { FieldsMatch } from './descriptor';

export interface AutoSchemaOptions {
  /** Told what was detected (null: nothing), so reports can name the schema. */
  onDetect?(d: Detection | null): void;
  maxProblems?: number;
  ignoreHeaderCase?: boolean;
  /** `--fields-match`: overrides the detected schema's `fieldsMatch`. */
  match?: FieldsMatch;
}

export function autoSchemaCheck(options: AutoSchemaOptions = {}): CheckFactory {
  return (ctx): RuleVisitor => {
    let inner: RuleVisitor | null = null;
    return {
      header(row: Row) {
        const d = detectSchema(row.values);
        options.onDetect?.(d);
        inner = d
          ? schemaCheck(compileSchema(d.entry.descriptor), {
              schemaName: d.ref.name,
              maxProblems: options.maxProblems,
              ignoreHeaderCase: options.ignoreHeaderCase,
              match: options.match,
            })(ctx)
          : idColumnsCheck(options.maxProblems)(ctx);
        inner.header?.(row);
      },
      row: (row) => inner?.row?.(row),
      end: () => inner?.end?.(),
      split: {
        resume: () => inner?.split?.resume(),
        handOver: () => inner?.split?.handOver(),
        takeOver: (state, shift) => inner?.split?.takeOver(state, shift),
      },
    };
  };
}
