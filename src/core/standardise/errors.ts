// Errors of a standardisation the user can act on, in both languages. Thrown by the core,
// printed by the CLI and shown by the webview; never a stack trace.
import type { Lang, Text } from '../model';

export class StandardiseError extends Error {
  constructor(
    readonly code:
      | 'unknown-schema'
      | 'unknown-version'
      | 'unknown-field'
      | 'missing-column'
      | 'lookup-missing'
      | 'lookup-duplicate'
      | 'lookup-column'
      | 'unpivot-too-large'
      | 'bad-spec'
      | 'unreadable'
      | 'unwritable'
      | 'same-file',
    readonly text: Text,
  ) {
    super(text.en);
  }
  in(lang: Lang): string {
    return this.text[lang];
  }
}

export const err = (code: StandardiseError['code'], en: string, fr: string): StandardiseError => new StandardiseError(code, { en, fr });
