// The source of one schema field in the Standardise webview: nothing, a constant, a column, or an
// expression of the fixed set (join, split, date from d/m/y, period, value map, lookup), each with
// its few parameters. `onChange` receives the new recipe entry (undefined = nothing).
import { fill, type StandardiseStrings } from '../../src/protocol/standardise';
import type { FieldSource } from '../../src/core/standardise/spec';
import type { TargetField } from '../../src/core/standardise/target';
import { matchEnum, valueKey } from '../../src/core/standardise/value-map';

type Control = HTMLElement & { value: string };
type Multi = HTMLElement & { value: string[] };
export type Kind = '' | 'const' | 'col' | 'join' | 'split' | 'date' | 'period' | 'map' | 'lookup';

export interface EditorContext {
  strings: StandardiseStrings;
  columns: string[];
  columnValues: Record<string, string[]>;
}

export function kindOf(src: FieldSource | undefined): Kind {
  if (!src) return '';
  if ('column' in src) return 'col';
  if ('constant' in src) return 'const';
  return (['join', 'split', 'date', 'period', 'map', 'lookup'] as const).find((k) => k in src) ?? '';
}

export function select(options: { value: string; label: string }[], value: string, label?: string): Control {
  const s = document.createElement('vscode-single-select') as Control;
  if (label) s.setAttribute('aria-label', label);
  for (const o of options) {
    const opt = document.createElement('vscode-option');
    opt.setAttribute('value', o.value);
    opt.textContent = o.label;
    if (o.value === value) opt.setAttribute('selected', '');
    s.append(opt);
  }
  return s;
}

function text(value: string, placeholder: string): Control {
  const t = document.createElement('vscode-textfield') as Control;
  t.value = value;
  t.setAttribute('placeholder', placeholder);
  t.setAttribute('aria-label', placeholder);
  return t;
}

