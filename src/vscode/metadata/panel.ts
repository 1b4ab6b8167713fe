// One metadata form per dataset, in a webview panel that survives reloads (serializer).
// Each change in the form gets the live quality score back; Save writes datapackage.json
// through the project store (WorkspaceEdit when the file is open, workspace.fs otherwise).
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { publicationOf } from '../../core/project/project';
import type { ProjectStore } from '../stages/project-store';
import { applyEdit, buildForm, editedScore, findDataset, scoreView } from './form';
import { metadataHtml } from './html';
import type { HostMessage, MetadataViewState } from '../../protocol/metadata';
import { parseMetadataMessage } from './messages';

export const METADATA_VIEW = 'openData.metadata';

export class MetadataPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: ProjectStore,
  ) {}

  open(dataset: string): vscode.WebviewPanel {
    const existing = this.panels.get(dataset);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(METADATA_VIEW, '', vscode.ViewColumn.Active, {});
    this.attach(panel, dataset);
    return panel;
  }

  /** Also used by the serializer to bring back a panel after a reload. */
  attach(panel: vscode.WebviewPanel, dataset: string): void {
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.title = vscode.l10n.t('Metadata: {0}', dataset);
    panel.webview.html = metadataHtml(panel.webview, root);
    this.panels.set(dataset, panel);
    const post = (m: HostMessage) => void panel.webview.postMessage(m);
    const exists = (path: string) => !this.store.root || existsSync(vscode.Uri.joinPath(this.store.root, ...path.split('/')).fsPath);
    const sub = panel.webview.onDidReceiveMessage(async (raw: unknown) => {
      const m = parseMetadataMessage(raw, dataset);
      if (!m) return;
      const view = findDataset(this.store.datapackage, dataset);
      if (!view) {
        post({ type: 'error', message: vscode.l10n.t('Dataset {0} is no longer in datapackage.json.', dataset) });
        return;
      }
      const publishedAt = publicationOf(this.store.state, dataset)?.publishedAt;
      if (m.type === 'ready') post({ type: 'load', form: buildForm(view, scoreView(view, exists, publishedAt)) });
      else if (m.type === 'change') post({ type: 'score', score: editedScore(view, m.edit, exists, publishedAt) });
      else if (m.type === 'save') {
        try {
          await this.store.updateDataPackage((dp) => applyEdit(dp, m.edit));
          post({ type: 'saved' });
        } catch (e) {
          post({ type: 'error', message: (e as Error).message });
        }
      }
    });
    panel.onDidDispose(() => {
      sub.dispose();
      if (this.panels.get(dataset) === panel) this.panels.delete(dataset);
    });
  }

  serializer(): vscode.WebviewPanelSerializer<MetadataViewState> {
    return {
      deserializeWebviewPanel: async (panel, state) => {
        await this.store.load();
        if (state?.dataset) this.attach(panel, state.dataset);
        else panel.dispose();
      },
    };
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
  }
}
