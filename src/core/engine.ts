// The lint session: a reader pushes rows in order; every enabled rule and every extra
// check (schema validation, custom checks) sees them in one streaming pass.
import type { Diagnostic, FixData, Lang, Loc, Row, Severity, TableInfo } from './model';
import { shiftLoc, type Rule, type RuleContext, type RuleVisitor, type Shift } from './rules/rule';
import { allRules } from './rules/registry';
import { CellMarks } from './rules/cell-marks';
import { detach } from './read/detach';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  lang?: Lang;
  /** Per-rule override: severity or 'off'. */
  rules?: Record<string, RuleSetting>;
  /** Cap on diagnostics per file (the rest are counted, not kept). */
  maxProblems?: number;
  /** Extra checks run in the same pass (Table Schema, custom checks…). */
  checks?: CheckFactory[];
  /** date-format: the source format of a column, by header label (the user's answer, or a recipe's). */
  dateFormats?: Record<string, string>;
  /**
   * Keep only problems that carry a fix (and schema type errors, which take the fix of the rule
   * that explains them); the rest are counted. Cleaning a 1 GB file must not hold millions of
   * problems it cannot repair.
   */
  fixesOnly?: boolean;
}

/** A check that is not a registered rule: it renders its own message. */
export interface CheckReport {
  rule: string;
  severity: Severity;
  message: string;
  loc: Loc;
  fix?: FixData;
}
export interface CheckContext {
  readonly info: TableInfo;
  readonly lang: Lang;
  readonly header: string[];
  /** The engine's marks of the row being visited (`blank`…), as the rules get them: see rules/cell-marks.ts. */
  readonly marks: CellMarks;
  locate(row: Row, column: number): Loc;
  locateRow(row: Row): Loc;
  report(r: CheckReport): void;
  /** Effective severity after the user's settings, or 'off'. */
  setting(rule: string, fallback: Severity): RuleSetting;
  /** The file's problem cap is reached: further reports are only counted (skip building them). */
  full(): boolean;
}
export type CheckFactory = (ctx: CheckContext) => RuleVisitor;

/** How a reader tells the session where things are. */
export interface Locator {
  locate(row: Row, column: number): Loc;
  locateRow(row: Row): Loc;
  /** A 64-bit hash of the row's text (two lanes into `out`), when the reader has it at hand. */
  rowHash?(row: Row, out: Int32Array): void;
  /** Whether the row's text holds `ch` (one search per row instead of one per cell). */
  rowHas?(row: Row, ch: string): boolean;
}

export const DEFAULT_MAX_PROBLEMS = 1000;

/** Split lint: what the later part of a file hands to the session of the first part. */
export interface PartHandOver {
  /** Each visitor's hand-over, in visitor order (both sessions have the same visitors). */
  states: unknown[];
  diagnostics: Diagnostic[];
  dropped: { error: number; warning: number; info: number };
  rows: number;
}

export class LintSession {
  readonly diagnostics: Diagnostic[] = [];
  /** Problems found beyond `maxProblems`, counted by severity. */
  readonly dropped = { error: 0, warning: 0, info: 0 };
  private readonly visitors: RuleVisitor[] = [];
  /** The visitors that visit rows, gathered once: the per-row loop skips no one. */
  private rowVisitors: Required<Pick<RuleVisitor, 'row'>>[] = [];
  private readonly header: string[] = [];
  /** Header labels as diagnostics name them: a 5 MB label is cut once here, not copied into every problem. */
  private readonly fields: string[] = [];
  /** Marked cells of the row being visited, shared by the rules (see cell-marks.ts). */
  private readonly marks = new CellMarks();
  private readonly max: number;
  private seenHeader = false;
  /** Split lint, later part: the head rows are visited for the rules' decisions, not reported. */
  private muted = false;
  rows = 0;

