// Row-spanning constraints: unique fields, primaryKey, v2 uniqueKeys and foreign keys to the
// same resource. Keys are primitives (no per-row arrays for single-field keys); the maps are
// bounded so a 10-million-row file cannot exhaust memory.
import type { Loc } from '../model';
import { keyOf } from './types/cast';
import { detach } from '../read/detach';

/** Keys remembered per constraint before it stops tracking new ones. */
export const MAX_KEYS = 2_000_000;

export type Key = string | number | boolean;

/** The key of several logical values (null kept distinct from "" and from missing). */
export function tupleKey(values: readonly unknown[], fields: readonly number[]): Key | null {
  if (fields.length === 1) {
    const v = values[fields[0]];
    return v === null || v === undefined ? null : keyOf(v);
  }
  let all = true;
  let s = '';
  for (let i = 0; i < fields.length; i++) {
    const v = values[fields[i]];
    if (v !== null && v !== undefined) all = false;
    s += (i ? '\u0001' : '') + (v === null || v === undefined ? '\u0000' : typeof v + ':' + String(keyOf(v)));
  }
  return all ? null : s;
}

/** Remembers where each key was first seen. */
export class FirstSeen {
  private readonly map = new Map<Key, number>();
  /** Returns the first row holding `key`, or undefined (and remembers this row). */
  check(key: Key, row: number): number | undefined {
    const first = this.map.get(key);
    if (first !== undefined) return first;
    if (this.map.size < MAX_KEYS) this.map.set(typeof key === 'string' ? detach(key) : key, row);
    return undefined;
  }
  has(key: Key): boolean {
    return this.map.has(key);
  }
  clear(): void {
    this.map.clear();
  }
  add(key: Key, row: number): void {
    if (this.map.size < MAX_KEYS && !this.map.has(key)) this.map.set(typeof key === 'string' ? detach(key) : key, row);
  }
}

/** A reference not yet satisfied: resolved at the end of the file (forward references). */
export interface PendingReference {
  key: Key;
  values: string[];
  loc: Loc;
}
