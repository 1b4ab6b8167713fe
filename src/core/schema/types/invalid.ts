// The one value a caster returns when a cell does not fit its field's type. A symbol, so
// no real cell value can ever be mistaken for it and no allocation happens per failure.
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

/** Reads a cell's text into its logical value, or INVALID. Built once per field. */
export type Cast = (raw: string) => unknown;
