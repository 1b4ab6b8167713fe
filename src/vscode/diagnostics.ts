// Keeps the Problems panel in step with open CSV/TSV documents: debounced lint on type
// (or on save), stale results dropped, results computed in the worker thread.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../core/model';
import type { CsvLintResult } from '../core/lint-csv';
import type { SchemaRef } from '../core/model';
import type { Coverage } from '../core/schema/coverage';
import type { SchemaChoices } from './schema-choice';
import type { EncodingFacts } from '../core/read/sniff-file';
import { lintSettings, uiLang } from './settings';
import { toVscodeDiagnostic } from './convert';
import { WorkerClient } from './worker-client';
import { log } from './log';
import { headDiagnostics, headOf } from '../core/lint-head';
import { cutNotice } from './truncation';

export interface LintState {
  result: CsvLintResult;
  /** The schema the document was checked against, and how many of its fields the header has. */
  schema: SchemaRef | null;
  coverage: Coverage | null;
  core: CoreDiagnostic[];
  version: number;
  /** Where the time went (ms): reading the file's encoding, the worker's lint, publishing. */
  timings: { encoding: number; head?: number; lint: number; publish: number };
}

export function isTableDocument(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return false;
  if (doc.languageId === 'csv' || doc.languageId === 'tsv') return true;
  // .txt exports are tables too when their first line is delimited.
  return doc.languageId === 'plaintext' && /\.txt$/i.test(doc.uri.path) && /[;,\t|]/.test(doc.lineAt(0).text);
}

export class LintController implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly states = new Map<string, LintState>();
  private readonly encodings = new Map<string, Promise<EncodingFacts | undefined>>();
  /** Separators the user chose for a document (status bar "Reopen as …"), instead of the detected one. */
  private readonly delimiters = new Map<string, string>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,txt}', true, false, true);
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were published. */
  readonly onDidLint = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    readonly collection: vscode.DiagnosticCollection,
    private readonly worker: WorkerClient,
    private readonly docsBase: vscode.Uri,
    private readonly schemas: SchemaChoices,
  ) {
    const w = vscode.workspace;
    this.subs.push(
      w.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      w.onDidChangeTextDocument((e) => {
        if (lintSettings(e.document.uri).run === 'onType') this.schedule(e.document);
      }),
      w.onDidSaveTextDocument((d) => {
        this.encodings.delete(d.uri.toString());
        this.schedule(d, 0);
      }),
      w.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // Rewritten by another program (or our UTF-8 conversion): the sniffed encoding is stale.
      this.watcher,
      this.watcher.onDidChange((uri) => this.fileChanged(uri)),
      w.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('openData.lint') || e.affectsConfiguration('openData.schema')) this.relintAll();
      }),
      schemas.onDidChange((uri) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (doc) this.schedule(doc, 0);
      }),
      this.emitter,
    );
    this.relintAll();
  }

  /** Forgets what was read from the file's bytes and lints its open document again. */
  fileChanged(uri: vscode.Uri): void {
    this.encodings.delete(uri.toString());
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) this.schedule(doc, 0);
  }

  /** Reads the document with this separator (undefined: detect it again) and lints it now. */
  setDelimiter(uri: vscode.Uri, delimiter: string | undefined): void {
    if (delimiter) this.delimiters.set(uri.toString(), delimiter);
    else this.delimiters.delete(uri.toString());
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) this.schedule(doc, 0);
  }

  delimiterOf(uri: vscode.Uri): string | undefined {
    return this.delimiters.get(uri.toString());
  }

  state(uri: vscode.Uri): LintState | undefined {
    return this.states.get(uri.toString());
  }

  relintAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  schedule(doc: vscode.TextDocument, delay = lintSettings(doc.uri).debounceMs): void {
    if (!isTableDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => this.lint(doc).catch((e) => log.error(`lint ${doc.uri.fsPath}: ${(e as Error).message}`)), delay),
    );
  }

  /** Lints now and resolves once diagnostics are published (or dropped as stale). */
  async lint(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    this.timers.delete(key);
    const version = doc.version;
    const t0 = Date.now();
    const settings = lintSettings(doc.uri);
    const encoding = await this.encodingOf(doc);
    const t1 = Date.now();
    const onDisk = doc.uri.scheme === 'file' || doc.uri.scheme === 'vscode-remote';
    const text = doc.getText();
    const args = (t: string) => ({
      text: t,
      path: onDisk ? doc.uri.fsPath : undefined,
      options: {
        schema: this.schemas.get(doc.uri),
        schemaGlobs: settings.schemaGlobs,
        schemaRoot: settings.schemaRoot,
        ignoreHeaderCase: settings.ignoreHeaderCase,
        lang: uiLang(),
        rules: settings.rules,
        maxProblems: settings.maxProblems,
        format: doc.languageId === 'tsv' ? ('tsv' as const) : ('csv' as const),
        encoding: encoding && !encoding.binary ? encoding : undefined,
        delimiter: this.delimiters.get(key) ?? settings.delimiter,
        fieldsMatch: settings.fieldsMatch,
      },
    });
    // A large file just opened: its first rows' squiggles first, then the whole file's.
    const head = this.states.has(key) ? null : headOf(text);
    let headMs: number | undefined;
    if (head) {
      const first = await this.worker.run('lintTextWithSchema', args(head));
      if (!doc.isClosed && doc.version === version && !this.states.has(key))
        this.collection.set(
          doc.uri,
          headDiagnostics(first.diagnostics, first.rows).map((d) => toVscodeDiagnostic(d, doc, this.docsBase)),
        );
      headMs = Date.now() - t1;
    }
    const result = await this.worker.run('lintTextWithSchema', args(text));
    // The document changed or closed while we worked: a newer lint will publish.
    if (doc.isClosed || doc.version !== version) return;
    const t2 = Date.now();
    if (result.schemaDiagnostics.length) log.warn(`schema problems: ${result.schemaDiagnostics.map((d) => d.message).join('; ')}`);
    // "A newer version of the schema exists, and what changed" belongs on the data's header.
    const notices = result.schemaDiagnostics.filter((d) => d.rule === 'schema-outdated');
    const listed = [...result.diagnostics, ...notices].map((d) => toVscodeDiagnostic(d, doc, this.docsBase));
    const notice = cutNotice(result, result.diagnostics.length, doc);
    this.collection.set(doc.uri, notice ? [notice, ...listed] : listed);
    const timings = { encoding: t1 - t0, head: headMs, lint: t2 - t1, publish: Date.now() - t2 };
    this.states.set(key, { result, core: result.diagnostics, version, schema: result.schema, coverage: result.coverage, timings });
    this.emitter.fire(doc.uri);
    log.info(
      `linted ${vscode.workspace.asRelativePath(doc.uri)}: ${result.rows} rows, ${result.diagnostics.length} problems, ${Date.now() - t0} ms`,
    );
  }

  private encodingOf(doc: vscode.TextDocument): Promise<EncodingFacts | undefined> {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'vscode-remote') return Promise.resolve(undefined);
    const key = doc.uri.toString();
    let p = this.encodings.get(key);
    if (!p) {
      p = this.worker.run('sniffEncoding', { path: doc.uri.fsPath }).catch(() => undefined);
      this.encodings.set(key, p);
    }
    return p;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.encodings.delete(key);
    this.delimiters.delete(key);
    this.collection.delete(uri);
    this.emitter.fire(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
  }
}
