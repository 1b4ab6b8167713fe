// How each node of the tree looks: label, description, icon, tooltip, checkbox, click
// command and the contextValue its menus key on.
import * as vscode from 'vscode';
import { isSafeLink } from '../../core/portal/url';
import { STAGES } from '../../core/project/stages';
import { uiLang } from '../settings';
import { nodeId, type Counts, type Node } from './nodes';
import { isDiagNode, type DiagNode } from '../diagnose/nodes';
import { diagItem } from '../diagnose/items';

const icon = (id: string, color?: string) => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
const STAGE_ICONS = {
  diagnostic: 'pulse',
  identification: 'search',
  preparation: 'tools',
  publication: 'cloud-upload',
  valorisation: 'graph',
} as const;
const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;

function kb(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
}

function countsText(c: Counts): string {
  if (!c.errors && !c.warnings) return vscode.l10n.t('no problems');
  return vscode.l10n.t('{0} errors, {1} warnings', c.errors, c.warnings);
}

export function treeItem(n: Node): vscode.TreeItem {
  if (isDiagNode(n)) return diagItem(n);
  const lang = uiLang();
  const item = itemFor(n, lang);
  item.id = nodeId(n);
  return item;
}

function itemFor(n: Exclude<Node, DiagNode>, lang: 'en' | 'fr'): vscode.TreeItem {
  switch (n.kind) {
    case 'stage': {
      const i = new vscode.TreeItem(
        `${STAGES.indexOf(n.stage) + 1}. ${n.stage.title[lang]}`,
        n.stage.id === 'diagnostic' ? Expanded : Collapsed,
      );
      i.iconPath = icon(STAGE_ICONS[n.stage.id]);
      i.contextValue = `odw.stage.${n.stage.id}`;
      return i;
    }
    case 'check': {
      const i = new vscode.TreeItem(n.item.label[lang], None);
      i.checkboxState = n.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
      i.contextValue = 'odw.check';
      return i;
    }
    case 'notes': {
      const i = new vscode.TreeItem(vscode.l10n.t('Notes'), None);
      i.description = n.notes ? n.notes.split('\n')[0] : vscode.l10n.t('none yet');
      i.tooltip = n.notes || vscode.l10n.t('Write notes for this stage');
      i.iconPath = icon('note');
      i.contextValue = 'odw.notes';
      i.command = { command: 'openData.editStageNotes', title: vscode.l10n.t('Edit Notes'), arguments: [n.stage] };
      return i;
    }
    case 'file': {
      const i = new vscode.TreeItem(n.uri, None);
      i.label = vscode.workspace.asRelativePath(n.uri);
      const f = n.facts;
      const parts = !f
        ? [vscode.l10n.t('reading…')]
        : f.error
          ? [vscode.l10n.t('unreadable')]
          : [kb(f.size), ...(f.rows !== undefined ? [vscode.l10n.t('{0} rows', f.rows)] : []), ...(f.schema ? [f.schema.name] : [])];
      if (n.dataset) parts.push(vscode.l10n.t('in dataset {0}', n.dataset));
      i.description = parts.join(' · ');
      i.tooltip = new vscode.MarkdownString();
      i.tooltip.appendText(vscode.workspace.asRelativePath(n.uri) + '\n\n');
      if (f?.error) i.tooltip.appendText(f.error);
      if (f?.modified) i.tooltip.appendText(vscode.l10n.t('Modified on {0}', new Date(f.modified).toLocaleDateString(lang)) + '\n\n');
      if (f?.schema)
        i.tooltip.appendText(
          vscode.l10n.t('Looks like schema {0}: {1} of its {2} columns found.', f.schema.name, f.schema.matched, f.schema.total) + '\n\n',
        );
      if (f?.header.length) i.tooltip.appendText(vscode.l10n.t('Columns: {0}', f.header.join(', ')));
      i.iconPath = icon(n.dataset ? 'pass-filled' : 'file', n.dataset ? 'testing.iconPassed' : undefined);
      i.contextValue = n.dataset ? 'odw.file.added' : 'odw.file';
      i.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [n.uri] };
      return i;
    }
    case 'dataset': {
      const i = new vscode.TreeItem(
        n.view.meta.title || n.view.meta.name,
        n.view.resources.length || n.stage !== 'valorisation' ? Collapsed : None,
      );
      i.description = n.counts
        ? n.validated || n.counts.errors || n.counts.warnings
          ? countsText(n.counts)
          : vscode.l10n.t('not validated yet')
        : n.score;
      i.tooltip = `${n.view.meta.name}\n${n.view.resources.map((r) => (Array.isArray(r.path) ? r.path.join(', ') : r.path)).join('\n')}`;
      i.iconPath = n.counts?.errors
        ? icon('error', 'problemsErrorIcon.foreground')
        : n.counts?.warnings
          ? icon('warning', 'problemsWarningIcon.foreground')
          : icon('database');
      i.contextValue = `odw.dataset.${n.stage}`;
      return i;
    }
    case 'resource': {
      const i = new vscode.TreeItem(n.uri, None);
      i.label = vscode.workspace.asRelativePath(n.uri);
      i.description = !n.exists
        ? vscode.l10n.t('missing file')
        : n.validated || n.counts.errors || n.counts.warnings
          ? countsText(n.counts)
          : vscode.l10n.t('not validated yet');
      i.iconPath =
        !n.exists || n.counts.errors
          ? icon('error', 'problemsErrorIcon.foreground')
          : n.counts.warnings
            ? icon('warning', 'problemsWarningIcon.foreground')
            : n.validated
              ? icon('pass', 'testing.iconPassed')
              : icon('circle-large-outline');
      i.contextValue = n.exists ? 'odw.resource' : 'odw.resource.missing';
      if (n.exists) i.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [n.uri] };
      return i;
    }
    case 'completeness': {
      const i = new vscode.TreeItem(vscode.l10n.t('Metadata: {0}/{1} fields', n.filled, n.total), None);
      i.tooltip = n.missing.length ? vscode.l10n.t('Missing: {0}', n.missing.join(', ')) : vscode.l10n.t('All metadata fields are filled.');
      i.iconPath = icon(n.missing.length ? 'circle-large-outline' : 'pass', n.missing.length ? undefined : 'testing.iconPassed');
      i.contextValue = 'odw.completeness';
      i.command = { command: 'openData.editMetadata', title: vscode.l10n.t('Edit Dataset Metadata'), arguments: [n.dataset] };
      return i;
    }
    case 'quality': {
      const i = new vscode.TreeItem(vscode.l10n.t('data.gouv.fr quality score: {0}/9', n.points), Collapsed);
      i.iconPath = icon('star-half');
      i.contextValue = 'odw.quality';
      return i;
    }
    case 'criterion': {
      const c = n.criterion;
      const i = new vscode.TreeItem(c.label[lang], None);
      i.description = c.todo?.[lang];
      i.tooltip = c.todo?.[lang] ?? vscode.l10n.t('Point earned');
      i.iconPath = c.met ? icon('pass', 'testing.iconPassed') : icon('circle-large-outline');
      i.contextValue = c.met ? 'odw.criterion.met' : 'odw.criterion';
      return i;
    }
    case 'portal': {
      const i = new vscode.TreeItem(vscode.l10n.t('Target portal'), None);
      i.description = n.portal ?? vscode.l10n.t('not chosen');
      i.iconPath = icon('globe');
      i.contextValue = 'odw.portal';
      i.command = { command: 'openData.setTargetPortal', title: vscode.l10n.t('Choose the Target Portal'), arguments: [] };
      return i;
    }
    case 'published': {
      const p = n.publication;
      const i = new vscode.TreeItem(p ? vscode.l10n.t('Published') : vscode.l10n.t('Not published yet'), None);
      i.description = p ? `${new Date(p.publishedAt).toLocaleDateString(lang)} · ${p.portal}` : undefined;
      i.tooltip = p?.url;
      i.iconPath = p ? icon('link-external') : icon('circle-slash');
      i.contextValue = p ? 'odw.published' : 'odw.unpublished';
      // #16: a URL from the project file is opened only when https (or loopback).
      if (p && isSafeLink(p.url))
        i.command = { command: 'vscode.open', title: vscode.l10n.t('Open the Published Page'), arguments: [vscode.Uri.parse(p.url)] };
      return i;
    }
    case 'chart': {
      const i = new vscode.TreeItem(n.title ?? vscode.workspace.asRelativePath(n.uri), None);
      if (!n.title) i.description = vscode.l10n.t('not a saved chart');
      i.iconPath = icon(n.title ? 'graph-line' : 'warning');
      i.contextValue = 'odw.chart';
      i.command = { command: 'openData.openSavedChart', title: vscode.l10n.t('Open Chart'), arguments: [n.uri] };
      return i;
    }
    case 'reuse': {
      const i = new vscode.TreeItem(vscode.l10n.t('Reuse: {0}', n.title ?? n.slug), None);
      i.description = n.portal;
      i.tooltip = n.page;
      i.iconPath = icon('link-external');
      i.contextValue = 'odw.reuse';
      // #16: a URL from the project file is opened only when https (or loopback).
      if (n.page && isSafeLink(n.page))
        i.command = { command: 'vscode.open', title: vscode.l10n.t('Open the Reuse'), arguments: [vscode.Uri.parse(n.page)] };
      return i;
    }
    case 'otherCharts': {
      const i = new vscode.TreeItem(vscode.l10n.t('Other charts'), Collapsed);
      i.iconPath = icon('graph');
      return i;
    }
    case 'empty': {
      const i = new vscode.TreeItem(n.message, None);
      i.iconPath = icon('info');
      i.contextValue = 'odw.empty';
      return i;
    }
  }
}
