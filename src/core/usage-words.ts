// The words of the command-line mistakes every `odw` command can report (exit code 2), in English
// and French. Here rather than in src/cli: the clean and convert commands live in the core.
import type { Lang, Text } from './model';

/**
 * The language of a command line's messages: its `--lang` when it gives a valid one (wherever it
 * stands, so a mistake before it is still told in that language), else `fallback`.
 */
export function langOf(argv: readonly string[], fallback: Lang): Lang {
  const i = argv.lastIndexOf('--lang');
  const v = i === -1 ? undefined : argv[i + 1];
  return v === 'en' || v === 'fr' ? v : fallback;
}

/** An option's value is missing: the line ends, or the next word is another option (`--schema --lang fr`). */
export const noValue = (v: string | undefined): v is undefined => v === undefined || v.startsWith('--');

const list = (choices: readonly string[], or: string) =>
  choices.length < 2 ? choices.join('') : `${choices.slice(0, -1).join(', ')} ${or} ${choices[choices.length - 1]}`;

/**
 * The messages, in `lang`; the command's usage line (when given, in both languages) follows, in
 * `lang` too, those that say how to call the command.
 */
export function usageWords(lang: Lang, usage?: Text) {
  const fr = lang === 'fr';
  const line = usage?.[lang];
  const say = (en: string, frText: string, withUsage = true) => (fr ? frText : en) + (withUsage && line ? `\n${line}` : '');
  return {
    needsValue: (flag: string) => say(`${flag} needs a value`, `${flag} attend une valeur`),
    unknownOption: (flag: string) => say(`unknown option ${flag}`, `option inconnue ${flag}`),
    /** `--format must be text or json, not “x”`. */
    oneOf: (flag: string, choices: readonly string[], got: string) =>
      say(`${flag} must be ${list(choices, 'or')}, not “${got}”`, `${flag} vaut ${list(choices, 'ou')}, pas « ${got} »`),
    required: (flag: string) => say(`${flag} is required`, `${flag} est obligatoire`),
    noFile: () => say('no file given', 'aucun fichier donné'),
    oneFileOnly: () => say('one file only', 'un seul fichier à la fois'),
    overwrite: () =>
      say(
        'refusing to overwrite the input: choose another --out',
        'le fichier d’entrée ne sera pas écrasé : choisissez un autre --out',
        false,
      ),
    /** A message of the command's own. */
    own: (en: string, frText: string, withUsage = false) => say(en, frText, withUsage),
  };
}

export type UsageWords = ReturnType<typeof usageWords>;
