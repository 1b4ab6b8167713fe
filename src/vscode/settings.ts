// Reads the extension's settings with their defaults (declared in package.json).
import * as vscode from 'vscode';
import type { RuleSetting } from '../core/options';
import type { Lang } from '../core/model';
import type { FieldsMatch } from '../core/schema/descriptor';

export interface LintSettings {
  run: 'onType' | 'onSave';
  rules: Record<string, RuleSetting>;
  maxProblems: number;
  debounceMs: number;
  /** `openData.lint.delimiter`: a separator to read CSV files with, instead of detecting it. */
  delimiter?: string;
  /** `openData.lint.fieldsMatch`: how columns meet schema fields (undefined: the schema's, else Validata-compatible). */
  fieldsMatch?: FieldsMatch;
  /** `openData.schema.globs`: schema per file pattern. */
  schemaGlobs: Record<string, string>;
  /** The workspace folder of `scope`: a schema path in `schemaGlobs` is relative to it and must stay inside it. */
  schemaRoot: string | undefined;
  /** `openData.schema.ignoreHeaderCase`: Validata's `ignore_header_case`. */
  ignoreHeaderCase: boolean;
}

export function lintSettings(scope?: vscode.Uri): LintSettings {
  const c = vscode.workspace.getConfiguration('openData.lint', scope);
  return {
    run: c.get<'onType' | 'onSave'>('run', 'onType'),
    // Settings objects are proxies that cannot cross to the worker thread: copy them.
    rules: { ...c.get<Record<string, RuleSetting>>('rules', {}) },
    maxProblems: c.get<number>('maxProblems', 1000),
    debounceMs: c.get<number>('debounceMs', 300),
    delimiter: DELIMITER_SETTING[c.get<string>('delimiter', 'auto')],
    fieldsMatch: fieldsMatchSetting(c.get<string>('fieldsMatch', 'default')),
    schemaGlobs: { ...vscode.workspace.getConfiguration('openData.schema', scope).get<Record<string, string>>('globs', {}) },
    schemaRoot: (scope && vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath) ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    ignoreHeaderCase: vscode.workspace.getConfiguration('openData.schema', scope).get<boolean>('ignoreHeaderCase', false),
  };
}

const DELIMITER_SETTING: Record<string, string | undefined> = { auto: undefined, comma: ',', semicolon: ';', tab: '\t', pipe: '|' };

const fieldsMatchSetting = (v: string): FieldsMatch | undefined =>
  ['exact', 'equal', 'subset', 'superset', 'partial'].includes(v) ? (v as FieldsMatch) : undefined;

/** Rule messages follow VS Code's display language. */
export function uiLang(): Lang {
  return vscode.env.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
