// Webview of the Standardise panel (bundled to dist/webview/standardise.js): the target schema,
// one row per field (required first) with its source, unmapped columns, a live preview with the
// validation counts and the notices (rows left out or worth a look), and Write. Every text
// arrives by message and is inserted as text.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './standardise.css';
import {
  fill,
  isToWebview,
  type FromWebview,
  type ShownNotice,
  type StandardiseState,
  type StandardiseView,
  type ToWebview,
} from '../../src/protocol/standardise';
import type { StandardiseSpec, TableOps } from '../../src/core/standardise/spec';
import type { PreviewView } from '../../src/core/standardise/task';
import type { ShapeReport } from '../../src/core/standardise/table-ops';
import { select, sourceEditor } from './source-editor';
import { tableOps } from './table-ops';
import { previewHeading, rowNotices, withTotalsDropped } from './notices';

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void; setState(s: StandardiseState): void };
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
type Control = HTMLElement & { value: string; checked?: boolean };

let view: StandardiseView | null = null;
let spec: StandardiseSpec | null = null;
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let status: HTMLElement;
let previewBox: HTMLElement;
let noticesBox: HTMLElement;
let writeButton: HTMLElement;
const fieldNotes = new Map<string, HTMLElement>();

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

function changed(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (!spec) return;
    status.textContent = view!.strings.updating;
    vscode.postMessage({ type: 'spec', generation: ++generation, spec });
  }, 120);
}

function fieldRow(f: StandardiseView['proposal']['fields'][number]): HTMLTableRowElement {
  const v = view!;
  const S = v.strings;
  const p = v.proposal.proposal.find((x) => x.field === f.name);
  const tr = el('tr');
  tr.dataset.field = f.name;
  const name = el('td');
  name.append(el('strong', f.name));
  if (f.required) name.append(el('span', '*', 'req'));
  name.append(el('div', f.title, 'title'));
  const ctx = { strings: S, columns: v.proposal.columns, columnValues: v.proposal.columnValues ?? {} };
  const editor = sourceEditor(f, spec!.fields[f.name], ctx, (s) => {
    if (s) spec!.fields[f.name] = s;
    else delete spec!.fields[f.name];
    changed();
  });
  const src = el('td');
  src.append(editor);
  if (p && p.kind !== 'none') src.append(el('div', fill(S.proposed, Math.round(p.confidence * 100), p.reason), 'note'));
  const note = el('td', '', 'bad');
  fieldNotes.set(f.name, note);
  tr.append(name, src, note);
  return tr;
}

/** The table operations' message (Apply, and a notice's action): the host proposes again on the shaped table. */
function applyTable(table: TableOps): void {
  status.textContent = view!.strings.updating;
  vscode.postMessage({ type: 'table', table });
}

function render(v: StandardiseView): void {
  view = v;
  // Enough for VS Code to bring the panel back after a reload; the host proposes again from the file.
  vscode.setState({ source: v.source, ...(v.sheet ? { sheet: v.sheet } : {}) });
  spec = structuredClone(v.proposal.spec);
  const S = v.strings;
  fieldNotes.clear();
  app.replaceChildren();
  app.append(el('h1', v.title));
  const target = el('div', undefined, 'target');
  const schemas = select(
    v.proposal.schemas.map((s) => ({
      value: s.name,
      label: `${s.name} ${s.version} — ${s.title}${s.name === v.proposal.detected ? ` ${S.detected}` : ''}`,
    })),
    v.proposal.schema.name,
  );
  schemas.id = 'schema';
  schemas.setAttribute('aria-label', S.target);
  schemas.addEventListener('change', () => vscode.postMessage({ type: 'schema', name: schemas.value }));
  // The versions at hand of the chosen schema, newest first; an older one is asked as name@version.
  const chosen = v.proposal.schemas.find((s) => s.name === v.proposal.schema.name);
  const versions = select(
    (chosen?.versions ?? [v.proposal.schema.version]).map((x) => ({ value: x, label: x })),
    v.proposal.schema.version,
    S.version,
  );
  versions.id = 'schema-version';
  versions.addEventListener('change', () => vscode.postMessage({ type: 'schema', name: `${schemas.value}@${versions.value}` }));
  target.append(el('label', S.target), schemas, el('label', S.version), versions);
  app.append(target, tableOps(v, applyTable), el('h2', S.fields));
  const table = el('table', undefined, 'fields');
  const head = el('tr');
  head.append(el('th', S.field), el('th', S.source), el('th', ''));
  table.append(head);
  const ordered = [...v.proposal.fields].sort((a, b) => Number(b.required) - Number(a.required));
  for (const f of ordered) table.append(fieldRow(f));
  app.append(table, el('h2', S.unmapped));
  app.append(el('p', v.proposal.unmapped.length ? v.proposal.unmapped.join(', ') : S.noUnmapped, 'note'));
  const keep = document.createElement('vscode-checkbox') as Control;
  keep.textContent = S.keepUnmapped;
  keep.addEventListener('change', () => {
    spec!.extra = keep.checked ? 'keep' : 'drop';
    changed();
  });
  if (v.proposal.unmapped.length) app.append(keep);
  app.append(el('h2', S.preview));
  status = el('div', S.updating, 'status');
  status.id = 'counts';
  previewBox = el('div', undefined, 'preview');
  noticesBox = el('section', undefined, 'notices');
  noticesBox.id = 'notices';
  noticesBox.hidden = true;
  noticesBox.setAttribute('aria-labelledby', 'notices-heading');
  const actions = el('div', undefined, 'actions');
  writeButton = document.createElement('vscode-button');
  writeButton.id = 'write';
  writeButton.textContent = S.write;
  // "Writing…" comes from the host once the save dialog is answered.
  writeButton.addEventListener('click', () => vscode.postMessage({ type: 'write', spec: spec! }));
  actions.append(writeButton);
  app.append(status, noticesBox, previewBox, actions);
  vscode.postMessage({ type: 'spec', generation: ++generation, spec });
}

