// Column-level: a column is a date column when most of its values are dates; then every
// value not in ISO 8601 is reported, converted with the format decided for the whole column.
import type { Loc, Row } from '../model';
import { dateFormatsOf, decideColumnFormat, isIsoDay, toIsoDate, type DateFormat } from '../values/date';
import { defineRule } from './rule';
import { DeferredList, type DeferredState } from '../split/kit/deferred';
import { ColumnSampler, type SamplerState } from '../split/kit/sampler';
import { hasEdgeSpace, isBlank, show } from './lib/util';
import { detach } from '../read/detach';

const NO_FORMATS: readonly DateFormat[] = [];

export interface DateParams {
  value: string;
  format: DateFormat | null;
  iso: string | null;
  mixed: string | null;
  /** Every slash date of the column reads both ways: no fix until the user picks the order. */
  ambiguous?: boolean;
}

const SLASH_ORDERS: readonly string[] = ['dd/mm/yyyy', 'mm/dd/yyyy'];

interface Candidate {
  loc: Loc;
  value: string;
  formats: readonly DateFormat[];
}

/** Non-empty cells looked at before a column with few dates is given up. */
const SAMPLE = 200;

/** A column's counts: plain data (the split hand-over carries them as they are). */
interface ColumnCounts {
  dates: number;
  serials: number;
  /** ISO cells, counted apart: most cells of a good file, kept off the Map. */
  iso: number;
  counts: Map<DateFormat, number>;
}

/** Split lint: the later part's columns, the sampler and the deferred lists (plain data). */
interface DateHandOver {
  cols: ColumnCounts[];
  sampler: SamplerState;
  candidates: DeferredState<Candidate>[];
  strays: DeferredState<Candidate>[];
}

const noCounts = (): ColumnCounts => ({ dates: 0, serials: 0, iso: 0, counts: new Map() });
/** Candidates past the bound that are Excel serials are flagged: counted only in a column whose header announces dates. */
const isSerial = (c: Candidate): boolean => c.formats[0] === 'excel-serial';

const DATE_HEADER = /date|jour|^le$|période|periode|echeance|échéance/i;
const LABEL: Record<DateFormat, string> = {
  iso: 'AAAA-MM-JJ',
  'iso-datetime': 'ISO 8601',
  'dd/mm/yyyy': 'JJ/MM/AAAA',
  'mm/dd/yyyy': 'MM/JJ/AAAA',
  'dd-mm-yyyy': 'JJ-MM-AAAA',
  'dd.mm.yyyy': 'JJ.MM.AAAA',
  'yyyy/mm/dd': 'AAAA/MM/JJ',
  'dd/mm/yy': 'JJ/MM/AA',
  'excel-serial': 'Excel',
};
const LABEL_EN: Record<DateFormat, string> = {
  iso: 'YYYY-MM-DD',
  'iso-datetime': 'ISO 8601',
  'dd/mm/yyyy': 'DD/MM/YYYY',
  'mm/dd/yyyy': 'MM/DD/YYYY',
  'dd-mm-yyyy': 'DD-MM-YYYY',
  'dd.mm.yyyy': 'DD.MM.YYYY',
  'yyyy/mm/dd': 'YYYY/MM/DD',
  'dd/mm/yy': 'DD/MM/YY',
  'excel-serial': 'Excel serial',
};

const sep = (x: number) => x === 47 || x === 45 || x === 46;

/** Cheap pre-check before the regexes: a date has a separator early, or is a 5-digit serial. */
function mayBeDate(s: string): boolean {
  const c = s.charCodeAt(0);
  if (!(c >= 48 && c <= 57) || s.length < 5 || s.length > 35) return false;
  const a = s.charCodeAt(1),
    b = s.charCodeAt(2),
    d = s.charCodeAt(4);
  return sep(a) || sep(b) || sep(d) || s.length === 5 || s.charCodeAt(5) === 46;
}

/** Schema field types whose cells this rule may still speak of. */
const TEMPORAL = new Set(['date', 'datetime', 'time', 'any']);

