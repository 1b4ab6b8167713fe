// A quoted cell holding a line break is valid CSV, but many portal previews and naive tools
// (line-based scripts, some spreadsheet imports) break the record there. An info, with an
// opt-in fix (Clean Dataset leaves it unticked; a recipe records it when chosen).
import { defineRule } from './rule';
import { show } from './lib/util';

export interface MultilineParams {
  value: string;
  lines: number;
}

/** The cell's lines joined with one space (the fix). */
export const joinLines = (v: string): string => v.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ').trim();

export default defineRule<MultilineParams>({
  meta: {
    id: 'multiline-cell',
    severity: 'info',
    state: 'row-local',
    title: { en: 'Line break inside a cell', fr: 'Retour à la ligne dans une cellule' },
    why: {
      en: 'A quoted cell may hold a line break (RFC 4180), but portal previews, line-based tools and some spreadsheet imports cut the record there: the rest of the row shifts into a new one.',
      fr: 'Une cellule entre guillemets peut contenir un retour à la ligne (RFC 4180), mais les aperçus des portails, les outils qui lisent ligne à ligne et certains imports de tableur coupent l’enregistrement à cet endroit : la suite de la ligne glisse dans une nouvelle.',
    },
    fix: {
      en: 'Join the lines with a space (Clean Dataset, opt-in: tick it), or keep them if the text needs them.',
      fr: 'Joignez les lignes par une espace (Nettoyer le jeu de données, à cocher), ou gardez-les si le texte en a besoin.',
    },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `La cellule ${show(p.value, 40, 'fr')} tient sur ${p.lines} lignes : certains outils y coupent l’enregistrement.`
      : `Cell ${show(p.value)} spans ${p.lines} lines: some tools cut the record there.`,
  create(ctx) {
    return {
      row(row) {
        // Most rows hold no line break: one search of the row's text when the reader has it.
        if (!ctx.rowHas(row, '\n') && !ctx.rowHas(row, '\r')) return;
        const v = row.values;
        for (let i = 0; i < v.length; i++) {
          const s = v[i];
          if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) continue;
          const lines = s.split(/\r\n|\r|\n/).length;
          ctx.report({ loc: ctx.locate(row, i + 1), params: { value: s, lines }, fix: { kind: 'set-cell', value: joinLines(s) } });
        }
      },
    };
  },
});
