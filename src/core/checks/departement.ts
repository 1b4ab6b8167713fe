// departement (fr-format): the name of a département of the COG, as officially spelled;
// "Corse", split in two in 1976, is explained.
import { frIndex } from '../fr/reference';
import { frValueCheck } from './fr-value';
import { nameVerdict } from './fr-name';

export const departement = frValueCheck('departement', () => {
  const x = frIndex();
  const exact = new Set(Object.values(x.ref.departements));
  const former = (k: string) =>
    k === 'corse'
      ? {
          en: `Corse (20) was split in 1976 into Corse-du-Sud (2A) and Haute-Corse (2B) (${x.cog})`,
          fr: `la Corse (20) est divisée depuis 1976 en Corse-du-Sud (2A) et Haute-Corse (2B) (${x.cog})`,
        }
      : undefined;
  return (v) =>
    nameVerdict(
      v,
      (s) => exact.has(s),
      (k) => (x.deptNames.has(k) ? [x.deptNames.get(k)!] : undefined),
      { en: 'département', fr: 'aucun département' },
      x.cog,
      former,
    );
});
