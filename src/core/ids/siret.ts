// SIREN (9 digits) and SIRET (SIREN + 5-digit NIC) validity, as python-stdnum decides it for
// Validata: digits only after removing spaces and dots, the right length, a Luhn checksum on
// the whole number and on its SIREN part; La Poste's establishments (SIREN 356000000) use a
// digit sum divisible by 5 instead of the whole-number Luhn.
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

/** Luhn over s[0..end) (digits only; any other character fails). */
export function luhn(s: string, end = s.length): boolean {
  let sum = 0;
  for (let i = end - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let v = s.charCodeAt(i) - 48;
    if (v < 0 || v > 9) return false;
    if (dbl) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

/** stdnum's `compact`: spaces and dots are ignored. */
export const compactId = (s: string): string => (s.indexOf(' ') < 0 && s.indexOf('.') < 0 ? s.trim() : s.replace(/[ .]/g, '').trim());

// A text of the exact length needs no compaction: a space, a dot or padding in it would leave
// too few characters, and the checksum refuses anything but digits.
export function isValidSiren(raw: string): boolean {
  const s = raw.length === 9 ? raw : compactId(raw);
  return s.length === 9 && luhn(s);
}

export function isValidSiret(raw: string): boolean {
  const s = raw.length === 14 ? raw : compactId(raw);
  if (s.length !== 14 || !luhn(s, 9)) return false;
  if (s.startsWith(LA_POSTE_SIREN) && s !== LA_POSTE_HEAD_OFFICE) {
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      const v = s.charCodeAt(i) - 48;
      if (v < 0 || v > 9) return false;
      sum += v;
    }
    return sum % 5 === 0;
  }
  return luhn(s);
}
