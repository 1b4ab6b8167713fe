// A chart as a self-contained HTML page, to publish next to the data (the `url` of a
// data.gouv.fr reuse): the bars drawn as inline SVG from the chart's series, the same
// numbers in an accessible table, the source named. No script at all and a CSP that forbids
// any (default-src 'none'), so the page is as safe to host as the webview that drew it.
import type { ChartSeries } from './series';

export interface ChartPageInput {
  title: string;
  /** "Sum of montant by nomBeneficiaire". */
  heading: string;
  series: ChartSeries;
  /** Table file name, shown as the source. */
  source: string;
  /** BCP 47 locale for numbers. */
  locale: string;
  lang: 'en' | 'fr';
  /** Label of the "others" point; {0} = number of categories folded. */
  othersLabel?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function chartPage(p: ChartPageInput): string {
  const fmt = new Intl.NumberFormat(p.locale, { maximumFractionDigits: 2 });
  const t =
    p.lang === 'fr'
      ? {
          label: 'Catégorie',
          value: 'Valeur',
          rows: 'Lignes',
          source: 'Source',
          made: 'Graphique publié avec Open Data Workbench',
          blank: '(vide)',
        }
      : {
          label: 'Category',
          value: 'Value',
          rows: 'Rows',
          source: 'Source',
          made: 'Chart published with Open Data Workbench',
          blank: '(blank)',
        };
  const points = p.series.labels.map((l, i) => ({ label: l === '' ? t.blank : l, value: p.series.values[i], rows: p.series.rows[i] }));
  if (p.series.others)
    points.push({
      label: (p.othersLabel ?? 'Others ({0})').replace('{0}', String(p.series.others.categories)),
      value: p.series.others.value,
      rows: p.series.others.rows,
    });
  const max = Math.max(0, ...points.map((x) => x.value ?? 0));
  const min = Math.min(0, ...points.map((x) => x.value ?? 0));
  const span = max - min || 1;
  const barH = 22;
  const labelW = 220;
  const plotW = 560;
  const height = points.length * (barH + 6) + 10;
  const zero = labelW + ((0 - min) / span) * plotW;
  const bars = points
    .map((x, i) => {
      const y = 5 + i * (barH + 6);
      const v = x.value ?? 0;
      const w = (Math.abs(v) / span) * plotW;
      const bx = v >= 0 ? zero : zero - w;
      const text = x.value === null ? '—' : fmt.format(v);
      return `<g><title>${esc(x.label)} : ${esc(text)}</title><text x="${labelW - 8}" y="${y + barH * 0.7}" text-anchor="end">${esc(x.label.length > 32 ? `${x.label.slice(0, 31)}…` : x.label)}</text><rect x="${bx.toFixed(1)}" y="${y}" width="${Math.max(w, 0.5).toFixed(1)}" height="${barH}" rx="2"/><text x="${(v >= 0 ? bx + w + 6 : bx - 6).toFixed(1)}" y="${y + barH * 0.7}" text-anchor="${v >= 0 ? 'start' : 'end'}" class="v">${esc(text)}</text></g>`;
    })
    .join('');
  const rows = points
    .map(
      (x) =>
        `<tr><th scope="row">${esc(x.label)}</th><td>${x.value === null ? '—' : esc(fmt.format(x.value))}</td><td>${fmt.format(x.rows)}</td></tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:860px;color:#161616;padding:0 1rem}
h1{font-size:1.4rem}figure{margin:0}svg{width:100%;height:auto}rect{fill:#000091}text{font-size:12px;fill:#161616}text.v{fill:#3a3a3a}
table{border-collapse:collapse;margin-top:1.5rem;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}td{text-align:right}
footer{margin-top:1.5rem;color:#666;font-size:.85rem}
</style>
</head>
<body>
<h1>${esc(p.title)}</h1>
<figure>
<svg role="img" aria-label="${esc(p.heading)}" viewBox="0 0 ${labelW + plotW + 90} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>
<figcaption>${esc(p.heading)}</figcaption>
</figure>
<table><caption>${esc(p.heading)}</caption><thead><tr><th scope="col">${t.label}</th><th scope="col">${t.value}</th><th scope="col">${t.rows}</th></tr></thead><tbody>${rows}</tbody></table>
<footer>${t.source}${p.lang === 'fr' ? ' : ' : ': '}${esc(p.source)}. ${t.made}.</footer>
</body>
</html>
`;
}
