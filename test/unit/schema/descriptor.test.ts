// Schema descriptors are checked against the Table Schema profile (ajv): problems come back as
// diagnostics at their place in the JSON text, never as an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadSchemaText } from '../../../src/core/schema/load';
import { fixture } from './fixtures';

const at = (text: string, line: number, ch: number) => text.split('\n')[line - 1].slice(ch);

test('every bundled and fixture schema passes the profile', () => {
  for (const p of [
    'scdl-subventions/schema.json',
    'scdl-budget/schema.json',
    'scdl-deliberations/schema.json',
    'scdl-equipements/schema.json',
    'scdl-catalogue/schema.json',
    'etalab-schema-irve/statique/schema-statique.json',
    'etalab-schema-irve/dynamique/schema-dynamique.json',
    'etalab-schema-stationnement/schema.json',
    'etalab-schema-catalogue-donnees/schema.json',
  ]) {
    const r = loadSchemaText(readFileSync(fixture('standards', p), 'utf8'));
    assert.deepEqual(r.diagnostics, [], p);
    assert.ok(r.compiled, p);
  }
});

test('profile errors point at the faulty key', () => {
  const text = [
    '{',
    '  "fields": [',
    '    {"name": "a", "type": "texte"},',
    '    {"name": "b", "type": "number", "format": "currency"},',
    '    {"type": "string"},',
    '    {"name": "d", "constraints": {"required": "yes"}}',
    '  ],',
    '  "primaryKey": 3',
    '}',
  ].join('\n');
  const r = loadSchemaText(text, 'en');
  const where = r.diagnostics.map((d) => `${d.line}:${at(text, d.line!, d.start!).slice(0, 12)}`);
  assert.ok(where.includes('3:"type": "tex'), where.join(' | '));
  assert.ok(where.includes('4:"format": "c'), where.join(' | '));
  assert.ok(
    r.diagnostics.some((d) => d.line === 5 && /missing required property “name”/.test(d.message)),
    'a field without name',
  );
  assert.ok(where.includes('6:"required": '), where.join(' | '));
  assert.ok(where.includes('8:"primaryKey"'), where.join(' | '));
  assert.ok(r.diagnostics.every((d) => d.rule === 'schema-error' && d.severity === 'error'));
  // A field without a name makes the schema unusable for data.
  assert.equal(r.compiled, null);
});

test('JSON syntax errors are located, in French too', () => {
  const text = '{\n  "fields": [\n    {"name": "a",}\n  ]\n}';
  const r = loadSchemaText(text, 'fr');
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0].line, 3);
  assert.equal(at(text, 3, r.diagnostics[0].start!)[0], '}');
  assert.match(r.diagnostics[0].message, /^JSON invalide/);
  assert.equal(r.compiled, null);
  assert.doesNotThrow(() => loadSchemaText(''));
  assert.doesNotThrow(() => loadSchemaText('[1, 2'));
  assert.doesNotThrow(() => loadSchemaText('null'));
});

test('compile problems (bad regex, unreadable bound, unknown date pattern) are located too', () => {
  const text = JSON.stringify(
    {
      fields: [
        { name: 'a', constraints: { pattern: '([a-z]' } },
        { name: 'b', type: 'date', format: '%Q' },
        { name: 'c', type: 'integer', constraints: { minimum: 'x' } },
      ],
    },
    null,
    2,
  );
  const r = loadSchemaText(text);
  assert.ok(r.compiled, 'still usable: the other checks run');
  assert.equal(r.diagnostics.length, 3);
  for (const d of r.diagnostics) assert.ok(d.line! > 1);
});
