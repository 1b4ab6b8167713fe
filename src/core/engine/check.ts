// What an extra check (Table Schema validation, custom checks) gets from the session: unlike a
// rule it is not in the registry, renders its own messages and names the rule of each report.
import type { FixData, Lang, Loc, Row, Severity, TableInfo } from '../model';
import type { RuleVisitor } from '../rules/rule';
import type { CellMarks } from './cell-marks';

/** A rule's effective setting: its severity, or 'off'. */
export type RuleSetting = Severity | 'off';

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
  /** `rule` has listed its share of the cap: its further reports are only counted (skip building them). */
  full(rule: string): boolean;
  /** Column `column` (1-based) is a field of the schema, of type `type`: rules defer to the schema there. */
  keepColumn(column: number, type: string): void;
}
export type CheckFactory = (ctx: CheckContext) => RuleVisitor;
