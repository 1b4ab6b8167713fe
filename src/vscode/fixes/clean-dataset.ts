// "Clean Dataset…" and "Replay Recipe": pick the fixes, run them in the worker, show the
// result as a diff, then apply it as one undoable edit, re-lint and record the recipe.
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/model';
import { isTextFix, OPT_IN_FIX_RULES } from '../../core/clean/plan';
import { siblingName } from '../../core/clean/sibling-name';
import type { CleanStep } from '../../core/clean/steps';
import type { DateOrderQuestion } from '../../core/clean/clean-stream';
import { ruleById } from '../../core/rules/registry';
import { lintSettings, uiLang } from '../settings';
import type { Services } from '../services';
import { freshState, replaceAll } from './edits';
import type { PreviewProvider } from './preview';
import { recordSteps } from './recipe-store';
import { notConvertedMessage, repairEncoding } from './encoding';

export interface CleanArgs {
  /** Rules to fix; skips the picker. */
  rules?: string[];
  /** Source order of ambiguous date columns by header label (tests, scripts); skips the question. */
  dateOrders?: Record<string, 'dd/mm/yyyy' | 'mm/dd/yyyy'>;
  /** Apply without the diff preview nor the encoding confirmation (tests, scripts). */
  apply?: boolean;
}

const LARGE = 50 * 1024 * 1024;

export async function settledDocument(services: Services, uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!freshState(services, doc)) await services.lint.lint(doc);
  return doc;
}

function titleOf(rule: string): string {
  const r = ruleById(rule);
  if (r) return r.meta.title[uiLang()];
  // Schema checks are not rules of the registry; the fixable one is a type error with a number/date fix.
  return rule === 'type-error'
    ? vscode.l10n.t('Values of the wrong type for the schema (dates, numbers)')
    : vscode.l10n.t('Schema check {0}', rule);
}

/** Fixable problems by rule, for the picker (pre-ticked but the opt-in ones: every offered fix is certain). */
async function pickRules(fixes: readonly Diagnostic[], legacyEncoding: string | null): Promise<string[] | undefined> {
  const counts = new Map<string, number>();
  for (const d of fixes) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  const items: (vscode.QuickPickItem & { rule: string })[] = [...counts].map(([rule, n]) => ({
    rule,
    label: titleOf(rule),
    description: rule,
    detail: vscode.l10n.t('{0} problem(s)', n),
    picked: !OPT_IN_FIX_RULES.has(rule),
  }));
  if (legacyEncoding)
    items.unshift({
      rule: 'encoding',
      label: vscode.l10n.t('Convert from {0} to UTF-8', legacyEncoding),
      description: 'encoding',
      picked: true,
    });
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to clean: no problem here has a certain fix.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Clean Dataset: fixes to apply') });
  return picked?.map((p) => p.rule);
}

