// The engine layer's entry: the lint session, its cell marks and the locator a reader gives it.
// The engine takes its rules as a parameter and imports none (docs/architecture.md).
export * from './session';
