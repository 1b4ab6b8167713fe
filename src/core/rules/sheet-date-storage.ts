// How a date column is stored: real dates, dates typed as text, and plain numbers that are
// Excel serials (43055) often mix in one column, and text dates come in several forms.
// Cell-level fixes come from `date-format`; this names the cause once per column.
import type { Lang, Loc } from '../model';
import { dateFormatsOf, excelSerialToIso, isExcelSerial, type DateFormat } from '../values/date';
import { defineRule } from './rule';
import { show, cut } from './lib/util';

const DATE_HEADER = /date|jour|période|periode|échéance|echeance|versement/i;

export interface DateStorageParams {
  field: string;
  real: number;
  text: number;
  serial: number;
  example: string;
  iso: string;
  /** Text forms with their counts, when the column writes its text dates several ways. */
  forms: [form: TextForm, count: number][] | null;
}

type TextForm = DateFormat | 'year' | 'other';

const FORM: Record<Lang, Partial<Record<TextForm, string>>> = {
  en: {
    iso: 'YYYY-MM-DD',
    'dd/mm/yyyy': 'DD/MM/YYYY',
    'mm/dd/yyyy': 'MM/DD/YYYY',
    'dd-mm-yyyy': 'DD-MM-YYYY',
    'dd.mm.yyyy': 'DD.MM.YYYY',
    'yyyy/mm/dd': 'YYYY/MM/DD',
    'dd/mm/yy': 'DD/MM/YY',
    year: 'year only',
    other: 'other text',
  },
  fr: {
    iso: 'AAAA-MM-JJ',
    'dd/mm/yyyy': 'JJ/MM/AAAA',
    'mm/dd/yyyy': 'MM/JJ/AAAA',
    'dd-mm-yyyy': 'JJ-MM-AAAA',
    'dd.mm.yyyy': 'JJ.MM.AAAA',
    'yyyy/mm/dd': 'AAAA/MM/JJ',
    'dd/mm/yy': 'JJ/MM/AA',
    year: 'année seule',
    other: 'autre texte',
  },
};

interface Column {
  real: number;
  text: number;
  serial: number;
  forms: Map<TextForm, number>;
  /** Count of the 'other' form, kept out of the Map (the common case); its key holds its place in the Map. */
  other: number;
  firstText?: Loc;
  firstOther?: string;
  firstTextValue?: string;
  firstSerial?: { loc: Loc; value: string };
}

const isDigit = (v: string, i: number) => (v.charCodeAt(i) - 48) >>> 0 <= 9;

function formOf(v: string): TextForm {
  // Every form starts with a digit: names and labels are settled without a regex.
  const c = v.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return 'other';
  if (v.length === 4 && isDigit(v, 1) && isDigit(v, 2) && isDigit(v, 3)) return 'year';
  const f = dateFormatsOf(v)[0];
  return f && f !== 'excel-serial' && f !== 'iso-datetime' ? f : f === 'iso-datetime' ? 'iso' : 'other';
}

