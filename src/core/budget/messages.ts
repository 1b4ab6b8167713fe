// EN/FR texts of the budget conversion: refusals (the file is not converted) and the problems
// a conversion reports beside its output.
import { libraryMessageFr } from '../library-words';
import type { Lang } from '../model';
import type { XmlErrorKind } from './xml-stream';

type P = Record<string, string | number>;
type Msg = (p: P) => string;

const T: Record<string, { en: Msg; fr: Msg }> = {
  'not-budget': {
    en: (p) => `Not a budget act: the root element is <${p.root}>, not <DocumentBudgetaire> (or a <CompteFinancierUnique> holding one).`,
    fr: (p) =>
      `Ce n’est pas un acte budgétaire : l’élément racine est <${p.root}>, pas <DocumentBudgetaire> (ni un <CompteFinancierUnique> qui en contient un).`,
  },
  'empty-act': {
    en: (p) => `The <${p.root}> is empty: no header (EnTeteBudget, BlocBudget) and no budget line (LigneBudget). Nothing was converted.`,
    fr: (p) => `Le <${p.root}> est vide : ni en-tête (EnTeteBudget, BlocBudget) ni ligne budgétaire (LigneBudget). Rien n’a été converti.`,
  },
  doctype: {
    en: () =>
      `The file has a DOCTYPE declaration. Budget acts never have one, and it can define entities that expand without bound or read other files: the file is refused, nothing was resolved.`,
    fr: () =>
      `Le fichier contient une déclaration DOCTYPE. Un acte budgétaire n’en a jamais, et elle peut définir des entités qui s’étendent sans fin ou lisent d’autres fichiers : le fichier est refusé, rien n’a été résolu.`,
  },
  malformed: { en: (p) => `The XML is malformed: ${p.detail}.`, fr: (p) => `Le XML est mal formé : ${p.detail}.` },
  truncated: {
    en: (p) => `The XML ends before its last element is closed: the file is truncated (${p.detail}).`,
    fr: (p) => `Le XML s’arrête avant la fermeture de son dernier élément : le fichier est tronqué (${p.detail}).`,
  },
  'huge-token': {
    en: (p) =>
      `An attribute or text of more than ${Math.round(Number(p.detail) / 1048576)} M characters: no budget act holds one; the file is refused.`,
    fr: (p) =>
      `Un attribut ou un texte de plus de ${Math.round(Number(p.detail) / 1048576)} M caractères : aucun acte budgétaire n’en contient ; le fichier est refusé.`,
  },
  encoding: {
    en: (p) =>
      `The file declares the encoding ${p.detail} but its bytes are not ${p.detail}: the declaration is wrong (often ISO-8859-1 bytes declared UTF-8). Fix the declaration in the first line.`,
    fr: (p) =>
      `Le fichier déclare l’encodage ${p.detail} mais ses octets ne sont pas en ${p.detail} : la déclaration est fausse (souvent des octets ISO-8859-1 déclarés UTF-8). Corrigez la déclaration de la première ligne.`,
  },
  'utf8-bytes': {
    en: (p) =>
      `The file declares the encoding ${p.detail} but its bytes are UTF-8 (read as ${p.detail}, “é” would become “Ã©”): the declaration is wrong. Write encoding="UTF-8" in the first line, or save the file as ${p.detail}.`,
    fr: (p) =>
      `Le fichier déclare l’encodage ${p.detail} mais ses octets sont en UTF-8 (lus en ${p.detail}, « é » deviendrait « Ã© ») : la déclaration est fausse. Écrivez encoding="UTF-8" dans la première ligne, ou enregistrez le fichier en ${p.detail}.`,
  },
  'too-deep': {
    en: (p) => `Elements nested more than ${p.detail} deep: no budget act is built so; the file is refused.`,
    fr: (p) => `Des éléments imbriqués sur plus de ${p.detail} niveaux : aucun acte budgétaire n’est ainsi fait ; le fichier est refusé.`,
  },
  'unsupported-encoding': { en: (p) => `Unknown declared encoding “${p.detail}”.`, fr: (p) => `Encodage déclaré inconnu « ${p.detail} ».` },
  'not-xml': {
    en: () =>
      `This is not an XML file (it does not start with “<”): a budget act is the DocumentBudgetaire XML the finance software exports.`,
    fr: () =>
      `Ce n’est pas un fichier XML (il ne commence pas par « < ») : un acte budgétaire est le XML DocumentBudgetaire qu’exporte le logiciel financier.`,
  },
  empty: { en: () => `The file is empty or holds no XML element.`, fr: () => `Le fichier est vide ou ne contient aucun élément XML.` },
  unreadable: { en: (p) => `Cannot read ${p.path}: ${p.detail}.`, fr: (p) => `Impossible de lire ${p.path} : ${p.detail}.` },
  'plan-missing': {
    en: (p) =>
      `NO PLAN DE COMPTES for ${p.key}: ${p.why}. The CSV was written with EMPTY chapter, nature and function labels and empty sections; it will not pass the schema. Give a folder with --plans, or convert again online.`,
    fr: (p) =>
      `AUCUN PLAN DE COMPTES pour ${p.key} : ${p.why}. Le CSV a été écrit avec des libellés de chapitre, de nature et de fonction VIDES et des sections vides ; il ne passera pas le schéma. Indiquez un dossier avec --plans, ou convertissez à nouveau en ligne.`,
  },
  'plan-nearest': {
    en: (p) =>
      `No plan de comptes ${p.key} for ${p.exer}: the ${p.year} plan of the same nomenclature was used (${p.where}). Labels of accounts created or renamed since may be missing or differ.`,
    fr: (p) =>
      `Pas de plan de comptes ${p.key} pour ${p.exer} : celui de ${p.year} de la même nomenclature a été utilisé (${p.where}). Les libellés des comptes créés ou renommés depuis peuvent manquer ou différer.`,
  },
  'plan-used': {
    en: (p) => `Plan de comptes ${p.key} ${p.year}: ${p.source} (${p.where}).`,
    fr: (p) => `Plan de comptes ${p.key} ${p.year} : ${p.source} (${p.where}).`,
  },
  'plan-year-differs': {
    en: (p) => `The plan de comptes in the ${p.year} folder says it is for ${p.planExer}: some accounts of ${p.year} may have no label.`,
    fr: (p) =>
      `Le plan de comptes du dossier ${p.year} indique l’exercice ${p.planExer} : certains comptes de ${p.year} peuvent être sans libellé.`,
  },
  'no-nomenclature': {
    en: () =>
      `The act has no valid Nomenclature and year (EnTeteBudget/Nomenclature, BlocBudget/Exer): no plan de comptes can be chosen, labels stay empty.`,
    fr: () =>
      `L’acte n’a pas de nomenclature et d’exercice valides (EnTeteBudget/Nomenclature, BlocBudget/Exer) : aucun plan de comptes ne peut être choisi, les libellés restent vides.`,
  },
  'unknown-natdec': {
    en: (p) =>
      `Unknown nature of act NatDec=${p.code}: BGT_NATDEC is empty (01 budget primitif, 02 décision modificative, 03 budget supplémentaire, 09 compte administratif, 10 CFU).`,
    fr: (p) =>
      `Nature d’acte NatDec=${p.code} inconnue : BGT_NATDEC est vide (01 budget primitif, 02 décision modificative, 03 budget supplémentaire, 09 compte administratif, 10 CFU).`,
  },
  'invalid-siret': {
    en: (p) => `The budget’s SIRET (IdEtab) “${p.code}” is not a valid SIRET number.`,
    fr: (p) => `Le SIRET du budget (IdEtab) « ${p.code} » n’est pas un numéro SIRET valide.`,
  },
  'no-chapter': {
    en: (p) =>
      `${p.count} line(s) have no ContNat and the plan gives no chapter for their account (e.g. nature ${p.sample}): BGT_CONTNAT is empty.`,
    fr: (p) =>
      `${p.count} ligne(s) n’ont pas de ContNat et le plan ne donne pas de chapitre pour leur compte (ex. nature ${p.sample}) : BGT_CONTNAT est vide.`,
  },
  'no-nature-label': {
    en: (p) => `${p.count} line(s) have an account the plan de comptes does not list (e.g. ${p.sample}): BGT_NATURE_LABEL is empty.`,
    fr: (p) => `${p.count} ligne(s) ont un compte absent du plan de comptes (ex. ${p.sample}) : BGT_NATURE_LABEL est vide.`,
  },
  'parent-nature-label': {
    en: (p) =>
      `${p.count} line(s) have an account the plan de comptes does not list (e.g. ${p.sample}): BGT_NATURE_LABEL holds the label of its parent account in the plan. Check it.`,
    fr: (p) =>
      `${p.count} ligne(s) ont un compte absent du plan de comptes (ex. ${p.sample}) : BGT_NATURE_LABEL porte le libellé de son compte parent dans le plan. Vérifiez-le.`,
  },
  'no-section': {
    en: (p) => `${p.count} line(s) have a chapter the plan does not list (e.g. ${p.sample}): BGT_SECTION is empty.`,
    fr: (p) => `${p.count} ligne(s) ont un chapitre absent du plan (ex. ${p.sample}) : BGT_SECTION est vide.`,
  },
  'no-lines': {
    en: () => `The act holds no budget line (LigneBudget).`,
    fr: () => `L’acte ne contient aucune ligne budgétaire (LigneBudget).`,
  },
};

export function budgetMessage(lang: Lang, code: string, p: P = {}): string {
  const t = T[code];
  return t ? t[lang](p) : code;
}

/** An XML refusal; saxes's own words for a malformed or cut file (`detail`) are said in French too. */
export const xmlErrorMessage = (lang: Lang, kind: XmlErrorKind, detail: string): string =>
  budgetMessage(lang, kind, {
    detail: lang === 'fr' && (kind === 'malformed' || kind === 'truncated') ? libraryMessageFr(detail) : detail,
  });

const SOURCES: Record<string, { en: string; fr: string }> = {
  'plans-dir': { en: 'your plans folder', fr: 'votre dossier de plans' },
  bundled: { en: 'bundled with the product', fr: 'fourni avec le produit' },
  cache: { en: 'cache', fr: 'cache' },
  download: { en: 'downloaded from the official source', fr: 'téléchargé depuis la source officielle' },
};
export const sourceName = (lang: Lang, s: string): string => SOURCES[s]?.[lang] ?? s;
