// `odw`: the same engine as the extension, for scripts and CI. One command per entry of
// src/cli/commands.ts; this file only dispatches and prints help.
import { join } from 'node:path';
import { useSplitLint } from './core/split/split-lint';
import { commands } from './cli/commands';
import { defaultLang, type Write } from './cli/args';
import type { Lang } from './core/model';
import { langOf } from './core/usage-words';

export { UsageError } from './cli/args';

function version(): string {
  try {
    return (require('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The help: the commands with what each does (in `lang`), then their usage lines. */
export function usage(lang: Lang = defaultLang()): string {
  const fr = lang === 'fr';
  const lines = [
    fr
      ? 'usage : odw <commande> [options]   (odw <commande> --help pour ses options)'
      : 'usage: odw <command> [options]   (odw <command> --help for its options)',
    '',
    fr ? 'commandes :' : 'commands:',
  ];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(12)} ${c.summary[lang]}`);
  lines.push('', ...Object.values(commands).flatMap((c) => c.usage[lang]), '', 'odw --help | odw --version');
  return lines.join('\n');
}

const isHelp = (a: string | undefined) => a === '--help' || a === '-h' || a === 'help';

export async function main(argv: string[], out: Write, err: Write): Promise<number> {
  const [name, ...rest] = argv;
  const lang = langOf(rest, defaultLang());
  if (name === '--version' || name === '-v') {
    out(version());
    return 0;
  }
  if (isHelp(name)) {
    out(usage(lang));
    return 0;
  }
  if (!name) {
    err(usage());
    return 2;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    err(`${lang === 'fr' ? `commande inconnue « ${name} »` : `unknown command “${name}”`}\n${usage(lang)}`);
    return 2;
  }
  if (rest.some(isHelp)) {
    out(command.usage[lang].map((u) => `${lang === 'fr' ? 'usage :' : 'usage:'} ${u}`).join('\n'));
    return 0;
  }
  return command.run(rest, out, err);
}

if (require.main === module) {
  // dist/cli.js: the split lint's part worker is built next to it (large CSVs use several cores).
  useSplitLint(join(__dirname, 'lint-part-worker.js'));
  // `odw lint … | head`: the reader went away. That is the user's choice, not a failure: stop
  // printing instead of dying on an unhandled EPIPE, and finish so the exit code stays true.
  let piped = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    piped = false;
  });
  main(
    process.argv.slice(2),
    (s) => void (piped && process.stdout.write(s + '\n')),
    (s) => process.stderr.write(s + '\n'),
  ).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`odw: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
