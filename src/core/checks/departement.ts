// departement (fr-format): the name of a département of the COG, as officially spelled.
import { frIndex } from '../fr/reference';
import { frValueCheck } from './fr-value';
import { nameVerdict } from './fr-name';

export const departement = frValueCheck('departement', () => {
  const x = frIndex();
  const exact = new Set(Object.values(x.ref.departements));
  return (v) =>
    nameVerdict(
      v,
      (s) => exact.has(s),
      (k) => (x.deptNames.has(k) ? [x.deptNames.get(k)!] : undefined),
      { en: 'département', fr: 'département' },
      x.cog,
    );
});
