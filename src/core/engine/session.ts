// The lint session: a reader pushes rows in order; every enabled rule and every extra
// check (schema validation, custom checks) sees them in one streaming pass.
import type { Diagnostic, FixData, Lang, Loc, Row, Severity, TableInfo } from '../model';
import { shiftLoc, type Rule, type RuleContext, type RuleVisitor, type Shift } from '../rules/rule';
import type { CheckContext } from './check';
import type { Locator } from './locator';
import { DEFAULT_MAX_PROBLEMS, type LintOptions } from '../options';
import { CellMarks } from './cell-marks';
import { detach } from '../read/detach';
import { MAX_DEFERRED } from '../rules/lib/util';
import { capOf, noCounts, selectFair, type ReportCounts, type RuleTally, type SeverityCounts } from '../report-cap';

/** Split lint: what the later part of a file hands to the session of the first part. */
export interface PartHandOver {
  /** Each visitor's hand-over, in visitor order (both sessions have the same visitors). */
  states: unknown[];
  /** The part's kept findings in report order (each rule's first ones), and each rule's tally. */
  kept: Diagnostic[];
  tallies: [string, RuleTally][];
  counts: SeverityCounts;
  /** Cells with a schema type error, [row, column] pairs (see `typeCells`). */
  typeCells: number[];
  rows: number;
}

/** Rules that explain a value a schema's `type-error` also rejects: one problem, one report. */
const EXPLAINS_TYPE = new Set(['number-format', 'date-format']);
/** A cell's key (row, column): exact up to 2^33 rows and 2^20 columns. */
const cellKey = (row: number, column: number): number => row * 0x100000 + column;

