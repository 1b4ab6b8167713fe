// The French reference data, compacted from the field's own packages: communes, départements
// and régions of the COG (@etalab/decoupage-administratif), postal codes (codes-postaux),
// countries (i18n-iso-countries). In development and tests it is built from the packages on
// first use; scripts/build.mjs runs this at build time and ships the result as
// dist/vendor/fr-ref.js, so no bundle carries the packages' 12 MB of JSON.
/* eslint-disable @typescript-eslint/no-require-imports */

export interface FrReference {
  sources: { cog: string; decoupage: string; codesPostaux: string; countries: string };
  /** Current communes and municipal arrondissements: code → [name, département]. */
  communes: Record<string, [string, string]>;
  /** Codes no longer current: code → [former name, kind, current code, current name]. */
  former: Record<string, [string, 'deleguee' | 'associee' | 'ancien', string, string]>;
  /** Communes déléguées/associées that kept the code of the commune they merged into: code → [name, kind]. */
  formerSameCode: Record<string, [string, 'deleguee' | 'associee']>;
  departements: Record<string, string>;
  regions: Record<string, string>;
  postalCodes: string[];
  /** ISO 3166 alpha-2 → [alpha-3, French name, other French names…]. */
  countries: Record<string, string[]>;
}

interface Commune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  chefLieu?: string;
  anciensCodes?: string[];
}

export function buildReference(): FrReference {
  const dir = '@etalab/decoupage-administratif';
  const communes: Commune[] = require(`${dir}/data/communes.json`);
  const depts: { code: string; nom: string }[] = require(`${dir}/data/departements.json`);
  const regs: { code: string; nom: string }[] = require(`${dir}/data/regions.json`);
  const cp: { codePostal: string }[] = require('codes-postaux/codes-postaux.json');
  const iso = require('i18n-iso-countries');
  iso.registerLocale(require('i18n-iso-countries/langs/fr.json'));
  const current: FrReference['communes'] = {};
  for (const c of communes)
    if (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') current[c.code] = [c.nom, c.departement];
  const former: FrReference['former'] = {};
  const formerSameCode: FrReference['formerSameCode'] = {};
  for (const c of communes) {
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && current[c.code] && current[c.code][0] !== c.nom)
      formerSameCode[c.code] = [c.nom, c.type === 'commune-deleguee' ? 'deleguee' : 'associee'];
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && !current[c.code])
      former[c.code] = [c.nom, c.type === 'commune-deleguee' ? 'deleguee' : 'associee', c.chefLieu, current[c.chefLieu]?.[0] ?? ''];
    if (c.type === 'commune-actuelle')
      for (const old of c.anciensCodes ?? []) if (!current[old] && !former[old]) former[old] = ['', 'ancien', c.code, c.nom];
  }
  const countries: FrReference['countries'] = {};
  const names = iso.getNames('fr', { select: 'all' }) as Record<string, string[]>;
  for (const [a2, a3] of Object.entries(iso.getAlpha2Codes() as Record<string, string>))
    countries[a2] = [iso.alpha2ToAlpha3(a2) ?? a3, ...(names[a2] ?? [])];
  const version = (p: string) => String(require(`${p}/package.json`).version);
  return {
    sources: {
      cog: cogYear(dir, version(dir)),
      decoupage: version(dir),
      codesPostaux: version('codes-postaux'),
      countries: version('i18n-iso-countries'),
    },
    communes: current,
    former,
    formerSameCode,
    departements: Object.fromEntries(depts.map((d) => [d.code, d.nom])),
    regions: Object.fromEntries(regs.map((r) => [r.code, r.nom])),
    postalCodes: [...new Set(cp.map((c) => c.codePostal))].sort(),
    countries,
  };
}

/**
 * The COG year a release of @etalab/decoupage-administratif carries, from its README's table of
 * editions ("| 2026  | 6.0.0 |"), so an upgraded package is named by its own year.
 */
function cogYear(pkg: string, version: string): string {
  try {
    const { readFileSync } = require('fs') as typeof import('fs');
    const { dirname, join } = require('path') as typeof import('path');
    const readme = readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), 'README.md'), 'utf8');
    const row = readme.split('\n').find((l) => new RegExp(`^\\|\\s*(\\d{4})\\s*\\|\\s*${version.replace(/\./g, '\\.')}\\s*\\|`).test(l));
    if (row) return /\d{4}/.exec(row)![0];
  } catch {
    // No README: the message still names the package version next to it.
  }
  return '(year unknown)';
}
