// commune (fr-format): the name of a current commune of the COG, as officially spelled; the
// name of a commune merged into another (now a commune déléguée or associée) is explained.
import { frIndex } from '../fr/reference';
import { frValueCheck } from './fr-value';
import { nameVerdict } from './fr-name';

export const commune = frValueCheck('commune', () => {
  const x = frIndex();
  const former = (k: string) => {
    const list = x.formerCommuneNames.get(k);
    if (!list) return undefined;
    const kindEn = (kind: string) => (kind === 'associee' ? 'commune associée' : 'commune déléguée');
    const en = list.map(([name, kind, now, nowName]) => `${name} is a ${kindEn(kind)} of ${now} ${nowName}`).join('; ');
    const fr = list.map(([name, kind, now, nowName]) => `${name} est une ${kindEn(kind)} de ${now} ${nowName}`).join(' ; ');
    return {
      en: `${en} since a merger: no longer a commune (${x.cog})`,
      fr: `${fr} depuis une fusion : ce n’est plus une commune (${x.cog})`,
    };
  };
  return (v) =>
    nameVerdict(
      v,
      (s) => x.communeExact.has(s),
      (k) => x.communeNames.get(k),
      { en: 'commune', fr: 'aucune commune' },
      x.cog,
      former,
    );
});
