// Column-level hints from the header label: which personal data a column is meant to hold,
// and which columns name (or identify) a legal entity, as the SCDL schemas do
// (nomBeneficiaire/idBeneficiaire, nomAttributaire/idAttributaire, titulaire…).
import type { PersonalKind } from './detect';

const fold = (w: string) =>
  w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The personal data the label announces ("email", "Téléphone", "NIR"…), if any. */
export function kindOfLabel(label: string): PersonalKind | undefined {
  const l = fold(label).replace(/[\s_-]+/g, '');
  if (/e?mail|courriel|^mel$|adressemel/.test(l)) return 'email';
  if (/telephone|^tel$|^tel\d|portable|mobile|phone|^gsm$/.test(l)) return 'phone';
  if (/^nir$|securitesociale|numerosecu|^nss$|numeross/.test(l)) return 'nir';
  return undefined;
}

/** A column that should hold the name of a legal entity (beneficiary, contractor, holder). */
export function isEntityNameLabel(label: string): boolean {
  const l = fold(label).replace(/[\s_-]+/g, '');
  if (/^id|siret|siren|rna|code/.test(l)) return false;
  return /beneficiaire|attributaire|titulaire|raisonsociale|denomination|organisme|prestataire|fournisseur/.test(l);
}

/** A column that holds the SIRET/RNA of the legal entity named on the same row. */
export function isEntityIdLabel(label: string): boolean {
  const l = fold(label).replace(/[\s_'’.°-]+/g, '');
  if (/siret|siren|^rna|rna$|numerorna|^nrna|codeape|codenaf/.test(l)) return true;
  // In words: « Identification du bénéficiaire », « Identifiant de l'organisme », « N° du titulaire ».
  return /^(id|identif\w*|identifiant|numero|num|no|n)(du|de|dela|des|l)?(beneficiaire|attributaire|titulaire|organisme|prestataire|fournisseur|association|structure|tiers)/.test(
    l,
  );
}

/** A contact column of a service or a facility ("contact_service", "telephone_accueil"): not a person's. */
export function isServiceContactLabel(label: string): boolean {
  return /service|structure|accueil|standard|equipement|etablissement|mairie/.test(fold(label));
}

/**
 * A contact column that official schemas declare for publication (`contact_personne` in the
 * Etalab data catalogue, `contact_operateur` in IRVE): a named agent's address there is a
 * warning, not a block, since the schema asks for a contact point.
 */
export function isContactPointLabel(label: string): boolean {
  return /^contact|contact$/.test(fold(label).replace(/[\s_-]+/g, ''));
}
