// Entry of the Standardise feature ("Préparation"): "Open Data: Standardise to Schema…" from a
// CSV, a workbook (one of its sheets), the explorer or the Préparation stage's resources.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { StandardisePanel, type StandardiseSource, type WriteAnswers } from './panel';
import { STANDARDISE_VIEW_TYPE, parseStandardiseState } from '../../protocol/standardise';

const TABLE = /\.(csv|tsv|tab|txt|xlsx|xlsm|ods)$/i;

/** What `openData._standardiseState` returns to integration tests. */
export interface StandardiseTestState {
  source: string;
  webviewReady: boolean;
  schema: string | null;
  fields: Record<string, unknown> | null;
  preview: { header: string[]; rows: number; errors: number; warnings: number; ms: number } | null;
  written: string | null;
  table: unknown;
  /** The table operations the proposal turned on, with their reasons as the panel shows them. */
  proposedOps: { operation: string; reason: string }[];
  stackCandidates: string[];
  problem: string | null;
  /** The notices area as the webview shows it (its heading, each notice's text and action). */
  shown: StandardisePanel['shown'];
}

export function registerStandardise(context: vscode.ExtensionContext, services: Pick<Services, 'worker'>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('openData.standardise', async (arg?: unknown, sheet?: unknown) => {
      const source = await sourceOf(arg, typeof sheet === 'string' ? sheet : undefined);
      if (!source) return undefined;
      StandardisePanel.show(source, context.extensionUri, services.worker);
      return source.uri.toString();
    }),
    vscode.commands.registerCommand('openData._standardiseState', (): StandardiseTestState | undefined => {
      const p = StandardisePanel.last;
      if (!p) return undefined;
      const v = p.lastPreview;
      return {
        source: p.source.uri.toString(),
        webviewReady: p.webviewReady,
        schema: p.spec?.schema.name ?? null,
        fields: p.spec?.fields ?? null,
        preview: v && { header: v.header, rows: v.rows.length, errors: v.counts.errors, warnings: v.counts.warnings, ms: v.ms },
        written: p.written?.fsPath ?? null,
        table: p.spec?.table ?? null,
        proposedOps: p.view?.proposedOps ?? [],
        stackCandidates: p.view?.stackCandidates.map((c) => c.title) ?? [],
        problem: p.lastProblem,
        shown: p.shown,
      };
    }),
    vscode.window.registerWebviewPanelSerializer(STANDARDISE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const s = parseStandardiseState(state);
        if (!s) return panel.dispose();
        StandardisePanel.revive(panel, { uri: vscode.Uri.parse(s.source), sheet: s.sheet }, context.extensionUri, services.worker);
      },
    }),
    /** A message as if from the webview (host tests drive the panel's protocol with it). */
    vscode.commands.registerCommand('openData._standardiseMessage', (m: unknown) => StandardisePanel.last?.receiveRaw(m)),
    /** The panel's "Write standardised CSV" with the dialog's answers given (tests): `{ out?, overwrite? }`. */
    vscode.commands.registerCommand(
      'openData._standardiseWrite',
      async (a?: WriteAnswers) =>
        (
          await StandardisePanel.last?.write({
            ...(typeof a?.out === 'string' ? { out: a.out } : {}),
            overwrite: a?.overwrite === true,
          })
        )?.fsPath,
    ),
  );
}

/** A Uri, a tree node of the Préparation stage (`{ uri }`), or the active editor's table; a workbook asks for its sheet. */
async function sourceOf(arg: unknown, sheet: string | undefined): Promise<StandardiseSource | undefined> {
  const uri =
    arg instanceof vscode.Uri
      ? arg
      : arg && typeof arg === 'object' && (arg as { uri?: unknown }).uri instanceof vscode.Uri
        ? (arg as { uri: vscode.Uri }).uri
        : activeTable();
  if (!uri || !TABLE.test(uri.path)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a table (CSV, TSV, XLSX or ODS) to standardise it.'));
    return undefined;
  }
  if (sheet || !/\.(xlsx|xlsm|ods)$/i.test(uri.path)) return { uri, sheet };
  const { listSheets, peekHeader } = await import('../../core/sheet/peek');
  const visible = (await listSheets(uri.fsPath).catch(() => [])).filter((s) => s.state === 'visible');
  // Only the sheets that hold a table are worth asking about (Feuil2, Feuil3 are often empty).
  const withTable = await Promise.all(
    visible.map(async (s) => ((await peekHeader(uri.fsPath, s.name).catch(() => null))?.labels.some((l) => l.trim()) ? s : null)),
  );
  const sheets = withTable.filter((s) => s !== null);
  if (sheets.length <= 1) return { uri, sheet: sheets[0]?.name };
  const pick = await vscode.window.showQuickPick(
    sheets.map((s) => s.name),
    { title: vscode.l10n.t('Sheet to standardise') },
  );
  return pick ? { uri, sheet: pick } : undefined;
}

function activeTable(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document.uri;
  if (doc && TABLE.test(doc.path)) return doc;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  return uri && TABLE.test(uri.path) ? uri : undefined;
}
