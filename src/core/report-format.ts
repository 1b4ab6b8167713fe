// Text and SARIF renderings of lint reports (JSON is the reports themselves).
import type { FileReport, Lang } from './model';
import { allRules } from './rules/registry';
import { countsOfList, type ReportCounts } from './report-cap';
import { severityWidth, severityWord } from './severity-words';

export const DOCS_BASE = 'https://github.com/opendata-workbench/open-data-workbench/blob/main/docs/rules/';

/** The two encodings of the report header that are words, not names: what a file that has none gets. */
const ENCODING_FR: Record<string, string> = { binary: 'binaire', unknown: 'inconnu' };

export function formatText(reports: FileReport[], lang: Lang): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const width = severityWidth(lang);
  for (const r of reports) {
    const d = r.delimiter === '\t' ? '\\t' : r.delimiter;
    const enc = `${r.format}, ${lang === 'fr' ? (ENCODING_FR[r.encoding] ?? r.encoding) : r.encoding}${r.delimiter ? (lang === 'fr' ? `, « ${d} »` : `, “${d}”`) : ''}`;
    lines.push(`${r.path} (${enc}, ${r.rows} ${lang === 'fr' ? (r.rows > 1 ? 'lignes' : 'ligne') : r.rows === 1 ? 'row' : 'rows'})`);
    const totals = reportCounts(r);
    errors += totals.counts.error;
    warnings += totals.counts.warning;
    infos += totals.counts.info;
    for (const d of r.diagnostics) {
      const where = d.sheet ? `${d.sheet}!${d.cell ?? ''}` : d.line != null ? `${d.line}:${(d.start ?? 0) + 1}` : '-';
      lines.push(`  ${where.padEnd(10)} ${severityWord(d.severity, lang).padEnd(width)} ${d.message}  [${d.rule}]`);
    }
    const more = unlisted(r);
    if (more > 0)
      lines.push(
        lang === 'fr'
          ? `  … et ${more} de plus (--max-problems 0 pour tout lister)`
          : `  … and ${more} more (use --max-problems 0 to list all)`,
      );
  }
  const notes = infos ? `, ${infos} info(s)` : '';
  lines.push((lang === 'fr' ? `${errors} erreur(s), ${warnings} avertissement(s)` : `${errors} error(s), ${warnings} warning(s)`) + notes);
  return lines.join('\n');
}

/** A report's exact totals: those its session counted, else its list's (never cut). */
export function reportCounts(r: FileReport): ReportCounts {
  if (r.counts && r.byRule) return { counts: r.counts, byRule: r.byRule, truncated: r.truncated ?? false };
  return countsOfList(r.diagnostics);
}

/** Problems found but not listed. */
export function unlisted(r: FileReport): number {
  const c = reportCounts(r).counts;
  return Math.max(0, c.error + c.warning + c.info - r.diagnostics.length);
}

/** A path as a SARIF artifact URI: relative ones stay relative, each segment percent-encoded (spaces, `#`, `%`). */
export function sarifUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const encoded = p
    .split('/')
    .map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
  return p.startsWith('/') ? `file://${encoded}` : /^[A-Za-z]:\//.test(p) ? `file:///${encoded}` : encoded;
}

export function formatSarif(reports: FileReport[], lang: Lang): object {
  // Schema checks (type-error, constraint-error…) are not registry rules: listed by id so that every ruleId is described.
  const known = new Set(allRules.map((r) => r.meta.id));
  const schemaIds = new Map<string, string>();
  for (const d of reports.flatMap((r) => r.diagnostics))
    if (!known.has(d.rule) && !schemaIds.has(d.rule)) schemaIds.set(d.rule, d.severity);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'odw',
            informationUri: DOCS_BASE,
            rules: allRules
              .map((r) => ({
                id: r.meta.id,
                shortDescription: { text: r.meta.title[lang] },
                helpUri: `${DOCS_BASE}${r.meta.id}.md`,
                defaultConfiguration: { level: level(r.meta.severity) },
              }))
              .concat(
                [...schemaIds].sort().map(([id, severity]) => ({
                  id,
                  shortDescription: { text: lang === 'fr' ? `Contrôle du schéma : ${id}` : `Schema check: ${id}` },
                  helpUri: `${DOCS_BASE}../schemas.md`,
                  defaultConfiguration: { level: level(severity) },
                })),
              ),
          },
        },
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.rule,
            level: level(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: sarifUri(r.path) },
                  ...(d.line != null
                    ? {
                        region: {
                          startLine: d.line,
                          startColumn: (d.start ?? 0) + 1,
                          endLine: d.endLine ?? d.line,
                          endColumn: (d.end ?? 0) + 1,
                        },
                      }
                    : {}),
                },
                ...(d.sheet ? { logicalLocations: [{ name: `${d.sheet}!${d.cell ?? ''}` }] } : {}),
              },
            ],
          })),
        ),
      },
    ],
  };
}

function level(s: string): string {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}
