// The bench's own bundles of the engine, built before any clock starts: the library exactly as
// the CLI and the worker ship it (engine.cjs), and the catalog measures' bundle (catalog.cjs).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA } from './files.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function buildBenchBundles() {
  // Bundle the engine as a library, exactly as the CLI and the worker ship it.
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: {
      contents:
        "export { lintFile } from './src/core/lint-file'; export { useSplitLint } from './src/core/split/split-lint'; export { cleanCsvFile } from './src/core/clean/clean-stream'; export { aggregate } from './src/core/chart/aggregate'; export { convertActToFile } from './src/core/budget/convert';",
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(DATA, 'engine.cjs'),
    logLevel: 'error',
  });
  // The catalog and fr-format measures' own bundle (packages stay external: the reference data is
  // built from them on first use, before the clock).
  await esbuild.build({
    stdin: {
      contents:
        "export { detectSchema } from './src/core/schema/detect'; export { currentCatalog } from './src/core/catalog/load'; export { frFormatChecks } from './src/core/checks/registry';",
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: join(DATA, 'catalog.cjs'),
    logLevel: 'error',
  });
}