export async function cleanDataset(
  services: Services,
  preview: PreviewProvider,
  uri: vscode.Uri | undefined,
  args: CleanArgs = {},
  replay?: CleanStep[],
): Promise<boolean> {
  uri ??= vscode.window.activeTextEditor?.document.uri;
  if (!uri) return false;
  if (/\.(xlsx|ods)$/i.test(uri.path)) {
    // A workbook is never rewritten: its sheet goes to a new CSV, which is then cleaned.
    const csv = await vscode.commands.executeCommand<vscode.Uri | undefined>('openData.exportSheetCsv', uri);
    if (!csv) return false;
    uri = csv;
  }
  if (uri.scheme === 'file' && (await vscode.workspace.fs.stat(uri)).size > LARGE)
    return cleanLarge(services, uri, replay ?? args.rules?.map((rule) => ({ rule })), !replay, args.dateOrders);
  let doc = await settledDocument(services, uri);
  const state = freshState(services, doc)!;
  // Replacement characters mean the editor read legacy bytes as UTF-8: the lint then names the guess.
  const enc = state.result.info.encoding;
  const legacy =
    state.core.some((d) => d.rule === 'encoding') && uri.scheme === 'file' ? (/^utf-?8$/i.test(enc) ? 'windows-1252' : enc) : null;
  const asks = state.core.filter((d) => d.fix?.kind === 'choose-date-order');
  const fixes = [...state.core.filter(isTextFix), ...asks];
  const rules = args.rules ?? (replay ? replay.map((s) => s.rule) : await pickRules(fixes, legacy));
  if (!rules) return false;
  // Ambiguous date columns: the order is asked once per column, then recorded in the recipe.
  const formats = !replay && rules.includes('date-format') ? await askDateOrders(questionsOf(doc, asks), args.dateOrders) : undefined;
  if (formats === null) return false;
  const repaired = rules.includes('encoding') && legacy ? await repairEncoding(doc, !args.apply) : undefined;
  const encodingStep = typeof repaired === 'object' ? repaired : undefined;
  if (encodingStep) {
    services.lint.fileChanged(uri);
    doc = await settledDocument(services, uri);
  }
  // Never silent: the user ticked the conversion and it did not happen.
  else if (typeof repaired === 'string') void vscode.window.showWarningMessage(notConvertedMessage(repaired));
  const steps =
    replay ?? rules.filter((r) => r !== 'encoding').map((rule) => (rule === 'date-format' && formats ? { rule, formats } : { rule }));
  if (steps.length === 0) {
    // Only the conversion was asked for (the encoding quick fix): say it is done.
    if (!encodingStep) return false;
    await recordSteps(uri, [encodingStep]);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is now UTF-8.', uri.path.split('/').pop() ?? ''));
    return true;
  }
  const settings = lintSettings(uri);
  const cur = freshState(services, doc)!;
  const res = await services.worker.run('clean', {
    text: doc.getText(),
    path: uri.scheme === 'file' ? uri.fsPath : undefined,
    steps,
    options: {
      lang: uiLang(),
      rules: settings.rules,
      format: doc.languageId === 'tsv' ? 'tsv' : 'csv',
      schema: cur.schema?.name,
      schemaGlobs: settings.schemaGlobs,
      schemaRoot: settings.schemaRoot,
    },
  });
  const cleaned = 'text' in res ? res.text : undefined;
  if (!cleaned || cleaned.text === doc.getText()) {
    if (encodingStep) await recordSteps(uri, [encodingStep]);
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing changed.'));
    return !!encodingStep;
  }
  const version = doc.version;
  if (!args.apply && !(await confirmDiff(preview, doc, cleaned.text))) return false;
  // Edited during the preview: the cleaned text no longer matches, do not overwrite the edits.
  if (doc.version !== version || !(await vscode.workspace.applyEdit(replaceAll(doc, cleaned.text)))) return false;
  await recordSteps(uri, [...(encodingStep ? [encodingStep] : []), ...cleaned.steps]);
  await services.lint.lint(doc);
  // Counted by the worker without the editor's problem cap, so before and after compare.
  const n = (c: { error: number; warning: number }) => c.error + c.warning;
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Cleaned: {0} errors and warnings before, {1} after. Undo (Ctrl+Z) restores the original.',
      n(cleaned.before),
      n(cleaned.after),
    ),
  );
  // Never silent: trims that would have turned a cell into a formula were not applied.
  const held = Object.values(cleaned.withheld ?? {}).reduce((a, b) => a + b, 0);
  if (held)
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} fix(es) not applied: the cell would then start a formula (= + - @). See the formula-injection problems.', held),
    );
  return true;
}

/** One question per ambiguous column, with one of its dates read from the editor. */
function questionsOf(doc: vscode.TextDocument, asks: readonly Diagnostic[]): DateOrderQuestion[] {
  const out = new Map<string, string>();
  for (const d of asks) {
    const field = (d.fix as { field: string }).field;
    if (out.has(field)) continue;
    const sample =
      d.line != null
        ? doc
            .lineAt(d.line - 1)
            .text.slice(d.start ?? 0, d.end ?? undefined)
            .replace(/^"|"$/g, '')
            .trim()
        : '';
    out.set(field, sample);
  }
  return [...out].map(([field, sample]) => ({ field, sample }));
}

const dateOrderQuestion = new vscode.EventEmitter<string>();
/** Fires with the column's label when a date-order QuickPick opens (the host tests wait for one before pressing its keys). */
export const onDateOrderQuestion = dateOrderQuestion.event;

/**
 * For each column whose dates all read both ways (03/04/2019), asks which order it uses. Returns
 * the answers by column (a skipped column stays unfixed), or null when the person cancels.
 */
