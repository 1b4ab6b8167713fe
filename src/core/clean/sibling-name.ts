// Names for files written next to a dataset (backups, cleaned copies): never an existing one.

/** `data.csv` + `bak` → `data.bak.csv`, then `data.bak-2.csv`… until `exists` says no. */
export function siblingName(name: string, tag: string, exists: (candidate: string) => boolean): string {
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 1; ; i++) {
    const candidate = `${base}.${tag}${i === 1 ? '' : '-' + i}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}
