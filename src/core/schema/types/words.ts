/** A problem of the schema itself, in both languages (it is reported in the user's). */
export type SchemaWords = { en: string; fr: string };
