// The budget view's webview: header card, filters (section, recette/dépense, chapter), the
// lines table and the problems list. Data arrives by message and is inserted as text only.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import './budget.css';
import type { BudgetHostMessage, BudgetLabels, BudgetWebviewMessage } from '../../src/protocol/budget';
import type { BudgetViewData } from '../../src/core/budget/tasks';
import { cell, chaptersOf, filterRows, isAmount, isLabel, shownColumns, type Filters } from './lines';

declare function acquireVsCodeApi(): { postMessage(m: BudgetWebviewMessage): void };
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const RENDER_LIMIT = 2000;
const fmt = (s: string, ...a: (string | number)[]) => s.replace(/\{(\d)\}/g, (_, i) => String(a[Number(i)]));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

let ids = 0;

function select(label: string, key: keyof Filters, options: [string, string][], onChange: (v: string) => void): HTMLElement {
  const box = el('div', 'filter');
  const l = el('vscode-label', undefined, label);
  const s = el('vscode-single-select');
  s.id = `filter-${++ids}`;
  l.setAttribute('for', s.id);
  s.dataset.filter = key;
  for (const [v, t] of options) {
    const o = el('vscode-option', undefined, t);
    o.value = v;
    s.append(o);
  }
  s.value = '';
  s.addEventListener('change', () => onChange(s.value));
  box.append(l, s);
  return box;
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
  const filters: Filters = { section: '', codrd: '', chapter: '' };
  const columns = shownColumns(d.rows);
  const toolbar = el('div', 'toolbar');
  const convert = el('vscode-button');
  convert.textContent = L.convert;
  convert.addEventListener('click', () => vscode.postMessage({ type: 'convert' }));
  const count = el('span', 'count');
  const chapters = chaptersOf(d.rows);
  const table = el('table', 'lines');
  const render = () => {
    const rows = filterRows(d.rows, filters);
    const head = el('tr');
    for (const c of columns) head.append(el('th', isAmount(c) ? 'num' : undefined, c.replace(/^BGT_/, '')));
    const body = el('tbody');
    for (const r of rows.slice(0, RENDER_LIMIT)) {
      const tr = el('tr');
      for (const c of columns) {
        const td = el('td', isAmount(c) ? 'num' : isLabel(c) ? 'label' : undefined, cell(r, c));
        // A long label is cut by the stylesheet; the tooltip keeps it whole.
        if (isLabel(c)) td.title = cell(r, c);
        tr.append(td);
      }
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
      'section',
      [
        ['', L.all],
        ['investissement', L.investissement],
        ['fonctionnement', L.fonctionnement],
      ],
      (v) => ((filters.section = v), render()),
    ),
    select(
      L.direction,
      'codrd',
      [
        ['', L.all],
        ['recette', L.recette],
        ['dépense', L.depense],
      ],
      (v) => ((filters.codrd = v), render()),
    ),
    select(
      L.chapter,
      'chapter',
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
