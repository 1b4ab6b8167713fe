// The grid editor's webview: sheet tabs, the virtual grid with its frozen header, the
// problems list, and the one message protocol with the extension host.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import './grid.css';
import { cellRef } from '../../src/core/sheet/address';
import type { GridData } from '../../src/core/sheet/grid-data';
import type { GridLabels, GridViewState, HostMessage, WebviewMessage } from '../../src/protocol/grid';
import { ProblemsList } from './problems-list';
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
let data: GridData | null = null;
let labels: GridLabels | null = null;

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
const notice = document.createElement('div');
notice.className = 'notice';

const grid = new VirtualGrid((row, column) => {
  save({ selected: { row, column } });
  showStatus(row, column);
});
const problems = new ProblemsList(
  (p) => p.row !== null && grid.reveal(p.row, p.column),
  (sheet) => post({ type: 'selectSheet', sheet }),
  (rule) => post({ type: 'openRule', rule }),
);
const main = document.createElement('div');
main.className = 'main';
main.append(grid.scroller, problems.root);
app.append(toolbar, status, notice, main);
grid.scroller.addEventListener('scroll', () => save({ top: grid.scroller.scrollTop, left: grid.scroller.scrollLeft }), { passive: true });

function showStatus(row: number, column: number): void {
  const ref = document.createElement('span');
  ref.className = 'ref';
  ref.textContent = data ? `${data.sheet}!${cellRef(column, row)}` : '';
  const value = data?.rows[row - 1]?.[column - 1] ?? '';
  const marks = grid.marksAt(row, column);
  status.replaceChildren(ref, document.createTextNode(marks ? marks.messages.join(' · ') : value));
  status.title = status.textContent ?? '';
}

function showTabs(d: GridData, l: GridLabels): void {
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
    case 'load': {
      const received = Date.now();
      const sameSheet = state.sheet === m.data.sheet;
      data = m.data;
      labels = m.labels;
      main.hidden = false;
      setNotice(m.data.partial ? m.labels.loading : m.data.truncated ? m.labels.truncated : '');
      exportButton.textContent = m.labels.exportCsv;
      badge.textContent = String(m.problems.length);
      badge.title = m.labels.problems;
      showTabs(m.data, m.labels);
      grid.setData(m.data, m.problems);
      problems.show(m.problems, m.otherSheets, m.labels);
      if (sameSheet) {
        grid.scroller.scrollTop = state.top ?? 0;
        grid.scroller.scrollLeft = state.left ?? 0;
        if (state.selected) grid.select(state.selected.row, state.selected.column);
      } else {
        grid.scroller.scrollTop = 0;
        grid.scroller.scrollLeft = 0;
        save({ sheet: m.data.sheet, top: 0, left: 0, selected: undefined });
        status.replaceChildren();
      }
      // Once drawn: the host times how long a sheet takes to show.
      const shown = { type: 'shown', rows: m.data.rows.length, partial: m.data.partial === true, received } as const;
      requestAnimationFrame(() => post({ ...shown, drawn: Date.now() }));
      break;
    }
    case 'problems':
      if (!labels) break;
      badge.textContent = String(m.problems.length);
      grid.setProblems(m.problems);
      problems.show(m.problems, m.otherSheets, labels);
      break;
    case 'reveal':
      if (data?.sheet === m.sheet && m.row !== null) grid.reveal(m.row, m.column);
  }
});

setNotice('');
post({ type: 'ready', sheet: state.sheet });
