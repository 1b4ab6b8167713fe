// Step 3 of the flow: the portal metadata comes from datapackage.json; only what is missing
// is asked (title, description of 100+ characters, licence, frequency, temporal coverage,
// organisation from GET /me/), then written back so the next publication asks nothing.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { DatasetMetadata, PortalKind, WhoAmI } from '../../core/portal';
import { FREQUENCIES, LICENCES, licenceByName, serializeDataPackage, setDatasetMeta, type DatasetMeta } from '../../core/project';
import { uiLang } from '../settings';
import { readDataPackage, type DatasetChoice } from './datasets';

export type MetadataArgs = Partial<Omit<DatasetMetadata, 'private'>>;

/** The portal's spatial references (udata): zones are picked from its suggestions, never typed. */
export interface ZoneSource {
  suggestZones(q: string, size?: number): Promise<{ id: string; name: string; level?: string }[]>;
  granularities(): Promise<{ id: string; name: string }[]>;
}

/** data.gouv.fr counts a quality point for a description of at least this many characters. */
export const MIN_DESCRIPTION = 100;

function fromPackage(m: DatasetMeta, kind: PortalKind): MetadataArgs {
  const licence = licenceByName(m.licenses?.[0]?.name);
  return {
    title: m.title,
    description: m.description,
    license: licence ? (kind === 'udata' ? licence.udata : licence.name) : undefined,
    frequency: m.frequency,
    temporalCoverage: m.temporalCoverage,
    spatial: m.spatial,
    tags: m.keywords,
    organization: m.organization,
  };
}

const input = (title: string, value: string | undefined, validate?: (v: string) => string | undefined) =>
  vscode.window.showInputBox({ title, value, ignoreFocusOut: true, validateInput: validate });

/** Undefined when the person cancels a prompt. `interactive: false` never prompts. */
export async function completeMetadata(
  d: DatasetChoice,
  overrides: MetadataArgs,
  who: WhoAmI,
  portal: { type: PortalKind; organization?: string },
  interactive: boolean,
  zones?: ZoneSource,
): Promise<Omit<DatasetMetadata, 'private'> | undefined> {
  const m: MetadataArgs = { ...fromPackage(d.meta, portal.type), ...stripUndefined(overrides) };
  m.organization ??= portal.organization ?? (who.organizations.length === 1 ? who.organizations[0].id : undefined);
  const asked: Partial<DatasetMeta> = {};
  if (interactive) {
    if (!m.title) {
      if (
        !(m.title = asked.title =
          await input(vscode.l10n.t('Dataset title'), d.meta.name, (v) => (v.trim() ? undefined : vscode.l10n.t('A title is required.'))))
      )
        return undefined;
    }
    if (!m.description || m.description.length < MIN_DESCRIPTION) {
      const v = await input(
        vscode.l10n.t('Description (at least {0} characters: what, who, how often, known limits)', MIN_DESCRIPTION),
        m.description,
        (s) => (s.trim().length >= MIN_DESCRIPTION ? undefined : vscode.l10n.t('{0} characters more.', MIN_DESCRIPTION - s.trim().length)),
      );
      if (!v) return undefined;
      m.description = asked.description = v.trim();
    }
    if (!m.license) {
      const pick = await vscode.window.showQuickPick(
        LICENCES.map((l) => ({ label: l.title, description: l.name, l })),
        { placeHolder: vscode.l10n.t('Licence'), ignoreFocusOut: true },
      );
      if (!pick) return undefined;
      m.license = portal.type === 'udata' ? pick.l.udata : pick.l.name;
      asked.licenses = [{ name: pick.l.name, title: pick.l.title, path: pick.l.path }];
    }
    if (!m.frequency) {
      const lang = uiLang();
      const pick = await vscode.window.showQuickPick(
        FREQUENCIES.map((f) => ({ label: f[lang], description: f.id, f })),
        { placeHolder: vscode.l10n.t('Update frequency'), ignoreFocusOut: true },
      );
      if (!pick) return undefined;
      m.frequency = asked.frequency = pick.f.id;
    }
    if (!m.temporalCoverage) {
      const v = await input(vscode.l10n.t('Temporal coverage as YYYY-MM-DD/YYYY-MM-DD (leave empty to skip)'), '', (s) =>
        !s.trim() || /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(s.trim())
          ? undefined
          : vscode.l10n.t('Write two dates, e.g. 2024-01-01/2024-12-31.'),
      );
      if (v === undefined) return undefined;
      if (v.trim()) {
        const [start, end] = v.trim().split('/');
        m.temporalCoverage = asked.temporalCoverage = { start, end };
      }
    }
    if (!m.spatial && zones) {
      const picked = await askSpatial(zones);
      if (picked === null) return undefined;
      if (picked) m.spatial = asked.spatial = picked;
    }
    if (!m.organization && who.organizations.length > 1) {
      const items = [
        ...who.organizations.map((o) => ({ label: o.name ?? o.id, description: o.id, id: o.id as string | undefined })),
        { label: vscode.l10n.t('No organisation (my own account)'), description: '', id: undefined },
      ];
      const pick = await vscode.window.showQuickPick(items, {
        placeHolder: vscode.l10n.t('Publish for which organisation?'),
        ignoreFocusOut: true,
      });
      if (!pick) return undefined;
      m.organization = asked.organization = pick.id;
    }
  }
  if (!m.title || !m.description) throw new Error(vscode.l10n.t('The dataset has no title or description in datapackage.json.'));
  if (Object.keys(asked).length > 0 && d.datapackage) await saveAnswers(d.datapackage, { ...asked, name: d.meta.name });
  return { ...m, title: m.title, description: m.description };
}

/** Zones from the portal's suggestions (GET /spatial/zones/suggest/), then a granularity from its list. Null = cancelled. */
async function askSpatial(zones: ZoneSource): Promise<DatasetMetadata['spatial'] | undefined | null> {
  const q = await input(vscode.l10n.t('Spatial coverage: name of a commune, département or région (leave empty to skip)'), '');
  if (q === undefined) return null;
  if (!q.trim()) return undefined;
  const found = await zones.suggestZones(q.trim(), 20);
  if (found.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The portal knows no zone named “{0}”: the spatial coverage is left empty.', q.trim()),
    );
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    found.map((z) => ({ label: z.name, description: z.id, z })),
    { canPickMany: true, placeHolder: vscode.l10n.t('Zones covered (from the portal)'), ignoreFocusOut: true },
  );
  if (!pick) return null;
  const levels = await zones.granularities();
  const g = levels.length
    ? await vscode.window.showQuickPick(
        levels.map((l) => ({ label: l.name, description: l.id, id: l.id })),
        { placeHolder: vscode.l10n.t('Granularity: the finest level of the data'), ignoreFocusOut: true },
      )
    : undefined;
  if (levels.length && !g) return null;
  return { zones: pick.map((p) => p.z.id), ...(g ? { granularity: g.id } : {}) };
}

async function saveAnswers(file: string, meta: DatasetMeta): Promise<void> {
  const dp = await readDataPackage(file);
  if (dp) await writeFile(file, serializeDataPackage(setDatasetMeta(dp, meta)));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
