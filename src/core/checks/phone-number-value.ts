// phone-number-value: a French number (10 digits from 0, +33/0033 forms, short numbers such
// as 15, 115, 3949) or an international one (+country code, 7 to 15 digits in all, E.164).
// Validata uses Google's libphonenumber, which also knows each country's numbering plan;
// this check knows France's and only the general E.164 shape elsewhere.
import { show } from '../rules/lib/util';
import { columnParam, type CustomCheck } from './check';

const SEPARATORS = /[\s.\-()\u00a0]/g;
/** 0 + a non-zero digit + 8 digits (01–09: geographic, mobile, VoIP, special rates). */
const FR_NATIONAL = /^0[1-9]\d{8}$/;
const FR_INTERNATIONAL = /^(?:\+|00)33(?:\(0\))?[1-9]\d{8}$/;
/** Emergency and service numbers: 15, 17, 18, 112, 114, 115, 119, 116xxx, 10xx, 3xxx. */
const FR_SHORT = /^(?:1[578]|11[2459]|116\d{3}|10\d{2}|3\d{3})$/;
const E164 = /^(?:\+|00)[1-9]\d{6,14}$/;

export function isPhoneNumber(raw: string): boolean {
  const s = raw.replace(SEPARATORS, '').replace('+33(0)', '+33');
  if (FR_NATIONAL.test(s) || FR_SHORT.test(s)) return true;
  if (/^(?:\+|00)33/.test(s)) return FR_INTERNATIONAL.test(s);
  return E164.test(s);
}

export const phoneNumberValue: CustomCheck = {
  name: 'phone-number-value',
  create(params, env) {
    const f = columnParam(params, 'column', this.name, env);
    if (f < 0) return null;
    const fr = env.lang === 'fr';
    return {
      row(row, values) {
        const v = values[f];
        if (typeof v !== 'string' || v === '' || isPhoneNumber(v)) return;
        env.cell(
          row,
          f,
          'phone-number-value',
          fr
            ? `La valeur ${show(v, 40, 'fr')} n’est pas un numéro de téléphone valide (ex. 01 23 45 67 89 ou +33 1 23 45 67 89).`
            : `${show(v)} is not a valid phone number (e.g. 01 23 45 67 89 or +33 1 23 45 67 89).`,
        );
      },
    };
  },
};
