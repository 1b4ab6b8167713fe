// Bundles the extension, the CLI, the lint worker and the webviews with esbuild.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const prod = process.argv.includes('--production');
// A production build starts clean, so no stale source map ends up in the package.
if (prod) rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !prod,
  minify: prod,
  logLevel: 'warning',
  // exceljs pulls optional native/browser shims we never call.
  external: ['vscode'],
};

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/core/worker/lint-worker.ts'], outfile: 'dist/lint-worker.js' },
];
for (const name of ['chart', 'grid', 'metadata']) {
  const entry = `webview-ui/${name}/main.ts`;
  if (existsSync(entry))
    builds.push({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: !prod, minify: prod, logLevel: 'warning', entryPoints: [entry], outfile: `dist/webview/${name}.js` });
}

const present = builds.filter((b) => existsSync(b.entryPoints[0]));
if (watch) {
  for (const b of present) (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
