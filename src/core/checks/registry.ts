// The custom checks a schema may name in `custom_checks`, by Validata's names. Adding one =
// one file + one line here.
import type { CustomCheckDescriptor } from '../schema/descriptor';
import type { CheckEnv, CustomCheck, RowCheck } from './check';
import { cohesiveColumnsValue } from './cohesive-columns-value';
import { compareColumnsValue } from './compare-columns-value';
import { frenchGpsCoordinates } from './french-gps-coordinates';
import { frenchSirenValue, frenchSiretValue } from './french-id-value';
import { asciiValue, forbiddenValue } from './frictionless-checks';
import { nomenclatureActesValue } from './nomenclature-actes-value';
import { oneOfRequired } from './one-of-required';
import { openingHoursValue } from './opening-hours-value';
import { phoneNumberValue } from './phone-number-value';
import { sumColumnsValue } from './sum-columns-value';
import { yearIntervalValue } from './year-interval-value';

export const customChecks: readonly CustomCheck[] = [
  frenchSiretValue,
  frenchSirenValue,
  oneOfRequired,
  cohesiveColumnsValue,
  compareColumnsValue,
  sumColumnsValue,
  yearIntervalValue,
  nomenclatureActesValue,
  phoneNumberValue,
  frenchGpsCoordinates,
  openingHoursValue,
  asciiValue,
  forbiddenValue,
];

const byName = new Map(customChecks.map((c) => [c.name, c]));

/** Builds the row checks a schema declares; unknown names are reported, never fatal. */
export function createCustomChecks(descriptors: readonly CustomCheckDescriptor[], env: CheckEnv): RowCheck[] {
  const out: RowCheck[] = [];
  for (const d of descriptors) {
    const check = d && typeof d.name === 'string' ? byName.get(d.name) : undefined;
    if (!check) {
      const name = JSON.stringify(d?.name);
      env.table('check-error', env.lang === 'fr' ? `Contrôle personnalisé inconnu : ${name}.` : `Unknown custom check: ${name}.`, 'warning');
      continue;
    }
    const rc = check.create(d.params && typeof d.params === 'object' ? d.params : {}, env);
    if (rc) out.push(rc);
  }
  return out;
}