export default defineRule<DateStorageParams>({
  meta: {
    id: 'sheet-date-storage',
    scope: 'sheet',
    severity: 'warning',
    state: 'split',
    title: { en: 'Dates stored inconsistently', fr: 'Dates enregistrées de façon incohérente' },
    why: {
      en: 'A spreadsheet shows real dates, dates typed as text and bare numbers (43055) alike, but programs reading the workbook get three different things: a date, a text in some format, a meaningless number.',
      fr: 'Un tableur affiche pareil les vraies dates, les dates saisies en texte et les nombres nus (43055), mais les programmes qui lisent le classeur reçoivent trois choses différentes : une date, un texte dans un format quelconque, un nombre sans signification.',
    },
    fix: {
      en: 'Format the whole column as dates and re-enter the text ones; “Export Sheet as CSV” writes every real date as YYYY-MM-DD.',
      fr: 'Mettez toute la colonne au format date et ressaisissez les dates en texte ; « Exporter la feuille en CSV » écrit toutes les vraies dates en AAAA-MM-JJ.',
    },
  },
  message(lang, p) {
    if (p.forms) {
      const list = p.forms.map(([f, n]) => `${n} ${FORM[lang][f] ?? f}`).join(', ');
      return lang === 'fr'
        ? `La colonne « ${cut(p.field)} » écrit ses dates en texte de ${p.forms.length} façons (${list}, ex. ${show(p.example, 40, 'fr')}) : enregistrez de vraies dates, ou du texte AAAA-MM-JJ.`
        : `Column “${cut(p.field)}” writes its dates as text in ${p.forms.length} ways (${list}, e.g. ${show(p.example)}): store real dates, or YYYY-MM-DD text.`;
    }
    if (p.real + p.text === 0)
      return lang === 'fr'
        ? `La colonne « ${cut(p.field)} » contient ${p.serial} date(s) sous forme de nombres (ex. ${p.example} = ${p.iso}) : mettez la colonne au format date.`
        : `Column “${cut(p.field)}” holds ${p.serial} date(s) as plain numbers (e.g. ${p.example} = ${p.iso}): format the column as dates.`;
    const parts: [number, string][] =
      lang === 'fr'
        ? [
            [p.real, 'vraies dates'],
            [p.text, 'dates en texte'],
            [p.serial, 'nombres (numéros de série Excel)'],
          ]
        : [
            [p.real, 'real dates'],
            [p.text, 'dates typed as text'],
            [p.serial, 'plain numbers (Excel serials)'],
          ];
    const list = parts
      .filter(([n]) => n > 0)
      .map(([n, s]) => `${n} ${s}`)
      .join(', ');
    return lang === 'fr'
      ? `La colonne « ${cut(p.field)} » mélange ${list} : enregistrez-les toutes comme des dates.`
      : `Column “${cut(p.field)}” mixes ${list}: store them all as dates.`;
  },
  create(ctx) {
    let cols: Column[] = [];
    return {
      header(row) {
        cols = row.values.map(() => ({ real: 0, text: 0, serial: 0, forms: new Map(), other: 0 }));
      },
      row(row) {
        const cells = row.cells;
        if (!cells) return;
        const n = Math.min(cols.length, row.values.length);
        for (let i = 0; i < n; i++) {
          const v = row.values[i];
          const t = cells[i]?.type;
          if (v === '' || t === undefined) continue;
          const col = cols[i];
          if (t === 'date') col.real++;
          else if (t === 'number' && isExcelSerial(v)) {
            col.serial++;
            col.firstSerial ??= { loc: ctx.locate(row, i + 1), value: v };
          } else if (t === 'string') {
            // A text led by a visible ASCII non-digit is 'other' (no trim, no regex), counted apart.
            const c = v.charCodeAt(0);
            const form = c > 0x20 && c < 0x7f && !(c >= 48 && c <= 57) ? 'other' : formOf(v.trim());
            if (form === 'other') {
              if (col.other++ === 0) col.forms.set('other', 0);
              col.firstOther ??= v;
            } else {
              col.forms.set(form, (col.forms.get(form) ?? 0) + 1);
              if (form !== 'year') {
                col.text++;
                col.firstTextValue ??= v;
                col.firstText ??= ctx.locate(row, i + 1);
              }
            }
          }
        }
      },
      end() {
        cols.forEach((c, i) => {
          const field = ctx.header[i] ?? '';
          const named = DATE_HEADER.test(field);
          // Serial-looking numbers are dates only in a date column (named so, or mostly dates): else they are amounts.
          const serial = named || c.real + c.text > c.serial ? c.serial : 0;
          const kinds = [c.real, c.text, serial].filter((n) => n > 0).length;
          const base = { field, real: c.real, text: c.text, serial, forms: null };
          if (kinds >= 2 || (kinds === 1 && serial > 0)) {
            const loc = serial > 0 ? c.firstSerial!.loc : c.firstText!;
            const example = serial > 0 ? c.firstSerial!.value : '';
            ctx.report({ loc, params: { ...base, example, iso: example ? excelSerialToIso(Number(example)) : '' } });
            return;
          }
          // Only text: in a column named as dates, several ways of writing them is the problem.
          if (c.other > 0) c.forms.set('other', c.other);
          const forms = [...c.forms].sort((a, b) => b[1] - a[1]);
          if (named && c.text > 0 && forms.length >= 2)
            ctx.report({ loc: c.firstText!, params: { ...base, forms, example: c.firstOther ?? c.firstTextValue ?? '', iso: '' } });
        });
      },
    };
  },
});
