import type { CsvRow } from '../read/csv';
import { defineRule } from './rule';
import { takeOverFirst, type FirstLocations } from '../split/kit/first-location';

export default defineRule<{ crlf: number; lf: number; cr: number }, { counts: Record<string, number>; firstOf: FirstLocations }>({
  meta: {
    id: 'line-endings',
    severity: 'warning',
    state: 'split',
    title: { en: 'Mixed line endings', fr: 'Fins de ligne mélangées' },
    why: {
      en: 'Rows ending sometimes with CRLF and sometimes with LF come from pasted or concatenated files; some parsers then merge or split rows.',
      fr: 'Des lignes terminées tantôt par CRLF tantôt par LF viennent de fichiers collés ou concaténés ; certains lecteurs fusionnent ou coupent alors des lignes.',
    },
    fix: { en: 'Normalise line endings (quick fix).', fr: 'Uniformisez les fins de ligne (correction rapide).' },
  },
  message: (lang, p) =>
    lang === 'fr'
      ? `Fins de ligne mélangées : ${p.crlf} CRLF, ${p.lf} LF, ${p.cr} CR. Celle-ci diffère de la majorité.`
      : `Mixed line endings: ${p.crlf} CRLF, ${p.lf} LF, ${p.cr} CR. This one differs from the majority.`,
  create(ctx) {
    let counts = { '\r\n': 0, '\n': 0, '\r': 0 } as Record<string, number>;
    let firstOf: FirstLocations = {};
    const visit = (row: { eol?: string } & CsvRow) => {
      const e = row.eol;
      if (!e) return;
      counts[e]++;
      if (!firstOf[e]) firstOf[e] = ctx.locateRow(row);
    };
    return {
      header: (row) => visit(row as CsvRow),
      row: (row) => visit(row as CsvRow),
      split: {
        resume() {
          counts = { '\r\n': 0, '\n': 0, '\r': 0 };
          firstOf = {};
        },
        handOver: () => ({ counts, firstOf }),
        takeOver(later, shift) {
          for (const k of Object.keys(counts)) counts[k] += later.counts[k];
          takeOverFirst(firstOf, later.firstOf, shift);
        },
      },
      end() {
        const kinds = Object.keys(counts).filter((k) => counts[k] > 0);
        if (kinds.length < 2) return;
        const major = kinds.reduce((a, b) => (counts[a] >= counts[b] ? a : b));
        const params = { crlf: counts['\r\n'], lf: counts['\n'], cr: counts['\r'] };
        for (const k of kinds)
          if (k !== major) ctx.report({ loc: firstOf[k]!, params, fix: { kind: 'line-endings', eol: major === '\r\n' ? '\r\n' : '\n' } });
      },
    };
  },
});
