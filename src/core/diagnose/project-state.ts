// The Diagnostic and Identification parts of .opendata/project.json: which portal and
// organisation to read, the maturity answers, the referents (kept locally, never sent
// anywhere) and the Wanted Data List. Pure transforms: copy, change, return.
import type { ProjectState } from '../project/types';
import type { PortalKind } from '../portal/types';
import { isLevel, type Level, type MaturityAxis, type MaturityState } from './maturity';

export const REFERENT_STATUSES = ['to-contact', 'asked', 'received', 'refused', 'no-answer'] as const;
export type ReferentStatus = (typeof REFERENT_STATUSES)[number];
export const WANTED_STATUSES = ['wished', 'asked', 'received', 'prepared', 'published'] as const;
export type WantedStatus = (typeof WANTED_STATUSES)[number];

export interface DiagnosisTarget {
  kind: PortalKind;
  portal: string;
  organization: string;
}

export interface Referent {
  id: string;
  service: string;
  contact?: string;
  email?: string;
  status: ReferentStatus;
  /** Date (YYYY-MM-DD) each status was last set. */
  dates: Partial<Record<ReferentStatus, string>>;
  notes?: string;
}

export interface WantedEntry {
  id: string;
  title: string;
  service?: string;
  /** Target schema, e.g. scdl/equipements. */
  schema?: string;
  status: WantedStatus;
  dates: Partial<Record<WantedStatus, string>>;
  /** Where it came from: the Socle coverage or a person. */
  origin: 'socle' | 'manual';
  /** Once received: the dataset (its name in datapackage.json) or the file (relative path). */
  dataset?: string;
  file?: string;
}

type State = ProjectState & { diagnosis?: DiagnosisTarget; maturity?: MaturityState; referents?: Referent[]; wanted?: WantedEntry[] };

export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

function copy(p: ProjectState | null): State {
  const next = structuredClone(p ?? {}) as State;
  next.version ??= 1;
  return next;
}

const asArray = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]).filter((x) => x && typeof x === 'object') : []);

export function diagnosisTarget(p: ProjectState | null): DiagnosisTarget | undefined {
  const t = (p as State | null)?.diagnosis;
  return t && typeof t.portal === 'string' && typeof t.organization === 'string' && (t.kind === 'udata' || t.kind === 'ckan')
    ? t
    : undefined;
}

export function setDiagnosisTarget(p: ProjectState | null, t: DiagnosisTarget): ProjectState {
  const next = copy(p);
  next.diagnosis = { kind: t.kind, portal: t.portal.replace(/\/+$/, ''), organization: t.organization.trim() };
  return next;
}

export function maturityOf(p: ProjectState | null): MaturityState {
  const m = (p as State | null)?.maturity;
  return { answers: { ...(m?.answers ?? {}) }, assessedAt: m?.assessedAt };
}

export function setMaturity(p: ProjectState | null, axis: MaturityAxis, level: Level, now = new Date()): ProjectState {
  if (!isLevel(level)) throw new Error(`maturity level must be 1 to 5, not ${String(level)}`);
  const next = copy(p);
  const m = maturityOf(p);
  m.answers[axis] = level;
  m.assessedAt = today(now);
  next.maturity = m;
  return next;
}

export function referentsOf(p: ProjectState | null): Referent[] {
  return asArray<Referent>((p as State | null)?.referents);
}

const newId = (prefix: string, taken: { id: string }[]): string => {
  for (let i = taken.length + 1; ; i++) if (!taken.some((t) => t.id === `${prefix}-${i}`)) return `${prefix}-${i}`;
};

export function addReferent(
  p: ProjectState | null,
  r: { service: string; contact?: string; email?: string },
  now = new Date(),
): { state: ProjectState; id: string } {
  const next = copy(p);
  const list = referentsOf(next);
  const id = newId('ref', list);
  list.push({
    id,
    service: r.service.trim(),
    ...(r.contact?.trim() ? { contact: r.contact.trim() } : {}),
    ...(r.email?.trim() ? { email: r.email.trim() } : {}),
    status: 'to-contact',
    dates: { 'to-contact': today(now) },
  });
  next.referents = list;
  return { state: next, id };
}

export function setReferentStatus(p: ProjectState | null, id: string, status: ReferentStatus, now = new Date()): ProjectState {
  const next = copy(p);
  const r = referentsOf(next).find((x) => x.id === id);
  if (!r) throw new Error(`no referent ${id}`);
  r.status = status;
  r.dates = { ...r.dates, [status]: today(now) };
  return next;
}

export function removeReferent(p: ProjectState | null, id: string): ProjectState {
  const next = copy(p);
  next.referents = referentsOf(next).filter((r) => r.id !== id);
  return next;
}

export function wantedOf(p: ProjectState | null): WantedEntry[] {
  return asArray<WantedEntry>((p as State | null)?.wanted);
}

export function addWanted(
  p: ProjectState | null,
  w: { title: string; service?: string; schema?: string; origin?: 'socle' | 'manual' },
  now = new Date(),
): { state: ProjectState; id: string } {
  const next = copy(p);
  const list = wantedOf(next);
  // A Socle schema is wished once.
  const dup = w.schema ? list.find((x) => x.schema === w.schema) : undefined;
  if (dup) return { state: next, id: dup.id };
  const id = newId('want', list);
  list.push({
    id,
    title: w.title.trim(),
    ...(w.service?.trim() ? { service: w.service.trim() } : {}),
    ...(w.schema ? { schema: w.schema } : {}),
    status: 'wished',
    dates: { wished: today(now) },
    origin: w.origin ?? 'manual',
  });
  next.wanted = list;
  return { state: next, id };
}

export function updateWanted(
  p: ProjectState | null,
  id: string,
  change: { status?: WantedStatus; service?: string; dataset?: string; file?: string },
  now = new Date(),
): ProjectState {
  const next = copy(p);
  const w = wantedOf(next).find((x) => x.id === id);
  if (!w) throw new Error(`no wanted entry ${id}`);
  if (change.status) {
    w.status = change.status;
    w.dates = { ...w.dates, [change.status]: today(now) };
  }
  if (change.service !== undefined) w.service = change.service.trim() || undefined;
  if (change.dataset !== undefined) w.dataset = change.dataset || undefined;
  if (change.file !== undefined) w.file = change.file || undefined;
  return next;
}

export function removeWanted(p: ProjectState | null, id: string): ProjectState {
  const next = copy(p);
  next.wanted = wantedOf(next).filter((w) => w.id !== id);
  return next;
}

/** Entries per status and the share published (received or further counts as "in hand"). */
export function wantedProgress(list: readonly WantedEntry[]): {
  total: number;
  inHand: number;
  published: number;
  byStatus: Record<WantedStatus, number>;
} {
  const byStatus = Object.fromEntries(WANTED_STATUSES.map((s) => [s, 0])) as Record<WantedStatus, number>;
  for (const w of list) if (byStatus[w.status] !== undefined) byStatus[w.status]++;
  return {
    total: list.length,
    inHand: byStatus.received + byStatus.prepared + byStatus.published,
    published: byStatus.published,
    byStatus,
  };
}