export default defineRule<DateParams, DateHandOver>({
  meta: {
    id: 'date-format',
    severity: 'warning',
    state: 'split',
    title: { en: 'Date not in ISO 8601', fr: 'Date hors du format ISO 8601' },
    why: {
      en: 'Open-data schemas (SCDL, Table Schema) expect dates as YYYY-MM-DD. 30/01/2017 is read as text, or as 1 March by an American tool; Excel serials (43055) mean nothing outside Excel.',
      fr: 'Les schémas de données ouvertes (SCDL, Table Schema) attendent des dates AAAA-MM-JJ. 30/01/2017 est lu comme du texte, ou comme un mois américain ; un numéro de série Excel (43055) ne veut rien dire hors d’Excel.',
    },
    fix: {
      en: 'Convert to YYYY-MM-DD (quick fix; the source format is decided for the whole column). When every date of a column reads both ways (03/04/2019), nothing is guessed: “Clean Dataset” asks for the order once and the recipe remembers it. A column the file’s schema types as text (or number…) is not a date column, whatever its values look like.',
      fr: 'Convertissez en AAAA-MM-JJ (correction rapide ; le format source est décidé pour toute la colonne). Quand toutes les dates d’une colonne se lisent dans les deux sens (03/04/2019), rien n’est deviné : « Nettoyer le jeu de données » demande l’ordre une fois et la recette s’en souvient. Une colonne que le schéma du fichier type comme texte (ou nombre…) n’est pas une colonne de dates, quelles que soient ses valeurs.',
    },
  },
  message(lang, p) {
    const labels = lang === 'fr' ? LABEL : LABEL_EN;
    if (p.ambiguous)
      return lang === 'fr'
        ? `Date ${show(p.value, 40, 'fr')} ambiguë : toute la colonne se lit jour d’abord ou mois d’abord. « Nettoyer le jeu de données » demande l’ordre une fois, puis écrit AAAA-MM-JJ.`
        : `Date ${show(p.value)} is ambiguous: the whole column reads day-first or month-first. “Clean Dataset” asks for the order once, then writes YYYY-MM-DD.`;
    const mixed = p.mixed
      ? lang === 'fr'
        ? ` La colonne mélange plusieurs formats (${p.mixed}).`
        : ` The column mixes formats (${p.mixed}).`
      : '';
    if (!p.format)
      return lang === 'fr'
        ? `${show(p.value, 40, 'fr')} n’est pas une date, dans une colonne de dates.${mixed}`
        : `${show(p.value)} is not a date, in a date column.${mixed}`;
    const to = p.iso ? (lang === 'fr' ? ` : écrire ${p.iso}` : `: write ${p.iso}`) : '';
    return lang === 'fr'
      ? `Date ${show(p.value, 40, 'fr')} au format ${labels[p.format]} et non ISO 8601${to}.${mixed}`
      : `Date ${show(p.value)} is ${labels[p.format]}, not ISO 8601${to}.${mixed}`;
  },
  create(ctx) {
    let cols: ColumnCounts[] = [];
    /** Decided after the sample: not a date column, nothing more to look at. */
    let skip: boolean[] = [];
    let candidates: DeferredList<Candidate>[] = [];
    let strays: DeferredList<Candidate>[] = [];
    const sampler = new ColumnSampler(SAMPLE, 2);
    // Columns still looked at: once the sample gives up on most of them, a row costs a few cells.
    let active: number[] = [];
    const giveUp = (dates: number, serials: number, i: number) =>
      dates + serials < SAMPLE * 0.3 || (dates === 0 && !DATE_HEADER.test(ctx.header[i] ?? ''));
    const drop = (i: number) => {
      skip[i] = true;
      strays[i].clear();
      candidates[i].clear();
    };
    const visit = (row: Row) => {
      const v = row.values;
      for (let k = 0; k < active.length; k++) {
        const i = active[k];
        if (i >= v.length) break;
        const s = v[i];
        if (s === '') continue;
        const col = cols[i];
        // Given up after the sample: too few dates, or only "serials" in a column whose header does
        // not announce dates (amounts such as 42030.82 read as Excel serials; end() would not report them).
        if (sampler.next(i, col.dates, col.serials) && giveUp(col.dates, col.serials, i)) {
          drop(i);
          active = active.filter((c) => !skip[c]);
          k--;
          continue;
        }
        // The common case, an ISO day: counted without the general matcher.
        if (isIsoDay(s)) {
          col.dates++;
          col.iso++;
          continue;
        }
        const formats = mayBeDate(s) ? dateFormatsOf(hasEdgeSpace(s) ? s.trim() : s) : NO_FORMATS;
        if (formats.length === 0) {
          if (isBlank(s)) continue;
          strays[i].add(row.number, () => ({ loc: ctx.locate(row, i + 1), value: detach(s), formats }));
          continue;
        }
        if (formats[0] === 'excel-serial') col.serials++;
        else col.dates++;
        if (formats.length === 1 && formats[0] === 'iso') col.iso++;
        else for (const f of formats) col.counts.set(f, (col.counts.get(f) ?? 0) + 1);
        if (formats[0] !== 'iso' && formats[0] !== 'iso-datetime')
          candidates[i].add(row.number, () => ({ loc: ctx.locate(row, i + 1), value: detach(s), formats }), formats[0] === 'excel-serial');
      }
    };
    return {
      header(row) {
        cols = row.values.map(noCounts);
        skip = row.values.map(() => false);
        candidates = row.values.map(() => new DeferredList<Candidate>(ctx.deferLimit));
        strays = row.values.map(() => new DeferredList<Candidate>(ctx.deferLimit));
        sampler.columns(row.values.length);
        active = cols.map((_, i) => i);
      },
      row: visit,
      split: {
        resume() {
          // Columns the head settled keep their judgement; the others note their sample's start.
          sampler.resume((i) => skip[i]);
          cols = cols.map(noCounts);
          for (const l of [...candidates, ...strays]) l.clear();
        },
        handOver: (): DateHandOver => ({
          cols,
          sampler: sampler.handOver(),
          candidates: candidates.map((l) => l.handOver()),
          strays: strays.map((l) => l.handOver()),
        }),
        takeOver(later, shift) {
          cols.forEach((col, i) => {
            if (skip[i]) return;
            const l = later.cols[i];
            // The sample ends in the later part: judged as one pass would, at its SAMPLE-th cell.
            const before = sampler.judgedLater(later.sampler, i);
            if (before && giveUp(col.dates + before[0], col.serials + before[1], i)) return drop(i);
            sampler.add(later.sampler, i);
            col.dates += l.dates;
            col.serials += l.serials;
            col.iso += l.iso;
            for (const [f, n] of l.counts) col.counts.set(f, (col.counts.get(f) ?? 0) + n);
            candidates[i].takeOver(later.candidates[i], shift, isSerial);
            strays[i].takeOver(later.strays[i], shift);
          });
        },
      },
      end() {
        cols.forEach((col, i) => {
          if (skip[i]) return;
          // The schema says what the column holds: a text field (a period "2016-12-05/2017-12-05"
          // its pattern allows) is not a date column; a date field's cells are its type checks' own.
          const typed = ctx.schemaColumn(i + 1);
          if (typed !== undefined && !TEMPORAL.has(typed)) return;
          const nonEmpty = sampler.seen[i];
          const hinted = DATE_HEADER.test(ctx.header[i] ?? '') || col.dates > 0;
          const dates = col.dates + (hinted ? col.serials : 0);
          if (dates === 0 || dates / nonEmpty < 0.6) return;
          if (!hinted && col.serials > 0 && col.dates === 0) return;
          if (col.iso) col.counts.set('iso', (col.counts.get('iso') ?? 0) + col.iso);
          const chosen = ctx.dateFormats?.[ctx.header[i] ?? ''];
          const decided = chosen && SLASH_ORDERS.includes(chosen) ? (chosen as DateFormat) : decideColumnFormat(col.counts);
          // No cell settles the order (no 25/12, no 12/25): a guess is not a certain fix; ask instead.
          const dmy = col.counts.get('dd/mm/yyyy') ?? 0;
          const ambiguous = !chosen && dmy > 0 && dmy === (col.counts.get('mm/dd/yyyy') ?? 0);
          const used = [...col.counts.keys()].filter((f) => f !== 'mm/dd/yyyy' || decided === 'mm/dd/yyyy');
          const labels = ctx.lang === 'fr' ? LABEL : LABEL_EN;
          const colon = ctx.lang === 'fr' ? ' :' : ':';
          const mixed = used.length > 1 ? used.map((f) => `${labels[f]}${colon} ${col.counts.get(f)}`).join(', ') : null;
          for (const c of candidates[i].items) {
            // An ambiguous cell takes the column's format; an unambiguous one its own.
            const format = c.formats.includes(decided as DateFormat) ? decided! : c.formats[0];
            if (format === 'excel-serial' && !hinted) continue;
            if (ambiguous && c.formats.length > 1) {
              ctx.report({
                loc: c.loc,
                params: { value: c.value, format: null, iso: null, mixed, ambiguous },
                fix: { kind: 'choose-date-order', field: ctx.header[i] ?? '', sample: c.value.trim() },
              });
              continue;
            }
            const iso = toIsoDate(c.value.trim(), format);
            ctx.report({
              loc: c.loc,
              params: { value: c.value, format, iso, mixed },
              fix: iso ? { kind: 'set-cell', value: iso } : undefined,
            });
          }
          for (const r of candidates[i].over) if (r > 0 || hinted) ctx.count({ row: Math.abs(r), column: i + 1 });
          for (const c of strays[i].items) ctx.report({ loc: c.loc, params: { value: c.value, format: null, iso: null, mixed } });
          for (const r of strays[i].over) ctx.count({ row: r, column: i + 1 });
        });
      },
    };
  },
});
