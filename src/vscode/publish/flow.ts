// The publish command, step by step with QuickPick/InputBox (no webview wizard):
// portal → key → dataset and files → gate → metadata → confirm → upload → record → public?
// Every argument of `openData.publish` skips its prompt; with `confirm: true` nothing prompts
// at all (tests, demo), and what would need a prompt fails with a clear outcome instead.
import * as vscode from 'vscode';
import {
  convertTsvToCsv,
  createPortalClient,
  UdataClient,
  extensionOf,
  isPortalError,
  isSafeLink,
  type DatasetMetadata,
  type Linkage,
  type PublishPlan,
  type WhoAmI,
} from '../../core/portal';
import type { Services } from '../services';
import * as path from 'node:path';
import { uiLang } from '../settings';
import { datasetFromArg, hasOpenFormat, openFormatsFirst, pickDataset, pickFiles, type DatasetArg, type DatasetFile } from './datasets';
import type { DryRunDocuments } from './dry-run';
import { askDatasetId, errorText, showPublishError } from './errors';
import { passGate, type Override } from './gate-flow';
import { loadLinkage, recordDone, saveCheckpoint } from './linkage';
import { RunLog } from './log';
import { completeMetadata, type MetadataArgs } from './metadata';
import { pickPortal, portalUrl, type PortalKeys, type PortalSetting } from './portals';
import { uploadWithProgress } from './upload';

export interface PublishArgs {
  portal?: PortalSetting;
  apiKey?: string;
  dataset?: DatasetArg;
  metadata?: MetadataArgs;
  /** Skip the final confirmation, and every other prompt. */
  confirm?: boolean;
  makePublic?: boolean;
  dryRun?: boolean;
  /** Publish despite lint errors (never despite personal data); the reason goes to the log. */
  override?: Override;
  /** Without UI: what to do when the linked dataset was deleted on the portal. */
  onLinkedGone?: 'recreate' | { relink: string };
  /** Without UI: convert TSV files to CSV copies when the portal refuses `.tsv`. */
  convertTsv?: boolean;
}

export interface PublishOutcome {
  ok: boolean;
  datasetId?: string;
  url?: string;
  resources?: Record<string, string>;
  requests?: unknown[];
  /** Why nothing was sent: 'untrusted', 'no-key', 'personal-data', 'lint-errors', 'cancelled'… */
  stopped?: string;
  error?: { kind?: string; message: string };
  log: string[];
}

export interface Deps {
  services: Services;
  keys: PortalKeys;
  dryRunDocs: DryRunDocuments;
}

const NO_ORGS: WhoAmI = { id: '', organizations: [] };

