// RGPD: personal data must not be published as open data (CRPA L312-1-2). Column-level
// decision to stay quiet on stray values: e-mails and phones are reported when the header
// announces them, or when they are frequent in the column (≥ 3, or most of its values); a
// NIR with a valid key is always reported; a person's name is reported in a column meant for
// a legal entity when the row carries no SIRET/RNA. Contact columns of a service or a
// facility ("contact_service", "telephone_accueil") are public contacts, not reported; a
// person's address in a contact column a schema asks for ("contact_personne") only warns. Messages never repeat the value itself.
import type { Loc, Row } from '../model';
import { isContactPointLabel, isEntityIdLabel, isEntityNameLabel, isServiceContactLabel, kindOfLabel } from '../privacy/columns';
import { findPersonalEmail, isFrenchPhone, isLegalEntityId, isNir, looksLikePersonName, type PersonalKind } from '../privacy/detect';
import { defineRule, shiftLoc, type Shift } from './rule';
import { NIR, PHONE } from './cell-marks';
import { MAX_DEFERRED, cut } from './util';

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

class Column {
  /** Non-empty cells of the later parts taken over (this part's own are counted by the engine). */
  nonEmpty = 0;
  readonly emails: Loc[] = [];
  readonly phones: Loc[] = [];
}

/** Split lint: the first part's list goes on with the later part's, up to the same bound. */
function append(list: Loc[], later: readonly Loc[], shift: Shift): void {
  for (const loc of later) {
    if (list.length >= MAX_DEFERRED) return;
    list.push(shiftLoc(loc, shift));
  }
}

export default defineRule<PersonalDataParams>({
  meta: {
    id: 'personal-data',
    severity: 'error',
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
    const report = (loc: Loc, kind: PersonalKind, col: number, contactPoint = false) =>
      ctx.report({ loc, params: { kind, label: ctx.header[col] ?? String(col + 1), contactPoint }, severity: contactPoint ? 'warning' : undefined });

    return {
      header(row) {
        cols = row.values.map(() => new Column());
        announced = row.values.map(kindOfLabel);
        service = row.values.map(isServiceContactLabel);
        nameCols = row.values.flatMap((l, i) => (isEntityNameLabel(l) ? [i] : []));
        idCols = row.values.flatMap((l, i) => (isEntityIdLabel(l) ? [i] : []));
      },
      row(row: Row) {
        const v = row.values;
        // Most rows hold no '@' at all: one search of the row's text spares one per cell.
        if (ctx.rowHas ? ctx.rowHas(row, '@') : true) {
          const n = Math.min(v.length, cols.length);
          for (let i = 0; i < n; i++) {
            const s = v[i];
            // An e-mail has at least 6 characters.
            if (s.length >= 6 && s.indexOf('@') >= 0 && findPersonalEmail(s) && cols[i].emails.length < MAX_DEFERRED) cols[i].emails.push(ctx.locate(row, i + 1));
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
              if (cols[i].phones.length < MAX_DEFERRED) cols[i].phones.push(ctx.locate(row, i + 1));
            } else if (mk & NIR && s.indexOf('/') < 0 && isNir(s)) report(ctx.locate(row, i + 1), 'nir', i);
          }
        }
        if (nameCols.length === 0) return;
        // A row that names a legal entity by its id is about an organisation (a loop, not some(): no closure per row).
        for (let k = 0; k < idCols.length; k++) if (isLegalEntityId(v[idCols[k]] ?? '')) return;
        for (const c of nameCols) if (c < v.length && looksLikePersonName(v[c])) report(ctx.locate(row, c + 1), 'person-name', c);
      },
      resume() {
        cols = cols.map(() => new Column());
      },
      handOver: () => cols.map((col, i) => ({ ...col, nonEmpty: col.nonEmpty + ctx.marks.nonEmpty[i] })),
      takeOver(later: Column[], shift: Shift) {
        cols.forEach((col, i) => {
          col.nonEmpty += later[i].nonEmpty;
          append(col.emails, later[i].emails, shift);
          append(col.phones, later[i].phones, shift);
        });
      },
      end() {
        cols.forEach((col, i) => {
          if (service[i]) return;
          const contactPoint = isContactPointLabel(ctx.header[i] ?? '');
          for (const [kind, locs] of [['email', col.emails], ['phone', col.phones]] as const) {
            const decided = announced[i] === kind || locs.length >= MIN_MATCHES || locs.length * 2 > col.nonEmpty + ctx.marks.nonEmpty[i];
            if (decided) for (const loc of locs) report(loc, kind, i, contactPoint);
          }
        });
      },
    };
  },
});
