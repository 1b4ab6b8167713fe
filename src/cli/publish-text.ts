// What `odw publish` prints: the result (text or the JSON contract), the dry run's requests,
// and on failure which step failed, what the portal said and what to do, in English or French.
import type { Lang } from '../core/model';
import type { PortalError, PublishResult, PublishStep, RequestSummary } from '../core/portal';

const STEPS: Record<PublishStep, { en: string; fr: string }> = {
  'check-key': { en: 'checking the API key and its right to publish', fr: 'vérification de la clé d’API et de son droit de publier' },
  'check-files': { en: 'checking the files against the portal', fr: 'vérification des fichiers auprès du portail' },
  'check-metadata': { en: 'checking the metadata against the portal', fr: 'vérification des métadonnées auprès du portail' },
  'find-dataset': { en: 'looking for the dataset of an interrupted run', fr: 'recherche du jeu de données d’une exécution interrompue' },
  'create-dataset': { en: 'creating the dataset', fr: 'création du jeu de données' },
  'get-dataset': { en: 'reading the linked dataset', fr: 'lecture du jeu de données lié' },
  'upload-resource': { en: 'uploading a file', fr: 'envoi d’un fichier' },
  'replace-resource': { en: 'replacing a file', fr: 'remplacement d’un fichier' },
  'declare-resource': { en: 'describing a file (title, type, schema)', fr: 'description d’un fichier (titre, type, schéma)' },
  'update-dataset': { en: 'writing the dataset metadata', fr: 'écriture des métadonnées du jeu de données' },
};

const RESUMABLE = {
  en: 'Run the same command again later: it resumes without creating anything twice.',
  fr: 'Relancez la même commande plus tard : elle reprend sans rien créer deux fois.',
};

function hint(e: PortalError, dataset: string): { en: string; fr: string } | undefined {
  switch (e.kind) {
    case 'unauthorized':
      return {
        en: 'Set ODW_API_KEY to a valid API key (create one in your profile on the portal).',
        fr: 'Donnez à ODW_API_KEY une clé d’API valide (créez-la dans votre profil sur le portail).',
      };
    case 'not-org-member':
    case 'no-publish-right':
    case 'forbidden':
      return {
        en: 'Check --organization, or ask an administrator of the organisation to give your account the editor role.',
        fr: 'Vérifiez --organization, ou demandez à un administrateur de l’organisation de donner le rôle d’éditeur à votre compte.',
      };
    case 'timeout':
    case 'network':
    case 'server':
    case 'rate-limited':
    case 'locked':
    case 'cancelled':
      return RESUMABLE;
    case 'linked-dataset-gone':
      return {
        en: `Restore the dataset on the portal, or remove datasets.${dataset}.publication from .opendata/project.json to publish a new dataset.`,
        fr: `Restaurez le jeu de données sur le portail, ou retirez datasets.${dataset}.publication de .opendata/project.json pour publier un nouveau jeu de données.`,
      };
    case 'linkage-mismatch':
      return {
        en: `Check datasets.${dataset} in .opendata/project.json: its datasetId must be the dataset this project published.`,
        fr: `Vérifiez datasets.${dataset} dans .opendata/project.json : son datasetId doit être celui du jeu de données publié par ce projet.`,
      };
    case 'bad-request':
    case 'bad-spatial':
      return {
        en: 'Fix the metadata in datapackage.json and run the command again.',
        fr: 'Corrigez les métadonnées dans datapackage.json puis relancez la commande.',
      };
    default:
      return undefined;
  }
}

export function failureText(e: PortalError, lang: Lang, dataset: string, secretsRedact: (s: string) => string): string {
  const step = e.step ? STEPS[e.step][lang] : undefined;
  const fields = Object.entries(e.fieldErrors ?? {}).map(([k, v]) => `${k}: ${v.join(' ')}`);
  const head =
    lang === 'fr' ? `odw publish : échec${step ? ` pendant : ${step}` : ''}` : `odw publish: failed${step ? ` while ${step}` : ''}`;
  const what = [e.messages[lang], ...fields.filter((f) => !e.messages.en.includes(f))].join(' — ');
  const h = hint(e, dataset);
  return secretsRedact([`${head}`, `  ${what}`, ...(h ? [`  ${h[lang]}`] : [])].join('\n'));
}

export function resultJson(r: PublishResult): string {
  return JSON.stringify(
    {
      dataset: { id: r.datasetId, url: r.datasetUrl ?? null },
      resources: r.resources.map((x) => ({ id: x.resourceId, title: x.title ?? null, url: x.url ?? null })),
    },
    null,
    2,
  );
}

export function resultText(r: PublishResult, lang: Lang, isPrivate: boolean): string {
  const vis = isPrivate ? (lang === 'fr' ? 'privé' : 'private') : lang === 'fr' ? 'public' : 'public';
  const lines = [
    lang === 'fr'
      ? `Publié : ${r.datasetUrl ?? r.datasetId} (jeu de données ${r.datasetId}, ${vis})`
      : `Published: ${r.datasetUrl ?? r.datasetId} (dataset ${r.datasetId}, ${vis})`,
  ];
  for (const x of r.resources) lines.push(`  ${x.title ?? x.path}${lang === 'fr' ? ' :' : ':'} ${x.url ?? x.resourceId}`);
  return lines.join('\n');
}

export function requestsText(reqs: RequestSummary[], lang: Lang): string {
  const lines = [
    lang === 'fr'
      ? `Simulation : ${reqs.length} requête(s) seraient envoyées, aucune ne l’a été.`
      : `Dry run: ${reqs.length} request(s) would be sent; none was.`,
  ];
  for (const q of reqs) {
    lines.push(`${q.method} ${q.url}`);
    if (q.json !== undefined) lines.push(`  ${JSON.stringify(q.json)}`);
    if (q.multipart) {
      const f = q.multipart.file;
      const fields = Object.keys(q.multipart.fields).length ? ` ${JSON.stringify(q.multipart.fields)}` : '';
      lines.push(
        lang === 'fr'
          ? `  fichier ${f.filename} (${f.size} octets, ${f.contentType})${fields}`
          : `  file ${f.filename} (${f.size} bytes, ${f.contentType})${fields}`,
      );
    }
  }
  return lines.join('\n');
}
