// The publish gate announces a file's true error count, not the length of its capped list.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/core/model';
import { describeGate, runHeadlessGate } from '../../../src/core/portal/headless-gate';
import { gateTally, shownCount } from '../../../src/core/portal/gate-tally';

const d = (rule: string, severity: Diagnostic['severity'] = 'error') => ({ rule, severity, message: rule }) as Diagnostic;

test('other errors are counted from the totals when the personal-data list is complete', () => {
  const t = gateTally({
    diagnostics: [d('personal-data'), d('personal-data', 'warning'), d('missing-cell'), d('missing-cell')],
    counts: { error: 9001, warning: 1, info: 0 },
    byRule: { 'personal-data': 2, 'missing-cell': 8999 },
  });
  assert.deepEqual([t.personal?.count, t.personal?.atLeast], [1, false]);
  assert.deepEqual([t.others?.count, t.others?.atLeast], [9000, false]);
});

test('a cut personal-data list makes both counts lower bounds, said as such', () => {
  const t = gateTally({
    diagnostics: [d('personal-data'), d('missing-cell')],
    counts: { error: 50, warning: 0, info: 0 },
    byRule: { 'personal-data': 40, 'missing-cell': 10 },
  });
  assert.equal(shownCount(t.personal!), '≥ 1');
  assert.equal(shownCount(t.others!), '≥ 1');
});

test('odw publish gate: a file with more errors than the list holds is announced with its true count', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'odw-gate-'));
  const file = join(dir, 'short.csv');
  writeFileSync(file, 'nom,montant\n' + 'A\n'.repeat(120_000)); // each row short of a cell
  const gate = await runHeadlessGate([{ path: file } as never], 'en');
  assert.equal(gate.errors.length, 1);
  assert.equal(gate.errors[0].count, 120_000);
  assert.match(describeGate(gate.errors, 'en'), /: 120000 error\(s\), first:/);
});
