// Hidden sheets, rows and columns that hold data: the author does not see them, but every
// re-user of the published file does.
import type { Loc } from '../model';
import { columnLetters } from '../sheet/address';
import { sheetFactsOf, sheetLoc } from '../sheet/facts';
import { defineRule } from './rule';
import { isBlank, isBlankRow, cut } from './lib/util';

export interface HiddenParams {
  kind: 'sheet' | 'rows' | 'column';
  what: string;
  label: string;
}

export default defineRule<HiddenParams>({
  meta: {
    id: 'sheet-hidden-data',
    scope: 'sheet',
    severity: 'warning',
    state: 'split',
    title: { en: 'Hidden data', fr: 'Données masquées' },
    why: {
      en: 'Hidden sheets, rows or columns are invisible in the spreadsheet but published with the file: drafts, personal data or internal notes leak this way, and re-users get columns nobody checked.',
      fr: 'Les feuilles, lignes ou colonnes masquées sont invisibles dans le tableur mais publiées avec le fichier : brouillons, données personnelles ou notes internes fuient ainsi, et les réutilisateurs reçoivent des colonnes que personne n’a vérifiées.',
    },
    fix: {
      en: 'Unhide them and decide: delete what must not be published, keep (visible) what is data.',
      fr: 'Affichez-les et décidez : supprimez ce qui ne doit pas être publié, gardez (visible) ce qui est une donnée.',
    },
  },
  message(lang, p) {
    if (p.kind === 'sheet')
      return lang === 'fr'
        ? `La feuille « ${cut(p.what)} » est masquée mais contient des données : elles seront publiées avec le fichier.`
        : `Sheet “${cut(p.what)}” is hidden but holds data: it is published with the file.`;
    if (p.kind === 'rows')
      return lang === 'fr'
        ? `Ligne(s) ${p.what} masquée(s) mais remplie(s) : elles seront publiées.`
        : `Row(s) ${p.what} are hidden but hold data: they are published.`;
    return lang === 'fr'
      ? `La colonne ${p.what} (« ${cut(p.label)} ») est masquée mais contient des données : elle sera publiée.`
      : `Column ${p.what} (“${cut(p.label)}”) is hidden but holds data: it is published.`;
  },
  create(ctx) {
    let run: { from: number; to: number; loc: Loc } | null = null;
    let filled: boolean[] = [];
    let left = 0;
    const flush = () => {
      if (run)
        ctx.report({
          loc: run.loc,
          params: { kind: 'rows', what: run.from === run.to ? `${run.from}` : `${run.from}–${run.to}`, label: '' },
        });
      run = null;
    };
    return {
      header(row) {
        const facts = sheetFactsOf(ctx.info);
        if (facts && facts.sheet.state !== 'visible')
          ctx.report({ loc: ctx.locateRow(row), params: { kind: 'sheet', what: facts.sheet.name, label: '' } });
        filled = row.values.map(() => false);
        left = filled.length;
      },
      row(row) {
        const facts = sheetFactsOf(ctx.info);
        if (!facts) return;
        const v = row.values;
        // Once every column has held data, rows skip the scan (`left`: the columns not yet filled).
        if (left > 0 || v.length > filled.length)
          for (let i = 0; i < v.length; i++)
            if (!filled[i] && !isBlank(v[i])) {
              if (i >= filled.length) left += i - filled.length;
              else left--;
              filled[i] = true;
            }
        if (!facts.hiddenRows.has(row.number) || isBlankRow(row)) return;
        if (run && row.number === run.to + 1) run.to = row.number;
        else {
          flush();
          run = { from: row.number, to: row.number, loc: ctx.locateRow(row) };
        }
      },
      end() {
        flush();
        const facts = sheetFactsOf(ctx.info);
        if (!facts || facts.header.rows.length === 0) return;
        const headerRow = facts.header.rows[facts.header.rows.length - 1];
        for (const c of facts.hiddenColumns)
          if (filled[c - 1])
            ctx.report({
              loc: sheetLoc(facts, headerRow, c),
              params: { kind: 'column', what: columnLetters(c), label: ctx.header[c - 1] ?? '' },
            });
      },
    };
  },
});
