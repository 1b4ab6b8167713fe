// VS Code-style globs for the "schema per file pattern" setting: `**` crosses folders, `*`
// and `?` do not, `{a,b}` picks one. A pattern without `/` matches the file name anywhere.
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && re.lastIndexOf('(?:') > re.lastIndexOf(')')) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

export function globMatches(glob: string, path: string): boolean {
  const p = path.replace(/\\/g, '/');
  const g = glob.replace(/\\/g, '/');
  if (!g.includes('/')) return globToRegExp(g).test(p.slice(p.lastIndexOf('/') + 1));
  const re = globToRegExp(g.startsWith('/') || g.startsWith('**') ? g : `**/${g}`);
  return re.test(p);
}
