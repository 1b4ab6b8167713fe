// Says what happened to a damaged SIREN/SIRET instead of just "invalid": spreadsheets turn
// identifiers into numbers and back (`.0`, scientific notation, lost leading zeros, digits
// zeroed by float precision), people paste them with spaces or a text-prefix apostrophe.
// A repair is offered only when it is certain; digits are never invented.
import { compactId, isValidSiren, isValidSiret, luhn } from './siret';

export type IdKind = 'siret' | 'siren';

export type Damage =
  /** Valid once spaces or dots are removed (Validata accepts it; open data wants digits only). */
  | 'spacing'
  /** A leading or trailing apostrophe/quote (spreadsheet text prefix). */
  | 'apostrophe'
  /** A `.0` suffix: the number went through a float. */
  | 'float-suffix'
  /** Scientific notation (`2.2490001900015E+13`). */
  | 'scientific'
  /** Trailing zeros replace real digits: precision lost in a float conversion. */
  | 'float-zeroed'
  /** One digit short and valid with a leading zero restored. */
  | 'lost-leading-zero'
  /** A valid SIREN where a SIRET is required. */
  | 'siren-for-siret'
  /** A valid SIRET where a SIREN is required. */
  | 'siret-for-siren'
  /** Right length, checksum wrong: a typo. `sirenOk` tells whether the SIREN part holds. */
  | 'checksum'
  | 'length'
  | 'not-digits';

export interface IdDiagnosis {
  valid: boolean;
  damage?: Damage;
  /** Digits found after cleaning, for messages. */
  digits?: string;
  /** The certain repair, when there is one. */
  fix?: string;
  /** For `checksum` on a SIRET: the SIREN part is itself valid (so the NIC is wrong). */
  sirenOk?: boolean;
}

const SCIENTIFIC = /^(\d)(?:[.,](\d+))?[eE]\+?(\d{1,2})$/;
const APOSTROPHES = /^['’‘"`]+|['’‘"`]+$/g;
const SPACES = /[\s\u00a0\u202f.]/g;

/** Expands `2.249E+13` exactly from its decimal text; null when it is not an integer. */
function fromScientific(s: string): string | null {
  const m = SCIENTIFIC.exec(s);
  if (!m) return null;
  const mantissa = m[1] + (m[2] ?? '');
  const zeros = Number(m[3]) - (m[2]?.length ?? 0);
  return zeros < 0 ? null : mantissa + '0'.repeat(zeros);
}

const isValid = (d: string, kind: IdKind) => (kind === 'siret' ? isValidSiret(d) : isValidSiren(d));

export function diagnoseId(raw: string, kind: IdKind): IdDiagnosis {
  if (isValid(raw, kind)) {
    const digits = compactId(raw);
    return digits === raw ? { valid: true } : { valid: true, damage: 'spacing', digits, fix: digits };
  }
  const want = kind === 'siret' ? 14 : 9;
  let damage: Damage | undefined;
  let s = raw.trim();
  const unquoted = s.replace(APOSTROPHES, '');
  if (unquoted !== s) damage = 'apostrophe';
  s = unquoted;
  const sci = fromScientific(s);
  if (sci !== null) {
    damage = 'scientific';
    s = sci;
  } else if (/^\d[\d\s\u00a0\u202f]*[.,]0+$/.test(s)) {
    damage = 'float-suffix';
    s = s.replace(/[.,]0+$/, '');
  }
  const spaced = s.replace(SPACES, '');
  if (spaced !== s) damage ??= 'spacing';
  s = spaced;
  if (!/^\d+$/.test(s)) return { valid: false, damage: 'not-digits' };
  if (s.length === want) {
    if (isValid(s, kind)) return { valid: false, damage, digits: s, fix: s };
    return zeroedOrChecksum(s, kind);
  }
  if (s.length === want - 1 && isValid('0' + s, kind)) return { valid: false, damage: 'lost-leading-zero', digits: s, fix: '0' + s };
  if (kind === 'siret' && s.length === 9 && isValidSiren(s)) return { valid: false, damage: 'siren-for-siret', digits: s };
  if (kind === 'siren' && s.length === 14 && isValidSiret(s))
    return { valid: false, damage: 'siret-for-siren', digits: s, fix: s.slice(0, 9) };
  if (s.length < want && /0{4,}$/.test(s)) return { valid: false, damage: 'float-zeroed', digits: s };
  return { valid: false, damage: 'length', digits: s };
}

function zeroedOrChecksum(s: string, kind: IdKind): IdDiagnosis {
  // A float keeps about 7 or 15 significant digits; the rest come back as zeros.
  if ((kind === 'siret' && s.endsWith('00000')) || (kind === 'siren' && s.endsWith('000')))
    return { valid: false, damage: 'float-zeroed', digits: s };
  return { valid: false, damage: 'checksum', digits: s, sirenOk: kind === 'siret' ? luhn(s, 9) : undefined };
}
