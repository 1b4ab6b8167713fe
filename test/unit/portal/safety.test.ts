// #16 item 11 for publishing: redaction before truncation in every form a key takes, anchored
// portal URL checks, literal loopback only, capped answers, confined paths; and the quality
// score exactly as udata computes it (#21).
import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlanQuality, confinePath, isDataGouvSetting, isPortalError, isSafeLink, redact } from '../../../src/core/portal';
import { errorFromResponse } from '../../../src/core/portal/http-errors';
import { HttpTransport } from '../../../src/core/portal/transport';
import { qualityScore } from '../../../src/core/project';

const KEY = 'odw-demo-4f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c';

test('redaction: whole, Bearer, URL-encoded, base64, split by a line break, and a fragment cut by a portal', () => {
  const forms = [
    `key=${KEY}`,
    `Authorization: Bearer ${KEY}`,
    `authorization: Token ${KEY}`,
    `?k=${encodeURIComponent(`${KEY}/`)}`,
    Buffer.from(KEY).toString('base64'),
    `${KEY.slice(0, 15)}\n${KEY.slice(15)}`,
    `${KEY.slice(0, 15)}\\n${KEY.slice(15)}`,
    `…${KEY.slice(11)}`,
    `${KEY.slice(0, 20)}…`,
  ];
  for (const f of forms) {
    const out = redact(f, [KEY]);
    assert.ok(!out.includes(KEY.slice(0, 12)) && !out.includes(KEY.slice(-12)), `${f} → ${out}`);
    assert.ok(out.includes('***'), out);
  }
  assert.equal(redact('Bearer abcdefgh12345678', []), 'Bearer ***', 'any Bearer credential');
  assert.equal(redact('Invalid API token', [KEY]), 'Invalid API token');
});

test('a portal message is redacted whole before it is cut to 300 characters', () => {
  const body = `${'x'.repeat(290)} ${KEY} and more`;
  const e = errorFromResponse(500, body, [KEY]);
  assert.ok(!e.messages.en.includes(KEY.slice(0, 9)), e.messages.en);
  assert.ok(!e.messages.en.includes(KEY.slice(0, 12)));
});

test('URL checks: openData.dataGouvUrl anchored, only literal loopback for plain HTTP, links opened only when safe', () => {
  for (const ok of ['https://www.data.gouv.fr', 'https://demo.data.gouv.fr/', 'http://127.0.0.1:8787', 'http://[::1]:9'])
    assert.ok(isDataGouvSetting(ok), ok);
  for (const bad of [
    'https://www.data.gouv.fr.evil.com',
    'https://www.data.gouv.fr@evil.com',
    'https://evil.com/www.data.gouv.fr',
    'http://www.data.gouv.fr',
    'http://localhost:8787',
    'http://x.localhost',
    'https://demo.data.gouv.fr:8443',
    '',
  ]) {
    assert.ok(!isDataGouvSetting(bad), bad);
  }
  assert.ok(isSafeLink('https://www.data.gouv.fr/fr/datasets/x/'));
  for (const bad of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'command:workbench.action.terminal.new',
    'http://evil.example/',
    'http://a.localhost/',
  ])
    assert.ok(!isSafeLink(bad), bad);
});

test('an answer larger than the cap is refused, not read whole', async () => {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(`"${'a'.repeat(200_000)}"`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const t = new HttpTransport({ secrets: [], authHeaders: {}, maxResponseBytes: 64 * 1024, retry: { retries: 0 } });
    await assert.rejects(
      t.send({ method: 'GET', url: `http://127.0.0.1:${port}/`, idempotent: true }),
      (e) => isPortalError(e, 'protocol') && /larger than/.test(e.message),
    );
  } finally {
    server.close();
  }
});

test('paths from datapackage.json: no absolute path, no "..", no link leaving the project', () => {
  const root = mkdtempSync(join(tmpdir(), 'odw-confine-'));
  const outside = mkdtempSync(join(tmpdir(), 'odw-outside-'));
  writeFileSync(join(outside, 'id_rsa.csv'), 'secret');
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'ok.csv'), 'a\n1\n');
  symlinkSync(join(outside, 'id_rsa.csv'), join(root, 'data', 'link.csv'));
  assert.deepEqual(confinePath(root, 'data/ok.csv'), { ok: true, abs: join(root, 'data', 'ok.csv') });
  assert.deepEqual(confinePath(root, join(outside, 'id_rsa.csv')), { ok: false, reason: 'absolute' });
  assert.deepEqual(confinePath(root, '../x/id_rsa.csv'), { ok: false, reason: 'parent' });
  assert.deepEqual(confinePath(root, 'data/../../x.csv'), { ok: false, reason: 'parent' });
  assert.deepEqual(confinePath(root, 'data/link.csv'), { ok: false, reason: 'outside' });
  assert.deepEqual(confinePath(root, 'C:\\Users\\x.csv'), { ok: false, reason: 'absolute' });
});

test('quality score as udata computes it: unknown frequency scores nothing, more than 100 characters, documentation type, udata periods', () => {
  const base = {
    name: 'd',
    title: 'T',
    licenses: [{ name: 'etalab-2.0' }],
    temporalCoverage: { start: '2024-01-01', end: '2024-12-31' },
    spatial: { granularity: 'fr:commune' },
  };
  const view = (meta: object, resources: object[] = [{ name: 'r', path: 'a.csv' }]) => ({ meta: { ...base, ...meta }, resources }) as any;
  const unknown = qualityScore(view({ frequency: 'unknown', description: 'x'.repeat(101) }));
  assert.equal(unknown.criteria.find((c) => c.id === 'frequency')!.met, false);
  assert.equal(unknown.criteria.find((c) => c.id === 'update-in-time')!.met, false, 'no update_fulfilled_in_time without a frequency');
  assert.equal(
    qualityScore(view({ frequency: 'annual', description: 'x'.repeat(100) })).criteria.find((c) => c.id === 'description')!.met,
    false,
    'exactly 100 is not more than 100',
  );
  assert.equal(
    qualityScore(view({ frequency: 'annual', description: 'x'.repeat(101) })).criteria.find((c) => c.id === 'description')!.met,
    true,
  );
  const doc = qualityScore(
    view({ frequency: 'annual' }, [
      { name: 'r', path: 'a.csv' },
      { name: 'g', path: 'guide.pdf', type: 'documentation' },
    ]),
  );
  assert.equal(doc.criteria.find((c) => c.id === 'resources-documentation')!.met, true);
  // semiannual is 365 days in udata (not 183): published 200 days ago is still on time.
  const now = new Date('2026-12-01T00:00:00Z');
  const published = new Date(now.getTime() - 200 * 86_400_000).toISOString();
  assert.equal(
    qualityScore(view({ frequency: 'semiannual' }), { publishedAt: published, now }).criteria.find((c) => c.id === 'update-in-time')!.met,
    true,
  );
  // quarterly is 93 days: 93.5 days late is within udata's one day of grace, 95 is not.
  const late = (days: number) =>
    qualityScore(view({ frequency: 'quarterly' }), {
      publishedAt: new Date(now.getTime() - days * 86_400_000).toISOString(),
      now,
    }).criteria.find((c) => c.id === 'update-in-time')!.met;
  assert.equal(late(93.5), true);
  assert.equal(late(95), false);
  const plan = {
    profile: { kind: 'udata', baseUrl: 'https://x', apiKey: 'k' },
    dataset: { title: 'T', description: 'x'.repeat(100), frequency: 'unknown', private: true },
    files: [],
    linkage: { resources: {} },
  } as any;
  assert.equal(checkPlanQuality(plan).points, 0);
});
