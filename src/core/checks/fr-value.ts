// The shape shared by the fr-format checks (one file each): a column parameter, a verdict per
// distinct value (cached: a column repeats its codes), and a message naming the reference
// edition. Deprecated names run the same check and say once which name replaces them.
import type { Lang, Row } from '../model';
import { show } from '../rules/lib/util';
import { columnParam, type CheckEnv, type CustomCheck, type RowCheck } from './check';

export interface Verdict {
  /** English and French, without the value (added in front). */
  en: string;
  fr: string;
  severity?: 'error' | 'warning';
  fix?: string;
}

/** null = valid. */
export type Validate = (value: string) => Verdict | null;

const CACHE_LIMIT = 50_000;

export function valueRowCheck(env: CheckEnv, f: number, rule: string, validate: Validate): RowCheck {
  const cache = new Map<string, Verdict | null>();
  return {
    row(row: Row, values: readonly unknown[]) {
      const v = values[f];
      if (v === null || v === undefined || v === '') return;
      // The text as written: an integer-typed code column has lost its leading zeros.
      const raw = env.raw(row, f);
      let verdict = cache.get(raw);
      if (verdict === undefined) {
        verdict = validate(raw);
        if (cache.size < CACHE_LIMIT) cache.set(raw, verdict);
      }
      if (verdict) {
        const d = verdict;
        env.cell(
          row,
          f,
          rule,
          () => (env.lang === 'fr' ? `${show(raw, 40, 'fr')} : ${d.fr}` : `${show(raw)}: ${d.en}`),
          d.severity ?? 'error',
          d.fix,
        );
      }
    },
  };
}

/**
 * A fr-format check by name; `validate` is built once per file (it may index reference data).
 * `source` names the reference edition (`COG 2026, …`): a verdict that does not say it gets it
 * appended, so every message of a reference-based check tells which year it was judged by.
 */
export function frValueCheck(name: string, makeValidate: () => Validate, source?: () => string): CustomCheck {
  return {
    name,
    create(params, env) {
      const f = columnParam(params, 'column', name, env);
      if (f < 0) return null;
      if (source) editionNotice(name, params.millesime, source(), env);
      return valueRowCheck(env, f, name, source ? withSource(makeValidate(), source()) : makeValidate());
    },
  };
}

/** fr-format's `millesime` option asks for a COG year; only the bundled one is at hand: said once. */
function editionNotice(name: string, asked: unknown, source: string, env: CheckEnv): void {
  if (asked === undefined || asked === null || /^latest$/i.test(String(asked)) || source.includes(`COG ${String(asked)}`)) return;
  env.table(
    'check-error',
    env.lang === 'fr'
      ? `${name} : le millésime ${String(asked)} demandé n’est pas disponible ; valeurs jugées selon ${source}.`
      : `${name}: the ${String(asked)} edition asked for is not available; values are judged by ${source}.`,
    'warning',
  );
}

function withSource(validate: Validate, source: string): Validate {
  return (value) => {
    const d = validate(value);
    return !d || d.en.includes(source) ? d : { ...d, en: `${d.en} (${source})`, fr: `${d.fr} (${source})` };
  };
}

/** Former names that still run as before: name → the name that replaces it. */
export const DEPRECATED_CHECKS: Readonly<Record<string, string>> = {
  'french-siret-value': 'siret',
  'french-siren-value': 'siren',
  'nomenclature-actes-value': 'nomenclature-acte',
  'numero-departement': 'code-departement',
};

export const deprecationMessage = (alias: string, target: string, lang: Lang) =>
  lang === 'fr'
    ? `Le contrôle « ${alias} » est obsolète : il s’appelle désormais « ${target} » (appliqué quand même).`
    : `The check “${alias}” is deprecated: it is now called “${target}” (run anyway).`;
