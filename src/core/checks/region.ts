// region (fr-format): the name of a région of the COG, as officially spelled.
import { frIndex } from '../fr/reference';
import { frValueCheck } from './fr-value';
import { nameVerdict } from './fr-name';

export const region = frValueCheck('region', () => {
  const x = frIndex();
  const exact = new Set(Object.values(x.ref.regions));
  return (v) =>
    nameVerdict(
      v,
      (s) => exact.has(s),
      (k) => (x.regionNames.has(k) ? [x.regionNames.get(k)!] : undefined),
      { en: 'région', fr: 'région' },
      x.cog,
    );
});
