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
import { canton } from './canton';
import { FR_FORMAT_NAMES } from './fr-format-names';
import { codeCommuneInsee } from './code-commune-insee';
import { codeDepartement, numeroDepartement } from './code-departement';
import { codeFantoir } from './code-fantoir';
import { codePaysIso2 } from './code-pays-iso2';
import { codePaysIso3 } from './code-pays-iso3';
import { codePostal } from './code-postal';
import { codeRegion } from './code-region';
import { commune } from './commune';
import { coordonneesGpsFrancaises } from './coordonnees-gps-francaises';
import { departement } from './departement';
import { idRnb } from './id-rnb';
import { nomenclatureActe } from './nomenclature-acte';
import { pays } from './pays';
import { region } from './region';
import { siren } from './siren';
import { siret } from './siret';

/** fr-format's checks (datagouv/fr-format), also usable as a string field's `format`. */
export const frFormatChecks: readonly CustomCheck[] = [
  canton,
  codeCommuneInsee,
  codeDepartement,
  codeFantoir,
  codePaysIso2,
  codePaysIso3,
  codePostal,
  codeRegion,
  commune,
  coordonneesGpsFrancaises,
  departement,
  idRnb,
  pays,
  region,
  nomenclatureActe,
  siren,
  siret,
];

export const customChecks: readonly CustomCheck[] = [
  ...frFormatChecks,
  // Former names (fr-value.ts DEPRECATED_CHECKS): still run; a schema file naming them is told the new name.
  numeroDepartement,
  frenchSiretValue,
  frenchSirenValue,
  nomenclatureActesValue,
  oneOfRequired,
  cohesiveColumnsValue,
  compareColumnsValue,
  sumColumnsValue,
  yearIntervalValue,
  phoneNumberValue,
  frenchGpsCoordinates,
  openingHoursValue,
  asciiValue,
  forbiddenValue,
];

const byName = new Map(customChecks.map((c) => [c.name, c]));

const FR_FORMATS = new Set(FR_FORMAT_NAMES);

/**
 * The fr-format checks a schema asks for on a field: its `format` (`"format": "code-postal"`),
 * or Validata's `frFormat` property, a name or `{"name", "options"}`. An `frFormat` name the
 * product does not know is passed on, to be reported once as not supported.
 */
export function formatChecks(fields: readonly { name: string; format?: string; frFormat?: unknown }[]): CustomCheckDescriptor[] {
  const out: CustomCheckDescriptor[] = [];
  for (const f of fields) {
    if (!f || typeof f.name !== 'string') continue;
    const fr = f.frFormat;
    if (typeof fr === 'string') out.push({ name: fr, params: { column: f.name } });
    else if (fr && typeof fr === 'object' && typeof (fr as { name?: unknown }).name === 'string') {
      const { name, options } = fr as { name: string; options?: unknown };
      const extra = options && typeof options === 'object' && !Array.isArray(options) ? options : {};
      out.push({ name, params: { ...extra, column: f.name } });
    } else if (typeof f.format === 'string' && FR_FORMATS.has(f.format)) out.push({ name: f.format, params: { column: f.name } });
  }
  return out;
}

/** Builds the row checks a schema declares; a name not supported is reported once, never fatal. */
export function createCustomChecks(descriptors: readonly CustomCheckDescriptor[], env: CheckEnv): RowCheck[] {
  const out: RowCheck[] = [];
  const unsupported = new Set<string>();
  for (const d of descriptors) {
    const check = d && typeof d.name === 'string' ? byName.get(d.name) : undefined;
    if (!check) {
      const name = typeof d?.name === 'string' ? d.name : JSON.stringify(d?.name);
      if (unsupported.has(name)) continue;
      unsupported.add(name);
      env.table(
        'check-error',
        env.lang === 'fr' ? `Contrôle personnalisé non pris en charge : ${name}.` : `Custom check not supported: ${name}.`,
        'warning',
      );
      continue;
    }
    const rc = check.create(d.params && typeof d.params === 'object' ? d.params : {}, env);
    if (rc) out.push(rc);
  }
  return out;
}