async function askDateOrders(
  questions: readonly DateOrderQuestion[],
  given?: Record<string, string>,
): Promise<Record<string, string> | undefined | null> {
  const out: Record<string, string> = {};
  for (const { field, sample } of questions) {
    if (given?.[field]) {
      out[field] = given[field];
      continue;
    }
    const [a, b, y] = sample.split('/');
    const items: (vscode.QuickPickItem & { order?: string })[] = [
      { label: vscode.l10n.t('Day first (DD/MM/YYYY)'), description: y ? `${sample} → ${y}-${b}-${a}` : undefined, order: 'dd/mm/yyyy' },
      { label: vscode.l10n.t('Month first (MM/DD/YYYY)'), description: y ? `${sample} → ${y}-${a}-${b}` : undefined, order: 'mm/dd/yyyy' },
      { label: vscode.l10n.t('Leave this column as it is') },
    ];
    dateOrderQuestion.fire(field);
    const pick = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Dates of “{0}”: every one reads both ways. Which order does the column use?', field),
      ignoreFocusOut: true,
    });
    if (!pick) return null;
    if (pick.order) out[field] = pick.order;
  }
  return Object.keys(out).length ? out : undefined;
}

/** `data.csv` → `data.clean.csv`, or `data.clean-2.csv`… : an existing file is never overwritten. */
async function freeSibling(uri: vscode.Uri, tag: string): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(uri, '..');
  const taken = new Set((await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n));
  return vscode.Uri.joinPath(
    dir,
    siblingName(uri.path.split('/').pop()!, tag, (n) => taken.has(n)),
  );
}

async function confirmDiff(preview: PreviewProvider, doc: vscode.TextDocument, text: string): Promise<boolean> {
  const right = preview.show(doc.uri, text);
  const name = doc.uri.path.split('/').pop();
  await vscode.commands.executeCommand('vscode.diff', doc.uri, right, vscode.l10n.t('{0} ↔ cleaned (preview)', name ?? ''));
  const apply = vscode.l10n.t('Apply');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Apply these changes to {0}?', name ?? ''),
    apply,
    vscode.l10n.t('Discard'),
  );
  preview.forget(right);
  return answer === apply;
}

/**
 * Over 50 MB: cleaned by streaming to a new file next to the original. When `ask` (not a recipe's
 * replay), a column whose dates all read both ways stops the first run before anything is written:
 * its order is asked (or taken from `given`), then the file is cleaned again with the answers.
 */
async function cleanLarge(
  services: Services,
  uri: vscode.Uri,
  steps: CleanStep[] | undefined,
  ask: boolean,
  given?: Record<string, string>,
): Promise<boolean> {
  const out = await freeSibling(uri, 'clean');
  const settings = lintSettings(uri);
  const run = (askDateOrders: boolean, dateFormats?: Record<string, string>) =>
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Cleaning {0}', uri.path.split('/').pop() ?? ''),
        cancellable: true,
      },
      async (progress, token) => {
        let last = 0;
        return services.worker.run(
          'clean',
          { path: uri.fsPath, out: out.fsPath, steps, askDateOrders, options: { lang: uiLang(), rules: settings.rules, dateFormats } },
          {
            token,
            progress: (done: number, total: number) => {
              const pct = total ? (100 * done) / total : 0;
              progress.report({ increment: pct - last });
              last = pct;
            },
          },
        );
      },
    );
  let res = await run(ask && (!steps || steps.some((s) => s.rule === 'date-format')));
  if ('streamed' in res && res.streamed?.asked) {
    const formats = await askDateOrders(res.streamed.asked, given);
    if (formats === null) return false;
    res = await run(false, formats);
  }
  if (!('streamed' in res) || !res.streamed) return false;
  const { encoding, steps: done } = res.streamed;
  // The copy is UTF-8: a legacy input was re-encoded on the way.
  await recordSteps(uri, /^utf-?8$/i.test(encoding) ? done : [{ rule: 'encoding', fix: 'reencode', from: encoding, count: 1 }, ...done]);
  const open = vscode.l10n.t('Open');
  // Not awaited: the command is done once the copy is written (the message stays until dismissed).
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t('Cleaned copy written to {0} ({1} rows).', vscode.workspace.asRelativePath(out), res.streamed.rows),
      open,
    )
    .then((pick) => {
      if (pick === open) void vscode.window.showTextDocument(out);
    });
  return true;
}
