// code-departement (fr-format; formerly numero-departement): a département code of the COG,
// metropolitan (01–95, 2A, 2B), overseas (971–976) or overseas collectivity (975, 977, 978,
// 984–989).
import { frIndex } from '../fr/reference';
import { frValueCheck, type Verdict } from './fr-value';

export function departementCodeVerdict(v: string): Verdict | null {
  const x = frIndex();
  if (x.ref.departements[v]) return null;
  const up = v.toUpperCase();
  if (x.ref.departements[up])
    return { en: `write it in capitals: ${up}`, fr: `à écrire en capitales : ${up}`, severity: 'warning', fix: up };
  const padded = /^\d$/.test(v) ? '0' + v : null;
  if (padded && x.ref.departements[padded])
    return {
      en: `a département code has 2 characters: ${padded} (${x.ref.departements[padded]})`,
      fr: `un code département a 2 caractères : ${padded} (${x.ref.departements[padded]})`,
      fix: padded,
    };
  if (v === '20')
    return {
      en: `Corsica was split into 2A (Corse-du-Sud) and 2B (Haute-Corse) in 1976 (${x.cog})`,
      fr: `la Corse est divisée en 2A (Corse-du-Sud) et 2B (Haute-Corse) depuis 1976 (${x.cog})`,
    };
  return { en: `no département has this code in the ${x.cog}`, fr: `aucun département n’a ce code au ${x.cog}` };
}

const cog = () => frIndex().cog;
export const codeDepartement = frValueCheck('code-departement', () => departementCodeVerdict, cog);
export const numeroDepartement = frValueCheck('numero-departement', () => departementCodeVerdict, cog);
