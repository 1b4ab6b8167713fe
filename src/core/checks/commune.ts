// commune (fr-format): the name of a current commune of the COG, as officially spelled.
import { frIndex } from '../fr/reference';
import { frValueCheck } from './fr-value';
import { nameVerdict } from './fr-name';

export const commune = frValueCheck('commune', () => {
  const x = frIndex();
  return (v) =>
    nameVerdict(
      v,
      (s) => x.communeExact.has(s),
      (k) => x.communeNames.get(k),
      { en: 'commune', fr: 'commune' },
      x.cog,
    );
});
