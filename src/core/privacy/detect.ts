// Pure detectors of personal data (RGPD) in one cell value: e-mail addresses, French phone
// numbers, NIR (numéro de sécurité sociale, checked with its key) and names of natural
// persons. Each is cheap to call on every cell: a first-character test runs before any regex.
import { FIRST_NAMES } from './first-names';

export type PersonalKind = 'email' | 'phone' | 'nir' | 'person-name';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/** Shared mailboxes of a service are not personal data: they name a role, not a person. */
const ROLE_MAILBOX =
  /^(contact|info|infos|accueil|mairie|secretariat|communication|service|services|direction|dgs|courrier|webmaster|admin|support|noreply|no-reply|opendata|donnees|data|reservation|inscription|urbanisme|etat-civil|culture|sport|sports|enfance|jeunesse|social|ccas|marches|finances|rh|presse|dpo|rgpd)[._-]?[a-z0-9]*@/i;

/** The first e-mail address of a person in the value (free text included), if any. */
export function findPersonalEmail(v: string): string | undefined {
  if (v.indexOf('@') < 0) return undefined;
  const m = EMAIL.exec(v);
  return m && !ROLE_MAILBOX.test(m[0]) ? m[0] : undefined;
}

// 0X XX XX XX XX, +33 X…, 0033 X…, (0)…, with spaces, dots or dashes between pairs.
const PHONE = /^(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}$/;

export function isFrenchPhone(v: string): boolean {
  // A phone has 10 to 20 characters; test before trimming (no allocation on other cells).
  if (v.length < 10 || v.length > 24) return false;
  const s = v.trim();
  const c = s.charCodeAt(0);
  if (c !== 48 && c !== 43) return false; // '0' or '+'
  return PHONE.test(s);
}

/**
 * A NIR: sex (1, 2, or 3/4/7/8 for temporary numbers), year, month, department (2A/2B in
 * Corsica), commune, order, then the key = 97 − (the 13 digits mod 97). An invalid key means
 * it is some other number, so it is not reported.
 */
export function isNir(v: string): boolean {
  // 15 characters, up to 6 separators; starts with the sex digit: reject the rest unallocated.
  if (v.length < 15 || v.length > 24) return false;
  const c = v.trimStart().charCodeAt(0);
  if (!(c >= 49 && c <= 52) && c !== 55 && c !== 56) return false;
  // Only digits, separators and the A/B of Corsica: a date range or an amount stops here.
  for (let i = 0; i < v.length; i++) {
    const k = v.charCodeAt(i);
    if (!((k >= 48 && k <= 57) || k === 32 || k === 46 || k === 45 || k === 160 || k === 65 || k === 66 || k === 97 || k === 98))
      return false;
  }
  const s = v.replace(/[\s.-]/g, '').toUpperCase();
  if (s.length !== 15 || !/^[1-478]\d{4}(?:\d{2}|2A|2B)\d{8}$/.test(s)) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(body) % 97n) === Number(s.slice(13));
}

const CIVILITY = /^(m|mr|mme|mlle|melle|monsieur|madame|mademoiselle|dr|docteur|me|maitre)\.?$/;
/** Words that make a name an organisation's, even with a first name inside ("Club Jean Moulin"). */
const ORGANISATION_WORDS = new Set(
  (
    'association asso assoc club comite amicale societe sarl sas sasu sa eurl sci gaec earl scop scic commune ville mairie departement ' +
    'region syndicat federation union cooperative foyer centre maison ecole college lycee fondation groupement office compagnie cie ' +
    'etablissement ccas caisse conseil communaute agglomeration metropole sivu sivom institut universite hopital chu ehpad theatre musee ' +
    'festival atelier ateliers ensemble choeur chorale orchestre harmonie fanfare ligue cercle entente sporting olympique racing stade ' +
    'amis les des et collectif comptoir restaurant boulangerie garage entreprise ets cabinet agence bibliotheque mediatheque parc ' +
    'residence quartier paroisse eglise temple secours banque mutuelle fc as us es rc ac sc jeunesse jeunes anciens sapeurs pompiers ' +
    'gymnastique tennis football basket judo rugby danse musique arts culture loisirs sports sportive culturelle familles parents eleves ' +
    // Seen as "names" in published subsidy files: OGEC ST JOSEPH, CINEMA SAINT LAURENT, MADAME SUZIE PRODUCTIONS, LEO LAGRANGE OUEST.
    'ogec apel mjc mpt fjt adapei udaf ufcv cias sivos epci gip gie scea selarl snc sca scp ste st saint sainte notre dame ' +
    'productions production prod films film editions edition cinema cine studio compagnies troupe spectacle spectacles concerts radio ' +
    'ouest nord sud france national nationale regional regionale departemental departementale intercommunal local locale ' +
    'fondation federation comites clubs associations amicales syndicats groupe reseau plateforme pole espace villa domaine ferme ' +
    'camping hotel auberge cafe bar librairie pharmacie clinique laboratoire services solidarite insertion emploi formation ' +
    'recherche developpement environnement patrimoine tourisme animation animations evenements evenementiel fetes festivites ' +
    'natation cyclisme athletisme handball volley escrime equitation badminton petanque boxe karate aviron voile golf randonnee ' +
    'cyclo velo canoe kayak plongee billard echecs bridge institution chez'
  ).split(' '),
);

/** Whether the value holds an organisation word (then it is not a person's name, even with a first name inside). */
export function hasOrganisationWord(v: string): boolean {
  for (const w of v.split(/[\s'’.,()/&-]+/)) if (w && ORGANISATION_WORDS.has(fold(w))) return true;
  return false;
}

const fold = (w: string) =>
  w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const WORD = /^[\p{L}][\p{L}'’-]*$/u;

/**
 * "Jean DUPONT", "DUPONT Jean", "Mme Marie-Claire Martin": two to four words, letters only,
 * no organisation word, and a known first name first or last (a civility also counts).
 */
export function looksLikePersonName(v: string): boolean {
  const words = v.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let civility = false;
  if (CIVILITY.test(fold(words[0]))) {
    civility = true;
    words.shift();
  }
  if (words.length === 0 || words.length > 4 || (!civility && words.length < 2)) return false;
  for (const w of words)
    if (!WORD.test(w) || ORGANISATION_WORDS.has(fold(w)) || w.split(/[-'’]/).some((p) => ORGANISATION_WORDS.has(fold(p)))) return false;
  if (civility) return true;
  const isFirst = (w: string) =>
    fold(w)
      .split('-')
      .every((p) => FIRST_NAMES.has(p));
  return isFirst(words[0]) || isFirst(words[words.length - 1]);
}

/** A SIRET (14 digits), SIREN (9) or RNA (W + 9 digits): the value identifies a legal entity. */
export function isLegalEntityId(v: string): boolean {
  // Runs on a row's identifier cells for every row: a scan, no copy and no regex.
  let digits = 0;
  let w = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c === 87 || c === 119) && digits === 0 && !w) w = true;
    else if (!(c === 46 || isWhiteSpace(c))) return false;
  }
  return w ? digits === 9 : digits === 14 || digits === 9;
}

/** What the regular expression `\s` matches. */
function isWhiteSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
