// Integration-test entry loaded by the VS Code extension host as `extensionTestsPath`.
// Same contract as @vscode/test-electron: export run(): Promise<void> (resolve = pass, reject = fail), so this
// suite runs unchanged under code-server (scripts/vscode-host/test-host.sh) and under @vscode/test-electron.
// Pattern adapted from /work/shared/vscode-host/example-extension/src/test/suite/index.ts. See docs/testing.md.
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');

interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** <repo>/artifacts/host-test-results.json; this file compiles to <repo>/out-test/test/integration/index.js */
function resultsPath(): string {
  return process.env.ODW_TEST_RESULTS || path.resolve(__dirname, '..', '..', '..', 'artifacts', 'host-test-results.json');
}

function writeResults(data: object): void {
  const file = resultsPath();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  } catch (e) {
    console.error(`could not write test results to ${file}: ${String(e)}`);
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    return err.stack || `${err.name}: ${err.message}`;
  }
  return String(err);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.ODW_TEST_GREP) {
    mocha.grep(process.env.ODW_TEST_GREP);
  }
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) {
    mocha.addFile(path.join(__dirname, f));
  }

  const started = Date.now();
  const tests: TestResult[] = [];
  const finish = (failures: number, extra: object = {}) => {
    const passed = tests.filter((t) => t.state === 'passed').length;
    const failed = Math.max(failures, tests.filter((t) => t.state === 'failed').length);
    writeResults({
      passed,
      failed,
      pending: tests.filter((t) => t.state === 'pending').length,
      durationMs: Date.now() - started,
      when: new Date().toISOString(),
      host: { node: process.versions.node, platform: process.platform },
      files,
      failures: tests.filter((t) => t.state === 'failed').map((t) => ({ title: t.fullTitle, error: t.error })),
      tests,
      ...extra,
    });
    return failed;
  };

  return new Promise<void>((resolve, reject) => {
    try {
      if (files.length === 0) {
        throw new Error(`no *.test.js files in ${__dirname}`);
      }
      const runner = mocha.run((failures) => {
        const failed = finish(failures);
        if (failed > 0) {
          reject(new Error(`${failed} test(s) failed.`));
        } else {
          resolve();
        }
      });
      runner.on('pass', (t: Mocha.Test) => {
        tests.push({
          title: t.title,
          fullTitle: t.fullTitle(),
          file: t.file && path.basename(t.file),
          state: 'passed',
          durationMs: t.duration,
        });
      });
      // 'fail' also fires for failing hooks (before/after), which are not Tests: record them as failures too.
      runner.on('fail', (t: Mocha.Runnable, err: unknown) => {
        tests.push({
          title: t.title,
          fullTitle: t.fullTitle(),
          file: t.file && path.basename(t.file),
          state: 'failed',
          durationMs: t.duration,
          error: errorText(err),
        });
      });
      runner.on('pending', (t: Mocha.Test) => {
        tests.push({ title: t.title, fullTitle: t.fullTitle(), file: t.file && path.basename(t.file), state: 'pending' });
      });
    } catch (err) {
      // e.g. a test file throws while being loaded
      console.error(errorText(err));
      tests.push({ title: 'load test files', fullTitle: 'load test files', state: 'failed', error: errorText(err) });
      finish(1);
      reject(err);
    }
  });
}