export class LintSession {
  /** The listed problems, once `finish` has chosen them. */
  diagnostics: Diagnostic[] = [];
  /** Every problem found, listed or not, by severity. */
  readonly counts: SeverityCounts = noCounts();
  /** Each rule's first findings (up to the cap), in report order, and every rule's tally. */
  private kept: Diagnostic[] = [];
  private readonly tallies = new Map<string, RuleTally>();
  /** Cells the schema found mistyped (listed or not), and the listed type errors by cell. */
  private readonly typeCells = new Set<number>();
  /** Columns a schema check names as its fields (1-based). */
  private readonly schemaColumns = new Map<number, string>();
  private readonly typeErrors = new Map<number, Diagnostic>();
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
    private readonly options: LintOptions,
    /** The rules to run (core/rules/registry.ts `allRules` in the product): the engine imports none. */
    rules: readonly Rule<any, any>[],
  ) {
    this.max = capOf(options.maxProblems, DEFAULT_MAX_PROBLEMS);
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
    const s = setting ?? d.severity;
    if (this.counted(d.rule, s)) this.keep(setting ? { ...d, severity: setting } : d);
  }

  get lang(): Lang {
    return this.options.lang ?? 'en';
  }

  /** Problems found but not listed, by severity. */
  get dropped(): SeverityCounts {
    const d = { ...this.counts };
    for (const k of this.diagnostics) d[k.severity]--;
    return d;
  }

  /** The exact totals (valid after `finish`). */
  summary(): ReportCounts {
    const byRule: Record<string, number> = {};
    for (const [rule, t] of this.tallies) if (t.total) byRule[rule] = t.total;
    const listed = this.diagnostics.length;
    return { counts: { ...this.counts }, byRule, truncated: listed < this.counts.error + this.counts.warning + this.counts.info };
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
    for (const v of this.visitors) v.split?.resume();
  }

  /** Split lint, later part: instead of `finish`. */
  handOver(): PartHandOver {
    const typeCells: number[] = [];
    for (const k of this.typeCells) typeCells.push(Math.floor(k / 0x100000), k % 0x100000);
    return {
      states: this.visitors.map((v) => v.split?.handOver()),
      kept: this.kept,
      tallies: [...this.tallies],
      counts: this.counts,
      typeCells,
      rows: this.rows,
    };
  }

  /**
   * Split lint, first part: the later part's problems and states, as if its rows had come here
   * (its reports are kept after this part's, up to the cap), then `finish` as usual.
   */
  takeOver(part: PartHandOver, shift: Shift): void {
    // The later part's findings come after this part's, as in one pass: each rule keeps its first ones.
    for (const [rule, later] of part.tallies) this.tally(rule).total += later.total;
    for (const later of part.kept) {
      const t = this.tally(later.rule);
      if (t.kept >= this.max) continue;
      const d = shiftLoc(later, shift);
      t.kept++;
      this.kept.push(d);
      if (d.rule === 'type-error' && d.row != null && d.column != null) this.typeErrors.set(cellKey(d.row, d.column), d);
    }
    for (let i = 0; i < part.typeCells.length; i += 2) this.typeCells.add(cellKey(part.typeCells[i] + shift.row, part.typeCells[i + 1]));
    for (const k of ['error', 'warning', 'info'] as const) this.counts[k] += part.counts[k];
    this.rows += part.rows;
    this.visitors.forEach((v, i) => v.split?.takeOver(part.states[i], shift));
  }

  finish(): Diagnostic[] {
    for (const v of this.visitors) v.end?.();
    this.diagnostics = selectFair(this.kept, this.tallies, this.max, byPosition);
    this.kept = [];
    return this.diagnostics;
  }

  private tally(rule: string): RuleTally {
    let t = this.tallies.get(rule);
    if (!t) this.tallies.set(rule, (t = { kept: 0, total: 0 }));
    return t;
  }

  /** Whether `rule` has kept as many findings as the cap: the rest are only counted. */
  private ruleFull(rule: string): boolean {
    const t = this.tallies.get(rule);
    return t !== undefined && t.kept >= this.max;
  }

  /**
   * Counts a finding; false when it must not be listed: past its rule's share, or a value rule's
   * finding on a cell whose schema type error already says it (that one takes the rule's fix).
   */
  private counted(rule: string, severity: Severity, loc?: Loc, fix?: FixData): boolean {
    if (rule === 'type-error' && loc?.row != null && loc.column != null) this.typeCells.add(cellKey(loc.row, loc.column));
    else if (EXPLAINS_TYPE.has(rule) && loc?.row != null && loc.column != null && this.typeCells.size) {
      const key = cellKey(loc.row, loc.column);
      if (this.typeCells.has(key)) {
        const te = this.typeErrors.get(key);
        if (te && !te.fix && fix) te.fix = fix;
        return false;
      }
    }
    this.counts[severity]++;
    this.tally(rule).total++;
    return !this.ruleFull(rule);
  }

  private keep(d: Diagnostic): void {
    // Kept until the end of the file: must not pin the chunk its texts were cut from.
    d.message = detach(d.message);
    if (d.fix && 'value' in d.fix) d.fix = { ...d.fix, value: detach(d.fix.value) };
    this.tally(d.rule).kept++;
    this.kept.push(d);
    if (d.rule === 'type-error' && d.row != null && d.column != null) this.typeErrors.set(cellKey(d.row, d.column), d);
  }

  private toDiagnostic(rule: string, severity: Severity, message: string, loc: Loc, fix?: FixData): Diagnostic {
    const col = loc.column;
    const d: Diagnostic = {
      rule,
      severity,
      message,
      row: loc.row,
      column: col,
      field: col != null ? (this.fields[col - 1] ?? null) : null,
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
      schemaColumn: (c) => this.schemaColumns.get(c),
      deferLimit: this.max === Infinity ? Infinity : MAX_DEFERRED,
      locate: (r, c) => this.locator.locate(r, c),
      locateRow: (r) => this.locator.locateRow(r),
      rowHash: (r, out) => this.locator.rowHash(r, out),
      rowHas: (r, ch) => this.locator.rowHas(r, ch),
      full: () => this.ruleFull(rule.meta.id) || !!this.options.fixesOnly,
      drop: (n) => {
        if (this.muted) return;
        const sev = setting as Severity;
        this.counts[sev] += n;
        this.tally(rule.meta.id).total += n;
      },
      count: (loc, severity) => {
        if (!this.muted) this.counted(rule.meta.id, userSet ? setting : (severity ?? setting), loc);
      },
      report: (r) => {
        if (this.muted) return;
        // A rule may lower a report to info (e.g. a hint); the user's explicit setting wins.
        const severity = userSet ? setting : (r.severity ?? setting);
        // Past the rule's share (or without a fix when only fixes matter) only the count matters.
        if (this.counted(rule.meta.id, severity, r.loc, r.fix) && !(this.options.fixesOnly && !r.fix))
          this.keep(this.toDiagnostic(rule.meta.id, severity, rule.message(lang, r.params), r.loc, r.fix));
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
      full: (rule) => this.ruleFull(rule),
      keepColumn: (c, type) => void this.schemaColumns.set(c, type),
      report: (r) => {
        if (this.muted) return;
        const s = this.options.rules?.[r.rule] ?? r.severity;
        if (s === 'off') return;
        if (this.counted(r.rule, s, r.loc, r.fix) && !(this.options.fixesOnly && !r.fix && r.rule !== 'type-error'))
          this.keep(this.toDiagnostic(r.rule, s, r.message, r.loc, r.fix));
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

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