export async function runPublish(
  deps: Deps,
  args: PublishArgs = {},
  fixed: { portal?: PortalSetting; dryRun?: boolean } = {},
): Promise<PublishOutcome> {
  const headless = args.confirm === true;
  const stop = (stopped: string, log: string[] = []): PublishOutcome => ({ ok: false, stopped, log });
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Publishing is disabled in an untrusted workspace.'));
    return stop('untrusted');
  }
  const dryRun = fixed.dryRun === true || args.dryRun === true;
  const portal = args.portal
    ? { ...args.portal, url: portalUrl(args.portal) }
    : (fixed.portal ?? (await pickPortal(vscode.l10n.t('Publish to which portal?'))));
  if (!portal) return stop('cancelled');
  let apiKey = args.apiKey ?? (await deps.keys.get(portal)) ?? (headless || dryRun ? undefined : await deps.keys.ask(portal));
  // A dry run sends nothing: it can show the requests before any key exists.
  if (!apiKey && dryRun) apiKey = 'no-key-yet';
  if (!apiKey) return stop('no-key');
  const log = new RunLog([apiKey]);

  const dataset = args.dataset ? await datasetFromArg(args.dataset) : await pickDataset();
  if (!dataset) {
    if (args.dataset) void vscode.window.showErrorMessage(vscode.l10n.t('No such dataset in the workspace.'));
    return stop(args.dataset ? 'no-dataset' : 'cancelled', log.lines);
  }
  if (dataset.refused?.length) {
    // #16: a repository's datapackage.json may not make Publish upload a file outside the project.
    const msg = vscode.l10n.t(
      'Publication refused: datapackage.json lists files outside the project folder: {0}',
      dataset.refused.map((r) => `${r.path} (${r.reason})`).join(', '),
    );
    log.error(msg);
    if (!headless) void vscode.window.showErrorMessage(msg, { modal: true });
    return stop('unsafe-path', log.lines);
  }
  let files = args.dataset ? openFormatsFirst(dataset.files) : await pickFiles(dataset);
  if (!files || files.length === 0) return stop('cancelled', log.lines);
  if (!hasOpenFormat(files)) {
    const msg = vscode.l10n.t(
      'Only spreadsheet files: the dataset loses the open-format quality point. Publish a CSV as the main resource and the spreadsheet as an extra.',
    );
    log.warn(msg);
    if (!headless && (await vscode.window.showWarningMessage(msg, { modal: true }, vscode.l10n.t('Publish anyway'))) === undefined)
      return stop('cancelled', log.lines);
  }

  const gate = await passGate(deps.services, dataset, files, log, headless, args.override);
  if (!gate.files) return stop(gate.stopped ?? 'cancelled', log.lines);
  files = gate.files;
  const schemas = gate.schemas ?? {};

  try {
    const profile = { kind: portal.type, baseUrl: portal.url, apiKey, name: portal.name };
    const client = createPortalClient(profile, { logger: log });
    const who = dryRun ? NO_ORGS : await client.whoami();
    const zones = client instanceof UdataClient && !dryRun ? client : undefined;
    const meta = await completeMetadata(dataset, args.metadata ?? {}, who, portal, !headless, zones);
    if (!meta) return stop('cancelled', log.lines);
    let linkage = await loadLinkage(dataset.root, dataset.meta.name, portal.url);
    for (;;) {
      // An update keeps the visibility the dataset has on the portal; a new one starts private.
      const remote = linkage.datasetId && !dryRun ? await client.getDataset(linkage.datasetId) : undefined;
      const isPrivate = remote?.private ?? true;
      // "Your key can publish to organisation X", said before anything is confirmed.
      const right = dryRun ? undefined : await client.publishRight(who, meta.organization);
      const rightText =
        right?.ok && meta.organization
          ? vscode.l10n.t('Your key can publish to organisation {0}.', right.orgName ?? meta.organization)
          : undefined;
      // Without the right, no confirmation: the preflight stops at once with the reason.
      if (
        !headless &&
        !dryRun &&
        right?.ok !== false &&
        !(await confirmPublish(portal, files, linkage, meta.title, gate.ignoredOverrides ?? [], rightText))
      )
        return stop('cancelled', log.lines);
      const plan: PublishPlan = {
        profile,
        dataset: { ...meta, private: isPrivate },
        files: files.map((f) => ({
          path: f.abs,
          title: f.title,
          format: f.format,
          description: f.description,
          schema: schemaOf(f.schema, schemas[f.abs]),
        })),
        linkage,
      };
      try {
        log.info(
          dryRun
            ? vscode.l10n.t('dry run {0} → {1} ({2} file(s))', dataset.meta.name, portal.url, files.length)
            : vscode.l10n.t('publish {0} → {1} ({2} file(s))', dataset.meta.name, portal.url, files.length),
        );
        const save = (l: Linkage) => saveCheckpoint(dataset.root, dataset.meta.name, portal.url, l);
        const result = await uploadWithProgress(plan, log, save, dryRun);
        if (dryRun) {
          await deps.dryRunDocs.show(`${dataset.meta.name}-${portal.name}`, result.requests ?? []);
          return { ok: true, requests: result.requests, log: log.lines };
        }
        const url = result.datasetUrl ?? `${portal.url}/datasets/${result.datasetId}/`;
        await recordDone(dataset.root, dataset.meta.name, {
          portal: portal.url,
          datasetId: result.datasetId,
          url,
          marker: result.linkage.marker,
          resources: result.linkage.resources,
        });
        log.info(vscode.l10n.t('published {0}: {1}', dataset.meta.name, url));
        const madePublic = await offerPublic(
          client,
          result.datasetId,
          plan.dataset,
          result.linkage.marker,
          isPrivate,
          url,
          headless ? args.makePublic === true : undefined,
        );
        if (madePublic) log.info(vscode.l10n.t('made public: {0}', url));
        return { ok: true, datasetId: result.datasetId, url, resources: result.linkage.resources, log: log.lines };
      } catch (e) {
        const converted = await offerTsvConversion(e, files, dataset.root, headless, args.convertTsv === true);
        if (converted) {
          files = converted;
          log.warn(vscode.l10n.t('the portal refuses .tsv: publishing CSV copies from .opendata/converted/'));
          continue;
        }
        const next = await recover(e, apiKey, headless, args);
        if (!next) throw e;
        // A dataset the person names is trusted for this run and given our marker (#16).
        linkage = next === 'recreate' ? { resources: {} } : { datasetId: next.relink, resources: {}, explicit: true };
        log.warn(
          next === 'recreate'
            ? vscode.l10n.t('linked dataset gone: recreating it')
            : vscode.l10n.t('linked dataset gone: relinking to {0}', next.relink),
        );
      }
    }
  } catch (e) {
    const message = errorText(e, [apiKey]);
    log.error(message);
    const kind = (e as { kind?: string }).kind;
    if (!headless) await afterError(e, apiKey, deps, portal);
    return { ok: false, error: { kind, message }, log: log.lines };
  }
}

