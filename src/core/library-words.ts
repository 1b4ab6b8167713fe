// What the libraries that read our inputs say when they refuse one, in French. saxes (XML),
// yauzl (zip directory), zlib (inflating an entry), Node (files) and fetch (network) word their
// errors in English; the product shows them inside its own sentence, and a French reader gets
// French words for the usual ones. An unknown message stays as the library wrote it: it is
// what a search for the problem would find.
import { fsCodeFr } from './fs-words';
import type { Lang } from './model';

type Say = (...m: string[]) => string;

/** saxes 5 messages (`fail(...)` in saxes.js), without their final period. */
const XML: [RegExp, Say][] = [
  [/^unclosed tag: (.+)$/, (_, t) => `balise non fermée : ${t}`],
  [/^unmatched closing tag: (.+)$/, (_, t) => `balise fermante sans balise ouvrante : ${t}`],
  [/^unexpected close tag$/, () => 'balise fermante inattendue'],
  [/^duplicate attribute: (.+)$/, (_, a) => `attribut en double : ${a}`],
  [/^unbound namespace prefix: (.+)$/, (_, p) => `préfixe d’espace de noms non déclaré : ${p}`],
  [/^disallowed character in tag name$/, () => 'caractère interdit dans un nom de balise'],
  [/^disallowed character in attribute name$/, () => 'caractère interdit dans un nom d’attribut'],
  [/^disallowed character in closing tag$/, () => 'caractère interdit dans une balise fermante'],
  [/^disallowed character in entity name$/, () => 'caractère interdit dans un nom d’entité'],
  [/^disallowed character in processing instruction name$/, () => 'caractère interdit dans une instruction de traitement'],
  [/^disallowed character$/, () => 'caractère interdit en XML'],
  [/^text data outside of root node$/, () => 'du texte hors de l’élément racine'],
  [/^document must contain a root element$/, () => 'le document n’a pas d’élément racine'],
  [/^documents may contain only one root$/, () => 'un document n’a qu’un seul élément racine'],
  [/^unexpected end$/, () => 'fin de document inattendue'],
  [/^attribute without value$/, () => 'attribut sans valeur'],
  [/^(?:value must be quoted|unquoted attribute value)$/, () => 'valeur d’attribut sans guillemets'],
  [/^no whitespace between attributes$/, () => 'pas d’espace entre deux attributs'],
  [/^malformed comment$/, () => 'commentaire mal formé'],
  [/^malformed character entity$/, () => 'entité de caractère mal formée'],
  [/^undefined entity$/, () => 'entité non définie'],
  [/^empty entity name$/, () => 'nom d’entité vide'],
  [/^malformed name: (.+)$/, (_, n) => `nom mal formé : ${n}`],
  [/^XML declaration is incomplete$/, () => 'déclaration XML incomplète'],
  [
    /^(?:an XML declaration must be at the start of the document|the XML declaration must appear at the start of the document)$/,
    () => 'la déclaration XML doit être au tout début du document',
  ],
  [/^forward-slash in opening tag not followed by >$/, () => 'barre oblique non suivie de « > » dans une balise ouvrante'],
  [/^inappropriately located doctype declaration$/, () => 'déclaration DOCTYPE mal placée'],
];

