// code-region (fr-format): a région code of the COG. The 2016 regions reform merged 16
// regions into 7; their old codes are explained with the region that replaced them.
import { frIndex } from '../fr/reference';
import { frValueCheck, type Verdict } from './fr-value';

/** Codes of the regions merged on 1 January 2016 → the code of the new region (INSEE). */
const MERGED_2016: Record<string, string> = {
  '21': '44',
  '22': '32',
  '23': '28',
  '25': '28',
  '26': '27',
  '31': '32',
  '41': '44',
  '42': '44',
  '43': '27',
  '54': '75',
  '72': '75',
  '73': '76',
  '74': '75',
  '82': '84',
  '83': '84',
  '91': '76',
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
  const now = MERGED_2016[v];
  if (now)
    return {
      en: `former région code, merged in 2016 into ${now} ${x.ref.regions[now]} (${x.cog})`,
      fr: `ancien code de région, fusionnée en 2016 dans ${now} ${x.ref.regions[now]} (${x.cog})`,
    };
  return { en: `no région has this code in the ${x.cog}`, fr: `aucune région n’a ce code au ${x.cog}` };
}

export const codeRegion = frValueCheck('code-region', () => regionCodeVerdict);
