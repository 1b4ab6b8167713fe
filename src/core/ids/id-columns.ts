// Finds SIRET/SIREN columns by their header when no schema applies (`SIRET`, `SIRET ou NIR`,
// `idBeneficiaire`, `SIREN`…) and checks them, so real files that follow no schema still
// learn what happened to their identifiers. Findings are warnings: the column's meaning is
// inferred from its name.
import type { CheckFactory } from '../engine/check';
import type { Row } from '../model';
import type { RuleVisitor } from '../rules/rule';
import { looseLabel } from '../schema/normalize';
import { diagnoseId, type IdKind } from './damage';
import { isValidSiren, isValidSiret } from './siret';
import { idMessage } from './messages';

/** SCDL's identifier columns that are SIRETs without saying so in their name. */
const SCDL_SIRET = new Set(['idbeneficiaire', 'idattribuant', 'bgtsiret', 'collsiret', 'producteursiret', 'numsiret', 'siretorga']);

/** A count of identifiers (« Nombre de SIRET », « Nb SIREN »), not an identifier. */
const COUNT = /^(nombre|nbre|nb|number|count|total|somme)/;

export function idColumnKind(label: string): IdKind | null {
  const l = looseLabel(label);
  if (COUNT.test(l)) return null;
  if (SCDL_SIRET.has(l) || l.includes('siret')) return 'siret';
  // The arrêté's own labels: « Identification du bénéficiaire / de l'attributaire ».
  if (/^(id|identif)/.test(l) && /(beneficiaire|attribu)/.test(l)) return 'siret';
  if (l.includes('siren')) return 'siren';
  return null;
}

/** A NIR (social security number) shares the column in `SIRET ou NIR`: 13 or 15 digits from 1 or 2. */
const NIR = /^[12]\d{12}(\d{2})?$/;

interface IdColumn {
  column: number;
  kind: IdKind;
  nir: boolean;
}

/** `_maxProblems`: unused (the session decides when a rule's reports are only counted). */
export function idColumnsCheck(_maxProblems?: number): CheckFactory {
  return (ctx): RuleVisitor => {
    let columns: IdColumn[] = [];
    return {
      header(row: Row) {
        columns = [];
        row.values.forEach((label, i) => {
          const kind = idColumnKind(label);
          if (kind) columns.push({ column: i, kind, nir: /\bnir\b/i.test(label) });
        });
      },
      row(row: Row) {
        for (const c of columns) {
          const raw = row.values[c.column];
          if (raw === undefined || raw.trim() === '' || (c.nir && NIR.test(raw.trim()))) continue;
          const rule = c.kind === 'siret' ? 'french-siret-value' : 'french-siren-value';
          // Past the rule's share of the cap only the count matters: skip building the text.
          if (ctx.full(rule) && ctx.setting(rule, 'warning') !== 'off') {
            const valid = c.kind === 'siret' ? isValidSiret(raw) : isValidSiren(raw);
            if (!valid || /[ .]/.test(raw))
              ctx.report({ rule, severity: valid ? 'info' : 'warning', message: '', loc: { row: null, column: null } });
            continue;
          }
          const d = diagnoseId(raw, c.kind);
          if (d.valid && !d.damage) continue;
          ctx.report({
            rule,
            severity: d.valid ? 'info' : 'warning',
            message: idMessage(ctx.lang, c.kind, raw, d),
            loc: ctx.locate(row, c.column + 1),
            fix: d.fix !== undefined ? { kind: 'set-cell', value: d.fix } : undefined,
          });
        }
      },
    };
  };
}
