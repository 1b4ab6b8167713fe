// How often a dataset should be updated, and whether it is late. Periods are udata's
// `UpdateFrequency` deltas (udata/core/dataset/constants.py); a dataset is stale when its
// next expected update is more than one day past, as udata's `update_fulfilled_in_time`.
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const PERIOD: Record<string, number> = {
  oneMinute: MIN,
  fiveMinutes: 5 * MIN,
  tenMinutes: 10 * MIN,
  fifteenMinutes: 15 * MIN,
  thirtyMinutes: 30 * MIN,
  hourly: HOUR,
  bihourly: 2 * HOUR,
  trihourly: 3 * HOUR,
  twelveHours: 12 * HOUR,
  severalTimesADay: DAY,
  threeTimesADay: DAY,
  semidaily: DAY,
  daily: DAY,
  fiveTimesAWeek: 7 * DAY,
  threeTimesAWeek: 7 * DAY,
  semiweekly: 7 * DAY,
  weekly: 7 * DAY,
  biweekly: 14 * DAY,
  threeTimesAMonth: 31 * DAY,
  semimonthly: 31 * DAY,
  monthly: 31 * DAY,
  bimonthly: 62 * DAY,
  quarterly: 93 * DAY,
  threeTimesAYear: 365 * DAY,
  semiannual: 365 * DAY,
  annual: 365 * DAY,
  biennial: 730 * DAY,
  triennial: 1095 * DAY,
  quadrennial: 1460 * DAY,
  quinquennial: 1825 * DAY,
  decennial: 3650 * DAY,
  bidecennial: 7300 * DAY,
  tridecennial: 10950 * DAY,
};

/** udata's legacy ids. */
const LEGACY: Record<string, string> = {
  realtime: 'continuous',
  fourTimesADay: 'severalTimesADay',
  fortnighly: 'biweekly',
  biannual: 'semiannual',
};

/** EU "frequency" authority table codes (DCAT-AP, used by ckanext-dcat) → udata ids. */
const EU: Record<string, string> = {
  CONT: 'continuous',
  UPDATE_CONT: 'continuous',
  '1MIN': 'oneMinute',
  '5MIN': 'fiveMinutes',
  '10MIN': 'tenMinutes',
  '15MIN': 'fifteenMinutes',
  '30MIN': 'thirtyMinutes',
  HOURLY: 'hourly',
  BIHOURLY: 'bihourly',
  TRIHOURLY: 'trihourly',
  '12HRS': 'twelveHours',
  DAILY_3: 'threeTimesADay',
  DAILY_2: 'semidaily',
  DAILY: 'daily',
  WEEKLY_5: 'fiveTimesAWeek',
  WEEKLY_3: 'threeTimesAWeek',
  WEEKLY_2: 'semiweekly',
  WEEKLY: 'weekly',
  BIWEEKLY: 'biweekly',
  MONTHLY_3: 'threeTimesAMonth',
  MONTHLY_2: 'semimonthly',
  MONTHLY: 'monthly',
  BIMONTHLY: 'bimonthly',
  QUARTERLY: 'quarterly',
  ANNUAL_3: 'threeTimesAYear',
  ANNUAL_2: 'semiannual',
  ANNUAL: 'annual',
  BIENNIAL: 'biennial',
  TRIENNIAL: 'triennial',
  QUADRENNIAL: 'quadrennial',
  QUINQUENNIAL: 'quinquennial',
  DECENNIAL: 'decennial',
  BIDECENNIAL: 'bidecennial',
  TRIDECENNIAL: 'tridecennial',
  AS_NEEDED: 'punctual',
  IRREG: 'irregular',
  NEVER: 'never',
  NOT_PLANNED: 'notPlanned',
  OTHER: 'other',
  UNKNOWN: 'unknown',
};

/** A portal's frequency as a udata id; null when none is declared ('unknown' counts as none, as in udata). */
export function normalizeFrequency(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  let f = raw.trim();
  const eu = /\/frequency\/([A-Z0-9_]+)$/.exec(f)?.[1] ?? (/^[A-Z0-9_]+$/.test(f) ? f : undefined);
  if (eu && EU[eu]) f = EU[eu];
  f = LEGACY[f] ?? f;
  return f === 'unknown' ? null : f;
}

export function frequencyPeriodMs(frequency: string | null): number | undefined {
  return frequency ? PERIOD[frequency] : undefined;
}

/** Late by more than one day on the declared rhythm; never for frequencies without a period. */
export function isStale(lastUpdate: string | null, frequency: string | null, now: Date): boolean {
  const period = frequencyPeriodMs(frequency);
  if (period === undefined || !lastUpdate) return false;
  const last = Date.parse(lastUpdate);
  if (Number.isNaN(last)) return false;
  return last + period < now.getTime() - DAY;
}
