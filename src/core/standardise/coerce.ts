// Values written the way the schema's field type wants them, when the reading is certain:
// `50 000 euros` → 50000 for a number, `28/11/2017` → 2017-11-28 for a date, `Oui` → true,
// `225 100 052 00011` → 22510005200011 for a 14-digit id. Anything else is left as it is
// (the validation then says what is wrong), so no value is silently changed in meaning.
import { parseNumber } from '../values/number';
import { toIsoDate, isExcelSerial, excelSerialToIso, isIsoDay } from '../values/date';
import type { TargetField } from './target';
import { compactAmount } from './shapes';

const TRUE = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const FALSE = new Set(['non', 'n', 'no', 'faux', 'false', '0']);

export function isoDateOf(v: string): string | null {
  const s = v.trim();
  // A date-time's day (spreadsheets write midnight after dates); the rest must be a time.
  const [d, time] = s.split(/[\sT]/);
  if (time !== undefined && !/^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(time)) return null;
  if (isIsoDay(d)) return d;
  // French exports are day first: a date that reads both ways is read that way.
  for (const f of ['dd/mm/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy', 'yyyy/mm/dd'] as const) {
    const iso = toIsoDate(d, f);
    if (iso) return iso;
  }
  if (isExcelSerial(s)) return excelSerialToIso(Number(s));
  return null;
}

/** Template instructions and "nothing" markers left in the cells. */
const PLACEHOLDER = /^(ne rien indiquer|n[ée]ant|sans objet|non renseign[ée]|n\/?a|nc|-|–|\/)$/i;
/** A lone dash, the way parseNumber reads zero (`-`, `–`, ` - €`). */
const DASH_ZERO = /^[-–]$/;
const PERIOD_FIELD = /\(\\\/\[0-9\]\{4\}/;

/** `28/11/2017\n08/12/2017` or `28/11/2017 - 08/12/2017` → 2017-11-28/2017-12-08: only dates, nothing else. */
export function periodOf(s: string): string | null {
  const parts = s.split(/[\s;,]+/).filter((p) => p && !/^(-|–|au|et|\/)$/i.test(p));
  const dates = parts.map(isoDateOf);
  if (!dates.length || dates.some((d) => d === null)) return null;
  const sorted = (dates as string[]).sort();
  return sorted.length === 1 || sorted[0] === sorted[sorted.length - 1] ? sorted[0] : `${sorted[0]}/${sorted[sorted.length - 1]}`;
}

/**
 * `45 %` in a number field: what the schema's range says it means, a fraction (maximum ≤ 1:
 * scdl/subventions' pourcentageSubvention, 0.01–1 → 0.45) or points (0–100 → 45). Any other
 * range says neither: null, the text is left for the validation to report.
 */
function percentOf(number: string, f: TargetField): string | null {
  const n = parseNumber(number);
  if (!n || (f.minimum ?? 0) < 0 || f.maximum === undefined) return null;
  if (f.maximum <= 1) return hundredth(n.canonical);
  if (f.maximum === 100) return n.canonical;
  return null;
}

/** The canonical decimal divided by 100 in the decimal digits, no float rounding: 0.5 → 0.005. */
export function hundredth(canonical: string): string {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(canonical);
  if (!m) return String(Number(canonical) / 100);
  const [, sign, int, frac = ''] = m;
  const shift = Math.max(0, 2 - int.length);
  const digits = '0'.repeat(shift) + int + frac;
  const point = int.length + shift - 2;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const part = digits.slice(point).replace(/0+$/, '');
  return `${sign === '-' ? '-' : ''}${whole}${part ? `.${part}` : ''}`;
}

export function coerceValue(v: string, f: TargetField): string {
  const s = v.trim();
  // Accounting exports write `-` for zero in amounts: 0, as `odw clean` (number-format) writes it.
  if ((f.type === 'number' || f.type === 'integer') && DASH_ZERO.test(compactAmount(s))) return '0';
  if (!s || PLACEHOLDER.test(s)) return '';
  if (f.pattern && PERIOD_FIELD.test(f.pattern)) return periodOf(s) ?? s;
  switch (f.type) {
    case 'number':
    case 'integer': {
      const amount = compactAmount(s);
      if (/%$/.test(amount)) return percentOf(amount.replace(/\s*%$/, ''), f) ?? s;
      const n = parseNumber(amount);
      return n ? n.canonical : s;
    }
    case 'date':
      return isoDateOf(s) ?? s;
    case 'year': {
      const m = /^(\d{4})(-\d{2}-\d{2})?$/.exec(s) ?? /^\d{1,2}\/\d{1,2}\/(\d{4})$/.exec(s);
      return m ? m[1] : s;
    }
    case 'boolean': {
      // Written the way the schema reads it (scdl/subventions: oui / non).
      const [yes, no] = [f.trueValues ?? ['true'], f.falseValues ?? ['false']];
      if (yes.includes(s) || no.includes(s)) return s;
      const k = s.toLowerCase();
      return TRUE.has(k) ? yes[0] : FALSE.has(k) ? no[0] : s;
    }
  }
  if (f.pattern && /^\^?\\d\{(9|14)\}\$?$/.test(f.pattern)) {
    const id = s.replace(/[\s.]/g, '');
    if (/^\d+$/.test(id)) return id;
  }
  return s;
}
