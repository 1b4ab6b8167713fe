// The XSS run's workspace: the payloads of test/fixtures/xss/payloads.json in a CSV (headers and
// cells), an XLSX (cells, headers, sheet names), payload-named files and a datapackage.json's
// metadata. Used by scripts/ui-xss.mjs (`--generate-only DIR` writes just this).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { REPO } from '../vscode-host/ui-lib.mjs';

const CORPUS = JSON.parse(readFileSync(join(REPO, 'test/fixtures/xss/payloads.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// The corpus, made concrete: the counting server's port in place of XSSPORT, long ones repeated.
export function payloadsFor(port) {
  return CORPUS.payloads.map((p) => ({
    id: p.id,
    cls: p.class,
    text: p.payload.replaceAll('XSSPORT', String(port)).repeat(p.repeat ?? 1),
  }));
}

export const csvField = (s) => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
export const csvLine = (cells) => cells.map(csvField).join(',');

/** A sheet name as Excel allows it (≤ 31 characters, none of []:*?/\, no ' at either end), or null. */
export function sheetName(text, taken) {
  const name = text.slice(0, 31);
  if (!name.trim() || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || name === 'History' || taken.has(name.toLowerCase())) return null;
  taken.add(name.toLowerCase());
  return name;
}

/** A file name the filesystem takes (no '/', NUL or control characters, ≤ 255 bytes); '\' is left out too. */
export const fileNameOk = (name) => !/[/\\\u0000-\u001f]/.test(name) && Buffer.byteLength(name) <= 255;

/**
 * Writes the workspace into `dir`. Returns what reached each surface.
 *   xss-chart.csv                  headers = payloads (category = #2, value = #4), one row per payload
 *   xss.xlsx                       sheet "payloads": headers + cells (+ a formula, a hyperlink and a rich-text cell);
 *                                  one more sheet per payload that makes a valid sheet name (truncated to 31)
 *   files/<payload>.csv            one per payload the filesystem takes as a name
 *   .opendata/charts/*.json        saved charts: the CSV (every label: top-N 999, file order), a few payload-named files
 *   datapackage.json               dataset "xss": title, description, keywords, zones, organisation, licence,
 *                                  resource descriptions = payloads; resources = the payload-named files
 *   .opendata/project.json         payloads in a stage's notes and a publication (tree only: no webview shows them)
 */
export async function generateWorkspace(dir, port) {
  const P = payloadsFor(port);
  const byId = new Map(P.map((p) => [p.id, p]));
  mkdirSync(join(dir, 'files'), { recursive: true });
  mkdirSync(join(dir, '.opendata', 'charts'), { recursive: true });

  // CSV: the category column is headed by payload #2, the value column by #4, the others by the rest.
  const category = byId.get(2).text;
  const value = byId.get(4).text;
  const others = P.filter((p) => p.id !== 2 && p.id !== 4).map((p) => p.text);
  const headers = [category, value, ...others];
  const csv = [csvLine(headers), ...P.map((p, i) => csvLine([p.text, String(i + 1), ...others.map(() => 'v')]))];
  writeFileSync(join(dir, 'xss-chart.csv'), csv.join('\r\n') + '\r\n');

  // XLSX.
  const wb = new ExcelJS.Workbook();
  const main = wb.addWorksheet('payloads');
  main.addRow(['n', 'payload', ...P.map((p) => p.text)]);
  P.forEach((p, i) => main.addRow([p.id, p.text, ...P.map(() => i + 1)]));
  const extras = [
    { formula: `HYPERLINK("javascript:alert('xss-formula')","xss-formula-result")`, result: 'xss-formula-result' },
    { text: `<img src=x onerror=alert('xss-link')>`, hyperlink: `javascript:alert('xss-link')` },
    { richText: [{ text: '<scr' }, { font: { bold: true }, text: `ipt>alert('xss-rich')</scr` }, { text: 'ipt>' }] },
  ];
  extras.forEach((v, i) => main.addRow([P.length + i + 1, v]));
  const extraTexts = ['xss-formula-result', `<img src=x onerror=alert('xss-link')>`, `<script>alert('xss-rich')</script>`];
  const taken = new Set(['payloads']);
  const sheets = [];
  for (const p of P) {
    const name = sheetName(p.text, taken);
    if (!name) continue;
    const ws = wb.addWorksheet(name);
    ws.addRow(['n', 'payload']);
    ws.addRow([p.id, p.text]);
    sheets.push({ id: p.id, name, text: p.text, truncated: name !== p.text });
  }
  await wb.xlsx.writeFile(join(dir, 'xss.xlsx'));

  // Payload-named files.
  const files = [];
  for (const p of P) {
    const name = `${p.text}.csv`;
    if (!fileNameOk(name)) continue;
    writeFileSync(join(dir, 'files', name), `label,value\r\n${csvLine([p.text, '1'])}\r\n`);
    files.push({ id: p.id, name, path: `files/${name}`, text: p.text });
  }
  // One payload-named workbook, opened in the grid (its name shows in the editor tab).
  const bookFile = files.find((f) => f.id === 2) ?? files[0];
  const book = { name: bookFile.name.replace(/\.csv$/, '.xlsx') };
  await wb.xlsx.writeFile(join(dir, 'files', book.name));

  // Saved charts: the CSV with every label, and a few payload-named files.
  const chartConfig = (cat, val) => ({
    type: 'bar-horizontal',
    category: cat,
    value: val,
    aggregation: 'sum',
    topN: 999,
    sort: 'file',
    dateBucket: 'none',
  });
  const saved = [{ title: 'XSS main chart', source: 'xss-chart.csv', config: chartConfig(category, value), file: 'xss-chart.csv' }];
  const preferred = [2, 10, 16, 73, 25, 4];
  const charted = preferred
    .map((id) => files.find((f) => f.id === id))
    .filter(Boolean)
    .slice(0, 4);
  charted.forEach((f, i) =>
    saved.push({ title: `XSS file chart ${i + 1}`, source: f.path, config: chartConfig('label', 'value'), file: f.name, text: f.text }),
  );
  saved.forEach((s, i) =>
    writeFileSync(
      join(dir, '.opendata', 'charts', `xss-${i}.json`),
      JSON.stringify({ version: 1, title: s.title, source: s.source, config: s.config }, null, 2),
    ),
  );

  // Metadata (limits of schemas/datapackage.schema.json respected: title ≤ 350, keywords 3–96 characters).
  const meta = {
    name: 'xss',
    title: byId.get(13).text,
    description: P.map((p) => p.text).join('\n'),
    keywords: P.map((p) => p.text).filter((t) => t.length >= 3 && t.length <= 96 && !t.includes(',')),
    organization: byId.get(12).text,
    spatial: { zones: [byId.get(9).text, byId.get(16).text], granularity: 'fr:commune' },
    licenses: [{ name: byId.get(1).text }],
  };
  const datapackage = {
    name: 'xss-corpus',
    resources: [
      { name: 'xss-chart', path: 'xss-chart.csv', format: 'csv', dataset: 'xss', description: byId.get(6).text },
      ...files.map((f, i) => ({ name: `file-${i + 1}`, path: f.path, format: 'csv', dataset: 'xss', description: f.text })),
    ],
    datasets: [meta],
  };
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(datapackage, null, 2) + '\n');
  writeFileSync(
    join(dir, '.opendata', 'project.json'),
    JSON.stringify(
      {
        version: 1,
        stages: { publication: { notes: P.map((p) => p.text).join('\n') } },
        datasets: {
          xss: {
            publication: {
              datasetId: byId.get(12).text,
              url: `${byId.get(9).text}`,
              publishedAt: '2024-01-01T00:00:00Z',
              portal: byId.get(3).text,
            },
          },
        },
      },
      null,
      2,
    ) + '\n',
  );
  return { P, headers, extraTexts, sheets, files, book, saved, meta, fieldsWithPayloads: 6 + files.length };
}
