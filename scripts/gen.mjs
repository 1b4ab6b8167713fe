// Generates what derives from the rule registry and the l10n parts, so there is one source:
//   docs/rules/<id>.md (EN + FR), the per-rule settings schema in package.json,
//   rule titles in package.nls*.json, and l10n/bundle.l10n.fr.json merged from l10n/parts.
// `node scripts/gen.mjs --check` fails when a generated file is stale (used by the tests).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const stale = [];
const out = join(tmpdir(), `odw-registry-${process.pid}.cjs`);
await esbuild.build({ entryPoints: ['src/core/rules/registry.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
const { allRules } = createRequire(import.meta.url)(out);

function write(path, text) {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (old === text) return;
  if (check) stale.push(path);
  else writeFileSync(path, text);
}

mkdirSync('docs/rules', { recursive: true });
for (const r of allRules) {
  const m = r.meta;
  const md = [
    `# \`${m.id}\` — ${m.title.en}`,
    '',
    `Default severity: **${m.severity}**. Français plus bas.`,
    '',
    '## Why it matters',
    '',
    m.why.en,
    '',
    ...(m.fix ? ['## How to fix', '', m.fix.en, ''] : []),
    `## Turn it off or change its severity`,
    '',
    '```json',
    `"openData.lint.rules": { "${m.id}": "off" }`,
    '```',
    '',
    `# \`${m.id}\` — ${m.title.fr}`,
    '',
    `Gravité par défaut : **${m.severity}**.`,
    '',
    '## Pourquoi c’est important',
    '',
    m.why.fr,
    '',
    ...(m.fix ? ['## Comment corriger', '', m.fix.fr, ''] : []),
  ].join('\n');
  write(`docs/rules/${m.id}.md`, md);
}

// package.json's activation events and contributions are merged from contrib/<area>.json
// (one fragment per feature area, so areas never edit the same file).
function merge(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b.filter((x) => !a.some((y) => JSON.stringify(y) === JSON.stringify(x)))];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const o = { ...a };
    for (const [k, v] of Object.entries(b)) o[k] = k in o ? merge(o[k], v) : v;
    return o;
  }
  return b ?? a;
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let fragment = {};
for (const f of readdirSync('contrib').filter((f) => f.endsWith('.json')).sort()) fragment = merge(fragment, JSON.parse(readFileSync(join('contrib', f), 'utf8')));
pkg.activationEvents = fragment.activationEvents ?? [];
pkg.contributes = fragment.contributes ?? {};
const props = {};
for (const r of allRules) props[r.meta.id] = { type: 'string', enum: ['off', 'error', 'warning', 'info'], default: r.meta.severity, description: `%rule.${r.meta.id}%` };
pkg.contributes.configuration.properties['openData.lint.rules'].properties = props;
write('package.json', JSON.stringify(pkg, null, 2) + '\n');

for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.fr.json', 'fr']]) {
  // package.nls*.json = every l10n/parts/<area>.nls[.fr].json + the rule titles.
  const suffix = lang === 'en' ? '.nls.json' : '.nls.fr.json';
  const nls = {};
  for (const f of readdirSync('l10n/parts').filter((f) => f.endsWith(suffix) && (lang === 'fr' || !f.endsWith('.nls.fr.json'))).sort())
    Object.assign(nls, JSON.parse(readFileSync(join('l10n/parts', f), 'utf8')));
  for (const r of allRules) nls[`rule.${r.meta.id}`] = r.meta.title[lang];
  write(file, JSON.stringify(nls, null, 2) + '\n');
}

const bundle = {};
for (const f of readdirSync('l10n/parts').filter((f) => f.endsWith('.fr.json') && !f.includes('.nls.')).sort()) Object.assign(bundle, JSON.parse(readFileSync(join('l10n/parts', f), 'utf8')));
write('l10n/bundle.l10n.fr.json', JSON.stringify(bundle, null, 2) + '\n');

if (stale.length) {
  console.error(`Generated files are stale (run node scripts/gen.mjs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
