// EN/FR explanations of damaged identifiers: what happened, and what to do. Invalid values
// start with Validata's sentence (« La valeur … n'est pas un numéro SIRET français valide. »)
// so reports read the same as data.gouv.fr's validator, then say why.
import type { Lang } from '../model';
import { show } from '../rules/lib/util';
import type { IdDiagnosis, IdKind } from './damage';

export function idMessage(lang: Lang, kind: IdKind, raw: string, d: IdDiagnosis): string {
  const fr = lang === 'fr';
  const K = kind === 'siret' ? 'SIRET' : 'SIREN';
  const v = show(raw, 40, lang);
  if (d.valid)
    return fr
      ? `${K} ${v} écrit avec des espaces ou des points : écrivez les ${kind === 'siret' ? 14 : 9} chiffres seuls (${d.fix}).`
      : `${K} ${v} is written with spaces or dots: write the ${kind === 'siret' ? 14 : 9} digits only (${d.fix}).`;
  const head = fr ? `La valeur ${v} n’est pas un numéro ${K} français valide` : `${v} is not a valid French ${K} number`;
  const why = explain(fr, kind, d);
  return why ? `${head}. ${why[0].toUpperCase()}${why.slice(1)}` : `${head}.`;
}

function explain(fr: boolean, kind: IdKind, d: IdDiagnosis): string {
  const n = kind === 'siret' ? 14 : 9;
  const fix = d.fix;
  switch (d.damage) {
    case 'spacing':
      return fr ? `il contient des espaces ou des points ; sans eux : ${fix}.` : `it contains spaces or dots; without them: ${fix}.`;
    case 'apostrophe':
      return fr
        ? `il porte une apostrophe (préfixe texte d’un tableur)${fix ? ` ; la valeur est ${fix}` : ''}.`
        : `it carries an apostrophe (a spreadsheet text prefix)${fix ? `; the value is ${fix}` : ''}.`;
    case 'float-suffix':
      return fr
        ? `il finit par « .0 » car il a été converti en nombre décimal${fix ? ` ; valeur corrigée : ${fix}` : ', et reste invalide sans ce suffixe'}.`
        : `it ends in “.0” because it went through a decimal number${fix ? `; repaired value: ${fix}` : ', and stays invalid without the suffix'}.`;
    case 'scientific':
      return fix
        ? fr
          ? `il est écrit en notation scientifique ; sa valeur exacte est ${fix}.`
          : `it is in scientific notation; its exact value is ${fix}.`
        : fr
          ? `il est écrit en notation scientifique et a perdu des chiffres ; reprenez-le dans la source (base SIRENE).`
          : `it is in scientific notation and lost digits; get it again from the source (SIRENE database).`;
    case 'float-zeroed':
      return fr
        ? `ses derniers chiffres ont été remplacés par des zéros, car il a été stocké comme nombre à virgule flottante et a perdu sa précision. Il ne peut pas être reconstitué à partir de ce fichier : reprenez-le dans la source (base SIRENE) et gardez la colonne au format texte.`
        : `its last digits were replaced by zeros because it was stored as a floating-point number and lost precision. It cannot be recovered from this file: get it again from the source (SIRENE database) and keep the column as text.`;
    case 'lost-leading-zero':
      return fr
        ? `il n’a que ${n - 1} chiffres car le zéro initial a été perdu (colonne lue comme un nombre) ; valeur corrigée : ${fix}.`
        : `it has only ${n - 1} digits because its leading zero was lost (the column was read as a number); repaired value: ${fix}.`;
    case 'siren-for-siret':
      return fr
        ? `c’est un SIREN (9 chiffres, l’entreprise) alors qu’un SIRET (14 chiffres, l’établissement) est attendu ; ajoutez le NIC de l’établissement (base SIRENE).`
        : `it is a SIREN (9 digits, the company) where a SIRET (14 digits, the establishment) is required; add the establishment’s NIC (SIRENE database).`;
    case 'siret-for-siren':
      return fr
        ? `c’est un SIRET (14 chiffres) alors qu’un SIREN (9 chiffres) est attendu ; le SIREN en est le début : ${fix}.`
        : `it is a SIRET (14 digits) where a SIREN (9 digits) is required; the SIREN is its start: ${fix}.`;
    case 'checksum':
      if (d.sirenOk)
        return fr
          ? `la clé de contrôle (Luhn) échoue alors que le SIREN ${d.digits!.slice(0, 9)} est valide ; le numéro d’établissement (NIC ${d.digits!.slice(9)}) est sans doute erroné.`
          : `the Luhn checksum fails although SIREN ${d.digits!.slice(0, 9)} is valid; the establishment number (NIC ${d.digits!.slice(9)}) is probably wrong.`;
      return fr
        ? 'la clé de contrôle (Luhn) échoue, un chiffre est sans doute erroné.'
        : 'the Luhn checksum fails, a digit is probably wrong.';
    case 'length': {
      const len = d.digits!.length;
      const lost =
        len === n - 1
          ? fr
            ? ' (même avec un zéro initial, il reste invalide)'
            : ' (even with a leading zero restored it stays invalid)'
          : '';
      return fr
        ? `${len} chiffre${len > 1 ? 's' : ''} au lieu de ${n}${lost}.`
        : `${len} digit${len > 1 ? 's' : ''} instead of ${n}${lost}.`;
    }
    default:
      return '';
  }
}
