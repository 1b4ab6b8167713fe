// One typed error for everything that can go wrong while publishing, so the UI can switch on
// `kind` (offer relink, ask for a new key, retry later…) and show `messages.fr` or `.en`.
import { libraryReason } from '../library-words';
import type { Lang } from '../model';
import type { Bilingual, PublishStep } from './types';

export type PortalErrorKind =
  | 'bad-request' // 400, see fieldErrors
  | 'unauthorized' // 401: bad, expired or revoked key
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'gone' // 410
  | 'too-large' // 413
  | 'unsupported-media' // 415
  | 'locked' // 423: portal in read-only mode
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'http' // any other non-2xx status
  | 'timeout'
  | 'network'
  | 'cancelled'
  | 'unsafe-url' // not HTTPS and not loopback
  | 'linked-dataset-gone' // the dataset of the saved linkage was deleted (404/410)
  | 'not-org-member' // the plan's organization is not one of the key owner's
  | 'no-publish-right' // a member whose role cannot create datasets (udata partial_editor)
  | 'extension-not-allowed' // a file type the portal's upload allow-list refuses
  | 'bad-spatial' // a zone id or granularity the portal does not know
  | 'linkage-mismatch' // the project file points at a dataset that does not carry our marker
  | 'protocol' // 2xx with an unexpected body
  | 'file'; // local file unreadable

export interface PortalErrorInit {
  kind: PortalErrorKind;
  messages: Bilingual;
  status?: number;
  fieldErrors?: Record<string, string[]>;
  retryAfterMs?: number;
  step?: PublishStep;
  cause?: unknown;
}

export class PortalError extends Error {
  readonly kind: PortalErrorKind;
  readonly messages: Bilingual;
  readonly status?: number;
  /** 400 only: field -> messages, as returned by the portal. */
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterMs?: number;
  /** Which publish step failed; set by the orchestrator. */
  step?: PublishStep;

