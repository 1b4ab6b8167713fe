// code-region (fr-format): a région code of the COG. The 2016 regions reform merged 16
// regions into 7; their old codes are explained with the region that replaced them.
import { frIndex } from '../fr/reference';
import { frValueCheck, type Verdict } from './fr-value';

/**
 * The regions merged on 1 January 2016 (law of 16 January 2015), INSEE code → [name, code of
 * the new region]: history the COG package does not carry, so kept here to explain old data.
 */
export const MERGED_2016: Readonly<Record<string, readonly [string, string]>> = {
  '21': ['Champagne-Ardenne', '44'],
  '22': ['Picardie', '32'],
  '23': ['Haute-Normandie', '28'],
  '25': ['Basse-Normandie', '28'],
  '26': ['Bourgogne', '27'],
  '31': ['Nord-Pas-de-Calais', '32'],
  '41': ['Lorraine', '44'],
  '42': ['Alsace', '44'],
  '43': ['Franche-Comté', '27'],
  '54': ['Poitou-Charentes', '75'],
  '72': ['Aquitaine', '75'],
  '73': ['Midi-Pyrénées', '76'],
  '74': ['Limousin', '75'],
  '82': ['Rhône-Alpes', '84'],
  '83': ['Auvergne', '84'],
  '91': ['Languedoc-Roussillon', '76'],
};

export function regionCodeVerdict(v: string): Verdict | null {
  const x = frIndex();
  if (x.ref.regions[v]) return null;
  const padded = /^\d$/.test(v) ? '0' + v : null;
  if (padded && x.ref.regions[padded])
    return {
      en: `a région code has 2 digits: ${padded} (${x.ref.regions[padded]})`,
      fr: `un code région a 2 chiffres : ${padded} (${x.ref.regions[padded]})`,
      fix: padded,
    };
  const merged = MERGED_2016[v];
  if (merged) {
    const [was, now] = merged;
    return {
      en: `former région code (${was}), merged in 2016 into ${now} ${x.ref.regions[now]} (${x.cog})`,
      fr: `ancien code de région (${was}), fusionnée en 2016 dans ${now} ${x.ref.regions[now]} (${x.cog})`,
    };
  }
  return { en: `no région has this code in the ${x.cog}`, fr: `aucune région n’a ce code au ${x.cog}` };
}

export const codeRegion = frValueCheck(
  'code-region',
  () => regionCodeVerdict,
  () => frIndex().cog,
);
