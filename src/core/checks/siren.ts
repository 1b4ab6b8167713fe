// siren (fr-format; formerly french-siren-value): 9 digits passing the Luhn key.
import { idCheck } from './french-id-value';

export const siren = idCheck('siren', 'siren');
