// The five stages of the Datactivist "Challenge Data" method and their checklists, distilled
// from the OpenData cheatsheet (NOTES §5). The ids are stored in .opendata/project.json, so
// they never change; the labels can.

export type StageId = 'diagnostic' | 'identification' | 'preparation' | 'publication' | 'valorisation';

export interface ChecklistItem {
  id: string;
  label: { en: string; fr: string };
}

export interface Stage {
  id: StageId;
  title: { en: string; fr: string };
  checklist: ChecklistItem[];
}

const item = (id: string, en: string, fr: string): ChecklistItem => ({ id, label: { en, fr } });

export const STAGES: readonly Stage[] = [
  {
    id: 'diagnostic',
    title: { en: 'Diagnostic', fr: 'Diagnostic' },
    checklist: [
      item('referent', 'Open-data referent and sponsor named', 'Référent open data et élu·e porteur nommés'),
      item('maturity', 'Maturity self-assessment done', 'Auto-évaluation de la maturité réalisée'),
      item('candidates', 'Candidate datasets chosen', 'Jeux de données candidats choisis'),
    ],
  },
  {
    id: 'identification',
    title: { en: 'Identification', fr: 'Identification' },
    checklist: [
      item('holders', 'Holder of each dataset identified', 'Détenteur de chaque jeu de données identifié'),
      item('org-chart', 'Data org-chart drawn', 'Organigramme de la donnée réalisé'),
      item(
        'obligations',
        'Legal obligations listed (subsidies, budget, contracts…)',
        'Obligations légales listées (subventions, budget, marchés…)',
      ),
    ],
  },
  {
    id: 'preparation',
    title: { en: 'Preparation and quality', fr: 'Préparation et mise en qualité' },
    checklist: [
      item('clean', 'Cleaned: no empty rows or columns, typos fixed', 'Nettoyé : ni ligne ni colonne vide, coquilles corrigées'),
      item('compile', 'Compiled: sheets merged, data enriched', 'Compilé : onglets fusionnés, données enrichies'),
      item('standardise', 'Standardised to the SCDL schema', 'Standardisé selon le schéma SCDL'),
      item('validate', 'Validated against the standard', 'Validé par rapport au standard'),
    ],
  },
  {
    id: 'publication',
    title: { en: 'Publication', fr: 'Publication' },
    checklist: [
      item('published', 'Published on data.gouv.fr or the local portal', 'Publié sur data.gouv.fr ou le portail local'),
      item('contacts', 'Contact agents named', 'Agents contacts désignés'),
      item('communication', 'Communication plan ready', 'Plan de communication prêt'),
      item('reuse-questions', 'Ready to answer reuse questions', 'Prêt à répondre aux questions des réutilisateurs'),
    ],
  },
  {
    id: 'valorisation',
    title: { en: 'Promotion', fr: 'Valorisation' },
    checklist: [
      item('dataviz', 'Quick charts or maps made', 'Datavisualisations ou cartes rapides réalisées'),
      item('reuse-club', 'Internal reuse club started', 'Club de réutilisation interne lancé'),
    ],
  },
];

export function stageById(id: string): Stage | undefined {
  return STAGES.find((s) => s.id === id);
}