  constructor(
    readonly info: TableInfo,
    private readonly locator: Locator,
    private readonly options: LintOptions = {},
    rules: readonly Rule<any>[] = allRules,
  ) {
    this.max = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    const lang = options.lang ?? 'en';
    const sheet = info.format === 'xlsx' || info.format === 'ods';
    for (const rule of rules) {
      const setting = options.rules?.[rule.meta.id] ?? rule.meta.severity;
      if (setting === 'off' || (rule.meta.scope === 'sheet' && !sheet)) continue;
      this.visitors.push(rule.create(this.ruleContext(rule, setting, lang)));
    }
    for (const factory of options.checks ?? []) this.visitors.push(factory(this.checkContext(lang)));
    for (const v of this.visitors) if (v.row) this.rowVisitors.push(v as Required<Pick<RuleVisitor, 'row'>>);
  }

  /** Diagnostics the reader itself found (encoding, unreadable bytes…). */
  add(d: Diagnostic): void {
    if (this.muted) return;
    const setting = this.options.rules?.[d.rule];
    if (setting === 'off') return;
    this.keep(setting ? { ...d, severity: setting } : d);
  }

  push(row: Row): void {
    if (!this.seenHeader) {
      this.seenHeader = true;
      // A loop, not push(...values): a 200 000-column header overflows the call stack.
      for (const v of row.values) {
        this.header.push(detach(v));
        this.fields.push(fieldExcerpt(v));
      }
      this.info.header = this.header;
      this.marks.setColumns(row.values.length);
      for (const v of this.visitors) v.header?.(row);
      return;
    }
    this.rows++;
    this.marks.scan(row.values);
    const vs = this.rowVisitors;
    for (let i = 0; i < vs.length; i++) vs[i].row(row);
  }

  /** Split lint, later part: rows pushed while muted only settle the visitors' decisions. */
  mute(on: boolean): void {
    this.muted = on;
  }

  /** Split lint, later part: the head was visited; its own rows come next. */
  resume(): void {
    this.muted = false;
    this.rows = 0;
    this.marks.reset();
    for (const v of this.visitors) v.resume?.();
  }

  /** Split lint, later part: instead of `finish`. */
  handOver(): PartHandOver {
    return { states: this.visitors.map((v) => v.handOver?.()), diagnostics: this.diagnostics, dropped: this.dropped, rows: this.rows };
  }

  /**
   * Split lint, first part: the later part's problems and states, as if its rows had come here
   * (its reports are kept after this part's, up to the cap), then `finish` as usual.
   */
  takeOver(part: PartHandOver, shift: Shift): void {
    for (const d of part.diagnostics) {
      if (this.diagnostics.length >= this.max) this.dropped[d.severity]++;
      else this.diagnostics.push(shiftLoc(d, shift));
    }
    for (const k of ['error', 'warning', 'info'] as const) this.dropped[k] += part.dropped[k];
    this.rows += part.rows;
    this.visitors.forEach((v, i) => v.takeOver?.(part.states[i], shift));
  }

  finish(): Diagnostic[] {
    for (const v of this.visitors) v.end?.();
    mergeTypeErrors(this.diagnostics);
    this.diagnostics.sort(byPosition);
    return this.diagnostics;
  }

  private keep(d: Diagnostic): void {
    if (this.diagnostics.length >= this.max) {
      this.dropped[d.severity]++;
      return;
    }
    // Kept until the end of the file: must not pin the chunk its texts were cut from.
    d.message = detach(d.message);
    if (d.fix && 'value' in d.fix) d.fix = { ...d.fix, value: detach(d.fix.value) };
    this.diagnostics.push(d);
  }

  private toDiagnostic(rule: string, severity: Severity, message: string, loc: Loc, fix?: FixData): Diagnostic {
    const col = loc.column;
    const d: Diagnostic = {
      rule,
      severity,
      message,
      row: loc.row,
      column: col,
      field: col != null ? this.fields[col - 1] ?? null : null,
      line: loc.line ?? null,
      start: loc.start ?? null,
      end: loc.end ?? null,
    };
    if (loc.endLine !== undefined && loc.endLine !== loc.line) d.endLine = loc.endLine;
    if (loc.sheet !== undefined) d.sheet = loc.sheet;
    if (loc.cell !== undefined) d.cell = loc.cell;
    if (fix) d.fix = fix;
    return d;
  }

