// Every user-visible string of the whole product exists in English and French:
// package.json `%key%`s in package.nls.json and package.nls.fr.json, and every literal
// passed to `l10n.t(` in src/ and webview-ui/ in l10n/bundle.l10n.fr.json; and no
// translation is left over once its string is gone. Failures name the strings.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name)) out.push(p);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** The `%key%` placeholders anywhere in package.json. */
function nlsKeysUsed(): Set<string> {
  return new Set([...readFileSync(join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
}

/** A JS string literal's value (the sources are ours; only the usual escapes occur). */
function unquote(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/gs, (_, e: string) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

const CALL = /\bl10n\.t\(\s*(?:\{\s*message\s*:\s*)?(['"`])((?:\\.|(?!\1)[^\\])*)\1/gs;

/** Literal first arguments of `l10n.t(` (also `vscode.l10n.t(` and `l10n.t({ message: … })`) with their line. */
function scan(text: string): { value: string; line: number }[] {
  return [...text.matchAll(CALL)]
    .filter((m) => !(m[1] === '`' && m[2].includes('${')))
    .map((m) => ({ value: unquote(m[2]), line: text.slice(0, m.index).split('\n').length }));
}

/** Every string, with the first place it is used. */
function l10nStrings(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of files)
    for (const { value, line } of scan(readFileSync(f, 'utf8')))
      if (!found.has(value)) found.set(value, `${f.slice(ROOT.length + 1)}:${line}`);
  return found;
}

const list = (xs: string[]) => xs.map((x) => `\n  ${x}`).join('');

test('every %key% in package.json has an English and a French entry, and no nls key is unused', () => {
  const used = nlsKeysUsed();
  for (const file of ['package.nls.json', 'package.nls.fr.json']) {
    const nls = json(file);
    const missing = [...used].filter((k) => typeof nls[k] !== 'string' || !nls[k]);
    const unused = Object.keys(nls).filter((k) => !used.has(k));
    assert.deepEqual(missing, [], `${file} lacks:${list(missing)}`);
    assert.deepEqual(unused, [], `${file} has keys package.json does not use:${list(unused)}`);
  }
});

test('every l10n.t string in src/ and webview-ui/ has a French translation, and none is unused', () => {
  const strings = l10nStrings([...sources('src'), ...sources('webview-ui')]);
  const bundle = json('l10n/bundle.l10n.fr.json');
  const missing = [...strings].filter(([s]) => typeof bundle[s] !== 'string' || !bundle[s]).map(([s, at]) => `${at}: ${JSON.stringify(s)}`);
  assert.deepEqual(
    missing,
    [],
    `l10n/bundle.l10n.fr.json lacks (add them to l10n/parts/<area>.fr.json, then node scripts/gen.mjs):${list(missing)}`,
  );
  const unused = Object.keys(bundle).filter((k) => !strings.has(k));
  assert.deepEqual(unused, [], `l10n/bundle.l10n.fr.json has strings no source uses:${list(unused)}`);
});

test('French translations keep the {0} placeholders of the English strings', () => {
  const bundle = json('l10n/bundle.l10n.fr.json');
  const holes = (s: string) =>
    [...s.matchAll(/\{(\d+)\}/g)]
      .map((m) => m[1])
      .sort()
      .join(',');
  const wrong = Object.entries(bundle)
    .filter(([en, fr]) => holes(en) !== holes(String(fr)))
    .map(([en, fr]) => `${JSON.stringify(en)} → ${JSON.stringify(fr)}`);
  assert.deepEqual(wrong, [], `placeholders differ:${list(wrong)}`);
});

test('the string scanner reads both quotes, escapes, template literals and the object form', () => {
  const src = [
    "vscode.l10n.t('It\\'s {0}', x);",
    'l10n.t(\n  "Say \\"hi\\"\\n");',
    'l10n.t(`plain`); l10n.t(`with ${x}`);',
    "l10n.t({ message: 'Obj', args: [], comment: 'c' });",
    'l10n.t(variable);',
  ].join('\n');
  assert.deepEqual(scan(src), [
    { value: "It's {0}", line: 1 },
    { value: 'Say "hi"\n', line: 2 },
    { value: 'plain', line: 4 },
    { value: 'Obj', line: 5 },
  ]);
});
