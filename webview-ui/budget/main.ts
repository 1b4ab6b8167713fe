// The budget view's webview: header card, filters (section, recette/dépense, chapter), the
// lines table and the problems list. Data arrives by message and is inserted as text only.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import './budget.css';
import type { BudgetHostMessage, BudgetLabels, BudgetWebviewMessage } from '../../src/protocol/budget';
import type { BudgetViewData } from '../../src/core/budget/tasks';
import { SCDL_BUDGET_COLUMNS } from '../../src/core/budget/rows';

declare function acquireVsCodeApi(): { postMessage(m: BudgetWebviewMessage): void };
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const RENDER_LIMIT = 2000;
const C = (name: (typeof SCDL_BUDGET_COLUMNS)[number]) => SCDL_BUDGET_COLUMNS.indexOf(name);
const SHOWN = [
  'BGT_SECTION',
  'BGT_CODRD',
  'BGT_OPBUDG',
  'BGT_CONTNAT',
  'BGT_CONTNAT_LABEL',
  'BGT_NATURE',
  'BGT_NATURE_LABEL',
  'BGT_FONCTION',
  'BGT_FONCTION_LABEL',
  'BGT_OPERATION',
  'BGT_MTPREV',
  'BGT_CREDOUV',
  'BGT_MTREAL',
] as const;
const fmt = (s: string, ...a: (string | number)[]) => s.replace(/\{(\d)\}/g, (_, i) => String(a[Number(i)]));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function select(label: string, options: [string, string][], onChange: (v: string) => void): HTMLLabelElement {
  const l = el('label', 'filter', label + ' ');
  const s = el('select');
  s.dataset.filter = label;
  for (const [v, t] of options) {
    const o = el('option', undefined, t);
    o.value = v;
    s.append(o);
  }
  s.addEventListener('change', () => onChange(s.value));
  l.append(s);
  return l;
}

function headerCard(d: Extract<BudgetViewData, { ok: true }>, L: BudgetLabels): HTMLElement {
  const card = el('section', 'card');
  card.append(el('h2', undefined, d.meta.title));
  const dl = el('dl');
  const h = d.header;
  const items: [string, string][] = [
    [L.collectivity, `${h.libelleColl} (${h.idColl})`],
    [L.budget, h.libelleEtab],
    [L.act, d.meta.title.split(' — ')[0]],
    [L.year, h.exer],
    [L.nomenclature, h.nomenclature],
    [L.siret, h.idEtab],
    [L.sealed, h.sealDate],
    [L.plan, [d.plan.key, d.plan.year, d.plan.source].filter(Boolean).join(' · ')],
  ];
  for (const [k, v] of items) {
    dl.append(el('dt', undefined, k), el('dd', undefined, v || '—'));
  }
  card.append(dl);
  return card;
}

function problemsList(d: Extract<BudgetViewData, { ok: true }>, L: BudgetLabels): HTMLElement {
  const aside = el('aside', 'problems');
  aside.append(el('h3', undefined, L.problems));
  const list = d.problems.filter((p) => p.severity !== 'info');
  if (!list.length) aside.append(el('p', 'none', L.noProblems));
  for (const p of d.problems) {
    const item = el('p', `problem ${p.severity}`, p.message);
    item.dataset.code = p.code;
    aside.append(item);
  }
  return aside;
}

function show(d: Extract<BudgetViewData, { ok: true }>, L: BudgetLabels): void {
  const filters = { section: '', codrd: '', chapter: '' };
  const toolbar = el('div', 'toolbar');
  const convert = el('vscode-button');
  convert.textContent = L.convert;
  convert.addEventListener('click', () => vscode.postMessage({ type: 'convert' }));
  const count = el('span', 'count');
  const chapters = [...new Map(d.rows.map((r) => [r[C('BGT_CONTNAT')], r[C('BGT_CONTNAT_LABEL')]])).entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const table = el('table', 'lines');
  const render = () => {
    const rows = d.rows.filter(
      (r) =>
        (!filters.section || r[C('BGT_SECTION')] === filters.section) &&
        (!filters.codrd || r[C('BGT_CODRD')] === filters.codrd) &&
        (!filters.chapter || r[C('BGT_CONTNAT')] === filters.chapter),
    );
    const head = el('tr');
    for (const c of SHOWN) head.append(el('th', undefined, c.replace(/^BGT_/, '')));
    const body = el('tbody');
    for (const r of rows.slice(0, RENDER_LIMIT)) {
      const tr = el('tr');
      for (const c of SHOWN) tr.append(el('td', /^BGT_(MT|CRED)/.test(c) ? 'num' : undefined, r[C(c)]));
      body.append(tr);
    }
    const thead = el('thead');
    thead.append(head);
    table.replaceChildren(thead, body);
    vscode.postMessage({ type: 'rendered', title: card.querySelector('h2')?.textContent ?? '', rows: body.children.length });
    count.textContent = `${fmt(L.lines, d.total)} · ${fmt(L.shown, Math.min(rows.length, RENDER_LIMIT))}${d.subtotals ? ` · ${fmt(L.subtotals, d.subtotals)}` : ''}`;
  };
  toolbar.append(
    convert,
    select(
      L.section,
      [
        ['', L.all],
        ['investissement', L.investissement],
        ['fonctionnement', L.fonctionnement],
      ],
      (v) => ((filters.section = v), render()),
    ),
    select(
      L.direction,
      [
        ['', L.all],
        ['recette', L.recette],
        ['dépense', L.depense],
      ],
      (v) => ((filters.codrd = v), render()),
    ),
    select(
      L.chapter,
      [['', L.all], ...chapters.map(([c, l]): [string, string] => [c, `${c || '—'} ${l}`])],
      (v) => ((filters.chapter = v), render()),
    ),
    count,
  );
  const main = el('div', 'main');
  const scroller = el('div', 'scroller');
  scroller.append(table);
  main.append(scroller, problemsList(d, L));
  const notes = d.total > d.rows.length ? [el('p', 'notice', fmt(L.truncated, d.rows.length))] : [];
  const card = headerCard(d, L);
  app.replaceChildren(card, toolbar, ...notes, main);
  render();
}

window.addEventListener('message', (e: MessageEvent<BudgetHostMessage>) => {
  const m = e.data;
  if (m.type === 'loading') app.replaceChildren(el('p', 'loading', m.labels.loading));
  else if (m.type === 'load') {
    if (m.data.ok) show(m.data, m.labels);
    else app.replaceChildren(el('p', 'problem error', m.data.message));
  }
});
vscode.postMessage({ type: 'ready' });
