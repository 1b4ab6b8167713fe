// siret (fr-format; formerly french-siret-value): 14 digits passing the Luhn key (La Poste's
// establishments excepted), with the damage diagnosis of ../ids.
import { idCheck } from './french-id-value';

export const siret = idCheck('siret', 'siret');
