// Two of frictionless' opt-in checklist checks, accepted in `custom_checks` under their
// frictionless names: ascii-value (non-ASCII characters in text cells) and forbidden-value
// (`{"fieldName": "id", "values": [2]}`).
import { show } from '../rules/lib/util';
import { stringParam, type CustomCheck } from './check';

export const asciiValue: CustomCheck = {
  name: 'ascii-value',
  create(_params, env) {
    const fr = env.lang === 'fr';
    return {
      row(row, values) {
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          if (typeof v === 'string' && /[^\x00-\x7f]/.test(v))
            env.cell(
              row,
              i,
              'ascii-value',
              fr ? `${show(v, 40, 'fr')} contient des caractères non ASCII.` : `${show(v)} contains non-ASCII characters.`,
            );
        }
      },
    };
  },
};

export const forbiddenValue: CustomCheck = {
  name: 'forbidden-value',
  create(params, env) {
    const name = stringParam(params, 'fieldName', this.name, env);
    if (name === null || !Array.isArray(params.values)) return null;
    const f = env.field(name);
    if (f < 0) return null;
    const forbidden = new Set(params.values.map(String));
    const fr = env.lang === 'fr';
    return {
      row(row, values) {
        const v = values[f];
        if (v === null || v === undefined || !forbidden.has(String(v))) return;
        env.cell(
          row,
          f,
          'forbidden-value',
          fr
            ? `La valeur ${show(String(v), 40, 'fr')} est interdite dans « ${name} ».`
            : `Value ${show(String(v))} is forbidden in “${name}”.`,
        );
      },
    };
  },
};
