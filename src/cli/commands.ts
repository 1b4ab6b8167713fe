// The `odw` commands, one entry each: its usage line and its module, loaded on first use so that
// `odw lint` does not parse the publishing or conversion code. Adding a command = one entry here
// and one file in src/cli/ (or its area's folder) exporting `run(argv, out, err): Promise<number>`.
import type { Write } from './args';

export interface Command {
  /** One line per form of the command, shown by `odw --help` and `odw <command> --help`. */
  usage: string[];
  /** What it does, in one line, for `odw --help`. */
  summary: string;
  /** argv without the command name. Exit code: 0 success, 1 data problem or failure, 2 usage. */
  run: (argv: string[], out: Write, err: Write) => Promise<number>;
}

export const commands: Record<string, Command> = {
  lint: {
    usage: ['odw lint <paths…> [--schema <name|path>] [--format text|json|sarif] [--lang en|fr] [--max-problems N]'],
    summary: 'check CSV/TSV/XLSX/ODS files (and folders) against the rules and a schema',
    run: async (argv, out, err) => (await import('./lint')).lintCommand(['lint', ...argv], out, err),
  },
  clean: {
    usage: ['odw clean <file> [--recipe <recipe.json>] --out <file> [--record <recipe.json>] [--schema <name|path>] [--lang en|fr]'],
    summary: 'apply a recipe (or every certain fix) and write a new UTF-8 file',
    run: async (argv, out, err) => (await import('../core/clean/cli-clean')).cleanCommand(['clean', ...argv], out, err),
  },
  diagnose: {
    usage: ['odw diagnose --portal <base-url> [--type udata|ckan] --organization <id> [--format text|json] [--lang en|fr] [--timeout <seconds>] [--check-columns]'],
    summary: "list an organisation's published datasets (udata/CKAN) with flags and its Socle coverage (read-only)",
    run: async (argv, out, err) => (await import('./diagnose')).diagnoseCommand(argv, out, err),
  },
};
