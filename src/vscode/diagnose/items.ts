// How the Diagnostic and Identification nodes look: label, description, icon, tooltip,
// click command and the contextValue their menus key on.
import * as vscode from 'vscode';
import { MATURITY_QUESTIONS } from '../../core/diagnose/maturity';
import { frequencyWord } from '../../core/diagnose/messages';
import { wantedProgress } from '../../core/diagnose/project-state';
import { SOCLE } from '../../core/diagnose/socle';
import { uiLang } from '../settings';
import { flagLabel, referentStatusLabel, wantedStatusLabel } from './labels';
import { diagNodeId, type DiagNode } from './nodes';

const icon = (id: string, color?: string) => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
const warn = () => icon('warning', 'problemsWarningIcon.foreground');
const ok = () => icon('pass', 'testing.iconPassed');
const host = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const pdfName = (f: { rel: string } | vscode.Uri) => (f instanceof vscode.Uri ? vscode.workspace.asRelativePath(f) : f.rel);

export function diagItem(n: DiagNode): vscode.TreeItem {
  const i = itemFor(n);
  i.id = diagNodeId(n);
  return i;
}

function itemFor(n: DiagNode): vscode.TreeItem {
  const lang = uiLang();
  switch (n.kind) {
    case 'diag.run': {
      const i = new vscode.TreeItem(vscode.l10n.t('Read what the organisation already publishes…'), None);
      i.description = n.running ? vscode.l10n.t('reading…') : undefined;
      i.iconPath = icon('cloud-download');
      i.contextValue = 'odw.diag.run';
      i.command = { command: 'openData.diagnose.run', title: vscode.l10n.t('Read the Published Datasets'), arguments: [] };
      return i;
    }
    case 'diag.inventory': {
      const inv = n.outcome?.inventory;
      const i = new vscode.TreeItem(vscode.l10n.t('Published on {0}', host(n.target.portal)), inv || n.outcome?.error ? Expanded : None);
      const flagged = inv
        ? inv.datasets.filter((d) => d.stale || !d.openFormat || d.lowQuality || (d.suggestedSchema && !d.schema)).length
        : 0;
      const parts = n.running
        ? [vscode.l10n.t('reading…')]
        : inv
          ? [vscode.l10n.t('{0} datasets', inv.datasets.length), vscode.l10n.t('{0} flagged', flagged)]
          : [];
      if (inv && n.outcome?.source === 'cache')
        parts.push(vscode.l10n.t('last known, {0}', new Date(inv.fetchedAt).toLocaleDateString(lang)));
      i.description = parts.join(' · ');
      i.tooltip = `${inv?.organization.name ?? n.target.organization} — ${n.target.portal}`;
      i.iconPath = n.outcome?.error ? warn() : icon('cloud');
      i.contextValue = 'odw.diag.inventory';
      return i;
    }
    case 'diag.error': {
      const i = new vscode.TreeItem(n.message, None);
      i.tooltip = n.message;
      i.iconPath = warn();
      i.contextValue = 'odw.diag.error';
      return i;
    }
    case 'diag.dataset': {
      const d = n.dataset;
      const visible = n.flags.filter((f) => f !== 'private');
      const i = new vscode.TreeItem(d.title, visible.length ? Collapsed : None);
      i.description = n.flags.length ? n.flags.map(flagLabel).join(', ') : vscode.l10n.t('no flag');
      const md = new vscode.MarkdownString();
      md.appendText(`${d.title}\n\n`);
      md.appendText(vscode.l10n.t('Last update: {0}', d.lastUpdate?.slice(0, 10) ?? '—') + '\n\n');
      md.appendText(vscode.l10n.t('Frequency: {0}', d.frequency ? frequencyWord(d.frequency, uiLang()) : '—') + '\n\n');
      md.appendText(vscode.l10n.t('Formats: {0}', d.formats.join(', ') || '—') + '\n\n');
      md.appendText(vscode.l10n.t('Schema: {0}', d.schema ?? '—') + '\n\n');
      if (d.quality !== null) md.appendText(vscode.l10n.t('data.gouv.fr quality score: {0}/9', Math.round(d.quality * 9)));
      i.tooltip = md;
      i.iconPath = visible.length ? warn() : ok();
      i.contextValue = 'odw.diag.dataset';
      i.command = { command: 'vscode.open', title: vscode.l10n.t('Open the Published Page'), arguments: [vscode.Uri.parse(d.url)] };
      return i;
    }
    case 'diag.flag': {
      const i = new vscode.TreeItem(n.text, None);
      i.tooltip = n.text;
      i.iconPath = icon(
        { stale: 'history', 'no-open-format': 'file-pdf', 'no-schema': 'symbol-structure', 'low-quality': 'star-half', private: 'lock' }[
          n.flag
        ],
      );
      return i;
    }
    case 'diag.socle': {
      const i = new vscode.TreeItem(
        vscode.l10n.t('Socle Commun des Données Locales: {0}/{1} published', n.coverage.published.length, SOCLE.length),
        Collapsed,
      );
      i.iconPath = icon('library');
      i.contextValue = 'odw.diag.socle';
      return i;
    }
    case 'diag.socleSchema': {
      const i = new vscode.TreeItem(n.title, None);
      i.description = `${n.name} · ${n.published ? vscode.l10n.t('published') : n.wanted ? vscode.l10n.t('in the wanted list') : vscode.l10n.t('missing')}`;
      i.iconPath = n.published ? ok() : icon(n.wanted ? 'bookmark' : 'circle-large-outline');
      i.contextValue = n.published ? 'odw.diag.socle.published' : n.wanted ? 'odw.diag.socle.wanted' : 'odw.diag.socle.missing';
      return i;
    }
    case 'diag.maturity': {
      const r = n.result;
      const label = r.level ? vscode.l10n.t('Maturity: level {0}/5', r.level) : vscode.l10n.t('Maturity self-assessment: not done');
      const i = new vscode.TreeItem(label, r.answered ? Collapsed : None);
      const weakest = r.weakest.map((a) => MATURITY_QUESTIONS.find((q) => q.axis === a)!.title[lang]).join(', ');
      i.description = r.answered
        ? vscode.l10n.t('{0}/5 axes · mean {1} · start with {2}', r.answered, r.mean!.toLocaleString(lang), weakest)
        : vscode.l10n.t('5 questions');
      i.tooltip = n.assessedAt ? vscode.l10n.t('Answered on {0}', n.assessedAt) : vscode.l10n.t('Answer the 5 questions');
      i.iconPath = icon('dashboard');
      i.contextValue = 'odw.diag.maturity';
      i.command = { command: 'openData.diagnose.maturity', title: vscode.l10n.t('Maturity Self-Assessment'), arguments: [] };
      return i;
    }
    case 'diag.axis': {
      const q = MATURITY_QUESTIONS.find((x) => x.axis === n.axis)!;
      const i = new vscode.TreeItem(q.title[lang], None);
      i.description = n.level ? `${n.level}/5 · ${q.levels[n.level - 1][lang]}` : vscode.l10n.t('not answered');
      i.iconPath = icon(n.level ? 'circle-filled' : 'circle-large-outline');
      i.contextValue = 'odw.diag.axis';
      i.command = {
        command: 'openData.diagnose.maturity',
        title: vscode.l10n.t('Maturity Self-Assessment'),
        arguments: [{ axis: n.axis }],
      };
      return i;
    }
    case 'diag.referents': {
      const i = new vscode.TreeItem(vscode.l10n.t('Referents ({0})', n.list.length), Collapsed);
      i.tooltip = vscode.l10n.t('Services and contacts, kept in .opendata/project.json and never sent anywhere');
      i.iconPath = icon('organization');
      i.contextValue = 'odw.diag.referents';
      return i;
    }
    case 'diag.referent': {
      const r = n.referent;
      const i = new vscode.TreeItem(r.contact ? `${r.service} — ${r.contact}` : r.service, None);
      i.description = `${referentStatusLabel(r.status)}${r.dates?.[r.status] ? ` · ${r.dates[r.status]}` : ''}`;
      i.tooltip = [r.email, ...Object.entries(r.dates ?? {}).map(([s, d]) => `${referentStatusLabel(s as never)}: ${d}`)]
        .filter(Boolean)
        .join('\n');
      i.iconPath = icon(
        { 'to-contact': 'mail', asked: 'clock', received: 'pass', refused: 'circle-slash', 'no-answer': 'question' }[r.status] ?? 'person',
      );
      i.contextValue = 'odw.diag.referent';
      i.command = { command: 'openData.diagnose.setReferentStatus', title: vscode.l10n.t('Set the Status'), arguments: [n] };
      return i;
    }
    case 'diag.wanted': {
      const p = wantedProgress(n.list);
      const i = new vscode.TreeItem(vscode.l10n.t('Wanted Data List'), Expanded);
      i.description = p.total ? vscode.l10n.t('{0}/{1} received · {2} published', p.inHand, p.total, p.published) : vscode.l10n.t('empty');
      i.iconPath = icon('checklist');
      i.contextValue = 'odw.diag.wanted';
      return i;
    }
    case 'diag.wantedEntry': {
      const w = n.entry;
      const i = new vscode.TreeItem(w.title, None);
      i.description = [wantedStatusLabel(w.status), w.service, w.schema, n.dataset ? vscode.l10n.t('in dataset {0}', n.dataset) : undefined]
        .filter(Boolean)
        .join(' · ');
      i.tooltip = [w.file ?? w.dataset, ...Object.entries(w.dates ?? {}).map(([s, d]) => `${wantedStatusLabel(s as never)}: ${d}`)]
        .filter(Boolean)
        .join('\n');
      i.iconPath = icon(
        { wished: 'star-empty', asked: 'clock', received: 'inbox', prepared: 'tools', published: 'cloud-upload' }[w.status] ?? 'star-empty',
      );
      const linked = !!(w.file || w.dataset);
      i.contextValue = linked ? 'odw.diag.wantedEntry.linked' : 'odw.diag.wantedEntry';
      i.command = linked
        ? { command: 'openData.diagnose.openWanted', title: vscode.l10n.t('Open'), arguments: [n] }
        : { command: 'openData.diagnose.setWantedStatus', title: vscode.l10n.t('Set the Status'), arguments: [n] };
      return i;
    }
    case 'diag.folder': {
      const i = new vscode.TreeItem(n.scan.root, n.scan.tables.length || n.scan.error ? Collapsed : None);
      i.description = n.scan.error
        ? vscode.l10n.t('unreadable')
        : vscode.l10n.t('{0} tables', n.scan.tables.length) + (n.scan.truncated ? ' …' : '');
      i.iconPath = icon('folder-library');
      i.contextValue = 'odw.diag.folder';
      return i;
    }
    case 'diag.table': {
      const t = n.table;
      const f = t.facts;
      const i = new vscode.TreeItem(t.rel, None);
      const parts = f.error
        ? [vscode.l10n.t('unreadable')]
        : [
            size(t.size),
            ...(f.rows !== undefined ? [vscode.l10n.t('{0} rows', f.rows)] : []),
            vscode.l10n.t('modified {0}', t.modified.slice(0, 10)),
            ...(f.schema ? [`${f.schema.name} ${f.schema.matched}/${f.schema.total}`] : []),
          ];
      if (t.quality)
        parts.push(
          t.quality.errors || t.quality.warnings
            ? vscode.l10n.t('{0} errors, {1} warnings', t.quality.errors, t.quality.warnings)
            : vscode.l10n.t('no problems'),
        );
      i.description = parts.join(' · ');
      i.tooltip = f.error ?? vscode.l10n.t('Columns: {0}', f.header.join(', '));
      i.iconPath = f.error || t.quality?.errors ? warn() : icon('table');
      i.contextValue = 'odw.diag.table';
      i.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.file(t.path)] };
      return i;
    }
    case 'diag.pdfs': {
      const i = new vscode.TreeItem(vscode.l10n.t('PDF files ({0})', n.pdfs.length), Collapsed);
      i.tooltip = vscode.l10n.t('A table inside a PDF cannot be published as open data: ask the service for the source file.');
      i.iconPath = icon('file-pdf');
      return i;
    }
    case 'diag.pdf': {
      const i = new vscode.TreeItem(pdfName(n.file), None);
      i.description = vscode.l10n.t('ask the service for the source file');
      i.iconPath = warn();
      i.contextValue = 'odw.diag.pdf';
      i.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Open'),
        arguments: [n.file instanceof vscode.Uri ? n.file : vscode.Uri.file(n.file.path)],
      };
      return i;
    }
    case 'diag.info': {
      const i = new vscode.TreeItem(n.message, None);
      i.iconPath = icon('info');
      return i;
    }
  }
}
