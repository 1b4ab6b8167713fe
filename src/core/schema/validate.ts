// Table Schema validation as a CheckFactory: it runs inside the LintSession's single
// streaming pass. Header first (Validata's structure semantics), then per row: missing
// values, type casting, constraints (a type error hides the cell's constraint errors, as in
// frictionless), row-spanning keys and the schema's custom checks.
import type { CheckContext, CheckFactory } from '../engine/check';
import type { Lang, Loc, Row, Severity } from '../model';
import { MAX_DEFERRED } from '../rules/lib/util';
import { shiftLoc, type RuleVisitor, type Shift, type SplitHooks } from '../rules/rule';
import { createCustomChecks, formatChecks } from '../checks/registry';
import type { CheckEnv, RowCheck } from '../checks/check';
import type { CompiledField, CompiledSchema } from './compile';
import type { ConstraintTest } from './constraints';
import { matchHeader, type MatchMode } from './header';
import { headerReport } from './header-messages';
import { FirstSeen, tupleKey, type Key, type PendingReference } from './keys';
import { detach } from '../read/detach';
import { constraintMessage, foreignKeyMessage, keyMessage, typeErrorMessage, uniqueMessage } from './messages';
import { keyOf } from './types/cast';
import { INVALID } from './types/invalid';

export interface SchemaCheckOptions {
  /** How labels meet fields; default: the schema's `fieldsMatch`, else Validata's by-name matching. */
  match?: MatchMode;
  /** Shown in header messages (`scdl/subventions`). */
  schemaName?: string;
  /** The session's cap: past it, reports are only counted, so their text is not built. */
  maxProblems?: number;
  /** Labels that differ from field names by case only are not reported (Validata's `ignore_header_case`). */
  ignoreHeaderCase?: boolean;
}

type Lazy<T> = T | (() => T);

/** Split lint: one input of a row-spanning check, recorded by the later part. */
type KeyEvent =
  | { t: 'u'; i: number; key: Key; raw: string; n: number; loc: Loc }
  | { t: 'pk'; key: Key | null; n: number; loc: Loc }
  | { t: 'uk'; i: number; key: Key; n: number; loc: Loc }
  | { t: 'fk'; i: number; target: Key | null; key: Key | null; values: string[]; n: number; loc: Loc };
const force = <T>(v: Lazy<T>): T => (typeof v === 'function' ? (v as () => T)() : v);
const NOWHERE: Loc = { row: null, column: null };

export function schemaCheck(schema: CompiledSchema, options: SchemaCheckOptions = {}): CheckFactory {
  return (ctx) => new SchemaVisitor(ctx, schema, options);
}

class SchemaVisitor implements RuleVisitor<KeyEvent[]> {
  /** The split protocol (rules/rule.ts SplitHooks) over the methods below. */
  readonly split: SplitHooks<KeyEvent[]> = {
    resume: () => this.resume(),
    handOver: () => this.handOver(),
    takeOver: (events, shift) => this.takeOver(events, shift),
  };
  private readonly fields: CompiledField[];
  /** 0-based file column of each field, or -1. */
  private columnOf: number[] = [];
  private strict = false;
  private readonly values: unknown[];
  private readonly unique: (FirstSeen | null)[];
  private readonly pk = new FirstSeen();
  private readonly uks: FirstSeen[];
  private readonly fkSeen: FirstSeen[];
  private readonly fkPending: PendingReference[][];
  private checks: RowCheck[] = [];
  private headerLoc: Loc = { row: 1, column: null };
  /** Whether rows have key checks (most schemas have none: their closures are not made per row). */
  private readonly hasKeys: boolean;

  constructor(
    private readonly ctx: CheckContext,
    private readonly schema: CompiledSchema,
    private readonly options: SchemaCheckOptions,
  ) {
    this.fields = schema.fields;
    this.values = new Array(this.fields.length).fill(null);
    this.unique = this.fields.map((f) => (f.unique ? new FirstSeen() : null));
    this.uks = schema.uniqueKeys.map(() => new FirstSeen());
    this.fkSeen = schema.selfForeignKeys.map(() => new FirstSeen());
    this.fkPending = schema.selfForeignKeys.map(() => []);
    this.hasKeys = schema.primaryKey.length + schema.uniqueKeys.length + schema.selfForeignKeys.length > 0;
  }

  /**
   * Past the rule's share of the cap a report is only counted (a file with a million bad cells
   * stays fast): no text, and only the cell (`at`) where the count needs it (a type error hides
   * the value rules' report on its cell).
   */
  private report(
    rule: string,
    severity: Severity,
    message: Lazy<string>,
    loc: Lazy<Loc>,
    fix?: { kind: 'set-cell'; value: string },
    at: Loc = NOWHERE,
  ): void {
    if (this.ctx.setting(rule, severity) === 'off') return;
    if (this.ctx.full(rule)) return this.ctx.report({ rule, severity, message: '', loc: at });
    this.ctx.report({ rule, severity, message: force(message), loc: force(loc), fix });
  }

