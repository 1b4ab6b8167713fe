// Value maps for enumerations: each distinct source value is matched to one of the schema's
// values, first by normalised text ("Aide en numéraire" = "aide en numéraire"), then by the
// words they share or the closest spelling ("Numéraire" → "aide en numéraire").
import { labelWords } from './labels';

/** The key a value map is indexed by: case, accents, spaces and punctuation folded. */
export function valueKey(v: string): string {
  const k = labelWords(v).join(' ');
  if (k) return k;
  // A code that is a stop word ("D" for dépense, "A"): kept, folded like the rest.
  return v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Levenshtein distance: the edits (insert, delete, replace one character) from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/** `compte administratif` → `ca`, `investissement` → `i`: how codes abbreviate the values. */
const initials = (key: string) =>
  key
    .split(' ')
    .map((w) => w[0])
    .join('');

/** The schema value a source value stands for, with a score 0..1, or null. */
export function matchEnum(
  value: string,
  choices: readonly string[],
  synonyms?: ReadonlyMap<string, string>,
): { value: string; score: number } | null {
  const k = valueKey(value);
  if (!k) return null;
  const known = synonyms?.get(k);
  if (known !== undefined && choices.includes(known)) return { value: known, score: 1 };
  let best: { value: string; score: number } | null = null;
  for (const c of choices) {
    const ck = valueKey(c);
    let score = 0;
    if (ck === k) score = 1;
    else if (k.length <= 4 && !k.includes(' ') && initials(ck) === k) score = 0.8;
    else {
      const kw = k.split(' ');
      const cw = ck.split(' ');
      // Every word of the value is a word of the choice (Numéraire ⊂ aide en numéraire), or the reverse.
      const inC = kw.filter((w) => cw.includes(w)).length;
      if (inC === kw.length || inC === cw.length) score = 0.6 + 0.3 * (inC / Math.max(kw.length, cw.length));
      const dist = editDistance(k, ck);
      score = Math.max(score, 1 - dist / Math.max(k.length, ck.length) - 0.15);
    }
    if (score > (best?.score ?? 0)) best = { value: c, score };
  }
  return best && best.score >= 0.6 ? best : null;
}

/** A proposed value map of a column's distinct values, and the share of values it maps. */
export function proposeValueMap(
  values: readonly string[],
  choices: readonly string[],
  synonyms?: ReadonlyMap<string, string>,
): { values: Record<string, string>; mapped: number; exact: boolean } {
  const map: Record<string, string> = {};
  let mapped = 0;
  let exact = true;
  for (const v of values) {
    const m = matchEnum(v, choices, synonyms);
    if (!m) continue;
    mapped++;
    if (v.trim() !== m.value) exact = false;
    map[valueKey(v)] = m.value;
  }
  return { values: map, mapped: values.length ? mapped / values.length : 0, exact };
}
