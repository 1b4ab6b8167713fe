// Shared fixtures for the portal tests: sample files, a plan builder, fast retry settings,
// and a "leak collector" that gathers every log line and error message of a test file so the
// last test can assert the API key appears in none of them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Linkage, Logger, PortalKind, PublishPlan } from '../../../src/core/portal';
import { isPortalError } from '../../../src/core/portal';

export const FAST_RETRY = { retries: 3, baseDelayMs: 2, maxDelayMs: 10, maxRetryAfterMs: 5_000 };

export function sampleFiles(rows = 50): { dir: string; subventions: string; budget: string } {
  const dir = mkdtempSync(join(tmpdir(), 'odw-portal-test-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const subventions = join(dir, '20240101_213502388_subventions.csv');
  const budget = join(dir, '20240101_213502388_budget.csv');
  let s = 'nomAttribuant,idAttribuant,dateConvention,nomBeneficiaire,montant\r\n';
  for (let i = 0; i < rows; i++)
    s += `Commune de Démo,21350238800019,2024-01-${String((i % 28) + 1).padStart(2, '0')},Association ${i},${1000 + i}\r\n`;
  writeFileSync(subventions, s);
  writeFileSync(budget, 'BGT_NATDEC,BGT_ANNEE,BGT_SIRET\r\nBP,2024,21350238800019\r\n');
  return { dir, subventions, budget };
}

export function makePlan(
  kind: PortalKind,
  url: string,
  apiKey: string,
  files: { subventions: string; budget: string },
  linkage: Linkage = { resources: {} },
): PublishPlan {
  return {
    profile: { kind, baseUrl: url, apiKey, name: 'Sandbox' },
    dataset: {
      title: 'Subventions accordées par la Commune de Démo',
      description:
        'Liste des subventions versées aux associations par la commune, au format SCDL, mise à jour chaque année après le vote du compte administratif.',
      license: 'lov2',
      frequency: 'annual',
      temporalCoverage: { start: '2024-01-01', end: '2024-12-31' },
      spatial: { zones: ['fr:commune:35238'], granularity: 'fr:commune' },
      tags: ['subventions', 'scdl'],
      organization: 'org-demo',
      private: false,
    },
    files: [
      {
        path: files.subventions,
        title: 'Subventions 2024',
        format: 'csv',
        description: 'Fichier SCDL',
        schema: { name: 'scdl/subventions', version: '2.1.1' },
      },
      { path: files.budget, title: 'Budget primitif 2024', format: 'csv', schema: { name: 'scdl/budget', version: '0.8.3' } },
    ],
    linkage,
  };
}

/** Collects log lines and error messages (en + fr + field errors) for the final leak check. */
export class LeakCollector {
  readonly lines: string[] = [];
  readonly logger: Logger = {
    debug: (m) => this.lines.push(m),
    info: (m) => this.lines.push(m),
    warn: (m) => this.lines.push(m),
    error: (m) => this.lines.push(m),
  };

  error(e: unknown): unknown {
    if (isPortalError(e)) this.lines.push(e.message, e.messages.en, e.messages.fr, JSON.stringify(e.fieldErrors ?? {}), String(e.stack));
    else if (e instanceof Error) this.lines.push(e.message, String(e.stack));
    return e;
  }

  text(t: string): void {
    this.lines.push(t);
  }

  /** Runs `fn`, records its error, and returns it (or undefined on success). */
  async capture<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
    try {
      return { value: await fn() };
    } catch (e) {
      return { error: this.error(e) };
    }
  }

  assertClean(keys: string[]): void {
    assert.ok(this.lines.length > 0, 'nothing was collected');
    for (const k of keys) {
      const hits = this.lines.filter((l) => l.includes(k));
      assert.deepEqual(hits, [], `API key found in ${hits.length} collected line(s)`);
    }
  }
}

/** Saves checkpoints like the workspace would; can simulate a crash before saving the n-th one. */
export class CheckpointStore {
  saved: Linkage = { resources: {} };
  count = 0;
  constructor(private crashAt?: number) {}
  readonly onCheckpoint = (l: Linkage): void => {
    this.count++;
    if (this.count === this.crashAt) throw new Error(`simulated crash at checkpoint ${this.count}`);
    this.saved = l;
  };
}
