// `odw publish <datapackage.json | data file> --portal <base-url> [--type udata|ckan]
//   [--organization <id>] [--dry-run] [--format text|json] [--lang en|fr] [--allow-errors "<reason>"]`
// The editor's publication, headless, for a scheduled job: the key from ODW_API_KEY (never
// printed), the same gate, datasets created private, resumed from .opendata/project.json.
// Exit 0 = published (or dry run), 1 = refused or failed, 2 = usage or unreadable input.
import {
  createPortalClient,
  failureMessage,
  isPortalError,
  publish,
  redact,
  redactingLogger,
  type Linkage,
  type Logger,
  type PortalKind,
  type PublishPlan,
  type PublishResult,
} from '../core/portal';
import { describeGate, runHeadlessGate } from '../core/portal/headless-gate';
import { InputError, loadPublishInput, metadataOf } from '../core/portal/headless-input';
import { loadLinkage, recordDone, saveCheckpoint } from '../core/portal/linkage-store';
import { convertTsvToCsv } from '../core/portal/tsv-to-csv';
import { extensionOf } from '../core/portal/resource-type';
import type { Lang, Text } from '../core/model';
import { defaultLang, noValue, portalArg, UsageError, wordsFor, type Write } from './args';
import { failureText, requestsText, resultJson, resultText } from './publish-text';

export const USAGE: Text = {
  en: 'usage: odw publish <datapackage.json | data file> --portal <base-url> [--type udata|ckan] [--organization <id>] [--dry-run] [--format text|json] [--lang en|fr] [--allow-errors "<reason>"]',
  fr: 'usage : odw publish <datapackage.json | fichier de données> --portal <url-de-base> [--type udata|ckan] [--organization <id>] [--dry-run] [--format text|json] [--lang en|fr] [--allow-errors "<raison>"]',
};

interface Args {
  target: string;
  portal: string;
  type: PortalKind;
  organization?: string;
  dryRun: boolean;
  format: 'text' | 'json';
  lang: Lang;
  allowErrors?: string;
}

export function parsePublishArgs(argv: string[]): Args {
  const out: Partial<Args> & { dryRun: boolean; format: 'text' | 'json'; lang: Lang; type: PortalKind } = {
    dryRun: false,
    format: 'text',
    lang: defaultLang(),
    type: 'udata',
  };
  const positional: string[] = [];
  const w = wordsFor(argv, USAGE);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (noValue(v)) throw new UsageError(w.needsValue(a));
      return v;
    };
    if (a === '--portal') out.portal = value();
    else if (a === '--type') {
      const t = value();
      if (t !== 'udata' && t !== 'ckan') throw new UsageError(w.oneOf('--type', ['udata', 'ckan'], t));
      out.type = t;
    } else if (a === '--organization') out.organization = value();
    else if (a === '--dry-run') out.dryRun = true;
    else if (a === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(w.oneOf('--format', ['text', 'json'], f));
      out.format = f;
    } else if (a === '--lang') {
      const l = value();
      if (l !== 'en' && l !== 'fr') throw new UsageError(w.oneOf('--lang', ['en', 'fr'], l));
      out.lang = l;
    } else if (a === '--allow-errors') {
      const r = value().trim();
      if (!r) throw new UsageError(w.own('--allow-errors needs a reason', '--allow-errors attend une raison', true));
      out.allowErrors = r;
    } else if (a.startsWith('--')) throw new UsageError(w.unknownOption(a));
    else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError(positional.length ? w.oneFileOnly() : w.noFile());
  if (!out.portal) throw new UsageError(w.required('--portal'));
  return { ...out, target: positional[0], portal: portalArg(out.portal, out.lang) } as Args;
}

