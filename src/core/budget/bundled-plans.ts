// The bundled plans de comptes read synchronously, for checks that run inside the lint pass
// (code-leading-zero): which plans a CSV of a given year may follow, each parsed once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanSync, type Plan } from './plan';
import { bundledPlansDir } from './plans';

export interface BundledPlan {
  /** The folder's year. */
  year: number;
  norme: string;
  declinaison: string;
  plan: Plan;
}

let index: { year: number; norme: string; declinaison: string; file: string }[] | null = null;
const parsed = new Map<string, Plan>();

function listBundled() {
  if (index) return index;
  index = [];
  const root = bundledPlansDir();
  if (!root) return index;
  for (const y of readdirSync(root).filter((d) => /^\d{4}$/.test(d)))
    for (const n of readdirSync(join(root, y)))
      for (const d of readdirSync(join(root, y, n)))
        index.push({ year: Number(y), norme: n, declinaison: d, file: join(root, y, n, d, 'planDeCompte.xml.gz') });
  return index;
}

/** The plans of `year` (or, per norm and declinaison, of the nearest year bundled). */
export function bundledPlansFor(year: number | null): BundledPlan[] {
  const best = new Map<string, (typeof index & object)[number]>();
  for (const e of listBundled()) {
    const k = `${e.norme}/${e.declinaison}`;
    const cur = best.get(k);
    const dist = (x: number) => (year === null ? -x : Math.abs(x - year));
    if (!cur || dist(e.year) < dist(cur.year) || (dist(e.year) === dist(cur.year) && e.year > cur.year)) best.set(k, e);
  }
  const out: BundledPlan[] = [];
  for (const e of best.values()) {
    let plan = parsed.get(e.file);
    if (!plan) {
      try {
        plan = parsePlanSync(readFileSync(e.file));
      } catch {
        continue;
      }
      parsed.set(e.file, plan);
    }
    out.push({ year: e.year, norme: e.norme, declinaison: e.declinaison, plan });
  }
  // Exact years first, so a message names the plan of the file's year when there is one.
  return out.sort((a, b) => (year === null ? 0 : Math.abs(a.year - year) - Math.abs(b.year - year)));
}
