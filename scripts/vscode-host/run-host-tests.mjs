// Drives VS Code web (code-server) with headless Chromium so that the workbench starts the REAL Node
// extension host and runs the mocha suite given as extensionTestsPath (the @vscode/test-electron run() contract).
// Adapted from the measured recipe /work/shared/vscode-host/cs-run-tests.mjs.
//
// usage: node run-host-tests.mjs --server <url> --dev <extensionDevelopmentPath> --tests <extensionTestsPath, no .js>
//                                --folder <workspace> [--timeout ms] [--log file]
// Exit code: the test run()'s result (0 pass, 1 fail); 2 overall timeout; 3 driver error; 4 tests never started.
//
// The workbench only honours the URL payload when code-server runs with `--vscode-option enable-smoke-test-driver`.
// It then reports through window.codeAutomationLog(type, args) (workbench + extension-host console, incl. mocha
// output) and window.codeAutomationExit(code); both are exposed BEFORE page.goto.
import { chromium } from 'playwright-core';
import { BROWSER_ARGS } from './ui-lib.mjs';
import { format, parseArgs } from 'node:util';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const { values: o } = parseArgs({
  options: {
    server: { type: 'string' },
    dev: { type: 'string' },
    tests: { type: 'string' },
    folder: { type: 'string' },
    timeout: { type: 'string', default: process.env.ODW_TEST_TIMEOUT_MS || '600000' },
    log: { type: 'string' },
    screenshots: { type: 'string' },
  },
});
for (const k of ['server', 'dev', 'tests', 'folder'])
  if (!o[k]) {
    console.error(`missing --${k}`);
    process.exit(3);
  }
const timeoutMs = Number(o.timeout);
const startupMs = Number(process.env.ODW_STARTUP_TIMEOUT_MS || 60000);
const verbose = !!process.env.ODW_VERBOSE;
const shotDir = o.screenshots || (o.log ? dirname(o.log) : '.');
if (o.log) {
  mkdirSync(dirname(o.log), { recursive: true });
  writeFileSync(o.log, '');
}
const logFile = (line) => {
  if (o.log) appendFileSync(o.log, line + '\n');
};

const authority = new URL(o.server).host;
const remote = (p) => `vscode-remote://${authority}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(o.dev)],
  ['extensionTestsPath', remote(o.tests)],
  ['skipWelcome', 'true'],
  ['skipReleaseNotes', 'true'],
];
const url = `${o.server}/?folder=${encodeURIComponent(o.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

// Workbench/offline noise that is forwarded through codeAutomationLog but is never about our tests.
const NOISE =
  /^Resolving connection token|Creation of workbench contribution|^Resolved connection token|^Creating a socket|^\[reconnection-grace-time\]|^Updating additional builtin extensions cache|^\[Service Worker\]|AgentHost|ChatModelSelection|AccountPolicyGate|open-vsx|ENOTFOUND|mobile\.events\.data|marketplace|\[Extension Host\] (?:debugger|Debugger)|punycode|DeprecationWarning|--trace-deprecation/;

let browser;
const xdg = mkdtempSync(join(tmpdir(), 'odw-chromium-'));
process.on('exit', () => rmSync(xdg, { recursive: true, force: true }));
let exitCode = 3;
const killTimer = (ms, what) =>
  setTimeout(() => {
    console.error(`[host] driver hard-exit (${what})`);
    process.exit(exitCode);
  }, ms).unref();
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, async () => {
    killTimer(5000, sig);
    await browser?.close().catch(() => {});
    process.exit(130);
  });

try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    // Chromium writes "Crash Reports" etc. under $XDG_CONFIG_HOME/chromium: keep it out of $HOME
    env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_CACHE_HOME: xdg },
    args: BROWSER_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let resolveDone;
  const done = new Promise((resolve) => {
    resolveDone = resolve;
  });
  let sawLog = false;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    sawLog = true;
    const text = format(...(args || []));
    logFile(`[${type}] ${text}`);
    if (verbose) {
      console.log(`[vscode ${type}]`, text);
      return;
    }
    if (NOISE.test(text)) return;
    // Extension-host console (mocha spec reporter, test console.log) arrives as plain 'log'/'info' lines.
    if (type === 'log' || type === 'info') console.log(text);
    else if (type === 'error' || type === 'warn') console.log(`[vscode ${type}] ${text.split('\n')[0]}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveDone(code));
  page.on('console', (m) => logFile(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => {
    logFile(`[pageerror] ${e.message}`);
    if (verbose) console.log('[pageerror]', e.message);
  });
  console.log(`[host] opening workbench ${o.server} (folder ${o.folder})`);
  await page.goto(url);
  const timers = [];
  const after = (ms, v) => new Promise((r) => timers.push(setTimeout(() => r(v), ms)));
  const startup = new Promise((r) =>
    timers.push(
      setTimeout(() => {
        if (!sawLog) r('nostart');
      }, startupMs),
    ),
  );
  const r = await Promise.race([done, after(timeoutMs, 'timeout'), startup]);
  timers.forEach((t) => clearTimeout(t));
  if (r === 'nostart') {
    console.error(`[host] extension tests never started within ${startupMs} ms (payload ignored? enable-smoke-test-driver missing?)`);
    await page.screenshot({ path: `${shotDir}/host-nostart.png` }).catch(() => {});
    exitCode = 4;
  } else if (r === 'timeout') {
    console.error(`[host] tests did not finish within ${timeoutMs} ms`);
    await page.screenshot({ path: `${shotDir}/host-timeout.png` }).catch(() => {});
    exitCode = 2;
  } else {
    exitCode = Number(r) || 0;
    console.log(`[host] extension host test exit code: ${exitCode}`);
  }
} catch (e) {
  console.error('[host] driver error:', e);
  exitCode = 3;
} finally {
  killTimer(15000, 'browser.close hung');
  await browser?.close().catch(() => {});
}
process.exit(exitCode);
