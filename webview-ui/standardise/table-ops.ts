// The "Table operations" box of the Standardise webview: header row, dropped rows (blank, totals,
// a column's values), unpivot, and stacking other files or sheets of the workspace under this one.
// Apply sends the operations to the host, which checks them and proposes again on the shaped table.
import { fill, type StandardiseView } from '../../src/protocol/standardise';
import type { TableOps } from '../../src/core/standardise/spec';
import { select } from './source-editor';

type Control = HTMLElement & { value: string; checked?: boolean };
type Multi = HTMLElement & { value: string[] };

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

function textfield(value: string, placeholder: string, id?: string): Control {
  const t = document.createElement('vscode-textfield') as Control;
  t.value = value;
  t.setAttribute('placeholder', placeholder);
  t.setAttribute('aria-label', placeholder);
  if (id) t.id = id;
  return t;
}

function checkbox(label: string, on: boolean | undefined): Control {
  const c = document.createElement('vscode-checkbox') as Control;
  c.textContent = label;
  if (on) c.setAttribute('checked', '');
  return c;
}

function multi(options: { value: string; label: string; selected: boolean }[], label: string, id: string): Multi {
  const m = document.createElement('vscode-multi-select') as unknown as Multi;
  m.setAttribute('aria-label', label);
  m.id = id;
  for (const o of options) {
    const opt = document.createElement('vscode-option');
    opt.setAttribute('value', o.value);
    opt.textContent = o.label;
    if (o.selected) opt.setAttribute('selected', '');
    m.append(opt);
  }
  return m;
}

function row(label: string, ...controls: HTMLElement[]): HTMLElement {
  const d = el('div', undefined, 'op');
  d.append(el('label', label), ...controls);
  return d;
}

export function tableOps(v: StandardiseView, apply: (table: TableOps) => void): HTMLElement {
  const S = v.strings;
  const ops = v.proposal.spec.table ?? {};
  const box = el('details', undefined, 'ops');
  if (v.proposal.spec.table) box.setAttribute('open', '');
  box.append(el('summary', S.tableOps));
  const raw = v.proposal.rawColumns.filter(Boolean);

  const headerRow = textfield(String(ops.headerRow ?? 1), S.headerRow, 'header-row');
  headerRow.setAttribute('type', 'number');
  headerRow.setAttribute('min', '1');
  const blank = checkbox(S.dropBlank, ops.drop?.blank);
  const totals = checkbox(S.dropTotals, ops.drop?.totals);

  // Every "drop where" rule of the recipe is a line; "Add a rule" adds an empty one. A rule's
  // column may be one the shaped table no longer has: it is offered all the same, not lost.
  const wheres = el('div', undefined, 'wheres');
  const lines: { column: Control; values: Control }[] = [];
  let made = 0;
  const addWhere = (w?: { column: string; equals: string[] }) => {
    const n = ++made;
    const columns = w && !raw.includes(w.column) ? [...raw, w.column] : raw;
    const column = select([{ value: '', label: S.none }, ...columns.map((c) => ({ value: c, label: c }))], w?.column ?? '', S.dropWhere);
    column.id = n === 1 ? 'drop-where' : `drop-where-${n}`;
    const values = textfield(w?.equals.join('; ') ?? '', S.dropValues, n === 1 ? 'drop-values' : `drop-values-${n}`);
    const remove = document.createElement('vscode-button');
    remove.setAttribute('secondary', '');
    remove.className = 'remove-where';
    remove.textContent = S.removeRule;
    remove.setAttribute('aria-label', `${S.removeRule}: ${S.dropWhere} ${n}`);
    const line = row(S.dropWhere, column, values, remove);
    const entry = { column, values };
    remove.addEventListener('click', () => {
      lines.splice(lines.indexOf(entry), 1);
      line.remove();
    });
    lines.push(entry);
    wheres.append(line);
  };
  const addRule = document.createElement('vscode-button');
  addRule.setAttribute('secondary', '');
  addRule.id = 'add-where';
  addRule.textContent = S.addRule;
  addRule.addEventListener('click', () => addWhere());
  for (const w of ops.drop?.where ?? []) addWhere(w);
  if (lines.length === 0) addWhere();

  const unpivotCols = multi(
    raw.map((c) => ({ value: c, label: c, selected: !!ops.unpivot?.columns.includes(c) })),
    S.unpivot,
    'unpivot',
  );
  const name = textfield(ops.unpivot?.name ?? '', S.unpivotName);
  const value = textfield(ops.unpivot?.value ?? '', S.unpivotValue);

  const stacked = (c: StandardiseView['stackCandidates'][number]) =>
    !!ops.stack?.files.some((f) => f.path === c.path && (f.sheet ?? '') === (c.sheet ?? ''));
  const stack = multi(
    v.stackCandidates.map((c, i) => ({ value: String(i), label: c.title, selected: stacked(c) })),
    S.stack,
    'stack',
  );
  const stackColumn = textfield(ops.stack?.column ?? '', S.stackColumn, 'stack-column');

  const button = document.createElement('vscode-button');
  button.id = 'apply-table';
  button.textContent = S.apply;
  button.addEventListener('click', () => {
    const table: TableOps = {};
    const h = Math.max(1, Math.floor(Number(headerRow.value) || 1));
    if (h > 1) table.headerRow = h;
    const where = lines.flatMap(({ column, values }) => {
      const equals = values.value
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean);
      return column.value && equals.length ? [{ column: column.value, equals }] : [];
    });
    if (blank.checked || totals.checked || where.length)
      table.drop = {
        ...(blank.checked ? { blank: true } : {}),
        ...(totals.checked ? { totals: true } : {}),
        ...(where.length ? { where } : {}),
      };
    const chosen = [...unpivotCols.value].filter(Boolean);
    if (chosen.length)
      table.unpivot = { columns: chosen, name: name.value.trim() || S.unpivotName, value: value.value.trim() || S.unpivotValue };
    const files = [...stack.value]
      .map((i) => v.stackCandidates[Number(i)])
      .filter((c) => c !== undefined)
      .map((c) => ({ path: c.path, ...(c.sheet ? { sheet: c.sheet } : {}), label: c.label }));
    if (files.length) table.stack = { files, column: stackColumn.value.trim() || S.stackColumn };
    apply(table);
  });

  box.append(row(S.headerRow, headerRow), row('', blank, totals));
  // Why the proposal turned an operation on (the file's totals rows), under its checkbox.
  for (const o of v.proposedOps ?? []) {
    const why = el('p', fill(S.proposedOp, o.reason), 'note');
    why.id = 'totals-reason';
    box.append(why);
  }
  box.append(wheres, row('', addRule), row(S.unpivot, unpivotCols, name, value));
  if (v.stackCandidates.length) box.append(row(S.stack, stack, stackColumn));
  box.append(button);
  return box;
}
