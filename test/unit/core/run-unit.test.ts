// scripts/run-unit.mjs: every directory or file it is given runs, a missing one stops it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'odw-run-unit-'));
for (const name of ['alpha', 'beta', 'gamma']) {
  mkdirSync(join(dir, name, 'deep'), { recursive: true });
  writeFileSync(join(dir, name, 'deep', `${name}.test.js`), `require('node:test')('ran ${name}', () => {});\n`);
}

function runUnit(...args: string[]): { code: number | null; out: string } {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // let the child report as if run from a shell
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-unit.mjs'), ...args], {
    encoding: 'utf8',
    env,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('run-unit runs every directory and file it is given, not only the first', () => {
  const r = runUnit(join(dir, 'alpha'), join(dir, 'beta'), join(dir, 'gamma', 'deep', 'gamma.test.js'));
  assert.equal(r.code, 0, r.out);
  for (const name of ['alpha', 'beta', 'gamma']) assert.match(r.out, new RegExp(`ran ${name}`));
});

test('run-unit fails loudly on a path that does not exist', () => {
  const r = runUnit(join(dir, 'alpha'), join(dir, 'nope'));
  assert.equal(r.code, 2);
  assert.match(r.out, /no such file or directory: .*nope/);
  assert.doesNotMatch(r.out, /ran alpha/);
});
