// What Validata's multi-column checks share: resolve their columns, skip the check when
// none is in the file, and report a check error for each one that is missing.
import type { CheckEnv } from './check';

/** Field indexes of `names`, or null when the check must not run (all absent, or some absent: reported). */
export function resolveColumns(names: string[], check: string, env: CheckEnv): number[] | null {
  const ix = names.map((n) => env.field(n));
  if (ix.every((i) => i < 0)) return null;
  const missing = names.filter((_, k) => ix[k] < 0);
  for (const n of missing)
    env.table(
      'check-error',
      env.lang === 'fr' ? `Contrôle « ${check} » : la colonne « ${n} » est introuvable.` : `Check “${check}”: column “${n}” is not found.`,
      'warning',
    );
  return missing.length ? null : ix;
}

export function stringList(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
}