function showPreview(p: PreviewView): void {
  const S = view!.strings;
  status.textContent = fill(S.counts, p.counts.errors, p.counts.warnings, p.checked, Math.round(p.ms));
  const table = el('table');
  const head = el('tr');
  for (const h of p.header) head.append(el('th', h));
  table.append(head);
  for (const r of p.rows.slice(0, 20)) {
    const tr = el('tr');
    for (const c of r) tr.append(el('td', c));
    table.append(tr);
  }
  previewBox.replaceChildren(table);
  for (const [field, note] of fieldNotes) {
    const n = p.counts.byField[field] ?? 0;
    note.textContent = n ? fill(S.fieldProblems, n) : '';
  }
  showNotices(p.report, previewHeading(p.read, S.notices));
}

/**
 * The notices area: each count of the run's report that is not zero, with its first lines, and
 * the button of the table operation that acts on it (totals: "Drop totals rows", sent as Apply
 * sends it). Hidden when there is nothing to say. Tells the host what it shows (its test hook).
 */
function showNotices(report: ShapeReport, heading: string): void {
  const v = view!;
  const S = v.strings;
  const notices = rowNotices(report, S.notices);
  const shown: ShownNotice[] = [];
  const list = el('ul');
  for (const n of notices) {
    const li = el('li');
    li.dataset.kind = n.kind;
    li.append(el('span', n.text));
    let action: TableOps | undefined;
    if (n.action === 'dropTotals') {
      const table = (action = withTotalsDropped(v.proposal.spec.table));
      const button = document.createElement('vscode-button');
      button.setAttribute('secondary', '');
      button.className = 'notice-action';
      button.textContent = S.dropTotals;
      button.setAttribute('aria-label', `${S.dropTotals} — ${n.text}`);
      button.addEventListener('click', () => applyTable(table));
      li.append(button);
    }
    list.append(li);
    shown.push({ kind: n.kind, text: n.text, ...(action ? { action } : {}) });
  }
  const h = el('h3', heading);
  h.id = 'notices-heading';
  noticesBox.replaceChildren(...(notices.length ? [h, list] : []));
  noticesBox.hidden = notices.length === 0;
  vscode.postMessage({ type: 'shown', heading: notices.length ? heading : '', notices: shown });
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (!isToWebview(e.data)) return;
  const m: ToWebview = e.data;
  if (m.type === 'init') render(m.view);
  else if (m.type === 'preview' && m.generation === generation) showPreview(m.preview);
  else if (m.type === 'problem' && (m.generation === undefined || m.generation === generation)) {
    if (status) status.textContent = m.message;
    else app.replaceChildren(el('p', m.message, 'bad'));
  } else if (m.type === 'status' && status) status.textContent = m.message;
  else if (m.type === 'written' && status && view) {
    status.textContent = m.message;
    showNotices(m.report, view.strings.notices.written);
  } else if (m.type === 'busy' && status && view) status.textContent = m.writing ? view.strings.writing : view.strings.updating;
});
vscode.postMessage({ type: 'ready' });
