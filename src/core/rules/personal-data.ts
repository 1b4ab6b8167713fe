// RGPD: personal data must not be published as open data (CRPA L312-1-2). Column-level
// decision to stay quiet on stray values: e-mails and phones are reported when the header
// announces them, or when they are frequent in the column (≥ 3, or most of its values); a
// NIR with a valid key is always reported, and is the only error: names, e-mails and phones
// may be an organisation's or a public contact's, so they warn and say why. A person's name is
// reported in a column meant for a legal entity when no cell of the row is a SIREN/SIRET/RNA
// and the name holds no organisation word. Contact columns of a service or a facility
// ("contact_service", "telephone_accueil") are public contacts, not reported; a person's address
// in a contact column a schema asks for ("contact_personne") warns. Messages never repeat the value.
import type { Loc, Row } from '../model';
import { isContactPointLabel, isEntityIdLabel, isEntityNameLabel, isServiceContactLabel, kindOfLabel } from '../privacy/columns';
import { findPersonalEmail, isFrenchPhone, isLegalEntityId, isNir, looksLikePersonName, type PersonalKind } from '../privacy/detect';
import { defineRule } from './rule';
import { DeferredList, type DeferredState } from '../split/kit/deferred';
import { NIR, PHONE } from '../engine/cell-marks';
import { cut } from './lib/util';

export interface PersonalDataParams {
  kind: PersonalKind;
  label: string;
  /** In a contact column a schema asks for: a warning that suggests a shared mailbox instead. */
  contactPoint?: boolean;
}

/** Below this many matches (and unless they are most of the column), a stray value is ignored. */
export const MIN_MATCHES = 3;

const KIND: Record<PersonalKind, { en: string; fr: string }> = {
  email: { en: 'an e-mail address', fr: 'une adresse électronique' },
  phone: { en: 'a phone number', fr: 'un numéro de téléphone' },
  nir: { en: 'a social security number (NIR)', fr: 'un numéro de sécurité sociale (NIR)' },
  'person-name': { en: 'the name of a natural person', fr: 'le nom d’une personne physique' },
};

/** Why a warning may be personal data: what was seen and why it may identify someone. */
const WHY: Record<Exclude<PersonalKind, 'nir'>, { en: string; fr: string }> = {
  email: {
    en: 'not a shared mailbox (contact@, mairie@…): a person’s address identifies them',
    fr: 'pas une boîte partagée (contact@, mairie@…) : celle d’une personne l’identifie',
  },
  phone: {
    en: 'a service’s public line is fine, a person’s number identifies them',
    fr: 'la ligne publique d’un service convient, le numéro d’une personne l’identifie',
  },
  'person-name': {
    en: 'a known first name or a civility, no organisation word, no SIREN/SIRET/RNA on the row: if the beneficiary is a natural person, anonymise it',
    fr: 'un prénom connu ou une civilité, aucun mot d’organisation, aucun SIREN/SIRET/RNA sur la ligne : si le bénéficiaire est une personne physique, anonymisez-le',
  },
};

interface Match {
  loc: Loc;
}

/** A column's matches, held until its verdict at the end (past the lists' bound, only their rows). */
interface Column {
  /** Non-empty cells of the later parts taken over (this part's own are counted by the engine). */
  nonEmpty: number;
  emails: DeferredList<Match>;
  phones: DeferredList<Match>;
}

/** Split lint: a later part's columns (plain data). */
interface ColumnState {
  nonEmpty: number;
  emails: DeferredState<Match>;
  phones: DeferredState<Match>;
}

/** A SIREN/SIRET (maybe in groups of 3) or an RNA inside a text: « SIRET 822 127 429 00014 ». */
const ENTITY_ID_IN_TEXT = /(?<!\d)(?:\d{14}|\d{9}|\d{3} \d{3} \d{3}(?: ?\d{5})?)(?![\d])|\bW\d{9}\b/i;

/** Whether some cell of the row is (or holds) a SIREN, SIRET or RNA: the row is about a legal entity. */
function namesLegalEntity(v: readonly string[]): boolean {
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (s.length < 9) continue;
    // The plain value first: a scan, no regex.
    if (s.length <= 20 && isLegalEntityId(s)) return true;
    if (s.length <= 200 && ENTITY_ID_IN_TEXT.test(s)) return true;
  }
  return false;
}

const newColumn = (limit: number): Column => ({ nonEmpty: 0, emails: new DeferredList(limit), phones: new DeferredList(limit) });

