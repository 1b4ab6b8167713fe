// `odw convert <act.xml> --out <budget.csv> [--plans <dir>] [--compat yatotem2scdl] [--lang en|fr]`
// Exit 0 converted (warnings on stderr), 1 not a budget act / cannot convert, 2 usage.
// ODW_PLANS_URL overrides the official plans source (tests), ODW_PLANS_CACHE the cache folder;
// ODW_OFFLINE=1 never downloads.
import { existsSync, statSync } from 'node:fs';
import type { Lang, Text } from '../model';
import { BudgetRefusal, convertActToFile } from './convert';
import { langOf, noValue, usageWords } from '../usage-words';
import { outputProblem, sameFile } from '../write/output';
import { locatedLine } from '../severity-words';

export const CONVERT_USAGE: Text = {
  en: 'usage: odw convert <act.xml> --out <budget.csv> [--plans <dir>] [--compat yatotem2scdl] [--lang en|fr]',
  fr: 'usage : odw convert <acte.xml> --out <budget.csv> [--plans <dossier>] [--compat yatotem2scdl] [--lang en|fr]',
};

interface Args {
  file: string;
  out: string;
  plans: string[];
  compat: boolean;
  lang: Lang;
}

function parse(argv: string[], lang0: Lang): Args | string {
  const a: Partial<Args> & { plans: string[] } = { plans: [], compat: false, lang: lang0 };
  const files: string[] = [];
  const lang = langOf(argv, lang0);
  const w = usageWords(lang, CONVERT_USAGE);
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (!x.startsWith('--')) {
      files.push(x);
      continue;
    }
    if (!['--out', '--plans', '--compat', '--lang'].includes(x)) return w.unknownOption(x);
    const v = argv[++i];
    if (noValue(v)) return w.needsValue(x);
    if (x === '--out') a.out = v;
    else if (x === '--plans') a.plans.push(v);
    else if (x === '--compat') {
      if (v !== 'yatotem2scdl') return w.oneOf('--compat', ['yatotem2scdl'], v);
      a.compat = true;
    } else {
      if (v !== 'en' && v !== 'fr') return w.oneOf('--lang', ['en', 'fr'], v);
      a.lang = v;
    }
  }
  if (files.length !== 1)
    return files.length ? w.own('one act at a time', 'un seul acte à la fois', true) : w.own('no act given', 'aucun acte donné', true);
  if (!a.out) return w.required('--out');
  if (sameFile(a.out, files[0])) return w.overwrite();
  for (const d of a.plans)
    if (!existsSync(d) || !statSync(d).isDirectory()) return w.own(`--plans ${d}: not a folder`, `--plans ${d} : ce n’est pas un dossier`);
  return { file: files[0], out: a.out, plans: a.plans, compat: !!a.compat, lang: a.lang! };
}

export async function convertCommand(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang0: Lang = 'en',
): Promise<number> {
  const a = parse(argv, lang0);
  if (typeof a === 'string') {
    err(a);
    return 2;
  }
  if (!existsSync(a.file) || !statSync(a.file).isFile()) {
    err(a.lang === 'fr' ? `${a.file} : fichier introuvable` : `${a.file}: no such file`);
    return 2;
  }
  const unwritable = outputProblem(a.out, a.lang);
  if (unwritable) {
    err(unwritable);
    return 2;
  }
  try {
    const r = await convertActToFile(a.file, a.out, {
      mode: a.compat ? 'compat' : 'default',
      lang: a.lang,
      plansDirs: a.plans,
      cacheDir: process.env.ODW_PLANS_CACHE || undefined,
      baseUrl: process.env.ODW_OFFLINE === '1' ? null : process.env.ODW_PLANS_URL || undefined,
    });
    for (const p of r.problems) err(locatedLine(a.file, '', p.severity, p.message, a.lang));
    const fr = a.lang === 'fr';
    out(
      fr
        ? `${a.out} : ${r.rows} ${r.rows > 1 ? 'lignes' : 'ligne'} (${r.subtotals} sous-totaux calculés ignorés)`
        : `${a.out}: ${r.rows} rows (${r.subtotals} calculated subtotals left out)`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BudgetRefusal) {
      err(locatedLine(a.file, '', 'error', e.message, a.lang));
      return 1;
    }
    err(locatedLine(a.file, '', 'error', (e as Error).message, a.lang));
    return 1;
  }
}
