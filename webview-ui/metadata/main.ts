// The metadata form: fields of one dataset, the live data.gouv.fr quality score with what
// each missing point needs, and Save. Every label and value comes from the host and is
// inserted as text (textContent / value), never as HTML.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './metadata.css';
import type { DatasetMeta } from '../../src/core/project/types';
import type {
  Choice,
  HostMessage,
  MetadataEdit,
  MetadataForm,
  MetadataViewState,
  ScoreView,
  WebviewMessage,
} from '../../src/protocol/metadata';

interface VsCodeApi {
  postMessage(m: WebviewMessage): void;
  getState(): MetadataViewState | undefined;
  setState(s: MetadataViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The value-holding elements of @vscode-elements (textfield, textarea, single-select). */
type Field = HTMLElement & { value: string };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const fields = new Map<string, Field>();
const files = new Map<string, Field>();
let form: MetadataForm | null = null;
let status: HTMLElement;
let scoreBox: HTMLElement;
let timer: ReturnType<typeof setTimeout> | undefined;

const post = (m: WebviewMessage) => vscode.postMessage(m);
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function field(id: string, label: string, control: Field, help?: string): HTMLElement {
  const row = el('div', undefined, 'row');
  const l = document.createElement('vscode-label');
  l.textContent = label;
  l.setAttribute('for', id);
  control.id = id;
  control.addEventListener('input', changed);
  control.addEventListener('change', changed);
  row.append(l, control);
  if (help) row.append(el('div', help, 'help'));
  fields.set(id, control);
  return row;
}

function text(value: string | undefined, multiline = false, type = 'text'): Field {
  const f = document.createElement(multiline ? 'vscode-textarea' : 'vscode-textfield') as Field;
  if (!multiline) f.setAttribute('type', type);
  else f.setAttribute('rows', '6');
  f.value = value ?? '';
  return f;
}

function select(choices: Choice[], value: string | undefined, none: string): Field {
  const s = document.createElement('vscode-single-select') as Field;
  for (const c of [{ value: '', label: none }, ...choices]) {
    const o = document.createElement('vscode-option');
    o.setAttribute('value', c.value);
    o.textContent = c.label;
    if (c.value === (value ?? '')) o.setAttribute('selected', '');
    s.append(o);
  }
  return s;
}

function render(f: MetadataForm, draft?: MetadataEdit): void {
  form = f;
  const d: DatasetMeta = draft?.meta ?? f.dataset;
  const L = f.labels;
  fields.clear();
  files.clear();
  app.replaceChildren();
  const formBox = el('section', undefined, 'form');
  // Save sits at the top, beside the heading: the form is longer than a screen.
  const save = document.createElement('vscode-button');
  save.textContent = L.save;
  save.addEventListener('click', () => post({ type: 'save', edit: collect() }));
  status = el('span', draft ? L.unsaved : '', 'status');
  const header = el('div', undefined, 'header');
  header.append(el('h1', `${L.heading} — ${f.dataset.name}`), save, status);
  formBox.append(
    header,
    field('title', L.title, text(d.title)),
    field('description', L.description, text(d.description, true), L.descriptionHelp),
    field('licence', L.licence, select(f.licences, d.licenses?.[0]?.name, L.none)),
    field('frequency', L.frequency, select(f.frequencies, d.frequency, L.none)),
  );
  const temporal = el('fieldset');
  temporal.append(
    el('legend', L.temporal),
    field('start', L.start, text(d.temporalCoverage?.start, false, 'date')),
    field('end', L.end, text(d.temporalCoverage?.end, false, 'date')),
  );
  const spatial = el('fieldset');
  spatial.append(
    el('legend', L.spatial),
    field('zones', L.zones, text(d.spatial?.zones?.join(', ')), L.zonesHelp),
    field('granularity', L.granularity, select(f.granularities, d.spatial?.granularity, L.none)),
  );
  formBox.append(
    temporal,
    spatial,
    field('tags', L.tags, text(d.keywords?.join(', ')), L.tagsHelp),
    field('organization', L.organization, text(d.organization)),
  );
  if (f.files.length) {
    const box = el('fieldset');
    box.append(el('legend', L.files));
    for (const file of f.files) {
      const id = `file-${files.size}`;
      const value = draft?.files.find((x) => x.path === file.path)?.description ?? file.description;
      // A function replacement: a string one would expand `$&`, `$'`… found in the file name.
      box.append(
        field(
          id,
          L.fileDescription.replace('{0}', () => file.path),
          text(value),
        ),
      );
      files.set(file.path, fields.get(id)!);
    }
    formBox.append(box);
  }
  scoreBox = el('aside', undefined, 'score');
  app.append(formBox, scoreBox);
  showScore(f.score);
}

function showScore(s: ScoreView): void {
  if (!form) return;
  scoreBox.replaceChildren(el('h2', form.labels.score), el('div', `${s.points} / 9`, 'points'));
  const ul = el('ul');
  for (const c of s.criteria) {
    const li = el('li', undefined, c.met ? 'met' : 'todo');
    li.append(el('span', c.met ? '✓ ' : '○ ', 'mark'), el('span', c.label));
    if (c.todo) li.append(el('div', c.todo, 'help'));
    ul.append(li);
  }
  scoreBox.append(ul);
}

function collect(): MetadataEdit {
  const v = (id: string) => fields.get(id)?.value.trim() ?? '';
  const meta: DatasetMeta = {
    name: form!.dataset.name,
    title: v('title'),
    description: v('description'),
    licenses: v('licence') ? [{ name: v('licence') }] : [],
    frequency: v('frequency') || undefined,
    temporalCoverage: v('start') && v('end') ? { start: v('start'), end: v('end') } : undefined,
    spatial:
      list(v('zones')).length || v('granularity')
        ? {
            ...(list(v('zones')).length ? { zones: list(v('zones')) } : {}),
            ...(v('granularity') ? { granularity: v('granularity') } : {}),
          }
        : undefined,
    keywords: list(v('tags')),
    organization: v('organization'),
  };
  return { meta, files: [...files].map(([path, f]) => ({ path, description: f.value.trim() })) };
}

function changed(): void {
  if (!form) return;
  status.textContent = form.labels.unsaved;
  clearTimeout(timer);
  timer = setTimeout(() => {
    const edit = collect();
    vscode.setState({ dataset: form!.dataset.name, draft: edit });
    post({ type: 'change', edit });
  }, 150);
}

window.addEventListener('message', (e: MessageEvent<HostMessage>) => {
  const m = e.data;
  if (m.type === 'load') {
    const state = vscode.getState();
    const draft = state?.dataset === m.form.dataset.name ? state.draft : undefined;
    vscode.setState({ dataset: m.form.dataset.name, draft });
    render(m.form, draft);
    if (draft) post({ type: 'change', edit: draft });
  } else if (m.type === 'score') showScore(m.score);
  else if (m.type === 'saved') {
    status.textContent = form?.labels.saved ?? '';
    vscode.setState({ dataset: form!.dataset.name });
  } else if (m.type === 'error') status.textContent = m.message;
});
post({ type: 'ready' });
