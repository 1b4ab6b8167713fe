// The maturity self-assessment: five axes, each answered with a level from 1 to 5 (the
// Open Data Canvas self-evaluation, shortened to one question per axis). The answers live
// in .opendata/project.json under `maturity`.
type Pair = { en: string; fr: string };

export const MATURITY_AXES = ['governance', 'inventory', 'publication', 'quality', 'reuse'] as const;
export type MaturityAxis = (typeof MATURITY_AXES)[number];
export type Level = 1 | 2 | 3 | 4 | 5;

export interface MaturityQuestion {
  axis: MaturityAxis;
  title: Pair;
  /** What each level looks like, 1 to 5. */
  levels: [Pair, Pair, Pair, Pair, Pair];
}

const p = (en: string, fr: string): Pair => ({ en, fr });

export const MATURITY_QUESTIONS: readonly MaturityQuestion[] = [
  {
    axis: 'governance',
    title: p('Governance', 'Gouvernance'),
    levels: [
      p('Nobody is in charge of open data', 'Personne n’est chargé de l’open data'),
      p('A referent is named, without time or mandate', 'Un référent est nommé, sans temps ni mandat'),
      p('A referent with an elected sponsor and a mandate', 'Un référent, un élu porteur et un mandat'),
      p('A voted policy and correspondents in the services', 'Une politique votée et des correspondants dans les services'),
      p('Open data is part of every project, reviewed each year', 'L’open data fait partie de chaque projet, revu chaque année'),
    ],
  },
  {
    axis: 'inventory',
    title: p('Inventory', 'Inventaire'),
    levels: [
      p('Nobody knows which data the services hold', 'Personne ne sait quelles données les services détiennent'),
      p('A few datasets are known informally', 'Quelques jeux de données sont connus de façon informelle'),
      p('The main datasets and their holders are listed', 'Les principaux jeux de données et leurs détenteurs sont listés'),
      p('A maintained inventory covers every service', 'Un inventaire tenu à jour couvre tous les services'),
      p('The inventory is published and kept up to date', 'L’inventaire est publié et tenu à jour'),
    ],
  },
  {
    axis: 'publication',
    title: p('Publication', 'Publication'),
    levels: [
      p('Nothing is published', 'Rien n’est publié'),
      p('A few files were published once, often as PDF', 'Quelques fichiers publiés une fois, souvent en PDF'),
      p('The legal obligations are published (subsidies, budget…)', 'Les obligations légales sont publiées (subventions, budget…)'),
      p('Regular publication in open formats, with schemas', 'Publication régulière en formats ouverts, avec schémas'),
      p('Publication is automated from the source systems', 'La publication est automatisée depuis les logiciels métier'),
    ],
  },
  {
    axis: 'quality',
    title: p('Quality', 'Qualité'),
    levels: [
      p('Files go out as exported, unchecked', 'Les fichiers partent tels qu’exportés, sans contrôle'),
      p('Files are cleaned by hand before publication', 'Les fichiers sont nettoyés à la main avant publication'),
      p('Files are checked against the SCDL schemas', 'Les fichiers sont validés selon les schémas SCDL'),
      p('Complete metadata, validated and kept up to date', 'Métadonnées complètes, validées et à jour'),
      p('Quality is measured and improved with users’ feedback', 'La qualité est mesurée et améliorée avec les retours des usagers'),
    ],
  },
  {
    axis: 'reuse',
    title: p('Reuse', 'Réutilisation'),
    levels: [
      p('No idea who uses the data', 'Aucune idée de qui utilise les données'),
      p('Some reuses are known by chance', 'Quelques réutilisations connues par hasard'),
      p('Downloads and questions are followed', 'Les téléchargements et les questions sont suivis'),
      p('Reuse is promoted (events, charts, internal club)', 'La réutilisation est animée (événements, dataviz, club interne)'),
      p('Data steers public policies, with a community of reusers', 'Les données pilotent les politiques publiques, avec une communauté'),
    ],
  },
];

export interface MaturityState {
  answers: Partial<Record<MaturityAxis, Level>>;
  /** Date of the last answer (YYYY-MM-DD). */
  assessedAt?: string;
}

export interface MaturityResult {
  /** Answered axes. */
  answered: number;
  /** Mean of the answers, one decimal; undefined before any answer. */
  mean?: number;
  /** Overall level: the mean rounded down (a level is reached when every axis averages it). */
  level?: Level;
  /** The lowest axes: where to start. */
  weakest: MaturityAxis[];
}

export function isLevel(v: unknown): v is Level {
  return v === 1 || v === 2 || v === 3 || v === 4 || v === 5;
}

export function maturityResult(m: MaturityState | undefined): MaturityResult {
  const entries = MATURITY_AXES.map((a) => [a, m?.answers?.[a]] as const).filter((e): e is readonly [MaturityAxis, Level] => isLevel(e[1]));
  if (!entries.length) return { answered: 0, weakest: [] };
  const sum = entries.reduce((s, [, l]) => s + l, 0);
  const mean = Math.round((sum / entries.length) * 10) / 10;
  const min = Math.min(...entries.map(([, l]) => l));
  return {
    answered: entries.length,
    mean,
    level: Math.max(1, Math.floor(mean)) as Level,
    weakest: entries.filter(([, l]) => l === min).map(([a]) => a),
  };
}
