// Heavy libraries, required on first use rather than at load. The extension host bundle maps
// them to separate files (scripts/build.mjs → dist/vendor/*.js), so activating the extension
// parses ≈ 0.6 MB instead of 2.3 MB; the worker and the CLI bundle them inline as usual.
/* eslint-disable @typescript-eslint/no-require-imports */
import type AjvClass from 'ajv';
import type addFormatsFn from 'ajv-formats';
import type * as Chardet from 'chardet';
import type IconvLite from 'iconv-lite';
import type * as Saxes from 'saxes';
import type * as Yauzl from 'yauzl';
import type { FrReference } from './fr/ref-data';

const cache: Record<string, unknown> = {};
const once = <T>(key: string, load: () => T): T => (cache[key] ??= load()) as T;
/** A CommonJS module that also sets `default` (ajv, ajv-formats). */
const defaultOf = <T>(m: { default?: T } & T): T => m.default ?? m;

export const ajvClass = (): typeof AjvClass => once('ajv', () => defaultOf(require('ajv')));
export const ajvFormats = (): typeof addFormatsFn => once('ajv-formats', () => defaultOf(require('ajv-formats')));
/** The ajv our JSON files are validated with: all errors, lenient on unknown keywords, formats on. */
export function ajvWithFormats(): AjvClass {
  const ajv = new (ajvClass())({ allErrors: true, strict: false });
  ajvFormats()(ajv);
  return ajv;
}
export const chardet = (): typeof Chardet => once('chardet', () => require('chardet'));
export const iconv = (): typeof IconvLite => once('iconv-lite', () => require('iconv-lite'));
export const saxes = (): typeof Saxes => once('saxes', () => require('saxes'));
export const yauzl = (): typeof Yauzl => once('yauzl', () => require('yauzl'));
/** French reference data: built from the packages in development, a prebuilt file in dist/vendor/fr-ref.js. */
export const frReferenceData = (): FrReference => once('fr-ref', () => require('./fr/ref-data').buildReference());
