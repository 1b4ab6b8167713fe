// `odw publish --type ckan` through the real dist/cli.js: licence ids from the portal's
// license_list, an unknown token reported as a bad key, and the key in no output.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startCkanEmulator } from '../../emulator/ckan';
import { makeProject, outputs, runCli } from './helpers';

test('CKAN: ODbL-1.0 is sent as the portal’s odc-odbl; etalab-2.0 (unknown to a default CKAN) is left out with a warning', async () => {
  const emu = await startCkanEmulator();
  try {
    const odbl = makeProject({ licence: 'ODbL-1.0' });
    const r = await runCli([odbl.dp, '--portal', emu.url, '--type', 'ckan', '--format', 'json'], { ODW_API_KEY: emu.apiKey });
    assert.equal(r.code, 0, r.err);
    const id = JSON.parse(r.out).dataset.id;
    assert.equal(emu.state.find(id)!.license_id, 'odc-odbl');
    assert.equal(emu.state.find(id)!.private, true, 'created private');
    const lo = makeProject({ licence: 'etalab-2.0' });
    const w = await runCli([lo.dp, '--portal', emu.url, '--type', 'ckan'], { ODW_API_KEY: emu.apiKey });
    assert.equal(w.code, 0, w.err);
    assert.match(w.err, /no licence matching etalab-2\.0/);
    assert.equal(emu.state.countDatasets(), 2);

    const bad = await runCli([odbl.dp, '--portal', emu.url, '--type', 'ckan'], { ODW_API_KEY: 'wrong-token-0123456789abcdef' });
    assert.equal(bad.code, 1);
    assert.match(bad.err, /anonymous/);
    assert.match(bad.err, /Set ODW_API_KEY/);
    for (const k of [emu.apiKey, 'wrong-token-0123456789abcdef'])
      assert.deepEqual(
        outputs.filter((o) => o.includes(k)),
        [],
      );
  } finally {
    await emu.stop();
  }
});
