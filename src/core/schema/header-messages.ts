// Rule ids, severities and EN/FR messages for header issues (Validata's structure warnings
// and frictionless' label errors).
import type { Lang, Severity } from '../model';
import type { HeaderIssue } from './header';

export interface HeaderReport {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based column the report points at, or null for the whole header. */
  column: number | null;
  /** Label the header cell should get (certain rename). */
  rename?: string;
}

export function headerReport(
  lang: Lang,
  issue: HeaderIssue,
  labels: readonly string[],
  fields: readonly { name: string; required: boolean }[],
  strict: boolean,
  schema: string,
): HeaderReport {
  const fr = lang === 'fr';
  const names = fields.map((f) => f.name);
  switch (issue.kind) {
    case 'missing': {
      const n = names[issue.field];
      if (strict)
        return {
          rule: 'missing-label',
          severity: 'error',
          column: issue.field + 1,
          message: fr
            ? `Colonne « ${n} » manquante (position ${issue.field + 1} du schéma ${schema}).`
            : `Missing column “${n}” (position ${issue.field + 1} in schema ${schema}).`,
        };
      if (issue.required)
        return {
          rule: 'missing-required-header',
          severity: 'error',
          column: null,
          message: fr
            ? `Colonne obligatoire manquante : « ${n} » (schéma ${schema}).`
            : `Missing required column “${n}” (schema ${schema}).`,
        };
      return {
        rule: 'missing-header-warn',
        severity: 'warning',
        column: null,
        message: fr
          ? `Colonne manquante : « ${n} » (facultative dans le schéma ${schema}).`
          : `Missing column “${n}” (optional in schema ${schema}).`,
      };
    }
    case 'extra': {
      const l = labels[issue.column];
      if (strict)
        return {
          rule: 'extra-label',
          severity: 'error',
          column: issue.column + 1,
          message: fr
            ? `Colonne « ${l} » en trop : elle n’est pas dans le schéma ${schema}.`
            : `Extra column “${l}”: it is not in schema ${schema}.`,
        };
      return {
        rule: 'extra-header-warn',
        severity: 'warning',
        column: issue.column + 1,
        message: fr
          ? `Colonne surnuméraire : « ${l} » n’est pas dans le schéma ${schema}.`
          : `Extra column: “${l}” is not in schema ${schema}.`,
      };
    }
    case 'disordered':
      return {
        rule: 'disordered-header-warn',
        severity: 'warning',
        column: null,
        message: fr
          ? `Colonnes désordonnées : l’ordre attendu par le schéma ${schema} est ${names.join(', ')}.`
          : `Columns out of order: schema ${schema} expects ${names.join(', ')}.`,
      };
    case 'rename': {
      const l = labels[issue.column];
      const n = names[issue.field];
      // A required field under another spelling fails Validata as a missing required column.
      const severity = fields[issue.field].required ? 'error' : 'warning';
      return {
        rule: 'incorrect-label',
        severity,
        column: issue.column + 1,
        rename: n,
        message: fr
          ? `La colonne « ${l} » doit s’appeler exactement « ${n} » (schéma ${schema}).`
          : `Column “${l}” must be named exactly “${n}” (schema ${schema}).`,
      };
    }
    case 'incorrect': {
      const l = labels[issue.column];
      const n = names[issue.field];
      return {
        rule: 'incorrect-label',
        severity: 'error',
        column: issue.column + 1,
        message: fr
          ? `La colonne ${issue.column + 1} s’appelle « ${l} » ; le schéma ${schema} attend « ${n} » à cette position.`
          : `Column ${issue.column + 1} is “${l}”; schema ${schema} expects “${n}” at this position.`,
      };
    }
    case 'ambiguous': {
      const n = names[issue.field];
      return {
        rule: 'ambiguous-label',
        severity: 'error',
        column: issue.columns[1] + 1,
        message: fr
          ? `« ${n} » apparaît dans ${issue.columns.length} colonnes : impossible de savoir laquelle valider (seule la première l’est).`
          : `“${n}” labels ${issue.columns.length} columns: only the first one is validated against the schema.`,
      };
    }
  }
}
