// The publication log in French, in the real extension host: run with the display language French
// (ODW_TEST_LOCALE=fr npm run test:host, or npm run test:host:fr), against the udata emulator. Every
// line the run writes to the "Open Data" channel is French — the host's (vscode.l10n.t) and the
// core's (the Logger's lang) — and none holds the API key. Skipped under another display language.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startUdataEmulator, type UdataEmulator } from '../emulator/udata';
import { api } from './lint.test';

interface Outcome {
  ok: boolean;
  stopped?: string;
  url?: string;
  log: string[];
}

const DATASET = { datapackage: 'publish-project/datapackage.json', name: 'publish-equipements' };
const BROKEN = { datapackage: 'publish-broken/datapackage.json', name: 'publish-broken' };
/** English words of the log's own sentences; file names, URLs and HTTP lines are the same in both languages. */
const ENGLISH =
  /\b(published|publishing|made public|unchanged|not uploaded|again|errors? block|despite|reason|named after|declared|your key|gone|found)\b/i;
const wording = (line: string) =>
  line
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\S+\.(csv|json)\b/g, '')
    .replace(/\bpublish-(equipements|broken)\b/g, '')
    .replace(/AAAAMMJJ_<SIREN>_<nom>/, '');

suite('Publish log in French (fr)', () => {
  let emu: UdataEmulator;
  let portal: { name: string; type: 'udata'; url: string };
  const runs: Outcome[] = [];
  const publish = async (args: object) => {
    const out = (await vscode.commands.executeCommand('openData.publish', { portal, confirm: true, ...args })) as Outcome;
    runs.push(out);
    return out;
  };

  suiteSetup(async function () {
    if (!vscode.env.language.toLowerCase().startsWith('fr')) this.skip();
    await api();
    emu = await startUdataEmulator();
    portal = { name: 'Bac à sable', type: 'udata', url: emu.url };
    assert.equal(await vscode.commands.executeCommand('openData.setPortalApiKey', { portal, apiKey: emu.apiKey }), true);
  });
  suiteTeardown(async () => {
    if (!emu) return;
    await vscode.commands.executeCommand('openData.forgetPortalApiKey', { portal });
    await emu.stop();
  });

  test('a publication, made public, then again unchanged: the log is French', async () => {
    const first = await publish({ dataset: DATASET, makePublic: true });
    assert.ok(first.ok, JSON.stringify(first));
    const log = first.log.join('\n');
    assert.match(log, /^\[info\] publication publish-equipements → http:\S+ \(1 fichier\(s\)\)$/m);
    assert.match(log, new RegExp(`^\\[info\\] publish-equipements publié : ${first.url!.replace(/[.?]/g, '\\$&')}$`, 'm'));
    assert.match(log, /^\[info\] rendu public : http:\S+$/m);
    const again = await publish({ dataset: DATASET });
    assert.ok(again.ok, JSON.stringify(again));
    // The core's line, in the language the extension gave its logger.
    assert.match(
      again.log.join('\n'),
      /^\[info\] \S+20240115_214900016_equipements\.csv n’a pas changé depuis la dernière publication : il n’est pas envoyé à nouveau$/m,
    );
  });

  test('lint errors: the block, the reason, the naming and the schema notes are French', async () => {
    const blocked = await publish({ dataset: BROKEN });
    assert.equal(blocked.stopped, 'lint-errors');
    assert.match(blocked.log.join('\n'), /^\[error\] des erreurs bloquent la publication : /m);
    const out = await publish({ dataset: BROKEN, override: { reason: 'cellule en trop, corrigée le mois prochain' } });
    assert.ok(out.ok, JSON.stringify(out));
    const log = out.log.join('\n');
    assert.match(log, /^\[warn\] publication malgré les erreurs \(.*\) ; raison : cellule en trop, corrigée le mois prochain$/ms);
    assert.match(log, /^\[info\] noms qui ne suivent pas la convention Etalab AAAAMMJJ_<SIREN>_<nom> : publish-broken\.csv$/m);
    assert.match(log, /^\[warn\] Aucun schéma déclaré pour publish-broken\.csv/m);
  });

  test('no line of the runs is English, none holds the API key', () => {
    assert.ok(runs.length >= 4);
    for (const line of runs.flatMap((r) => r.log)) {
      assert.ok(!line.includes(emu.apiKey), 'the API key is in a log line');
      // "<- 200 GET …": the request lines are HTTP's words, the same in both languages.
      if (/^\[info\] <- \d{3} /.test(line)) continue;
      assert.doesNotMatch(wording(line), ENGLISH, line);
    }
  });
});