  constructor(init: PortalErrorInit) {
    super(init.messages.en, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PortalError';
    this.kind = init.kind;
    this.messages = init.messages;
    this.status = init.status;
    this.fieldErrors = init.fieldErrors;
    this.retryAfterMs = init.retryAfterMs;
    this.step = init.step;
  }
}

export function isPortalError(e: unknown, kind?: PortalErrorKind): e is PortalError {
  return e instanceof PortalError && (kind === undefined || e.kind === kind);
}

/** Base sentences per kind; `detail` (the portal's own message, already redacted) is appended. */
const BASE: Record<PortalErrorKind, Bilingual> = {
  'bad-request': { en: 'The portal rejected the request', fr: 'Le portail a refusé la requête' },
  unauthorized: {
    en: 'The API key is invalid, expired or revoked. Create a new key in your portal profile',
    fr: 'La clé d’API est invalide, expirée ou révoquée. Créez une nouvelle clé dans votre profil sur le portail',
  },
  forbidden: {
    en: 'You do not have the permission to modify this object with this API key',
    fr: 'Vous n’avez pas le droit de modifier cet objet avec cette clé d’API',
  },
  'not-found': { en: 'Not found on the portal', fr: 'Introuvable sur le portail' },
  gone: { en: 'This object was deleted on the portal', fr: 'Cet objet a été supprimé sur le portail' },
  'too-large': { en: 'The file is too large for the portal', fr: 'Le fichier est trop volumineux pour le portail' },
  'unsupported-media': {
    en: 'The portal refused the file type (an HTML page instead of data?)',
    fr: 'Le portail a refusé le type de fichier (une page HTML au lieu de données ?)',
  },
  locked: {
    en: 'The portal is in read-only mode; try again later',
    fr: 'Le portail est en lecture seule ; réessayez plus tard',
  },
  'rate-limited': {
    en: 'Too many requests: the portal asks to slow down',
    fr: 'Trop de requêtes : le portail demande de ralentir',
  },
  server: { en: 'The portal had an internal error', fr: 'Le portail a rencontré une erreur interne' },
  http: { en: 'Unexpected answer from the portal', fr: 'Réponse inattendue du portail' },
  timeout: { en: 'The portal did not answer in time', fr: 'Le portail n’a pas répondu à temps' },
  network: {
    en: 'Network error: the portal could not be reached or the connection was cut',
    fr: 'Erreur réseau : le portail est injoignable ou la connexion a été coupée',
  },
  cancelled: { en: 'Publication cancelled', fr: 'Publication annulée' },
  'unsafe-url': {
    en: 'Refused: the portal address must use HTTPS (plain HTTP is only allowed on this computer, for tests)',
    fr: 'Refusé : l’adresse du portail doit être en HTTPS (HTTP n’est autorisé que sur cet ordinateur, pour les tests)',
  },
  'linked-dataset-gone': {
    en: 'The dataset linked to these files no longer exists on the portal. Relink to another dataset or create a new one',
    fr: 'Le jeu de données lié à ces fichiers n’existe plus sur le portail. Liez-les à un autre jeu de données ou créez-en un nouveau',
  },
  'not-org-member': {
    en: 'The owner of this API key is not a member of the chosen organization',
    fr: 'Le titulaire de cette clé d’API n’est pas membre de l’organisation choisie',
  },
  'no-publish-right': {
    en: 'This API key cannot publish for the chosen organization (its role there does not allow creating datasets); ask an administrator of the organization to make you an editor',
    fr: 'Cette clé d’API ne peut pas publier pour l’organisation choisie (son rôle ne permet pas de créer des jeux de données) ; demandez à un administrateur de l’organisation de vous nommer éditeur',
  },
  'extension-not-allowed': {
    en: 'The portal does not accept this file type; nothing was created. Convert the file (e.g. TSV to CSV) or leave it out',
    fr: 'Le portail n’accepte pas ce type de fichier ; rien n’a été créé. Convertissez le fichier (par ex. TSV en CSV) ou retirez-le',
  },
  'bad-spatial': {
    en: 'The portal does not know this spatial coverage; choose the zones among the portal’s suggestions',
    fr: 'Le portail ne connaît pas cette couverture géographique ; choisissez les zones parmi les suggestions du portail',
  },
  'linkage-mismatch': {
    en: 'The dataset named in .opendata/project.json was not created by this project (its marker does not match); nothing was sent to it. Check the project file, or link the files to that dataset explicitly',
    fr: 'Le jeu de données indiqué dans .opendata/project.json n’a pas été créé par ce projet (son marqueur ne correspond pas) ; rien ne lui a été envoyé. Vérifiez le fichier de projet, ou liez explicitement les fichiers à ce jeu de données',
  },
  protocol: { en: 'The portal sent an answer this tool cannot read', fr: 'Le portail a envoyé une réponse illisible pour cet outil' },
  file: { en: 'The local file could not be read', fr: 'Le fichier local n’a pas pu être lu' },
};

/** Build a PortalError from its kind, with an optional detail appended to both languages. */
export function portalError(
  kind: PortalErrorKind,
  detail?: Bilingual | string,
  extra: Omit<PortalErrorInit, 'kind' | 'messages'> = {},
): PortalError {
  const base = BASE[kind];
  const d = typeof detail === 'string' ? { en: detail, fr: detail } : detail;
  const messages = d ? { en: `${base.en}: ${d.en}`, fr: `${base.fr} : ${d.fr}` } : { en: `${base.en}.`, fr: `${base.fr}.` };
  return new PortalError({ kind, messages, ...extra });
}

/** A local file the publication could not read: the path, and why in each language. */
export function fileError(path: string, e: unknown): PortalError {
  const en = e instanceof Error ? e.message : String(e);
  return portalError('file', { en: `${path} (${en})`, fr: `${path} (${libraryReason(e, 'fr')})` }, { cause: e });
}

/**
 * What the person reads of a publication failure: a PortalError's own sentence in `lang`;
 * anything else (a file, a library) said in French inside a French sentence, as it is in English.
 */
export function failureMessage(e: unknown, lang: Lang): string {
  if (isPortalError(e)) return e.messages[lang];
  const en = e instanceof Error ? e.message : String(e);
  return lang === 'fr' ? `La publication a échoué : ${libraryReason(e, 'fr')}` : en;
}

export function kindForStatus(status: number): PortalErrorKind {
  switch (status) {
    case 400:
    case 409:
    case 422:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 410:
      return 'gone';
    case 413:
      return 'too-large';
    case 415:
      return 'unsupported-media';
    case 423:
      return 'locked';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'server' : 'http';
  }
}
