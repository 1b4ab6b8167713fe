// nomenclature-acte (fr-format; formerly nomenclature-actes-value): `<Matière>/<détail>`
// with one of the nine headings of the "Actes" nomenclature.
import { nomenclatureCheck } from './nomenclature-actes-value';

export const nomenclatureActe = nomenclatureCheck('nomenclature-acte');
