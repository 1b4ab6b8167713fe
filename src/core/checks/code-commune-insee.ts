// code-commune-insee (fr-format): a current commune or municipal arrondissement code of the
// COG; a code that was valid once (merged commune, commune déléguée) is explained.
import { frIndex } from '../fr/reference';
import { frValueCheck, type Verdict } from './fr-value';

export function communeCodeVerdict(v: string): Verdict | null {
  const x = frIndex();
  if (x.ref.communes[v]) return null;
  const padded = /^\d{4}$/.test(v) ? '0' + v : null;
  if (padded && x.ref.communes[padded])
    return {
      en: `a commune code has 5 characters: ${padded} (${x.ref.communes[padded][0]}) lost its leading zero`,
      fr: `un code commune a 5 caractères : ${padded} (${x.ref.communes[padded][0]}) a perdu son zéro initial`,
      fix: padded,
    };
  const old = x.ref.former[v];
  if (old && old[1] === 'ancien' && /^20\d{3}$/.test(v))
    return {
      en: `Corsica's communes are coded 2A… or 2B… since 1976: this is ${old[2]} ${old[3]} (${x.cog})`,
      fr: `les communes de Corse sont codées 2A… ou 2B… depuis 1976 : c’est ${old[2]} ${old[3]} (${x.cog})`,
      fix: old[2],
    };
  if (old) {
    const [name, kind, now, nowName] = old;
    const was = name ? `${name}, ` : '';
    const en =
      kind === 'ancien'
        ? `former commune code (${was.trim().replace(/,$/, '') || 'merged'}), now ${now} ${nowName} in the ${x.cog}`
        : `${was}commune ${kind === 'deleguee' ? 'déléguée' : 'associée'} of ${now} ${nowName} since a merger: use ${now} (${x.cog})`;
    const fr =
      kind === 'ancien'
        ? `ancien code de commune${name ? ` (${name})` : ''}, devenu ${now} ${nowName} au ${x.cog}`
        : `${was}commune ${kind === 'deleguee' ? 'déléguée' : 'associée'} de ${now} ${nowName} depuis une fusion : utiliser ${now} (${x.cog})`;
    return { en, fr };
  }
  if (/^20\d{3}$/.test(v))
    return {
      en: `Corsica's communes are coded 2A… or 2B… since 1976 (${x.cog})`,
      fr: `les communes de Corse sont codées 2A… ou 2B… depuis 1976 (${x.cog})`,
    };
  if (!/^(\d{2}|2[AB])\d{3}$/i.test(v))
    return {
      en: `not a commune code (5 characters, e.g. 75056 or 2A004)`,
      fr: `ce n’est pas un code commune (5 caractères, ex. 75056 ou 2A004)`,
    };
  return { en: `no commune has this code in the ${x.cog}`, fr: `aucune commune n’a ce code au ${x.cog}` };
}

export const codeCommuneInsee = frValueCheck(
  'code-commune-insee',
  () => communeCodeVerdict,
  () => frIndex().cog,
);
