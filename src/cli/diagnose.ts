// `odw diagnose --portal <base-url> [--type udata|ckan] --organization <id> [--format text|json]`:
// what an organisation has published, flagged, and its Socle coverage. Read-only; ODW_API_KEY
// only widens the listing to private datasets. Exit 0 when the portal answered, 1 when it
// failed (the last known inventory is printed if there is one), 2 on usage errors.
import { defaultLang, noValue, portalArg, UsageError, wordsFor, type Write } from './args';
import type { Lang, Text } from '../core/model';
import { langOf } from '../core/usage-words';
import { checkColumns, defaultCacheDir, diagnose, inventoryJson, socleTitle, type OrgInventory } from '../core/diagnose';
import { flagDetail, flagsOf, frequencyWord, FLAG_LABELS } from '../core/diagnose/messages';

interface Args {
  portal: string;
  type: 'udata' | 'ckan';
  organization: string;
  format: 'text' | 'json';
  lang: Lang;
  timeoutMs?: number;
  checkColumns: boolean;
}

const USAGE: Text = {
  en: 'odw diagnose --portal <base-url> [--type udata|ckan] --organization <id> [--format text|json] [--lang en|fr] [--timeout <seconds>] [--check-columns]',
  fr: 'odw diagnose --portal <url-de-base> [--type udata|ckan] --organization <id> [--format text|json] [--lang en|fr] [--timeout <secondes>] [--check-columns]',
};

function parse(argv: string[]): Args {
  const a: Partial<Args> = { format: 'text', lang: defaultLang(), checkColumns: false };
  const w = wordsFor(argv);
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const value = () => {
      const v = argv[++i];
      if (noValue(v)) throw new UsageError(w.needsValue(k));
      return v;
    };
    if (k === '--portal') a.portal = value();
    else if (k === '--organization' || k === '--organisation') a.organization = value();
    else if (k === '--type') {
      const v = value();
      if (v !== 'udata' && v !== 'ckan') throw new UsageError(w.oneOf('--type', ['udata', 'ckan'], v));
      a.type = v;
    } else if (k === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(w.oneOf('--format', ['text', 'json'], v));
      a.format = v;
    } else if (k === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'fr') throw new UsageError(w.oneOf('--lang', ['en', 'fr'], v));
      a.lang = v;
    } else if (k === '--timeout') {
      const s = Number(value());
      if (!(s > 0))
        throw new UsageError(
          w.own('--timeout must be a number of seconds above 0', '--timeout attend un nombre de secondes supérieur à 0'),
        );
      a.timeoutMs = s * 1000;
    } else if (k === '--check-columns') a.checkColumns = true;
    else throw new UsageError(w.unknownOption(k));
  }
  if (!a.portal) throw new UsageError(w.required('--portal'));
  if (!a.organization) throw new UsageError(w.required('--organization'));
  a.portal = portalArg(a.portal, a.lang!);
  // A CKAN API path says which portal it is; data.gouv.fr and other udata sites are the default.
  a.type ??= /\/api\/3(\/action)?\/?$/.test(a.portal) ? 'ckan' : 'udata';
  return a as Args;
}

function text(inv: OrgInventory, lang: Lang, out: Write): void {
  const fr = lang === 'fr';
  out(`${fr ? 'Organisation :' : 'Organisation:'} ${inv.organization.name} (${inv.organization.id}) — ${inv.portal.url}`);
  out(fr ? `${inv.datasets.length} jeux de données publiés` : `${inv.datasets.length} published datasets`);
  for (const d of inv.datasets) {
    const flags = flagsOf(d);
    const facts = [
      d.lastUpdate?.slice(0, 10) ?? '—',
      d.frequency ? frequencyWord(d.frequency, lang) : fr ? 'fréquence ?' : 'frequency ?',
      d.formats.join('/') || '—',
      d.schema ?? (fr ? 'sans schéma' : 'no schema'),
      d.quality === null ? '' : `${fr ? 'qualité' : 'quality'} ${Math.round(d.quality * 9)}/9`,
    ].filter(Boolean);
    out(`- ${d.title}  [${facts.join(' · ')}]${flags.length ? '  ⚑ ' + flags.map((f) => FLAG_LABELS[f][lang]).join(', ') : ''}`);
    out(`  ${d.url}`);
    for (const f of flags) if (f !== 'private') out(`  · ${flagDetail(d, f, lang)}`);
  }
  out('');
  const socle = `${inv.socle.published.length}/${inv.socle.published.length + inv.socle.missing.length}`;
  out(fr ? `Socle Commun des Données Locales : ${socle}` : `Socle Commun des Données Locales: ${socle}`);
  for (const n of inv.socle.published) out(`  ✓ ${n} — ${socleTitle(n) ?? ''}`);
  for (const n of inv.socle.missing) out(`  ✗ ${n} — ${socleTitle(n) ?? ''}`);
}

export async function diagnoseCommand(argv: string[], out: Write, err: Write): Promise<number> {
  let a: Args;
  try {
    a = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(
      langOf(argv, defaultLang()) === 'fr'
        ? `odw diagnose : ${e.message}\nusage : ${USAGE.fr}`
        : `odw diagnose: ${e.message}\nusage: ${USAGE.en}`,
    );
    return 2;
  }
  const apiKey = process.env.ODW_API_KEY?.trim() || undefined;
  const outcome = await diagnose(
    { kind: a.type, baseUrl: a.portal, organization: a.organization, apiKey, timeoutMs: a.timeoutMs },
    defaultCacheDir(),
  );
  if (outcome.error) {
    const when = outcome.inventory ? outcome.inventory.fetchedAt.slice(0, 16).replace('T', ' ') : '';
    err(`odw diagnose${a.lang === 'fr' ? ' :' : ':'} ${outcome.error[a.lang]}`);
    if (outcome.inventory)
      err(a.lang === 'fr' ? `Dernier inventaire connu (${when} UTC) affiché.` : `Showing the last known inventory (${when} UTC).`);
  }
  const inv = outcome.inventory;
  // JSON has no field for a suggested schema: the heads are only downloaded for the text report.
  if (inv && a.checkColumns && a.format === 'text' && outcome.source === 'portal')
    await checkColumns(inv.datasets, { timeoutMs: a.timeoutMs });
  if (inv) {
    if (a.format === 'json') out(JSON.stringify(inventoryJson(inv), null, 2));
    else text(inv, a.lang, out);
  }
  return outcome.error ? 1 : 0;
}
