// Bundles the extension, the CLI, the lint worker and the webviews with esbuild.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

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

// Heavy libraries stay out of the extension host bundle: src/core/vendor.ts requires them on
// first use, and here they resolve to dist/vendor/*.js, so activation parses a small file.
// ajv and ajv-formats share one file: the formats plugin must use the same ajv code.
const VENDOR_FILES = {
  ajv: 'module.exports = { ajv: require("ajv"), formats: require("ajv-formats") };',
  chardet: 'module.exports = require("chardet");',
  'iconv-lite': 'module.exports = require("iconv-lite");',
  saxes: 'module.exports = require("saxes");',
  yauzl: 'module.exports = require("yauzl");',
};
const VENDORED = {
  ajv: ['ajv', '.ajv'],
  'ajv-formats': ['ajv', '.formats'],
  chardet: ['chardet', ''],
  'iconv-lite': ['iconv-lite', ''],
  saxes: ['saxes', ''],
  yauzl: ['yauzl', ''],
};
const vendorPlugin = {
  name: 'vendor',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(VENDORED).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.importer.endsWith('vendor.ts') ? { path: args.path, namespace: 'vendor' } : undefined));
    b.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => {
      const [file, member] = VENDORED[args.path];
      return { contents: `module.exports = require("./vendor/${file}.js")${member};`, loader: 'js' };
    });
  },
};

// The French reference data (src/core/fr/ref-data.ts) is computed here, once, from the
// packages, and shipped as brotli JSON (dist/vendor/fr-ref.json.br, a quarter of the plain
// text's deflated size in the VSIX, which must stay under 3 MB) behind the small loader
// dist/vendor/fr-ref.js; every bundle requires that loader on first use instead of carrying
// the packages' JSON.
async function buildFrReference() {
  const tmp = 'dist/.fr-ref-build.cjs';
  await esbuild.build({ entryPoints: ['src/core/fr/ref-data.ts'], outfile: tmp, platform: 'node', format: 'cjs', logLevel: 'warning' });
  const data = Buffer.from(JSON.stringify(createRequire(import.meta.url)(`../${tmp}`).buildReference()));
  mkdirSync('dist/vendor', { recursive: true });
  const { BROTLI_PARAM_QUALITY, BROTLI_PARAM_SIZE_HINT } = zlib.constants;
  writeFileSync(
    'dist/vendor/fr-ref.json.br',
    zlib.brotliCompressSync(data, { params: { [BROTLI_PARAM_QUALITY]: 11, [BROTLI_PARAM_SIZE_HINT]: data.length } }),
  );
  writeFileSync(
    'dist/vendor/fr-ref.js',
    '"use strict";const d=JSON.parse(require("zlib").brotliDecompressSync(require("fs").readFileSync(require("path").join(__dirname,"fr-ref.json.br"))).toString("utf8"));module.exports={buildReference:()=>d};\n',
  );
  rmSync(tmp);
}
const frRefPlugin = {
  name: 'fr-ref',
  setup(b) {
    b.onResolve({ filter: /^\.\/fr\/ref-data$/ }, (args) =>
      args.importer.endsWith('vendor.ts') ? { path: './vendor/fr-ref.js', external: true } : undefined,
    );
  },
};
node.plugins = [frRefPlugin];

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [vendorPlugin, frRefPlugin] },
  ...Object.entries(VENDOR_FILES).map(([name, contents]) => ({
    ...node,
    stdin: { contents, resolveDir: '.', loader: 'js' },
    outfile: `dist/vendor/${name}.js`,
  })),
  { ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/core/worker/lint-worker.ts'], outfile: 'dist/lint-worker.js' },
  { ...node, entryPoints: ['src/core/worker/lint-part-worker.ts'], outfile: 'dist/lint-part-worker.js' },
];
for (const name of ['chart', 'grid', 'metadata', 'budget', 'standardise']) {
  const entry = `webview-ui/${name}/main.ts`;
  if (existsSync(entry))
    builds.push({
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      sourcemap: !prod,
      minify: prod,
      logLevel: 'warning',
      entryPoints: [entry],
      outfile: `dist/webview/${name}.js`,
    });
}

await buildFrReference();
const present = builds.filter((b) => b.stdin || existsSync(b.entryPoints[0]));
if (watch) {
  for (const b of present) (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
