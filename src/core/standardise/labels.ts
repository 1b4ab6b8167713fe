// Header normalisation for matching export labels to schema fields: camelCase and snake_case
// split into words, accents, case, punctuation, `*` marks and French stop words dropped, plurals
// folded, so that "Montant  total de la subvention*", "montantTotal" and "SUB_MONTANT" compare.
const STOP = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'a',
  'au',
  'aux',
  'en',
  'et',
  'ou',
  'par',
  'pour',
  'sur',
  'the',
  'of',
  'un',
  'une',
]);

/** Words of a label, normalised (`Identification de l’attributaire (SIRET)` → identification attributaire siret). */
export function labelWords(label: string): string[] {
  const spaced = label
    .replace(/([a-z\u00e0-\u00ff])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
  return spaced
    .split(' ')
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w));
}

const GENERIC = new Set(['subvention', 'aide', 'donnee', 'code', 'libelle', 'numero', 'date', 'nom']);

/** One word starts the other and is most of it ("associatio" ~ "association", not "budget" ~ "budgetaire"). */
const prefixOf = (a: string, b: string) => {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= 5 && s.length >= 0.7 * l.length && l.startsWith(s);
};

/** One string per label: equal keys = the same label for a person. */
export function labelKey(label: string): string {
  return labelWords(label).join(' ');
}

/** Label as written in the file, trimmed (what `odw map` reports as the source). */
export function cleanLabel(label: string): string {
  return label.replace(/^\uFEFF/, '').trim();
}

/**
 * How much two labels' words overlap, 0..1: shared words over the longer label's words. Words
 * that start the same for 5 letters count as shared ("benef" ~ "beneficiaire").
 */
export function wordOverlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let shared = 0;
  let generic = 0;
  const used = new Set<number>();
  for (const w of a) {
    const i = b.findIndex((v, k) => !used.has(k) && (v === w || prefixOf(v, w)));
    if (i >= 0) {
      used.add(i);
      shared++;
      if (GENERIC.has(w)) generic++;
    }
  }
  // Sharing only "subvention" says nothing: every column of a subsidies file is about one.
  return shared === generic ? 0 : shared / Math.max(a.length, b.length);
}