/** yauzl 3 (the zip directory) and zlib (an entry's deflated bytes). */
const ZIP: [RegExp, Say][] = [
  [
    /^End of central directory record signature not found\..*$/s,
    () => 'fin du répertoire central introuvable, ce n’est pas une archive zip ou le fichier est tronqué',
  ],
  [/^Invalid comment length\..*$/s, () => 'longueur de commentaire incohérente : des octets en trop à la fin du fichier ?'],
  [/^invalid central directory file header signature: (\S+)$/, (_, s) => `signature invalide dans le répertoire central : ${s}`],
  [/^invalid local file header signature: (\S+)$/, (_, s) => `signature d’en-tête local invalide : ${s}`],
  [/^invalid zip64 end of central directory record signature$/, () => 'signature de fin de répertoire zip64 invalide'],
  [/^multi-disk zip files are not supported.*$/, () => 'les archives zip en plusieurs volumes ne sont pas lues'],
  [/^file data overflows file bounds.*$/s, () => 'les données d’une entrée dépassent la fin du fichier'],
  [/^unexpected EOF$/, () => 'fin de fichier inattendue'],
  [/^invalid characters in fileName: (.*)$/s, (_, f) => `caractères invalides dans le nom d’entrée : ${f}`],
  [/^absolute path: (.*)$/s, (_, f) => `chemin absolu : ${f}`],
  [/^invalid relative path: (.*)$/s, (_, f) => `chemin relatif invalide : ${f}`],
  [/^strong encryption is not supported$/, () => 'chiffrement fort non pris en charge'],
  [/^unsupported compression method: (\d+)$/, (_, m) => `méthode de compression non prise en charge : ${m}`],
  [/^zip64 extended information extra field does not include .*$/, () => 'informations zip64 incomplètes'],
  [/^extra field length exceeds extra field buffer size$/, () => 'champ supplémentaire plus long que sa place'],
  [/^unexpected end of file$/, () => 'fin des données compressées inattendue'],
  [
    /^(invalid (?:block type|stored block lengths|code lengths set|bit length repeat|literal\/lengths set|distances set|literal\/length code|distance code|distance too far back)|too many length or distance symbols|incorrect header check)$/,
    (_, m) => `données compressées invalides (${m})`,
  ],
];

/** Node's file errors: `ENOENT: no such file or directory, open '/x'`. */
const FS: [RegExp, Say][] = [[/^(E[A-Z]+): [^,]*(?:, \w+ (.*))?$/s, (_, code, path) => `${fsCodeFr(code)}${path ? ` : ${path}` : ''}`]];

/** `message` (one a library wrote) in French when it is one of the known ones; else as it is. */
export function libraryMessageFr(message: string): string {
  const text = message.trim().replace(/\.$/, '');
  for (const [re, say] of [...XML, ...ZIP, ...FS]) {
    const m = re.exec(text);
    if (m) return say(...m);
  }
  return message;
}

/** undici / Node network codes (a failed fetch's `cause.code`). */
const NETWORK_FR: Record<string, string> = {
  ECONNREFUSED: 'connexion refusée',
  ECONNRESET: 'connexion coupée',
  ENOTFOUND: 'nom de domaine introuvable',
  EAI_AGAIN: 'nom de domaine momentanément introuvable',
  ETIMEDOUT: 'délai de connexion dépassé',
  EHOSTUNREACH: 'serveur injoignable',
  ENETUNREACH: 'réseau injoignable',
  EPIPE: 'connexion rompue',
  UND_ERR_SOCKET: 'connexion fermée par le serveur',
  UND_ERR_CONNECT_TIMEOUT: 'délai de connexion dépassé',
  UND_ERR_HEADERS_TIMEOUT: 'pas de réponse du serveur à temps',
  UND_ERR_BODY_TIMEOUT: 'réponse du serveur interrompue',
  CERT_HAS_EXPIRED: 'certificat du serveur expiré',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificat du serveur auto-signé',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificat auto-signé dans la chaîne du serveur',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificat du serveur invérifiable',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificat du serveur invérifiable',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificat du serveur pour un autre nom de domaine',
};

/** A network failure's code or message in `lang`: French words and the code kept, in French. */
export function networkReason(why: string, lang: Lang): string {
  if (lang === 'en') return why;
  if (NETWORK_FR[why]) return `${NETWORK_FR[why]} (${why})`;
  if (why === 'fetch failed') return 'connexion impossible';
  return libraryMessageFr(why);
}

/** Why an operation failed, from what a library threw, in `lang` (the error's own message in English). */
export function libraryReason(e: unknown, lang: Lang): string {
  const message = e instanceof Error ? e.message : String(e);
  if (lang === 'en') return message;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_FR[code]) return networkReason(code, lang);
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fsCodeFr(code);
  return libraryMessageFr(message);
}
