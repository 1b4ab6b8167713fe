// The publication's log in the user's language: the core writes its lines in the logger's `lang`
// (the CLI's --lang, the extension's display language), against the udata emulator; English lines
// stay word for word, and the API key is in none of them.
import test from 'node:test';
import assert from 'node:assert/strict';
import { publishPlan, publishReuse, type Logger } from '../../../src/core/portal';
import { startUdataEmulator } from '../../emulator/udata';
import { FAST_RETRY, makePlan, sampleFiles } from './helpers';

const files = sampleFiles();

function collector(lang: 'en' | 'fr'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (m: string) => void lines.push(`[${level}] ${m}`);
  return { lines, logger: { lang, debug: () => {}, info: push('info'), warn: push('warn'), error: push('error') } };
}

/** A publication, a retried 503, a second run with nothing changed, a reuse whose recorded id is gone. */
async function run(lang: 'en' | 'fr'): Promise<{ lines: string[]; key: string }> {
  const emu = await startUdataEmulator();
  const { logger, lines } = collector(lang);
  try {
    const plan = makePlan('udata', emu.url, emu.apiKey, files);
    emu.faults.add({ method: 'GET', path: /^\/api\/1\/me\/$/, action: { kind: 'status', status: 503 }, times: 1 });
    const first = await publishPlan(plan, { retry: FAST_RETRY, logger });
    await publishPlan({ ...plan, linkage: first.linkage }, { retry: FAST_RETRY, logger });
    await publishReuse(
      {
        profile: plan.profile,
        datasetId: first.datasetId,
        title: 'Carte des subventions',
        description: 'La carte interactive.',
        page: { url: 'https://ville.example.fr/carte' },
        linkage: { reuseId: 'reuse-supprimee', marker: 'm-1' },
      },
      { retry: FAST_RETRY, logger },
    );
    return { lines, key: emu.apiKey };
  } finally {
    await emu.stop();
  }
}

test('under lang fr the publication log is in French, under en in English, the key in neither', async () => {
  const fr = await run('fr');
  const en = await run('en');
  const f = fr.lines.join('\n');
  const e = en.lines.join('\n');
  assert.match(
    f,
    /\[info\] .*20240101_213502388_subventions\.csv n’a pas changé depuis la dernière publication : il n’est pas envoyé à nouveau/,
  );
  assert.match(f, /\[warn\] GET http:\S+\/api\/1\/me\/ : HTTP 503, nouvel essai 1\/3 dans \d+ ms/);
  assert.match(f, /\[info\] votre clé peut publier pour l’organisation Commune de Démo \(rôle éditeur\)/);
  assert.match(f, /\[warn\] la réutilisation reuse-supprimee a disparu du portail : elle est créée à nouveau/);
  assert.match(e, /\[info\] .*20240101_213502388_subventions\.csv is unchanged since the last publication: not uploaded again/);
  assert.match(e, /\[warn\] reuse reuse-supprimee is gone from the portal: creating it again/);
  for (const l of fr.lines) {
    // The request lines ("<- 200 GET …") are words of HTTP, the same in both languages.
    if (/^\[info\] <- \d{3} /.test(l)) continue;
    assert.doesNotMatch(l, /\b(is|the|not|again|retry|creating|uploading|looking)\b/, l);
  }
  assert.equal(fr.lines.length, en.lines.length, 'the same lines, said in two languages');
  for (const r of [fr, en])
    assert.deepEqual(
      r.lines.filter((l) => l.includes(r.key)),
      [],
    );
});
