// A portal-neutral organisation whose datasets cover every Diagnostic flag, plus enough
// plain datasets to need a second page of 100. Applied to udata by udata-diagnose.ts and to
// CKAN by ckan-diagnose.ts.
const DAY = 86_400_000;

export interface SeedResource {
  title: string;
  format: string;
  schema?: string;
  description?: string;
  type?: string;
  /** File content served by the emulator (CSV resources). */
  content?: string;
  filename: string;
}

export interface SeedDataset {
  key: string;
  title: string;
  description: string;
  frequency?: string;
  license?: string;
  temporal?: boolean;
  spatial?: boolean;
  private?: boolean;
  /** Days before now of the last update of the resources. */
  ageDays: number;
  resources: SeedResource[];
}

const LONG =
  'Ce jeu de données est publié par la ville dans le cadre de sa démarche d’ouverture des données publiques, mis à jour régulièrement.';
const EQUIP_HEADER =
  'COLL_NOM,COLL_SIRET,EQUIP_UID,EQUIP_THEME,EQUIP_CODE,EQUIP_TYPE,EQUIP_NOM,ADR_NUMERO,ADR_NOMVOIE,ADR_CODEPOSTAL,ADR_COMMUNE,ADR_CLE_INTEROP,ERP_ID,ERP_TYPE,ERP_CATEGORIE,EQUIP_LAT,EQUIP_LONG,EQUIP_OUVERTURE,EQUIP_TEL,EQUIP_EMAIL,EQUIP_WEB';
const full = { license: 'lov2', temporal: true, spatial: true, description: LONG };

export const FLAGGED: SeedDataset[] = [
  {
    key: 'subventions',
    title: 'Subventions 2024',
    ...full,
    frequency: 'annual',
    ageDays: 30,
    resources: [
      {
        title: 'subventions-2024.csv',
        filename: 'subventions-2024.csv',
        format: 'csv',
        schema: 'scdl/subventions',
        description: 'Subventions votées',
        content: 'nomAttribuant,montant\nVille,100\n',
      },
    ],
  },
  {
    key: 'budget',
    title: 'Budget primitif 2019',
    ...full,
    frequency: 'annual',
    ageDays: 5 * 365,
    resources: [
      {
        title: 'budget-2019.csv',
        filename: 'budget-2019.csv',
        format: 'csv',
        schema: 'scdl/budget',
        description: 'Budget',
        content: 'BGT_NATDEC,BGT_ANNEE\n01,2019\n',
      },
    ],
  },
  {
    key: 'pdf',
    title: 'Délibérations du conseil municipal',
    ...full,
    frequency: 'monthly',
    ageDays: 3,
    resources: [
      { title: 'deliberations-2024.pdf', filename: 'deliberations-2024.pdf', format: 'pdf', description: 'Recueil' },
      { title: 'annexe.docx', filename: 'annexe.docx', format: 'docx' },
    ],
  },
  {
    key: 'equipements',
    title: 'Équipements sportifs',
    ...full,
    frequency: 'irregular',
    ageDays: 60,
    resources: [
      {
        title: 'equipements.csv',
        filename: 'equipements.csv',
        format: 'csv',
        description: 'Liste',
        content: `${EQUIP_HEADER}\nVille,21380000000013,1,Sport,,Gymnase,Gymnase Nord,1,rue du Stade,38000,Grenoble,,,,,45.18,5.72,,,,\n`,
      },
    ],
  },
  {
    key: 'low',
    title: 'Liste des parkings',
    description: 'Parkings.',
    ageDays: 10,
    resources: [{ title: 'parkings.csv', filename: 'parkings.csv', format: 'csv', content: 'nom,places\nGare,120\n' }],
  },
  {
    key: 'private',
    title: 'Projet interne (privé)',
    ...full,
    frequency: 'irregular',
    private: true,
    ageDays: 1,
    resources: [
      {
        title: 'interne.csv',
        filename: 'interne.csv',
        format: 'csv',
        schema: 'scdl/catalogue',
        description: 'Brouillon',
        content: 'a,b\n1,2\n',
      },
    ],
  },
];

/** Plain datasets with no flag: together with FLAGGED they need two pages of 100. */
export function fillers(n = 100): SeedDataset[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `filler-${i}`,
    title: `Jeu de données ${String(i + 1).padStart(3, '0')}`,
    ...full,
    frequency: 'irregular',
    ageDays: 20,
    resources: [{ title: `jeu-${i}.csv`, filename: `jeu-${i}.csv`, format: 'csv', description: 'Données', content: 'x,y\n1,2\n' }],
  }));
}

export const seedDate = (ageDays: number, now = Date.now()): string => new Date(now - ageDays * DAY).toISOString();
