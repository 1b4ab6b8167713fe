// region (fr-format): the name of a région of the COG, as officially spelled; a région merged
// in 2016 (Picardie, Auvergne…) is explained with the one that replaced it.
import { frIndex, looseName } from '../fr/reference';
import { MERGED_2016 } from './code-region';
import { frValueCheck } from './fr-value';
import { nameVerdict } from './fr-name';

const formerRegions = new Map(Object.values(MERGED_2016).map(([name, now]) => [looseName(name), [name, now] as const]));

export const region = frValueCheck('region', () => {
  const x = frIndex();
  const exact = new Set(Object.values(x.ref.regions));
  const former = (k: string) => {
    const f = formerRegions.get(k);
    if (!f) return undefined;
    const [was, now] = f;
    const nowName = x.ref.regions[now];
    // No fix: the new région is larger; replacing the name would change what the data says.
    return {
      en: `${was} was merged in 2016 into ${nowName} (${now}) (${x.cog})`,
      fr: `${was} a fusionné en 2016 dans ${nowName} (${now}) (${x.cog})`,
    };
  };
  return (v) =>
    nameVerdict(
      v,
      (s) => exact.has(s),
      (k) => (x.regionNames.has(k) ? [x.regionNames.get(k)!] : undefined),
      { en: 'région', fr: 'aucune région' },
      x.cog,
      former,
    );
});