export async function publishCommand(argv: string[], out: Write, err: Write): Promise<number> {
  let args: Args;
  try {
    args = parsePublishArgs(argv);
  } catch (e) {
    err((e as Error).message);
    return 2;
  }
  const fr = args.lang === 'fr';
  const envKey = process.env.ODW_API_KEY?.trim();
  if (!envKey && !args.dryRun) {
    err(
      fr
        ? 'odw publish : la variable d’environnement ODW_API_KEY est vide : donnez-lui la clé d’API du portail.'
        : 'odw publish: ODW_API_KEY is not set: put the portal API key in this environment variable.',
    );
    return 2;
  }
  const apiKey = envKey || 'no-key-given-dry-run';
  const secrets = [apiKey];
  const say = (s: string) => err(redact(s, secrets));
  const odw = fr ? 'odw publish :' : 'odw publish:';
  // Request lines stay out of the job log; what happened and why does not, once (a TSV retry
  // with CSV copies checks the key again).
  const told = new Set<string>();
  const sink: Logger = {
    lang: args.lang,
    debug: () => undefined,
    info: (m) => (/^(<-|->) /.test(m) || told.has(m) ? undefined : (told.add(m), say(`  ${m}`))),
    warn: (m) => say(`  ${fr ? 'avertissement :' : 'warning:'} ${m}`),
    error: (m) => say(`  ${fr ? 'erreur :' : 'error:'} ${m}`),
  };
  const log = redactingLogger(sink, secrets);

  let input;
  try {
    input = loadPublishInput(args.target, args.lang);
  } catch (e) {
    if (e instanceof InputError) {
      say(`${odw} ${e.message}`);
      return 2;
    }
    throw e;
  }

  // The same gate as the editor.
  const gate = await runHeadlessGate(input.files, args.lang);
  if (gate.unreadable.length) {
    for (const u of gate.unreadable) say(`${odw} ${u.path}${fr ? ' :' : ':'} ${u.message}`);
    return 2;
  }
  if (gate.personal.length) {
    say(
      fr
        ? `odw publish : publication bloquée : données personnelles trouvées (RGPD), rien n’a été envoyé.\n${describeGate(gate.personal, 'fr')}`
        : `odw publish: publication blocked: personal data found (GDPR); nothing was sent.\n${describeGate(gate.personal, 'en')}`,
    );
    return 1;
  }
  if (gate.errors.length) {
    if (!args.allowErrors) {
      say(
        fr
          ? `odw publish : les fichiers ont des erreurs ; corrigez-les (odw clean) ou passez --allow-errors "<raison>". Rien n’a été envoyé.\n${describeGate(gate.errors, 'fr')}`
          : `odw publish: the files have lint errors; fix them (odw clean) or pass --allow-errors "<reason>". Nothing was sent.\n${describeGate(gate.errors, 'en')}`,
      );
      return 1;
    }
    const errors = describeGate(gate.errors, args.lang).split('\n').join('; ');
    log.warn(
      fr
        ? `publication malgré les erreurs (${errors}) ; raison : ${args.allowErrors}`
        : `publishing despite lint errors (${errors}); reason: ${args.allowErrors}`,
    );
  }

  const profile = { kind: args.type, baseUrl: args.portal, apiKey, name: args.portal };
  try {
    const client = createPortalClient(profile, { logger: log, dryRun: args.dryRun });
    let meta = metadataOf(input.meta, args.type, args.organization);
    if (!meta.organization && !args.dryRun) {
      const me = await client.whoami().catch((e) => {
        if (isPortalError(e)) e.step ??= 'check-key';
        throw e;
      });
      if (me.organizations.length === 1) meta = { ...meta, organization: me.organizations[0].id };
    }
    // udata's DatasetForm requires a description: say so before anything is sent.
    if (!meta.description.trim()) {
      if (args.type === 'udata') {
        say(
          fr
            ? 'odw publish : le jeu de données n’a pas de description : ajoutez-la dans datapackage.json (datasets[].description, plus de 100 caractères pour le point qualité). Rien n’a été envoyé.'
            : 'odw publish: the dataset has no description: add one in datapackage.json (datasets[].description, more than 100 characters for the quality point). Nothing was sent.',
        );
        return 1;
      }
      log.warn(
        fr ? 'le jeu de données n’a pas de description dans datapackage.json' : 'the dataset has no description in datapackage.json',
      );
    }
    let files = input.files.map((f) => ({
      ...f,
      schema: gate.schemas[f.path] && (!f.schema || f.schema.name === gate.schemas[f.path].name) ? gate.schemas[f.path] : f.schema,
    }));
    const linkage: Linkage = await loadLinkage(input.root, input.name, args.portal);
    const save = (l: Linkage) => saveCheckpoint(input.root, input.name, args.portal, l);
    const run = (fs: typeof files): Promise<PublishResult> => {
      // A new dataset is created private and stays so; an update keeps the visibility it has.
      const plan: PublishPlan = { profile, dataset: { ...meta, private: true }, files: fs, linkage, keepRemoteVisibility: true };
      return publish(plan, createPortalClient(profile, { logger: log, dryRun: args.dryRun }), { logger: log, onCheckpoint: save });
    };
    let result: PublishResult;
    try {
      result = await run(files);
    } catch (e) {
      // Nothing was written yet (the file types are checked first): publish CSV copies instead.
      if (!isPortalError(e, 'extension-not-allowed') || !files.some((f) => extensionOf(f.path) === 'tsv')) throw e;
      files = files.map((f) => (extensionOf(f.path) === 'tsv' ? { ...f, path: convertTsvToCsv(f.path, input.root), format: 'csv' } : f));
      log.warn(
        fr
          ? 'le portail n’accepte pas le .tsv : publication de copies CSV écrites dans .opendata/converted/ (vos fichiers ne changent pas)'
          : 'the portal does not accept .tsv: publishing CSV copies written to .opendata/converted/ (your files are unchanged)',
      );
      result = await run(files);
    }
    if (args.dryRun) {
      out(
        args.format === 'json'
          ? JSON.stringify({ dryRun: true, requests: result.requests ?? [] }, null, 2)
          : requestsText(result.requests ?? [], args.lang),
      );
      return 0;
    }
    const url = result.datasetUrl ?? `${args.portal}/datasets/${result.datasetId}/`;
    await recordDone(input.root, input.name, {
      portal: args.portal,
      datasetId: result.datasetId,
      url,
      marker: result.linkage.marker,
      resources: result.linkage.resources,
    });
    out(
      args.format === 'json'
        ? resultJson({ ...result, datasetUrl: url })
        : resultText({ ...result, datasetUrl: url }, args.lang, result.private !== false),
    );
    return 0;
  } catch (e) {
    if (isPortalError(e)) {
      say(failureText(e, args.lang, input.name, (s) => redact(s, secrets)));
      return 1;
    }
    say(`${odw} ${failureMessage(e, args.lang)}`);
    return 1;
  }
}
