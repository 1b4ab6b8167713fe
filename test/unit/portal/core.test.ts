// Pure pieces of the publishing core: redaction, Retry-After and backoff, URL policy,
// error-shape parsing (udata and CKAN), multipart framing, quality pre-flight.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { redact, redactingLogger } from '../../../src/core/portal/redact';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from '../../../src/core/portal/retry';
import { assertSafeUrl } from '../../../src/core/portal/url';
import { errorFromResponse } from '../../../src/core/portal/http-errors';
import { buildMultipart } from '../../../src/core/portal/multipart';
import { checkPlanQuality, isPortalError } from '../../../src/core/portal';
import { boundaryOf, parseMultipart } from '../../emulator/multipart';
import { makePlan, sampleFiles } from './helpers';

const KEY = 'eyJhbGciOiJIUzUxMiJ9.secret-key-value';

test('redact masks the key, header dumps, and every logger line', () => {
  assert.equal(redact(`key=${KEY} again ${KEY}`, [KEY]), 'key=*** again ***');
  assert.equal(redact('X-API-KEY: abcdef123', []), 'X-API-KEY: ***');
  assert.equal(redact('{"Authorization":"tok-123"}', []), '{"Authorization":"***"}');
  const lines: string[] = [];
  const log = redactingLogger(
    { debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) },
    [KEY],
  );
  log.info(`sending ${KEY}`);
  log.error(`failed ${KEY}`);
  assert.deepEqual(lines, ['sending ***', 'failed ***']);
});

test('Retry-After: seconds, HTTP date, garbage; backoff stays within bounds', () => {
  assert.equal(parseRetryAfter('2'), 2000);
  assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6000);
  assert.equal(parseRetryAfter('soon'), undefined);
  assert.equal(parseRetryAfter(null), undefined);
  const o = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
  for (let attempt = 0; attempt < 8; attempt++) {
    const step = Math.min(1000, 100 * 2 ** attempt);
    assert.equal(backoffDelay(attempt, { ...o, random: () => 0 }), step / 2);
    assert.equal(backoffDelay(attempt, { ...o, random: () => 1 }), step);
  }
});

test('URL policy: HTTPS anywhere, HTTP on loopback only, no credentials in URL', () => {
  for (const ok of ['https://www.data.gouv.fr/api/1/', 'http://127.0.0.1:8787', 'http://[::1]:9', 'http://[::ffff:127.0.0.1]:9'])
    assert.doesNotThrow(() => assertSafeUrl(ok));
  // Names go through the resolver: `localhost` and `*.localhost` are not literal loopback addresses.
  for (const bad of [
    'http://data.gouv.fr',
    'http://192.168.1.2',
    'file:///etc/passwd',
    'https://user:pw@x.fr',
    'nope',
    'http://localhost',
    'http://a.localhost:8787',
    'javascript:alert(1)',
  ]) {
    assert.throws(
      () => assertSafeUrl(bad),
      (e) => isPortalError(e, 'unsafe-url'),
    );
  }
});

test('error shapes: udata field errors, udata message, CKAN envelope, HTML 502; key redacted', () => {
  const v = errorFromResponse(400, { errors: { title: ['This field is required.'], tags: ['too short'] }, message: 'Validation error' }, [
    KEY,
  ]);
  assert.equal(v.kind, 'bad-request');
  assert.deepEqual(v.fieldErrors, { title: ['This field is required.'], tags: ['too short'] });
  assert.match(v.messages.en, /title: This field is required\./);
  assert.match(v.messages.fr, /^Le portail a refusé la requête : /);
  const ct = errorFromResponse(400, { errors: { 'Content-Type': 'expecting application/json' } }, []);
  assert.deepEqual(ct.fieldErrors, { 'Content-Type': ['expecting application/json'] });
  const u = errorFromResponse(401, { message: `Invalid API token ${KEY}` }, [KEY]);
  assert.equal(u.kind, 'unauthorized');
  assert.ok(!u.message.includes(KEY));
  const c = errorFromResponse(409, { success: false, error: { __type: 'Validation Error', name: ['That URL is already in use.'] } }, []);
  assert.deepEqual(c.fieldErrors, { name: ['That URL is already in use.'] });
  const h = errorFromResponse(502, '<html>Bad gateway</html>', []);
  assert.equal(h.kind, 'server');
  const codes: [number, string][] = [
    [403, 'forbidden'],
    [404, 'not-found'],
    [410, 'gone'],
    [413, 'too-large'],
    [415, 'unsupported-media'],
    [423, 'locked'],
    [429, 'rate-limited'],
    [503, 'server'],
    [418, 'http'],
  ];
  for (const [s, k] of codes) assert.equal(errorFromResponse(s, undefined, []).kind, k);
});

test('multipart body: exact Content-Length, parseable, UTF-8 file name', async () => {
  const files = sampleFiles(10);
  const mp = await buildMultipart({
    fields: { name: 'Données 2024' },
    file: { field: 'file', path: files.subventions, filename: 'données "2024".csv' },
  });
  const chunks: Uint8Array[] = [];
  let last = 0;
  const reader = mp.stream((n) => (last = n)).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  const body = Buffer.concat(chunks);
  assert.equal(body.length, mp.length);
  assert.equal(last, mp.length);
  const parsed = parseMultipart(body, boundaryOf(mp.contentType)!)!;
  assert.equal(parsed.fields.name, 'Données 2024');
  assert.equal(parsed.files[0].filename, 'données "2024".csv');
  assert.deepEqual(parsed.files[0].data, readFileSync(files.subventions));
  await assert.rejects(buildMultipart({ fields: {}, file: { field: 'file', path: '/nonexistent.csv' } }), (e) => isPortalError(e, 'file'));
});

test('quality pre-flight follows the data.gouv.fr score criteria', () => {
  const files = sampleFiles(1);
  const good = checkPlanQuality(makePlan('udata', 'https://x', 'k', files));
  assert.equal(good.points, 7);
  assert.deepEqual(good.hints, []);
  const poor = makePlan('udata', 'https://x', 'k', files);
  poor.dataset = { title: 'T', description: 'court', tags: ['ab'], private: true };
  poor.files = [{ path: files.budget, title: 'B', format: 'xlsx' }];
  const q = checkPlanQuality(poor);
  assert.equal(q.points, 0);
  assert.deepEqual(q.hints.map((h) => h.code).sort(), [
    'description-short',
    'frequency-missing',
    'license-missing',
    'no-open-format',
    'no-resource-description',
    'spatial-missing',
    'tag-length',
    'temporal-missing',
  ]);
  assert.ok(q.hints.every((h) => h.message.fr && h.message.en));
});
