// A cleaning step names the rule whose fixes it replays (`{"rule": "blank-row"}`). A misspelt
// name matches no problem, so the step fixes nothing and nothing says why. A name that is no
// rule or check of the product but close to a rule's is pointed out: a note, not a refusal, and
// only for near misses, since a step may also name a schema's finding this list does not hold.
import type { Lang } from '../model';
import { ruleIds } from '../rules/ids';
import { customChecks } from '../checks/registry';
import { editDistance } from '../standardise/value-map';

/** Names a step may give besides the rules: the schema's findings and the custom checks. */
const OTHERS = [
  'standardise',
  'type-error',
  'constraint-error',
  'unique-error',
  'primary-key',
  'schema-error',
  'check-error',
  'deprecated-check',
  'schema-outdated',
  'missing-label',
  'extra-label',
  'incorrect-label',
  'ambiguous-label',
  'missing-required-header',
  'missing-header-warn',
  'extra-header-warn',
  'disordered-header-warn',
  ...customChecks.map((c) => c.name),
];
const KNOWN = new Set([...ruleIds, ...OTHERS]);
const RULES = [...ruleIds];

/** One note per step whose rule is a near miss of a rule's id (in `lang`). */
export function misspeltRuleNotes(steps: readonly { rule: string }[], lang: Lang): string[] {
  const notes: string[] = [];
  steps.forEach((s, i) => {
    if (typeof s.rule !== 'string' || KNOWN.has(s.rule)) return;
    const near = nearRules(s.rule.toLowerCase());
    if (near.length === 0) return;
    const names = near.join(lang === 'fr' ? ' ou ' : ' or ');
    notes.push(
      lang === 'fr'
        ? `/steps/${i} (étape ${i + 1}) : aucune règle ne s’appelle « ${s.rule} », vouliez-vous dire ${names} ? Cette étape ne corrige rien.`
        : `/steps/${i} (step ${i + 1}): no rule is named "${s.rule}": did you mean ${names}? This step fixes nothing.`,
    );
  });
  return notes;
}

/** The rules a typo away (two edits at most, one for a short name), the closest ones. */
function nearRules(typed: string): string[] {
  const limit = typed.length <= 5 ? 1 : 2;
  const scored = RULES.map((r) => ({ r, d: editDistance(typed, r) })).filter((x) => x.d <= limit);
  const best = Math.min(...scored.map((x) => x.d));
  return scored.filter((x) => x.d === best).map((x) => x.r);
}
