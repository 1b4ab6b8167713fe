// Where each value of a JSON text is, by JSON pointer, so descriptor errors point at the
// faulty key in the editor. A small recursive-descent scanner: it also reports the offset of
// the first syntax error, which JSON.parse only gives as free text.

export interface JsonSpan {
  /** Offset of the value (its key, for object members, in `keyStart`). */
  start: number;
  end: number;
  keyStart?: number;
  keyEnd?: number;
}

/** `message` is English; `fr` says the same in French. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly fr: string = message,
  ) {
    super(message);
  }
}

/** What the scanner expected, in both languages. */
const EXPECTED = {
  control: { en: 'control character in string', fr: 'caractère de contrôle dans une chaîne' },
  unterminated: { en: 'unterminated string', fr: 'chaîne non fermée' },
  name: { en: 'expected a property name in double quotes', fr: 'nom de propriété entre guillemets droits attendu' },
  colon: { en: 'expected “:”', fr: '« : » attendu' },
  objectNext: { en: 'expected “,” or “}”', fr: '« , » ou « } » attendu' },
  arrayNext: { en: 'expected “,” or “]”', fr: '« , » ou « ] » attendu' },
  value: { en: 'expected a value', fr: 'valeur attendue' },
  end: { en: 'expected the end of the document', fr: 'fin du document attendue' },
};

export function jsonSpans(text: string): Map<string, JsonSpan> {
  const spans = new Map<string, JsonSpan>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n\uFEFF'.includes(text[i])) i++;
  };
  const fail = (why: keyof typeof EXPECTED): never => {
    const { en, fr } = EXPECTED[why];
    if (i >= text.length) throw new JsonSyntaxError(i, `unexpected end of JSON, ${en}`, `fin inattendue du JSON, ${fr}`);
    throw new JsonSyntaxError(i, `unexpected “${text[i]}”, ${en}`, `« ${text[i]} » inattendu, ${fr}`);
  };
  const str = (): string => {
    const s = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control');
      i++;
    }
    if (i >= text.length) fail('unterminated');
    i++;
    return JSON.parse(text.slice(s, i)) as string;
  };
  const value = (ptr: string, keyStart?: number, keyEnd?: number): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else
        for (;;) {
          ws();
          if (text[i] !== '"') fail('name');
          const ks = i;
          const key = str();
          const ke = i;
          ws();
          if (text[i] !== ':') fail('colon');
          i++;
          value(`${ptr}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, ks, ke);
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === '}') {
            i++;
            break;
          }
          fail('objectNext');
        }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else
        for (let n = 0; ; n++) {
          value(`${ptr}/${n}`);
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === ']') {
            i++;
            break;
          }
          fail('arrayNext');
        }
    } else if (c === '"') str();
    else {
      const m = /^(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail('value');
      i += m![0].length;
    }
    spans.set(ptr, { start, end: i, keyStart, keyEnd });
  };
  value('');
  ws();
  if (i < text.length) fail('end');
  return spans;
}

/** 1-based line and 0-based character of an offset. */
export function lineCol(text: string, offset: number): { line: number; ch: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++)
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  return { line, ch: offset - lineStart };
}
