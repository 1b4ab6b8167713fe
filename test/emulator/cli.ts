// Standalone "Sandbox" portal for demos: `node out-test/test/emulator/cli.js --port 8787 [--ckan]`.
// Prints the URL and a demo API key, then serves until Ctrl+C.
import { startCkanEmulator } from './ckan';
import { demoUser, startUdataEmulator } from './udata';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? 8787);
  const ckan = process.argv.includes('--ckan');
  const key = arg('key');
  const emu = ckan
    ? await startCkanEmulator({
        port,
        users: key
          ? [{ id: 'user-demo', name: 'demo', apiKey: key, organizations: [{ id: 'org-demo', name: 'commune-de-demo' }] }]
          : undefined,
      })
    : await startUdataEmulator({ port, users: key ? [{ ...demoUser(), apiKey: key }] : undefined });
  // The demo key is printed on purpose: it only opens this throw-away local sandbox.
  process.stdout.write(
    `Sandbox ${ckan ? 'CKAN' : 'udata'} portal: ${emu.url}\n` +
      `Demo API key: ${emu.apiKey}\n` +
      `Organization id: org-demo\n` +
      `Stop with Ctrl+C.\n`,
  );
  const stop = () => {
    void emu.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
