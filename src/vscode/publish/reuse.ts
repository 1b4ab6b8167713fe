// "Publish as Reuse…" (chart panel title bar, a saved chart in the Valorisation stage): the
// chart becomes a data.gouv.fr reuse of its published dataset. Its page is the chart as a
// self-contained HTML file (written in .opendata/reuses/, uploaded as a documentation
// resource when the portal accepts .html) or a URL the person gives; its image is the panel's
// PNG. Ids go to .opendata/project.json at each step, so a re-run updates the same reuse.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { chartPage } from '../../core/chart/page';
import { slugify } from '../../core/chart/saved';
import { isPortalError, isSafeLink, publishReuse, type ReusePlan } from '../../core/portal';
import { loadLinkage } from '../../core/portal/linkage-store';
import { loadReuseLinkage, saveReuse } from '../../core/portal/reuse-store';
import { chartHeading } from '../../protocol/chart';
import { ChartPanel } from '../chart/panel';
import { chartStrings } from '../chart/strings';
import { uiLang } from '../settings';
import { workspaceDatasets } from './datasets';
import { errorText } from './errors';
import { RunLog } from './log';
import { pickPortal, portalUrl, type PortalKeys, type PortalSetting } from './portals';

export interface ReuseArgs {
  portal?: PortalSetting;
  apiKey?: string;
  /** A saved chart (`.opendata/charts/x.json`, workspace-relative or absolute); default the chart panel drawn last. */
  chart?: string | vscode.Uri | { uri: vscode.Uri };
  title?: string;
  description?: string;
  /** Where the chart lives, when its page is not uploaded. */
  url?: string;
  /** No prompt at all (tests). */
  confirm?: boolean;
}

export interface ReuseOutcome {
  ok: boolean;
  reuseId?: string;
  /** The reuse on the portal. */
  page?: string;
  /** Where the chart lives. */
  url?: string;
  stopped?: string;
  error?: { kind?: string; message: string };
  log: string[];
}

async function chartPanel(arg: ReuseArgs['chart']): Promise<ChartPanel | undefined> {
  if (arg) {
    const uri =
      arg instanceof vscode.Uri
        ? arg
        : typeof arg === 'string'
          ? path.isAbsolute(arg)
            ? vscode.Uri.file(arg)
            : vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, arg)
          : arg.uri;
    const table = (await vscode.commands.executeCommand('openData.openSavedChart', uri)) as string | undefined;
    if (!table) return undefined;
    for (let i = 0; i < 100 && !(ChartPanel.lastDrawn?.table.toString() === table && ChartPanel.lastDrawn.lastView); i++)
      await new Promise((r) => setTimeout(r, 200));
  }
  return ChartPanel.lastDrawn?.lastView ? ChartPanel.lastDrawn : undefined;
}