  private ruleContext(rule: Rule<any>, setting: Severity, lang: Lang): RuleContext<any> {
    const userSet = this.options.rules?.[rule.meta.id] !== undefined;
    return {
      info: this.info,
      lang,
      header: this.header,
      marks: this.marks,
      dateFormats: this.options.dateFormats,
      locate: (r, c) => this.locator.locate(r, c),
      locateRow: (r) => this.locator.locateRow(r),
      rowHash: this.locator.rowHash ? (r, out) => this.locator.rowHash!(r, out) : undefined,
      rowHas: this.locator.rowHas ? (r, ch) => this.locator.rowHas!(r, ch) : undefined,
      full: () => this.diagnostics.length >= this.max || !!this.options.fixesOnly,
      drop: (n) => {
        if (!this.muted) this.dropped[setting] += n;
      },
      report: (r) => {
        if (this.muted) return;
        // A rule may lower a report to info (e.g. a hint); the user's explicit setting wins.
        const severity = userSet ? setting : r.severity ?? setting;
        // Past the cap (or without a fix when only fixes matter) only the count matters.
        if (this.diagnostics.length >= this.max || (this.options.fixesOnly && !r.fix)) this.dropped[severity]++;
        else this.keep(this.toDiagnostic(rule.meta.id, severity, rule.message(lang, r.params), r.loc, r.fix));
      },
    };
  }

  private checkContext(lang: Lang): CheckContext {
    return {
      info: this.info,
      lang,
      header: this.header,
      marks: this.marks,
      locate: (r, c) => this.locator.locate(r, c),
      locateRow: (r) => this.locator.locateRow(r),
      setting: (rule, fallback) => this.options.rules?.[rule] ?? fallback,
      full: () => this.diagnostics.length >= this.max,
      report: (r) => {
        if (this.muted) return;
        const s = this.options.rules?.[r.rule] ?? r.severity;
        if (s === 'off') return;
        if (this.diagnostics.length >= this.max || (this.options.fixesOnly && !r.fix && r.rule !== 'type-error')) this.dropped[s]++;
        else this.keep(this.toDiagnostic(r.rule, s, r.message, r.loc, r.fix));
      },
    };
  }
}

/** Longest header label a diagnostic names in full (real labels are far shorter). */
export const MAX_FIELD_CHARS = 200;

/** The label, detached, cut to MAX_FIELD_CHARS with an ellipsis. */
function fieldExcerpt(v: string): string {
  return detach(v.length > MAX_FIELD_CHARS ? v.slice(0, MAX_FIELD_CHARS - 1) + '…' : v);
}

/** Rules that explain a value a schema's `type-error` also rejects. */
const EXPLAINS_TYPE = new Set(['number-format', 'date-format']);

/**
 * One squiggle per cell: when the schema reports a `type-error` on a cell that `number-format`
 * or `date-format` also reported, keep the type-error (the standard code, as Validata reports it)
 * and give it the rule's certain fix.
 */
function mergeTypeErrors(ds: Diagnostic[]): void {
  const typeErrors = new Map<string, Diagnostic>();
  for (const d of ds) if (d.rule === 'type-error' && d.column != null) typeErrors.set(`${d.sheet ?? ''}:${d.row}:${d.column}`, d);
  if (typeErrors.size === 0) return;
  let w = 0;
  for (const d of ds) {
    const te = EXPLAINS_TYPE.has(d.rule) ? typeErrors.get(`${d.sheet ?? ''}:${d.row}:${d.column}`) : undefined;
    if (te) {
      if (!te.fix && d.fix) te.fix = d.fix;
      continue;
    }
    ds[w++] = d;
  }
  ds.length = w;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
