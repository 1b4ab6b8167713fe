// What a French user reads when publishing fails on a file or the network, or on anything that is
// not the portal's answer: French sentences, the system's reason in French words with its code.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { failureMessage, isPortalError, publishPlan } from '../../../src/core/portal';
import { hashFile } from '../../../src/core/portal/checksum';
import { FAST_RETRY, makePlan, sampleFiles } from './helpers';

const files = sampleFiles(3);

test('a local file that cannot be read: French words for the system’s reason', async () => {
  const gone = join(files.dir, 'parti.csv');
  const e = await hashFile(gone, 'sha256').then(
    () => null,
    (x: unknown) => x,
  );
  assert.ok(isPortalError(e, 'file'), String(e));
  assert.equal(e.messages.fr, `Le fichier local n’a pas pu être lu : ${gone} (fichier ou dossier introuvable (ENOENT))`);
  assert.match(e.messages.en, /^The local file could not be read: .*parti\.csv \(ENOENT: no such file or directory/);
});

test('a portal that refuses the connection: the network reason in French', async () => {
  // A port nobody listens on: taken, then freed.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const plan = makePlan('udata', `http://127.0.0.1:${port}`, 'k-secret-1234567890', files);
  const e = await publishPlan(plan, { retry: FAST_RETRY }).then(
    () => null,
    (x: unknown) => x,
  );
  assert.ok(isPortalError(e, 'network'), String(e));
  assert.match(e.messages.fr, /^Erreur réseau : .* \(connexion refusée \(ECONNREFUSED\)\)$/);
  assert.match(e.messages.en, /\(ECONNREFUSED\)$/);
  assert.equal(failureMessage(e, 'fr'), e.messages.fr);
});

test('a failure that is not the portal’s: a French sentence around the reason', () => {
  const denied = Object.assign(new Error("EACCES: permission denied, open '/p/.opendata/project.json'"), { code: 'EACCES' });
  assert.equal(failureMessage(denied, 'fr'), 'La publication a échoué : accès refusé (EACCES)');
  assert.equal(failureMessage(denied, 'en'), "EACCES: permission denied, open '/p/.opendata/project.json'");
  // A library's message without a code: its known words in French, else as it was.
  assert.equal(
    failureMessage(new Error('unexpected end of file'), 'fr'),
    'La publication a échoué : fin des données compressées inattendue',
  );
  assert.equal(failureMessage(new Error('something odd'), 'fr'), 'La publication a échoué : something odd');
});
