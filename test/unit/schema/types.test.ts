// Field casting and constraints, one type at a time (frictionless semantics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchema } from '../../../src/core/schema/compile';
import type { FieldDescriptor } from '../../../src/core/schema/descriptor';
import { compileCast, INVALID } from '../../../src/core/schema/types/cast';

const cast = (f: Omit<FieldDescriptor, 'name'>, v: string) => compileCast({ name: 'f', ...f }).cast(v);
const ok = (f: Omit<FieldDescriptor, 'name'>, ...vs: string[]) =>
  vs.forEach((v) => assert.notEqual(cast(f, v), INVALID, `${JSON.stringify(f)} should accept ${JSON.stringify(v)}`));
const ko = (f: Omit<FieldDescriptor, 'name'>, ...vs: string[]) =>
  vs.forEach((v) => assert.equal(cast(f, v), INVALID, `${JSON.stringify(f)} should reject ${JSON.stringify(v)}`));

test('number: decimal point only, Python Decimal leniency, decimalChar/groupChar/bareNumber', () => {
  ok({ type: 'number' }, '1', '-1.5', '+.5', '1.', '1e3', '1_000', ' 12 ', 'NaN', 'inf', '-Infinity');
  ko({ type: 'number' }, '1,5', '12 350', '€12', '', '-', '1e', '1__0');
  assert.equal(cast({ type: 'number' }, '42030.82'), 42030.82);
  // Exponents and more than 15 digits are read by Number(), as Python's Decimal reads them.
  assert.equal(cast({ type: 'number' }, '1.5e2'), 150);
  assert.equal(cast({ type: 'number' }, '-2E-3'), -0.002);
  assert.equal(cast({ type: 'number' }, '1_0.2_5e+1'), 102.5);
  assert.equal(cast({ type: 'number' }, '12345678901234567890'), 12345678901234567890);
  assert.equal(cast({ type: 'number' }, ' 0012.50 '), 12.5);
  ok({ type: 'number', decimalChar: ',' }, '1,5', '-0,25');
  ok({ type: 'number', decimalChar: ',', groupChar: ' ' }, '12 350,50');
  assert.equal(cast({ type: 'number', decimalChar: ',', groupChar: ' ' }, '12 350,50'), 12350.5);
  ok({ type: 'number', bareNumber: false }, '95%', '€ 12.5', '12.50 €');
  assert.equal(cast({ type: 'number', bareNumber: false }, '12.50 €'), 12.5);
});

test('integer: no fraction, groupChar', () => {
  ok({ type: 'integer' }, '0', '-12', '1_000');
  ko({ type: 'integer' }, '1.0', '1.5', 'x', '1e3');
  assert.equal(cast({ type: 'integer', groupChar: '.' }, '1.234.567'), 1234567);
});

test('boolean: defaults and SCDL oui/non', () => {
  ok({ type: 'boolean' }, 'true', 'False', '1', '0');
  ko({ type: 'boolean' }, 'yes', 'oui', 'TRUE ');
  const ouiNon = { type: 'boolean', trueValues: ['oui'], falseValues: ['non'] };
  assert.equal(cast(ouiNon, 'oui'), true);
  assert.equal(cast(ouiNon, 'non'), false);
  ko(ouiNon, 'true', 'Oui', 'no');
});

test('date/time/datetime: default, any and strptime patterns', () => {
  ok({ type: 'date' }, '2017-06-27', '2020-02-29', '2019-5-3');
  ko({ type: 'date' }, '27/06/2017', '2019-02-29', '2017-13-01', '2017-06-27T10:00:00');
  ok({ type: 'date', format: '%d/%m/%Y' }, '27/06/2017', '1/2/2020');
  ko({ type: 'date', format: '%d/%m/%Y' }, '2017-06-27', '31/02/2020');
  ok({ type: 'date', format: '%Y-%m-%d' }, '2024-01-31');
  ok({ type: 'date', format: 'any' }, '2017-06-27', '27/06/2017', '06/27/2017');
  ok({ type: 'datetime' }, '2017-06-27T10:20:30', '2017-06-27T10:20:30Z', '2017-06-27T10:20:30.5+01:00');
  ko({ type: 'datetime' }, '2017-06-27', '2017-06-27T10:20');
  ok({ type: 'time' }, '10:20:30', '23:59:59Z');
  ko({ type: 'time' }, '24:00:00', '10:20');
  ok({ type: 'datetime', format: '%d/%m/%Y %H:%M' }, '27/06/2017 10:20');
  assert.ok(compileCast({ name: 'f', type: 'date', format: '%Q' }).error);
  assert.ok((cast({ type: 'date' }, '2017-06-27') as number) < (cast({ type: 'date' }, '2017-06-28') as number));
});

