// `odw map <file> --schema <name[@version]> [--format json] [--sheet S] [--lang en|fr]`: the
// proposed mapping of the file's columns to the schema's fields, and the columns left over.
// Exit 0 = printed, 1 = unreadable file, 2 = usage (unknown schema or option).
import { dirname } from 'node:path';
import { UsageError, wordsFor, type Write } from './args';
import type { Text } from '../core/model';
import { failure, parseStdArgs } from './standardise-args';
import { StandardiseError } from '../core/standardise/errors';
import { resolveTarget } from '../core/standardise/target';
import { sampleSource } from '../core/standardise/sample';
import { proposeMapping } from '../core/standardise/propose';
import { organisationConstants, projectOrganisation } from '../core/standardise/organisation';
import { kindText, reasonText } from '../core/standardise/reason-words';

export const MAP_USAGE: Text = {
  en: 'usage: odw map <file> --schema <name[@version]> [--format text|json] [--sheet <name>] [--lang en|fr]',
  fr: 'usage : odw map <fichier> --schema <nom[@version]> [--format text|json] [--sheet <nom>] [--lang en|fr]',
};

export async function mapCommand(argv: string[], out: Write, err: Write): Promise<number> {
  let lang: 'en' | 'fr' = 'en';
  try {
    const a = parseStdArgs(argv, ['schema', 'format', 'sheet', 'lang'], MAP_USAGE);
    lang = a.lang;
    if (!a.schema) throw new UsageError(wordsFor(argv, MAP_USAGE).required('--schema'));
    let target;
    try {
      target = resolveTarget(a.schema);
    } catch (e) {
      if (e instanceof StandardiseError) throw new UsageError(e.in(lang));
      throw e;
    }
    const sample = await sampleSource({ path: a.file, sheet: a.sheet }, { target });
    const p = proposeMapping(target, { ...sample, constants: organisationConstants(target, projectOrganisation(dirname(a.file))) });
    if (a.format === 'json') {
      out(
        JSON.stringify(
          {
            schema: p.schema,
            fields: p.fields.map(({ field, kind, source, confidence, reason }) => ({ field, kind, source, confidence, reason })),
            unmapped: p.unmapped,
            // Only when proposed: the output of a file without totals rows is unchanged.
            ...(p.operations.length ? { operations: p.operations.map((o) => ({ operation: o.operation, reason: o.reason.en })) } : {}),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    out(`${a.file} → ${p.schema.name}@${p.schema.version}`);
    const req = new Set(target.fields.filter((f) => f.required).map((f) => f.name));
    for (const f of p.fields) {
      const src =
        f.kind === 'constant'
          ? `= ${JSON.stringify(p.spec.fields[f.field] && 'constant' in p.spec.fields[f.field] ? (p.spec.fields[f.field] as { constant: string }).constant : '')}`
          : (f.source ?? '—');
      // French: a decimal comma, so a semicolon before the reason (whose parts are comma-separated).
      const why =
        lang === 'fr'
          ? `${f.confidence.toFixed(2).replace('.', ',')} ; ${reasonText(f.why, 'fr')}`
          : `${f.confidence.toFixed(2)}, ${f.reason}`;
      out(
        `  ${req.has(f.field) ? '*' : ' '} ${f.field.padEnd(24)} ${kindText(f.kind, lang).padEnd(10)} ${src}${f.kind !== 'none' ? `  (${why})` : ''}`,
      );
    }
    const unmapped = p.unmapped.length ? p.unmapped.join(', ') : '—';
    out(lang === 'fr' ? `Colonnes non utilisées : ${unmapped}` : `Unmapped columns: ${unmapped}`);
    for (const o of p.operations)
      out(
        lang === 'fr'
          ? `Opération proposée : ${o.operation} — ${o.reason.fr}`
          : `Table operation proposed: ${o.operation} — ${o.reason.en}`,
      );
    return 0;
  } catch (e) {
    return failure(e, 'map', lang, err);
  }
}
