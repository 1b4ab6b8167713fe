// The OpenStreetMap `opening_hours` syntax (wiki "Key:opening_hours/specification"), as a
// grammar of selectors per rule: years, months and dates, weeks, weekdays and holidays, times,
// then a state and a comment. Rules are separated by `;`, `||` or a `,` before a new selector.
// It checks syntax and ranges (hours up to 48, minutes < 60), not meaning.
const WD = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const YEAR = '(?:\\d{4}(?:-\\d{4})?(?:/\\d+)?\\+?)';
const YEARS = `${YEAR}(?:,${YEAR})*`;
const DATE = `(?:(?:\\d{4} )?${MONTH}(?: \\d{1,2})?|(?:\\d{4} )?easter)(?: [+-]\\d+ days?)?`;
const MDR = `${DATE}(?:-(?:${DATE}|\\d{1,2}))?\\+?`;
const MONTHDAYS = `${MDR}(?:, ?${MDR})*`;
const WEEKNUM = '\\d{1,2}(?:-\\d{1,2})?(?:/\\d+)?';
const WEEKS = `week ${WEEKNUM}(?:,${WEEKNUM})*`;
const NTH = '\\[(?:-?[1-5])(?:-[1-5])?(?:,-?[1-5](?:-[1-5])?)*\\](?: [+-]\\d+ days?)?';
const WDR = `${WD}(?:-${WD})?(?:${NTH})?`;
const HOL = '(?:PH|SH)(?: [+-]\\d+ days?)?';
const WEEKDAYS = `(?:${HOL} )?(?:${WDR}|${HOL})(?:, ?(?:${WDR}|${HOL}))*`;
const EVENT = '(?:sunrise|sunset|dawn|dusk)';
const TIME = `(?:\\d{1,2}:\\d{2}|${EVENT}|\\(${EVENT}[+-]\\d{1,2}:\\d{2}\\))`;
const SPAN = `${TIME}(?:-${TIME}(?:/(?:\\d{1,2}:\\d{2}|\\d+))?\\+?|\\+)?`;
const TIMES = `${SPAN}(?:, ?${SPAN})*`;
const STATE = '(?:open|closed|off|unknown)';
const COMMENT = '"[^"]*"';
const SELECTORS = `(?:${YEARS} )?(?:${MONTHDAYS}:? )?(?:${WEEKS}:? )?(?:${WEEKDAYS}:? )?(?:${TIMES} )?`;
const RULE = new RegExp(`^(?:24/7 |${SELECTORS})(?:${STATE} )?(?:${COMMENT} )?$`);

/** Splits into rules at `;`, `||` and a `,` that starts a new selector (not a time or day list item). */
function rules(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === ';' || (c === '|' && value[i + 1] === '|'))) {
      out.push(cur);
      cur = '';
      if (c === '|') i++;
      continue;
    }
    if (
      !quoted &&
      c === ',' &&
      /^ +(?:\d{4} |[A-Z][a-z] |(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|PH|SH|week)\b)/.test(value.slice(i + 1))
    ) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

const timesValid = (rule: string) => [...rule.matchAll(/(\d{1,2}):(\d{2})/g)].every((m) => Number(m[1]) <= 48 && Number(m[2]) < 60);

/** Null when the value is valid; else the first rule that is not. */
export function openingHoursError(value: string): string | null {
  const v = value.trim();
  if (!v) return v;
  const list = rules(v);
  for (let i = 0; i < list.length; i++) {
    const r = list[i].trim().replace(/\s+/g, ' ');
    // A trailing separator is tolerated only at the very end (`Mo-Fr 09:00-18:00;`).
    if (!r && i === list.length - 1 && i > 0) continue;
    if (!r || !RULE.test(r + ' ') || !timesValid(r)) return r || list[i];
  }
  return null;
}