export default defineRule<PersonalDataParams, ColumnState[]>({
  meta: {
    id: 'personal-data',
    severity: 'error',
    state: 'split',
    title: { en: 'Personal data (RGPD)', fr: 'Donnée personnelle (RGPD)' },
    why: {
      en: 'Open data must not contain personal data unless a law allows it or it was anonymised (CRPA L312-1-2, RGPD). E-mail addresses, phone numbers, social security numbers (NIR) and the names of natural persons who received a subsidy or a contract identify people: once published they cannot be taken back. Shared mailboxes of a service (contact@, mairie@…) are not reported.',
      fr: 'Les données ouvertes ne doivent pas contenir de données personnelles, sauf si une loi le permet ou si elles ont été anonymisées (CRPA L312-1-2, RGPD). Adresses électroniques, numéros de téléphone, numéros de sécurité sociale (NIR) et noms de personnes physiques bénéficiaires d’une subvention ou d’un marché identifient des personnes : une fois publiés, ils ne peuvent plus être retirés. Les boîtes partagées d’un service (contact@, mairie@…) ne sont pas signalées.',
    },
    fix: {
      en: 'Remove the column, or anonymise the values (e.g. “personne physique”) before publishing.',
      fr: 'Supprimez la colonne, ou anonymisez les valeurs (par ex. « personne physique ») avant de publier.',
    },
  },
  message(lang, p) {
    const what = KIND[p.kind][lang];
    if (p.contactPoint)
      return lang === 'fr'
        ? `Donnée personnelle possible : ${what} dans la colonne de contact « ${cut(p.label)} ». Préférez l’adresse partagée d’un service à celle d’un agent nommé.`
        : `Possible personal data: ${what} in contact column “${cut(p.label)}”. Prefer a shared mailbox of the service to a named agent’s address.`;
    if (p.kind !== 'nir')
      return lang === 'fr'
        ? `Donnée personnelle possible : ${what} dans la colonne « ${cut(p.label)} » (${WHY[p.kind].fr}) (RGPD).`
        : `Possible personal data: ${what} in column “${cut(p.label)}” (${WHY[p.kind].en}) (RGPD).`;
    return lang === 'fr'
      ? `Donnée personnelle : ${what} dans la colonne « ${cut(p.label)} ». Retirez-la ou anonymisez-la avant publication (RGPD).`
      : `Personal data: ${what} in column “${cut(p.label)}”. Remove or anonymise it before publishing (RGPD).`;
  },
  create(ctx) {
    let cols: Column[] = [];
    let announced: (PersonalKind | undefined)[] = [];
    let service: boolean[] = [];
    let nameCols: number[] = [];
    let idCols: number[] = [];
    // Only a NIR is an error (the rule's severity); the rest may be an organisation's or a public contact's.
    const report = (loc: Loc, kind: PersonalKind, col: number, contactPoint = false) =>
      ctx.report({
        loc,
        params: { kind, label: ctx.header[col] ?? String(col + 1), contactPoint },
        severity: kind === 'nir' ? undefined : 'warning',
      });

    return {
      header(row) {
        cols = row.values.map(() => newColumn(ctx.deferLimit));
        announced = row.values.map(kindOfLabel);
        service = row.values.map(isServiceContactLabel);
        nameCols = row.values.flatMap((l, i) => (isEntityNameLabel(l) ? [i] : []));
        idCols = row.values.flatMap((l, i) => (isEntityIdLabel(l) ? [i] : []));
      },
      row(row: Row) {
        const v = row.values;
        // Most rows hold no '@' at all: one search of the row's text spares one per cell.
        if (ctx.rowHas(row, '@')) {
          const n = Math.min(v.length, cols.length);
          for (let i = 0; i < n; i++) {
            const s = v[i];
            // An e-mail has at least 6 characters.
            if (s.length < 6 || s.indexOf('@') < 0 || !findPersonalEmail(s)) continue;
            cols[i].emails.add(row.number, () => ({ loc: ctx.locate(row, i + 1) }));
          }
        }
        // Phones and NIRs: only the cells the engine marked (their length and first character fit);
        // a date range (2015-01-28/2018-08-03) has a NIR's shape until its '/', found natively.
        const m = ctx.marks;
        if (m.any & (PHONE | NIR)) {
          for (let k = 0; k < m.count; k++) {
            const mk = m.marks[k];
            const i = m.at[k];
            if (!(mk & (PHONE | NIR)) || i >= cols.length) continue;
            const s = v[i];
            if (s.indexOf('@') >= 0) continue;
            if (mk & PHONE && isFrenchPhone(s)) {
              cols[i].phones.add(row.number, () => ({ loc: ctx.locate(row, i + 1) }));
            } else if (mk & NIR && s.indexOf('/') < 0 && isNir(s)) report(ctx.locate(row, i + 1), 'nir', i);
          }
        }
        if (nameCols.length === 0) return;
        // A row that names a legal entity by its id (in an identifier column, or any SIREN/SIRET/RNA-shaped cell) is about an organisation.
        for (let k = 0; k < idCols.length; k++) if (isLegalEntityId(v[idCols[k]] ?? '')) return;
        if (namesLegalEntity(v)) return;
        for (const c of nameCols) if (c < v.length && looksLikePersonName(v[c])) report(ctx.locate(row, c + 1), 'person-name', c);
      },
      split: {
        resume() {
          cols = cols.map(() => newColumn(ctx.deferLimit));
        },
        handOver: () =>
          cols.map((col, i) => ({
            nonEmpty: col.nonEmpty + ctx.marks.nonEmpty[i],
            emails: col.emails.handOver(),
            phones: col.phones.handOver(),
          })),
        takeOver(later, shift) {
          cols.forEach((col, i) => {
            col.nonEmpty += later[i].nonEmpty;
            col.emails.takeOver(later[i].emails, shift);
            col.phones.takeOver(later[i].phones, shift);
          });
        },
      },
      end() {
        cols.forEach((col, i) => {
          if (service[i]) return;
          const contactPoint = isContactPointLabel(ctx.header[i] ?? '');
          for (const [kind, locs, more] of [
            ['email', col.emails.items, col.emails.over],
            ['phone', col.phones.items, col.phones.over],
          ] as const) {
            const found = locs.length + more.length;
            const decided = announced[i] === kind || found >= MIN_MATCHES || found * 2 > col.nonEmpty + ctx.marks.nonEmpty[i];
            if (!decided) continue;
            for (const m of locs) report(m.loc, kind, i, contactPoint);
            for (const r of more) ctx.count({ row: r, column: i + 1 }, 'warning');
          }
        });
      },
    };
  },
});