/** The declared schema with the version the gate linted against (udata wants both). */
function schemaOf(
  declared: string | undefined,
  linted: { name: string; version?: string } | undefined,
): { name: string; version?: string } | undefined {
  if (linted && (!declared || declared === linted.name)) return linted;
  return declared ? { name: declared } : undefined;
}

/** #16: the confirmation names every file and the target dataset, so nothing is uploaded unseen. */
async function confirmPublish(
  portal: PortalSetting,
  files: DatasetFile[],
  linkage: Linkage,
  title: string,
  ignored: string[],
  right?: string,
): Promise<boolean> {
  const go = vscode.l10n.t('Publish');
  const list = files.map((f) => `• ${f.rel}`).join('\n');
  const text = linkage.datasetId
    ? vscode.l10n.t('Update the dataset "{0}" ({1}) on {2} with these files?', title, linkage.datasetId, portal.name)
    : vscode.l10n.t(
        'Create a new private dataset "{0}" on {1} with these files? It stays private until you make it public.',
        title,
        portal.name,
      );
  const note = ignored.length
    ? `\n\n${vscode.l10n.t('Ignored for this check (personal data always blocks): {0}', ignored.join(', '))}`
    : '';
  return (
    (await vscode.window.showInformationMessage(text, { modal: true, detail: `${list}${note}${right ? `\n\n${right}` : ''}` }, go)) === go
  );
}

/** udata's default allow-list has no .tsv: offer CSV copies (the person's files stay as they are). */
async function offerTsvConversion(
  e: unknown,
  files: DatasetFile[],
  root: string,
  headless: boolean,
  convert: boolean,
): Promise<DatasetFile[] | undefined> {
  if (!isPortalError(e, 'extension-not-allowed') || !files.some((f) => extensionOf(f.abs) === 'tsv')) return undefined;
  if (!headless) {
    const yes = vscode.l10n.t('Convert to CSV and Publish');
    if ((await vscode.window.showWarningMessage(e.messages[uiLang()], { modal: true }, yes)) !== yes) return undefined;
  } else if (!convert) return undefined;
  return files.map((f) => {
    if (extensionOf(f.abs) !== 'tsv') return f;
    const abs = convertTsvToCsv(f.abs, root);
    return { ...f, abs, rel: path.relative(root, abs).split(path.sep).join('/'), format: 'csv' };
  });
}

/** `linked-dataset-gone` and `linkage-mismatch` are recovered in the loop; the person (or the arguments) choose how. */
async function recover(
  e: unknown,
  apiKey: string,
  headless: boolean,
  args: PublishArgs,
): Promise<'recreate' | { relink: string } | undefined> {
  if (isPortalError(e, 'linkage-mismatch')) {
    if (headless) return undefined;
    const useIt = vscode.l10n.t('Publish to That Dataset');
    const create = vscode.l10n.t('Create a new dataset');
    const pick = await vscode.window.showErrorMessage(errorText(e, [apiKey]), { modal: true }, useIt, create);
    const id = /: ([^\s:]+)$/.exec(e.messages.en)?.[1];
    return pick === create ? 'recreate' : pick === useIt && id ? { relink: id } : undefined;
  }
  if ((e as { kind?: string }).kind !== 'linked-dataset-gone') return undefined;
  if (headless) return args.onLinkedGone;
  const action = await showPublishError(e, [apiKey]);
  if (action === 'recreate') return 'recreate';
  const id = action === 'relink' ? await askDatasetId() : undefined;
  return id ? { relink: id } : undefined;
}

async function afterError(e: unknown, apiKey: string, deps: Deps, portal: PortalSetting): Promise<void> {
  const kind = (e as { kind?: string }).kind;
  if (kind === 'linked-dataset-gone' || kind === 'linkage-mismatch') return; // already shown by recover()
  if ((await showPublishError(e, [apiKey])) === 'set-key') await deps.keys.ask(portal);
}

/** Step 6: a private dataset becomes public only on an explicit yes (or `makePublic: true`). */
async function offerPublic(
  client: ReturnType<typeof createPortalClient>,
  id: string,
  meta: DatasetMetadata,
  marker: string | undefined,
  isPrivate: boolean,
  url: string,
  decided: boolean | undefined,
): Promise<boolean> {
  const open = vscode.l10n.t('Open in Browser');
  const makePublic = vscode.l10n.t('Make Public');
  let yes = decided;
  if (yes === undefined) {
    const text = isPrivate
      ? vscode.l10n.t('Published as a private dataset: {0}. Make it public now?', url)
      : vscode.l10n.t('Dataset updated: {0}', url);
    const pick = await vscode.window.showInformationMessage(text, ...(isPrivate ? [makePublic, open] : [open]));
    // #16: only https (or loopback in tests) links are opened.
    if (pick === open && isSafeLink(url)) void vscode.env.openExternal(vscode.Uri.parse(url));
    yes = pick === makePublic;
  }
  if (!yes || !isPrivate) return false;
  await client.updateDataset(id, { ...meta, private: false }, marker, false);
  return true;
}
