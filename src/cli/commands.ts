// The `odw` commands, one entry each: its usage line and its module, loaded on first use so that
// `odw lint` does not parse the publishing or conversion code. Adding a command = one entry here
// and one file in src/cli/ (or its area's folder) exporting `run(argv, out, err): Promise<number>`.
import type { Lang } from '../core/model';
import type { Write } from './args';

export interface Command {
  /** One line per form of the command, shown by `odw --help` and `odw <command> --help`, in English and French. */
  usage: Record<Lang, string[]>;
  /** What it does, in one line, for `odw --help`, in English and French. */
  summary: Record<Lang, string>;
  /** argv without the command name. Exit code: 0 success, 1 data problem or failure, 2 usage. */
  run: (argv: string[], out: Write, err: Write) => Promise<number>;
}

export const commands: Record<string, Command> = {
  lint: {
    usage: {
      en: [
        'odw lint <paths…> [--schema <name|path|name@version>] [--format text|json|sarif] [--lang en|fr] [--max-problems N] [--sheet <name>] [--delimiter ,|;|tab|pipe] [--fields-match exact|equal|subset|superset|partial] [--ignore-header-case]',
      ],
      fr: [
        'odw lint <chemins…> [--schema <nom|chemin|nom@version>] [--format text|json|sarif] [--lang en|fr] [--max-problems N] [--sheet <nom>] [--delimiter ,|;|tab|pipe] [--fields-match exact|equal|subset|superset|partial] [--ignore-header-case]',
      ],
    },
    summary: {
      en: 'check CSV/TSV/XLSX/ODS files (and folders) against the rules and a schema',
      fr: 'vérifie des fichiers CSV/TSV/XLSX/ODS (et des dossiers) selon les règles et un schéma',
    },
    run: async (argv, out, err) => (await import('./lint')).lintCommand(['lint', ...argv], out, err),
  },
  clean: {
    usage: {
      en: ['odw clean <file> [--recipe <recipe.json>] --out <file> [--record <recipe.json>] [--schema <name|path>] [--lang en|fr]'],
      fr: [
        'odw clean <fichier> [--recipe <recette.json>] --out <fichier> [--record <recette.json>] [--schema <nom|chemin>] [--lang en|fr]',
      ],
    },
    summary: {
      en: 'apply a recipe (or every certain fix) and write a new UTF-8 file',
      fr: 'applique une recette (ou toutes les corrections sûres) et écrit un nouveau fichier UTF-8',
    },
    run: async (argv, out, err) =>
      (await import('../core/clean/cli-clean')).cleanCommand(['clean', ...argv], out, err, (await import('./args')).defaultLang()),
  },
  schemas: {
    usage: {
      en: ['odw schemas [--format text|json] [--update] [--lang en|fr]'],
      fr: ['odw schemas [--format text|json] [--update] [--lang en|fr]'],
    },
    summary: {
      en: 'list the schema catalog (every table schema and version); --update refreshes it',
      fr: 'liste le catalogue des schémas (chaque schéma de table et ses versions) ; --update le met à jour',
    },
    run: async (argv, out, err) => (await import('./schemas')).schemasCommand(argv, out, err),
  },
  publish: {
    usage: {
      en: [
        'odw publish <datapackage.json | data file> --portal <base-url> [--type udata|ckan] [--organization <id>] [--dry-run] [--format text|json] [--lang en|fr] [--allow-errors "<reason>"]',
      ],
      fr: [
        'odw publish <datapackage.json | fichier de données> --portal <url-de-base> [--type udata|ckan] [--organization <id>] [--dry-run] [--format text|json] [--lang en|fr] [--allow-errors "<raison>"]',
      ],
    },
    summary: {
      en: 'publish a dataset to data.gouv.fr (udata) or CKAN: key in ODW_API_KEY, resumable, private until made public',
      fr: 'publie un jeu de données sur data.gouv.fr (udata) ou CKAN : clé dans ODW_API_KEY, reprise possible, privé tant qu’il n’est pas rendu public',
    },
    run: async (argv, out, err) => (await import('./publish')).publishCommand(argv, out, err),
  },
  convert: {
    usage: {
      en: ['odw convert <act.xml> --out <budget.csv> [--plans <dir>] [--compat yatotem2scdl] [--lang en|fr]'],
      fr: ['odw convert <acte.xml> --out <budget.csv> [--plans <dossier>] [--compat yatotem2scdl] [--lang en|fr]'],
    },
    summary: {
      en: 'convert a budget act (TOTEM DocumentBudgetaire XML) into an SCDL budget CSV',
      fr: 'convertit un acte budgétaire (XML TOTEM DocumentBudgetaire) en CSV budget SCDL',
    },
    run: async (argv, out, err) =>
      (await import('../core/budget/cli-convert')).convertCommand(argv, out, err, (await import('./args')).defaultLang()),
  },
  map: {
    usage: {
      en: ['odw map <file> --schema <name[@version]> [--format text|json] [--sheet <name>] [--lang en|fr]'],
      fr: ['odw map <fichier> --schema <nom[@version]> [--format text|json] [--sheet <nom>] [--lang en|fr]'],
    },
    summary: {
      en: 'propose how the columns of a file map to the fields of a schema',
      fr: 'propose la correspondance entre les colonnes d’un fichier et les champs d’un schéma',
    },
    run: async (argv, out, err) => (await import('./map')).mapCommand(argv, out, err),
  },
  standardise: {
    usage: {
      en: [
        'odw standardise <file> --schema <name[@version]> --out <file> [--recipe <recipe.json>] [--set field=value …] [--record <recipe.json>] [--sheet <name>] [--lang en|fr]',
      ],
      fr: [
        'odw standardise <fichier> --schema <nom[@version]> --out <fichier> [--recipe <recette.json>] [--set champ=valeur …] [--record <recette.json>] [--sheet <nom>] [--lang en|fr]',
      ],
    },
    summary: {
      en: 'map a file to a schema (proposed mapping or a recipe) and write a new UTF-8 CSV',
      fr: 'met un fichier au schéma (correspondance proposée ou recette) et écrit un nouveau CSV UTF-8',
    },
    run: async (argv, out, err) => (await import('./standardise')).standardiseCommand(argv, out, err),
  },
  diagnose: {
    usage: {
      en: [
        'odw diagnose --portal <base-url> [--type udata|ckan] --organization <id> [--format text|json] [--lang en|fr] [--timeout <seconds>] [--check-columns]',
      ],
      fr: [
        'odw diagnose --portal <url-de-base> [--type udata|ckan] --organization <id> [--format text|json] [--lang en|fr] [--timeout <secondes>] [--check-columns]',
      ],
    },
    summary: {
      en: "list an organisation's published datasets (udata/CKAN) with flags and its Socle coverage (read-only)",
      fr: 'liste les jeux publiés d’une organisation (udata/CKAN) avec leurs signalements et sa couverture du Socle (lecture seule)',
    },
    run: async (argv, out, err) => (await import('./diagnose')).diagnoseCommand(argv, out, err),
  },
};