/** The select of the source kind plus the parameters of the chosen kind, rebuilt when the kind changes. */
export function sourceEditor(
  f: TargetField,
  initial: FieldSource | undefined,
  ctx: EditorContext,
  onChange: (s: FieldSource | undefined) => void,
): HTMLElement {
  const S = ctx.strings;
  const box = document.createElement('div');
  const params = document.createElement('div');
  params.className = 'params';
  const cols = ctx.columns.filter(Boolean);
  const colOptions = cols.map((c) => ({ value: c, label: c }));
  const current = kindOf(initial);
  const options = [
    { value: '', label: S.none },
    { value: 'const', label: S.constant },
    ...cols.map((c) => ({ value: `col:${c}`, label: fill(S.column, c) })),
    ...(['join', 'split', 'date', 'period', 'map', 'lookup'] as const).map((k) => ({ value: k, label: S.kinds[k] })),
  ];
  const kind = select(
    options,
    current === 'col' && initial && 'column' in initial ? `col:${initial.column}` : current,
    `${S.source}: ${f.name}`,
  );
  let src = initial;
  const emit = (s: FieldSource | undefined) => {
    src = s;
    onChange(s);
  };
  const build = (k: string) => {
    params.replaceChildren();
    const first = cols[0] ?? '';
    if (k === '') return emit(undefined);
    if (k.startsWith('col:')) return emit({ column: k.slice(4) });
    const prev = src && kindOf(src) === k ? src : undefined;
    const col = (value: string, label: string, set: (v: string) => void) => {
      const s = select(colOptions, value, label);
      s.addEventListener('change', () => set(s.value));
      params.append(s);
    };
    const field = (value: string, label: string, set: (v: string) => void) => {
      const t = text(value, label);
      t.addEventListener('input', () => set(t.value));
      params.append(t);
    };
    if (k === 'const') {
      const e = { constant: prev && 'constant' in prev ? prev.constant : '' };
      field(e.constant, S.constant, (v) => emit({ constant: v }));
      return emit(e);
    }
    if (k === 'join') {
      const e = prev && 'join' in prev ? { ...prev } : { join: [first], sep: ' ' };
      const m = document.createElement('vscode-multi-select') as unknown as Multi;
      m.setAttribute('aria-label', S.kinds.join);
      for (const c of cols) {
        const o = document.createElement('vscode-option');
        o.setAttribute('value', c);
        o.textContent = c;
        if (e.join.includes(c)) o.setAttribute('selected', '');
        m.append(o);
      }
      m.addEventListener('change', () => m.value.length && emit(((e.join = [...m.value]), { ...e })));
      params.append(m);
      field(e.sep ?? ' ', S.separator, (v) => emit(((e.sep = v), { ...e })));
      return emit(e);
    }
    if (k === 'split') {
      const e = prev && 'split' in prev ? { ...prev } : { split: first, sep: '-', part: 1 };
      col(e.split, S.kinds.split, (v) => emit(((e.split = v), { ...e })));
      field(e.sep, S.separator, (v) => v && emit(((e.sep = v), { ...e })));
      field(String(e.part), S.part, (v) => Number.isInteger(Number(v)) && Number(v) !== 0 && emit(((e.part = Number(v)), { ...e })));
      return emit(e);
    }
    if (k === 'date') {
      const e = prev && 'date' in prev ? { date: { ...prev.date } } : { date: { day: first, month: first, year: first } };
      for (const part of ['day', 'month', 'year'] as const)
        col(e.date[part], S[part], (v) => emit(((e.date[part] = v), { date: { ...e.date } })));
      return emit(e);
    }
    if (k === 'period') {
      const e: Extract<FieldSource, { period: unknown }> =
        prev && 'period' in prev ? { ...prev, period: { ...prev.period } } : { period: { start: first, end: cols[1] ?? first }, sep: '/' };
      col(e.period.start, S.start, (v) => emit(((e.period.start = v), { ...e, period: { ...e.period } })));
      col(e.period.end ?? '', S.end, (v) => emit(((e.period.end = v), { ...e, period: { ...e.period } })));
      const sep = select(
        [
          { value: '/', label: 'début/fin' },
          { value: '_', label: 'début_fin' },
        ],
        e.sep ?? '/',
        S.separator,
      );
      sep.addEventListener('change', () => emit(((e.sep = sep.value as '/' | '_'), { ...e })));
      params.append(sep);
      return emit(e);
    }
    if (k === 'map') {
      // A new value map starts from the fuzzy proposals ("Numéraire" → "aide en numéraire"), as the auto-proposal does.
      const proposed = (column: string) => {
        const values: Record<string, string> = {};
        for (const v of ctx.columnValues[column] ?? []) {
          const m = matchEnum(v, f.enum ?? []);
          if (m) values[valueKey(v)] = m.value;
        }
        return values;
      };
      const e = prev && 'map' in prev ? { map: prev.map, values: { ...prev.values } } : { map: first, values: proposed(first) };
      const table = document.createElement('div');
      const rows = () => {
        table.replaceChildren();
        for (const value of ctx.columnValues[e.map] ?? []) {
          const r = document.createElement('div');
          r.className = 'maprow';
          const label = document.createElement('span');
          label.textContent = `${value} →`;
          const choices = [{ value: '', label: S.keep }, ...(f.enum ?? []).map((c) => ({ value: c, label: c }))];
          const to = select(choices, e.values[valueKey(value)] ?? '', value);
          to.addEventListener('change', () => {
            if (to.value) e.values[valueKey(value)] = to.value;
            else delete e.values[valueKey(value)];
            emit({ map: e.map, values: { ...e.values } });
          });
          r.append(label, to);
          table.append(r);
        }
      };
      col(e.map, S.kinds.map, (v) => {
        e.map = v;
        e.values = proposed(v);
        rows();
        emit({ map: e.map, values: { ...e.values } });
      });
      params.append(table);
      rows();
      return emit(e);
    }
    const e = prev && 'lookup' in prev ? { ...prev } : { lookup: first, file: '', key: '', value: '' };
    // An entry with an empty file/key/value is not a valid step: sent once the three are typed.
    const ready = () => e.file.trim() && e.key.trim() && e.value.trim() && emit({ ...e });
    col(e.lookup, S.kinds.lookup, (v) => ((e.lookup = v), ready()));
    field(e.file, S.lookupFile, (v) => ((e.file = v), ready()));
    field(e.key, S.lookupKey, (v) => ((e.key = v), ready()));
    field(e.value, S.lookupValue, (v) => ((e.value = v), ready()));
    ready();
  };
  kind.addEventListener('change', () => build(kind.value));
  box.append(kind, params);
  // Show the parameters of the initial expression without emitting a change.
  if (initial && current !== 'col' && current !== '') {
    const quiet = onChange;
    onChange = () => {};
    build(current);
    onChange = quiet;
  }
  return box;
}
