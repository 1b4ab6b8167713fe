// Runs the real built CLI (`node dist/cli.js publish …`) against an in-process emulator, in a
// throw-away copy of a small project, and keeps every output for the final key grep.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Every stdout, stderr and project file seen by this test file. */
export const outputs: string[] = [];

export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  return new Promise((resolve) => {
    const e = { ...process.env, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete e[k];
    execFile(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'publish', ...args],
      { env: e, timeout: 60_000, encoding: 'utf8' },
      (error, out, err) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 99) : 0;
        outputs.push(out, err);
        resolve({ code, out, err });
      },
    );
  });
}

/** A project folder: datapackage.json, one SCDL-free CSV, the Etalab file name. */
export function makeProject(opts: { csv?: string; licence?: string; extra?: Record<string, unknown> } = {}): {
  dir: string;
  dp: string;
  csv: string;
  project: () => any;
} {
  const dir = mkdtempSync(join(tmpdir(), 'odw-publish-cli-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const csv = join(dir, '20240115_213502388_equipements.csv');
  writeFileSync(
    csv,
    opts.csv ?? 'nom,commune,date_ouverture,capacite\nPiscine des Ondines,Rennes,2019-06-01,450\nMédiathèque,Rennes,2012-09-15,120\n',
  );
  const dp = join(dir, 'datapackage.json');
  writeFileSync(
    dp,
    JSON.stringify({
      name: 'cli-fixture',
      resources: [
        {
          name: 'equipements',
          path: '20240115_213502388_equipements.csv',
          title: 'Équipements',
          format: 'csv',
          description: 'Un équipement par ligne.',
          dataset: 'equipements',
        },
      ],
      datasets: [
        {
          name: 'equipements',
          title: 'Équipements publics de Rennes (test)',
          description:
            'Liste des équipements sportifs et culturels gérés par la commune : nom, commune, date d’ouverture et capacité d’accueil. Mise à jour chaque année.',
          licenses: [{ name: opts.licence ?? 'etalab-2.0' }],
          frequency: 'annual',
          keywords: ['equipements', 'sport'],
          organization: 'org-demo',
          spatial: { zones: ['fr:commune:35238'], granularity: 'fr:commune' },
          ...opts.extra,
        },
      ],
    }),
  );
  const project = () => {
    const text = readFileSync(join(dir, '.opendata', 'project.json'), 'utf8');
    outputs.push(text);
    return JSON.parse(text);
  };
  return { dir, dp, csv, project };
}

export function copyFixture(rel: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'odw-publish-fx-'));
  cpSync(join(ROOT, rel), dir, { recursive: true });
  return dir;
}

/** Starts the CLI without waiting, so a test can kill it mid-run (an interrupted scheduled job). */
export function startCli(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'publish', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => outputs.push(String(d)));
  child.stderr!.on('data', (d) => outputs.push(String(d)));
  return child;
}