export async function runPublishReuse(keys: PortalKeys, args: ReuseArgs = {}): Promise<ReuseOutcome> {
  const headless = args.confirm === true;
  const stop = (stopped: string, log: string[] = []): ReuseOutcome => ({ ok: false, stopped, log });
  if (!vscode.workspace.isTrusted) return stop('untrusted');
  const panel = await chartPanel(args.chart);
  const view = panel?.lastView;
  if (!panel || !view?.result.series) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a chart (Preview Chart or a saved chart) to publish it as a reuse.'));
    return stop('no-chart');
  }
  const dataset = (await workspaceDatasets()).find((d) => d.files.some((f) => f.abs === panel.table.fsPath));
  if (!dataset) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} belongs to no dataset of datapackage.json: publish the dataset first.', path.basename(panel.table.fsPath)),
    );
    return stop('no-dataset');
  }
  const portal = args.portal
    ? { ...args.portal, url: portalUrl(args.portal) }
    : await pickPortal(vscode.l10n.t('Publish the reuse to which portal?'));
  if (!portal) return stop('cancelled');
  if (portal.type !== 'udata') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Reuses exist on data.gouv.fr (udata) portals only.'));
    return stop('not-udata');
  }
  const apiKey = args.apiKey ?? (await keys.get(portal)) ?? (headless ? undefined : await keys.ask(portal));
  if (!apiKey) return stop('no-key');
  const log = new RunLog([apiKey]);
  const linkage = await loadLinkage(dataset.root, dataset.meta.name, portal.url);
  if (!linkage.datasetId) {
    const msg = vscode.l10n.t(
      'The dataset "{0}" is not published on {1} yet: publish it first, then its chart.',
      dataset.meta.title ?? dataset.meta.name,
      portal.name,
    );
    log.error(msg);
    if (!headless) void vscode.window.showErrorMessage(msg);
    return stop('not-published', log.lines);
  }
  const heading = chartHeading(view.result.config, chartStrings());
  const ask = (title: string, value: string) =>
    headless ? Promise.resolve(value) : vscode.window.showInputBox({ title, value, ignoreFocusOut: true });
  const title = args.title ?? (await ask(vscode.l10n.t('Title of the reuse'), `${dataset.meta.title ?? dataset.meta.name} : ${heading}`));
  if (!title) return stop('cancelled', log.lines);
  const description =
    args.description ??
    (await ask(
      vscode.l10n.t('Description of the reuse'),
      vscode.l10n.t('{0}, drawn from the dataset "{1}".', heading, dataset.meta.title ?? dataset.meta.name),
    ));
  if (!description) return stop('cancelled', log.lines);

  // The page and the image, kept in the project so the next run sends the same bytes.
  const slug = slugify(title);
  const dir = path.join(dataset.root, '.opendata', 'reuses');
  await mkdir(dir, { recursive: true });
  const html = path.join(dir, `${slug}.html`);
  await writeFile(
    html,
    chartPage({
      title,
      heading,
      series: view.result.series,
      source: path.basename(panel.table.fsPath),
      locale: view.locale,
      lang: uiLang(),
      othersLabel: view.strings.others,
    }),
  );
  const png = await panel.requestPng();
  let image: string | undefined;
  if (png) await writeFile((image = path.join(dir, `${slug}.png`)), Buffer.from(png.slice(png.indexOf(',') + 1), 'base64'));
  else log.warn(vscode.l10n.t('the chart panel did not give its image: the reuse has none'));

  if (!headless) {
    const go = vscode.l10n.t('Publish');
    const text = vscode.l10n.t(
      'Publish the reuse "{0}" of the dataset "{1}" on {2}?',
      title,
      dataset.meta.title ?? dataset.meta.name,
      portal.name,
    );
    if (
      (await vscode.window.showInformationMessage(
        text,
        {
          modal: true,
          detail: [path.relative(dataset.root, html), image && path.relative(dataset.root, image)].filter(Boolean).join('\n'),
        },
        go,
      )) !== go
    )
      return stop('cancelled', log.lines);
  }
  const save = (l: ReusePlan['linkage']) => saveReuse(dataset.root, dataset.meta.name, slug, { portal: portal.url, title, ...l });
  let page: ReusePlan['page'] = args.url ? { url: args.url } : { html, title: vscode.l10n.t('Chart: {0}', title) };
  for (;;) {
    try {
      const plan: ReusePlan = {
        profile: { kind: 'udata', baseUrl: portal.url, apiKey, name: portal.name },
        datasetId: linkage.datasetId,
        title,
        description,
        page,
        image,
        organization: portal.organization,
        linkage: await loadReuseLinkage(dataset.root, dataset.meta.name, slug, portal.url),
      };
      let saving = Promise.resolve();
      const r = await publishReuse(plan, { logger: log, onCheckpoint: (l) => void (saving = saving.then(() => save(l))) });
      await saving;
      await saveReuse(dataset.root, dataset.meta.name, slug, {
        portal: portal.url,
        title,
        ...r.linkage,
        page: r.reusePage,
        url: r.url,
        publishedAt: new Date().toISOString(),
      });
      log.info(vscode.l10n.t('reuse published: {0} (chart at {1})', r.reusePage ?? r.reuseId, r.url));
      if (!headless) void showDone(r.reusePage);
      return { ok: true, reuseId: r.reuseId, page: r.reusePage, url: r.url, log: log.lines };
    } catch (e) {
      if (isPortalError(e, 'extension-not-allowed') && 'html' in page) {
        const url = headless
          ? undefined
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('The portal does not accept HTML pages: URL where the chart is published'),
              ignoreFocusOut: true,
              validateInput: (v) => (isSafeLink(v.trim()) ? undefined : vscode.l10n.t('An https:// address.')),
            });
        if (url) {
          page = { url: url.trim() };
          continue;
        }
      }
      const message = errorText(e, [apiKey]);
      log.error(message);
      if (!headless) void vscode.window.showErrorMessage(message);
      return { ok: false, error: { kind: (e as { kind?: string }).kind, message }, log: log.lines };
    }
  }
}

async function showDone(page: string | undefined): Promise<void> {
  const open = vscode.l10n.t('Open in Browser');
  if ((await vscode.window.showInformationMessage(vscode.l10n.t('Reuse published: {0}', page ?? ''), open)) === open && isSafeLink(page))
    void vscode.env.openExternal(vscode.Uri.parse(page!));
}
