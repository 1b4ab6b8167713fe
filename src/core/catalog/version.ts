// Version names as the catalog writes them ("2.1.1", "v2.3.0", "0.0.20"): compared part by
// part, numbers as numbers, so 2.10.0 comes after 2.9.1.
export const bareVersion = (v: string): string => v.trim().replace(/^v(?=\d)/i, '');

export function compareVersions(a: string, b: string): number {
  const pa = bareVersion(a).split(/[.\-+]/);
  const pb = bareVersion(b).split(/[.\-+]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    if (x === '') return -1;
    if (y === '') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** `scdl/subventions@2.0.2` → name and version; `scdl/subventions/2.0.2` and `/latest` too. */
export function splitSchemaArg(arg: string): { name: string; version: string | null } {
  const s = arg.trim();
  const at = s.lastIndexOf('@');
  // `@latest` as `/latest`: the newest version.
  if (at > 0) {
    const v = s.slice(at + 1);
    return { name: s.slice(0, at), version: v.toLowerCase() === 'latest' ? null : bareVersion(v) || null };
  }
  const m = /^(.*)\/(latest|v?\d+(?:\.\d+)*)$/i.exec(s);
  if (m && m[1].includes('/')) return { name: m[1], version: m[2].toLowerCase() === 'latest' ? null : bareVersion(m[2]) };
  return { name: s, version: null };
}
