// Header comparison that forgives what exports do to labels: case, accents, spaces,
// underscores, hyphens and dots (`NOM_Beneficiaire` ~ `nomBeneficiaire`, `IdRAE` ~ `idRAE`).
export function looseLabel(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.’'\u00a0]+/g, '');
}
