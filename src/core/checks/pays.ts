// pays (fr-format): a country's name in French (any of the names i18n-iso-countries knows).
import { frIndex } from '../fr/reference';
import { frValueCheck } from './fr-value';
import { nameVerdict } from './fr-name';

export const pays = frValueCheck('pays', () => {
  const x = frIndex();
  return (v) =>
    nameVerdict(
      v,
      (s) => x.countryExact.has(s),
      (k) => (x.countryNames.has(k) ? [x.countryNames.get(k)!] : undefined),
      { en: 'country', fr: 'aucun pays' },
      x.isoSource,
    );
});
