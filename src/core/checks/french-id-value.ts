// french-siret-value and french-siren-value: Validata's identifier checks, with the damage
// diagnosis of ../ids (what happened to the number, and the repair when it is certain).
import type { Row } from '../model';
import { diagnoseId, type IdKind } from '../ids/damage';
import { idMessage } from '../ids/messages';
import { isValidSiren, isValidSiret } from '../ids/siret';
import { stringParam, type CheckEnv, type CustomCheck, type RowCheck } from './check';

/** The check of one identifier kind under a name: Validata's (`french-siret-value`) or fr-format's (`siret`). */
export function idCheck(kind: IdKind, name: string = kind === 'siret' ? 'french-siret-value' : 'french-siren-value'): CustomCheck {
  return {
    name,
    create(params, env) {
      const column = stringParam(params, 'column', name, env);
      if (column === null) return null;
      const f = env.field(column);
      if (f < 0) return null;
      return new IdRowCheck(env, f, kind, name);
    },
  };
}

export class IdRowCheck implements RowCheck {
  constructor(
    private readonly env: CheckEnv,
    private readonly f: number,
    private readonly kind: IdKind,
    private readonly rule: string,
    private readonly severity: 'error' | 'warning' = 'error',
  ) {}

  row(row: Row, values: readonly unknown[]): void {
    const v = values[this.f];
    if (v === null || v === undefined || v === '') return;
    // The text as written: a number-typed column may already have dropped what we diagnose.
    const raw = this.env.raw(row, this.f);
    // Most identifiers are fine: decide those without building a diagnosis.
    const isValid = this.kind === 'siret' ? isValidSiret : isValidSiren;
    const plain = raw.length === (this.kind === 'siret' ? 14 : 9);
    if (plain && isValid(raw)) return;
    if (this.env.full(this.rule)) {
      // Past the cap only the severity is counted; a plain-length failure needs no second check.
      const valid = !plain && isValid(raw);
      return this.env.cell(row, this.f, this.rule, '', valid ? 'warning' : this.severity);
    }
    const d = diagnoseId(raw, this.kind);
    if (d.valid && !d.damage) return;
    this.env.cell(row, this.f, this.rule, idMessage(this.env.lang, this.kind, raw, d), d.valid ? 'warning' : this.severity, d.fix);
  }
}

export const frenchSiretValue = idCheck('siret');
export const frenchSirenValue = idCheck('siren');