test('year, yearmonth, duration', () => {
  ok({ type: 'year' }, '2018');
  ko({ type: 'year' }, '18', '2018-01', '20181');
  ok({ type: 'yearmonth' }, '2018-01', '2018-12');
  ko({ type: 'yearmonth' }, '2018-13', '2018');
  ok({ type: 'duration' }, 'P1Y2M10DT2H30M', 'PT36H', 'P3W');
  ko({ type: 'duration' }, 'P', 'PT', '1Y', 'P1H');
});

test('string formats: email, uri, uuid, binary', () => {
  ok({ type: 'string', format: 'email' }, 'contact@ville.fr');
  ko({ type: 'string', format: 'email' }, 'contact@', 'contact ville.fr');
  ok({ type: 'string', format: 'uri' }, 'https://www.data.gouv.fr/fr/', 'mailto:a@b.fr');
  ko({ type: 'string', format: 'uri' }, 'www.data.gouv.fr', 'https://a b');
  ok({ type: 'string', format: 'uuid' }, '123e4567-e89b-12d3-a456-426614174000');
  ko({ type: 'string', format: 'uuid' }, '123e4567');
  ok({ type: 'string', format: 'binary' }, 'aGVsbG8=', '');
  ko({ type: 'string', format: 'binary' }, 'a=b');
});

test('geopoint (default/array/object), geojson, object, array, list, any', () => {
  ok({ type: 'geopoint' }, '2.35, 48.85', '-1.5,47.2');
  ko({ type: 'geopoint' }, '48.85', '200, 10', '2.35;48.85');
  assert.deepEqual(cast({ type: 'geopoint', format: 'array' }, '[2.35, 48.85]'), [2.35, 48.85]);
  ko({ type: 'geopoint', format: 'array' }, '[2.35]', '2.35, 48.85');
  ok({ type: 'geopoint', format: 'object' }, '{"lon": 2.35, "lat": 48.85}');
  ok({ type: 'geojson' }, '{"type":"Point","coordinates":[2.35,48.85]}', '{"type":"FeatureCollection","features":[]}');
  ko({ type: 'geojson' }, '{"type":"Circle"}', '[1,2]', 'nope');
  ok({ type: 'object' }, '{"a":1}');
  ko({ type: 'object' }, '[1]', 'null');
  ok({ type: 'array' }, '[1,"a"]');
  ko({ type: 'array' }, '{}');
  assert.deepEqual(cast({ type: 'list', itemType: 'integer' }, '1,2,3'), [1, 2, 3]);
  ko({ type: 'list', itemType: 'integer' }, '1,x');
  ok({ type: 'any' }, 'anything');
  assert.ok(compileCast({ name: 'f', type: 'money' }).error);
});

test('constraints: full-match pattern, enum cast with the field reader, bounds, lengths', () => {
  const s = compileSchema({
    fields: [
      { name: 'code', constraints: { pattern: '\\d{5}' } },
      { name: 'n', type: 'integer', constraints: { enum: ['1', '2'], minimum: 1, maximum: '2' } },
      { name: 'd', type: 'date', constraints: { minimum: '2020-01-01' } },
      { name: 't', constraints: { minLength: 2, maxLength: 3 } },
      { name: 'bad', constraints: { pattern: '(' } },
    ],
  });
  const test1 = (field: number, raw: string) => {
    const f = s.fields[field];
    const v = f.cast(raw);
    return f.tests.filter((t) => !t.ok(v, raw)).map((t) => t.name);
  };
  assert.deepEqual(test1(0, '12345'), []);
  assert.deepEqual(test1(0, '123456'), ['pattern'], 'pattern is anchored at both ends');
  assert.deepEqual(test1(1, '2'), []);
  assert.deepEqual(test1(1, '3'), ['maximum', 'enum']);
  assert.deepEqual(test1(2, '2019-12-31'), ['minimum']);
  assert.deepEqual(test1(3, 'a'), ['minLength']);
  assert.deepEqual(test1(3, 'abcd'), ['maxLength']);
  assert.deepEqual(test1(3, '😀😀'), [], 'lengths count code points, as Python does');
  assert.equal(s.issues.length, 1);
  assert.equal(s.issues[0].path, '/fields/4/constraints');
});
