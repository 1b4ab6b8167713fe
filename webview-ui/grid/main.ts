// The grid editor's webview: sheet tabs, the virtual grid with its frozen header, the
// problems list, and the one message protocol with the extension host.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import './grid.css';
import { cellRef } from '../../src/core/sheet/address';
import { isGridPage, type GridShape } from '../../src/core/sheet/grid-page';
import type { GridLabels, GridViewState, HostMessage, WebviewMessage } from '../../src/protocol/grid';
import { PageCache } from './page-cache';
import { ProblemsList } from './problems-list';
import { replay, seenOf, type GridParts } from './seen';
import { VirtualGrid } from './virtual-grid';

interface VsCodeApi {
  postMessage(m: WebviewMessage): void;
  getState(): GridViewState | undefined;
  setState(s: GridViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let state: GridViewState = vscode.getState() ?? {};
let data: GridShape | null = null;
let labels: GridLabels | null = null;
/** The load shown (its pages only are taken) and its rows as far as they came. */
let version = -1;
const pages = new PageCache();
/** A cell to reveal beyond the rows known yet (a large sheet's first page): done once its whole shape is in. */
let revealLater: { row: number; column: number | null } | null = null;
/** The scroll position to restore once the whole sheet is known (the first page is too short for it). */
let restoreLater: GridViewState | null = null;
/** A key's move waits for the whole shape (the status line says so). */
let waiting = false;
/** The host runs its tests: what the grid shows is told whenever it changes (the last told). */
let watched = false;
let lastSeen = '';

const save = (patch: GridViewState) => {
  state = { ...state, ...patch };
  vscode.setState(state);
};
const post = (m: WebviewMessage) => vscode.postMessage(m);

const toolbar = document.createElement('div');
toolbar.className = 'toolbar';
const tabs = document.createElement('div');
tabs.className = 'tabs';
tabs.setAttribute('role', 'tablist');
const badge = document.createElement('vscode-badge');
const exportButton = document.createElement('vscode-button');
exportButton.addEventListener('click', () => data && post({ type: 'export', sheet: data.sheet }));
toolbar.append(tabs, badge, exportButton);

const status = document.createElement('div');
status.className = 'status';
// Read out as it changes: the selected cell and its value, or that a move waits for the sheet.
status.setAttribute('role', 'status');
status.setAttribute('aria-live', 'polite');
const notice = document.createElement('div');
notice.className = 'notice';

const grid = new VirtualGrid({
  onSelect: (row, column) => {
    save({ selected: { row, column } });
    showStatus(row, column);
  },
  onMissing: (first, last) => {
    const range = data && pages.request(first, last, data.rowCount);
    if (range) post({ type: 'rows', version, ...range });
  },
  onRevealed: (row, cells) => post({ type: 'revealed', row, cells }),
  onWaiting: (w) => {
    waiting = w;
    if (grid.selected) showStatus(grid.selected.row, grid.selected.column);
    else if (w && labels) status.textContent = labels.moveWaits;
    else status.replaceChildren();
    tell();
  },
  onDrawn: () => tell(),
});
const parts: GridParts = { grid, tabs, status, notice };

/** Tells the host what the grid shows, when it changed (only while it runs its tests). */
function tell(): void {
  if (!watched) return;
  const seen = seenOf(parts);
  const text = JSON.stringify(seen);
  if (text !== lastSeen) ((lastSeen = text), post({ type: 'seen', seen }));
}

/** Scrolls to a cell, once the sheet is known that far. */
function reveal(row: number, column: number | null): void {
  if (data?.partial && row > data.rowCount) revealLater = { row, column };
  else grid.reveal(row, column);
}

const problems = new ProblemsList(
  (p) => p.row !== null && reveal(p.row, p.column),
  (sheet) => post({ type: 'selectSheet', sheet }),
  (rule) => post({ type: 'openRule', rule }),
);
const main = document.createElement('div');
main.className = 'main';
main.append(grid.scroller, problems.root);
app.append(toolbar, status, notice, main);
grid.scroller.addEventListener('scroll', () => restoreLater || save({ top: grid.scroller.scrollTop, left: grid.scroller.scrollLeft }), {
  passive: true,
});
// Once the user moves in a sheet still being read, where they were before the reload no longer matters.
for (const type of ['keydown', 'click']) grid.scroller.addEventListener(type, () => (restoreLater = null));

function showStatus(row: number, column: number): void {
  const ref = document.createElement('span');
  ref.className = 'ref';
  ref.textContent = data ? `${data.sheet}!${cellRef(column, row)}` : '';
  const value = pages.row(row)?.values?.[column - 1] ?? '';
  const marks = grid.marksAt(row, column);
  const text = waiting && labels ? labels.moveWaits : marks ? marks.messages.join(' · ') : value;
  status.replaceChildren(ref, document.createTextNode(text));
  status.title = status.textContent ?? '';
  tell();
}

function showTabs(d: GridShape, l: GridLabels): void {
  tabs.replaceChildren(
    ...d.sheets.map((s) => {
      const tab = document.createElement('button');
      tab.className = s.state === 'visible' ? 'tab' : 'tab hidden-sheet';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(s.name === d.sheet));
      tab.textContent = s.name;
      if (s.state !== 'visible') tab.title = l.sheetHidden;
      tab.addEventListener('click', () => s.name !== d.sheet && post({ type: 'selectSheet', sheet: s.name }));
      return tab;
    }),
  );
}

function setNotice(text: string, failed = false): void {
  notice.textContent = text;
  notice.className = failed ? 'notice failed' : 'notice';
  notice.hidden = text === '';
}

window.addEventListener('message', (e: MessageEvent<HostMessage>) => {
  const m = e.data;
  switch (m.type) {
    case 'loading':
      if (labels) setNotice(labels.loading);
      break;
    case 'failed':
      labels = m.labels;
      main.hidden = true;
      setNotice(m.message, true);
      break;
    case 'load':
      load(m);
      break;
    case 'rows':
      if (m.version !== version || !data || !Array.isArray(m.pages)) break;
      for (const page of m.pages) if (isGridPage(page)) pages.put(page);
      grid.refresh();
      // The selected cell's value came with its page: the status line shows it now.
      if (grid.selected) showStatus(grid.selected.row, grid.selected.column);
      break;
    case 'problems':
      if (!labels) break;
      badge.textContent = String(m.problems.length);
      grid.setProblems(m.problems);
      problems.show(m.problems, m.otherSheets, labels);
      break;
    case 'reveal':
      if (data?.sheet === m.sheet && m.row !== null) reveal(m.row, m.column);
      break;
    case 'watch':
      watched = true;
      tell();
      break;
    case 'input':
      replay(m.input, parts);
      tell();
  }
});

function load(m: Extract<HostMessage, { type: 'load' }>): void {
  const received = Date.now();
  const shape = m.shape;
  const sameSheet = state.sheet === shape.sheet;
  data = shape;
  version = m.version;
  labels = m.labels;
  pages.clear();
  if (isGridPage(m.first)) pages.put(m.first);
  main.hidden = false;
  setNotice(shape.partial ? m.labels.loading : shape.truncated ? m.labels.truncated : '');
  exportButton.textContent = m.labels.exportCsv;
  badge.textContent = String(m.problems.length);
  badge.title = m.labels.problems;
  showTabs(shape, m.labels);
  grid.pendingTitle = m.labels.loading;
  grid.setData(shape, (r) => pages.row(r), m.problems);
  problems.show(m.problems, m.otherSheets, m.labels);
  if (!sameSheet) {
    revealLater = restoreLater = null;
    grid.forget();
    grid.scroller.scrollTop = 0;
    grid.scroller.scrollLeft = 0;
    save({ sheet: shape.sheet, top: 0, left: 0, selected: undefined });
    status.replaceChildren();
  } else {
    // The first page of a large sheet is too short to scroll where the user was: that waits for its whole shape.
    const where = restoreLater ?? state;
    restoreLater = shape.partial ? where : null;
    grid.scroller.scrollTop = where.top ?? 0;
    grid.scroller.scrollLeft = where.left ?? 0;
    if (where.selected) grid.select(where.selected.row, where.selected.column);
  }
  if (revealLater && !shape.partial) {
    grid.reveal(revealLater.row, revealLater.column);
    revealLater = null;
  }
  // A key pressed while the first page only was known (Ctrl+End): its move is made now.
  if (!shape.partial) grid.resume();
  tell();
  // Once drawn: the host times how long a sheet takes to show.
  const shown = { type: 'shown', rows: shape.rowCount, partial: shape.partial === true, received } as const;
  requestAnimationFrame(() => post({ ...shown, drawn: Date.now() }));
}

setNotice('');
post({ type: 'ready', sheet: state.sheet });