  header(row: Row): void {
    const labels = row.values;
    this.headerLoc = this.ctx.locateRow(row);
    const mode = this.options.match ?? this.schema.descriptor.fieldsMatch ?? 'validata';
    const m = matchHeader(labels, this.fields, mode, this.options.ignoreHeaderCase);
    this.columnOf = m.columnOf;
    m.columnOf.forEach((c, i) => c >= 0 && this.ctx.keepColumn(c + 1, this.fields[i].type));
    this.strict = m.strict;
    const name = this.options.schemaName ?? this.schema.descriptor.name ?? 'Table Schema';
    for (const issue of m.issues) {
      const r = headerReport(this.ctx.lang, issue, labels, this.fields, m.strict, name);
      const loc = r.column !== null ? this.ctx.locate(row, r.column) : this.headerLoc;
      this.report(r.rule, r.severity, r.message, loc, r.rename !== undefined ? { kind: 'set-cell', value: r.rename } : undefined);
    }
    this.checks = createCustomChecks(
      [...(this.schema.descriptor.custom_checks ?? []), ...formatChecks(this.schema.descriptor.fields ?? [])],
      this.env(),
    );
  }

  row(row: Row): void {
    const vals = row.values;
    const values = this.values;
    const blank = this.ctx.marks.blank;
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i];
      const c = this.columnOf[i];
      values[i] = null;
      if (c < 0) continue;
      const raw = vals[c];
      // Blank rows are the blank-row rule's; frictionless checks no cell in them.
      if (blank) continue;
      // No closure in this loop: a closure over its variables costs a context per cell, made or not.
      if (raw === undefined || (f.onlyEmptyIsMissing ? raw.length === 0 : f.missing.has(raw))) {
        if (f.required) this.cellProblem(row, c, f, 'required', '');
        continue;
      }
      const v = f.cast(raw);
      if (v === INVALID) {
        this.cellProblem(row, c, f, null, raw);
        continue;
      }
      values[i] = v;
      const tests = f.tests;
      for (let k = 0; k < tests.length; k++) if (!tests[k].ok(v, raw)) this.cellProblem(row, c, f, tests[k], raw);
      if (this.unique[i]) this.uniqueValue(row, c, i, v, raw);
    }
    if (this.strict) this.positionalCells(row);
    if (this.hasKeys) this.keys(row);
    if (!blank) for (let k = 0; k < this.checks.length; k++) this.checks[k].row(row, values);
  }

  /** A type error (no test) or a failed constraint on the cell of `f` in file column `c`. */
  private cellProblem(row: Row, c: number, f: CompiledField, test: ConstraintTest | 'required' | null, raw: string): void {
    const loc = () => this.ctx.locate(row, c + 1);
    if (test === null)
      this.report('type-error', 'error', () => typeErrorMessage(this.ctx.lang, f, raw), loc, undefined, { row: row.number, column: c + 1 });
    else this.report('constraint-error', 'error', () => constraintMessage(this.ctx.lang, f, test, raw), loc);
  }

  private uniqueValue(row: Row, c: number, i: number, v: unknown, raw: string): void {
    if (this.events) this.events.push({ t: 'u', i, key: keyOf(v), raw, n: row.number, loc: this.ctx.locate(row, c + 1) });
    else this.uniqueCell(i, keyOf(v), raw, row.number, () => this.ctx.locate(row, c + 1));
  }

  /** exact/strict matching: cells beyond the header but inside the schema, and the reverse. */
  private positionalCells(row: Row): void {
    const width = this.ctx.header.length;
    const n = row.values.length;
    const lang = this.ctx.lang;
    for (let p = width + 1; p <= this.fields.length && p > n; p++)
      this.report(
        'missing-cell',
        'error',
        lang === 'fr' ? `Cellule « ${this.fields[p - 1].name} » manquante.` : `Missing cell for “${this.fields[p - 1].name}”.`,
        this.ctx.locate(row, p),
      );
    for (let p = this.fields.length + 1; p <= Math.min(width, n); p++)
      this.report(
        'extra-cell',
        'error',
        lang === 'fr'
          ? `Cellule en trop : le schéma a ${this.fields.length} champs.`
          : `Extra cell: the schema has ${this.fields.length} fields.`,
        this.ctx.locate(row, p),
      );
  }

  private keys(row: Row): void {
    const s = this.schema;
    const values = this.values;
    const n = row.number;
    const ev = this.events;
    if (s.primaryKey.length) {
      const key = tupleKey(values, s.primaryKey);
      if (ev) ev.push({ t: 'pk', key, n, loc: this.ctx.locateRow(row) });
      else this.primaryKey(key, n, () => this.ctx.locateRow(row));
    }
    s.uniqueKeys.forEach((uk, i) => {
      const key = tupleKey(values, uk);
      if (key === null || uk.some((f) => values[f] === null)) return;
      if (ev) ev.push({ t: 'uk', i, key, n, loc: this.ctx.locateRow(row) });
      else this.uniqueKey(i, key, n, () => this.ctx.locateRow(row));
    });
    s.selfForeignKeys.forEach((fk, i) => {
      const target = tupleKey(values, fk.reference);
      const key = tupleKey(values, fk.fields);
      const refValues = () => fk.fields.map((f) => detach(this.env().raw(row, f)));
      if (ev) ev.push({ t: 'fk', i, target, key, values: key === null ? [] : refValues(), n, loc: this.ctx.locateRow(row) });
      else this.foreignKey(i, target, key, refValues, n, () => this.ctx.locateRow(row));
    });
  }

  private uniqueCell(i: number, key: Key, raw: string, n: number, loc: Lazy<Loc>): void {
    const first = this.unique[i]!.check(key, n);
    if (first !== undefined) this.report('unique-error', 'error', () => uniqueMessage(this.ctx.lang, this.fields[i], raw, first), loc);
  }

  private primaryKey(key: Key | null, n: number, loc: Lazy<Loc>): void {
    const names = this.schema.primaryKey.map((i) => this.fields[i].name);
    if (key === null) return this.report('primary-key', 'error', () => keyMessage(this.ctx.lang, 'primary-key', names, null), loc);
    const first = this.pk.check(key, n);
    if (first !== undefined) this.report('primary-key', 'error', () => keyMessage(this.ctx.lang, 'primary-key', names, first), loc);
  }

  private uniqueKey(i: number, key: Key, n: number, loc: Lazy<Loc>): void {
    const first = this.uks[i].check(key, n);
    if (first !== undefined)
      this.report(
        'unique-error',
        'error',
        () =>
          keyMessage(
            this.ctx.lang,
            'unique-key',
            this.schema.uniqueKeys[i].map((f) => this.fields[f].name),
            first,
          ),
        loc,
      );
  }

  private foreignKey(i: number, target: Key | null, key: Key | null, values: Lazy<string[]>, n: number, loc: Lazy<Loc>): void {
    if (target !== null) this.fkSeen[i].add(target, n);
    if (key === null || this.fkSeen[i].has(key)) return;
    // Maybe a forward reference: decided at the end of the file.
    const pending = this.fkPending[i];
    if (pending.length < MAX_DEFERRED)
      pending.push({ key: typeof key === 'string' ? detach(key) : key, values: force(values), loc: force(loc) });
  }

  // Split lint (see SplitHooks in rules/rule.ts): the later part records the row-spanning checks' inputs
  // in row order; the first part replays them after its own rows, so "first seen in row N" and
  // forward references are the whole file's.
  private events: KeyEvent[] | null = null;

  resume(): void {
    this.events = [];
    for (const u of this.unique) u?.clear();
    this.pk.clear();
    for (const k of [...this.uks, ...this.fkSeen]) k.clear();
    for (const p of this.fkPending) p.length = 0;
  }

  handOver(): KeyEvent[] {
    return this.events ?? [];
  }

  takeOver(events: KeyEvent[], shift: Shift): void {
    for (const e of events) {
      const n = e.n + shift.row;
      const loc = shiftLoc(e.loc, shift);
      if (e.t === 'u') this.uniqueCell(e.i, e.key, e.raw, n, loc);
      else if (e.t === 'pk') this.primaryKey(e.key, n, loc);
      else if (e.t === 'uk') this.uniqueKey(e.i, e.key, n, loc);
      else this.foreignKey(e.i, e.target, e.key, e.values, n, loc);
    }
  }

  end(): void {
    this.schema.selfForeignKeys.forEach((fk, i) => {
      for (const p of this.fkPending[i])
        if (!this.fkSeen[i].has(p.key))
          this.report(
            'foreign-key',
            'error',
            foreignKeyMessage(
              this.ctx.lang,
              fk.fields.map((f) => this.fields[f].name),
              fk.reference.map((f) => this.fields[f].name),
              p.values,
            ),
            p.loc,
          );
    });
    for (const c of this.checks) c.end?.();
  }

  private envCache: CheckEnv | null = null;
  private env(): CheckEnv {
    if (this.envCache) return this.envCache;
    const self = this;
    const ctx = this.ctx;
    this.envCache = {
      lang: ctx.lang as Lang,
      field: (name) => {
        const f = self.schema.byName.get(name);
        return f && self.columnOf[f.index] >= 0 ? f.index : -1;
      },
      declared: (name) => self.schema.byName.has(name),
      typeOf: (i) => self.fields[i].type,
      raw: (row, i) => (self.columnOf[i] >= 0 ? (row.values[self.columnOf[i]] ?? '') : ''),
      full: (rule) => ctx.full(rule),
      cell: (row, i, rule, message, severity = 'error', fix) =>
        // Past the cap (a bad identifier on every row) only the count is kept: no location to make.
        ctx.full(rule)
          ? self.report(rule, severity, '', NOWHERE)
          : self.report(
              rule,
              severity,
              message,
              () => ctx.locate(row, self.columnOf[i] + 1),
              fix !== undefined ? { kind: 'set-cell', value: fix } : undefined,
            ),
      row: (row, rule, message, severity = 'error') => self.report(rule, severity, message, () => ctx.locateRow(row)),
      table: (rule, message, severity = 'error') => self.report(rule, severity, message, self.headerLoc),
    };
    return this.envCache;
  }
}
