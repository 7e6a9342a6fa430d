/**
 * The desktop host's entry: wires Electron to the plain modules (handlers, trainer host, menu,
 * window state, document guard). Kept to wiring only; the logic lives in testable files.
 */

import type { BrowserWindow as Window } from 'electron';
import { app, BrowserWindow, screen, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostEvent, MenuCommand } from '../../app/protocol';
import { PRESET_COMMAND_PREFIX } from '../../app/protocol';
import { runtimeVersions } from '../../app/node/runtimeVersions';
import { presets } from '../../app/presets';
import { APP_NAME } from '../../app/versions';
import { desktopPathPolicy, GRANT_LIMIT } from '../files/desktopAccess';
import { loadRecentFiles } from '../files/recentFiles';
import { EVENT_CHANNEL } from '../ipc/channels';
import { NATIVE_EDIT_COMMANDS } from '../menu/menuTemplate';
import { createHostRuntime } from '../runtime/hostRuntime';
import { createDocumentGuard } from '../window/documentGuard';
import { designFilesInArgs } from '../window/launchArgs';
import { observeSaves } from '../window/saveObserver';
import { documentName, windowTitle } from '../window/windowTitle';
import { loadWindowState, MIN_SIZE, saveWindowState } from '../window/windowState';
import { APP_ENTRY_URL, registerAppScheme, serveRenderer } from './appProtocol';
import { installApplicationMenu } from './applicationMenu';
import { askAboutUnsavedChanges, electronDialogs } from './electronDialogs';
import { registerIpcHandlers } from './ipcBridge';
import { utilityLauncher } from './utilityLauncher';
import { hardenSession, hardenWebContents } from './windowSecurity';

const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const paths = {
  renderer: join(distDir, 'renderer'),
  preload: join(distDir, 'preload', 'preload.cjs'),
  trainer: join(distDir, 'trainer', 'trainerProcess.js'),
  engineWorker: join(distDir, 'trainer', 'engineWorker.js'),
};

/** Packaged: beside the app (electron-builder's extraResources); from a checkout: what the build wrote. */
function noticesPath(): string | null {
  const path = app.isPackaged ? join(process.resourcesPath, 'THIRD-PARTY-NOTICES.md') : join(distDir, 'notices', 'THIRD-PARTY-NOTICES.md');
  return existsSync(path) ? path : null;
}

let window: Window | null = null;
let rendererReady = false;
const pendingOpens: string[] = [...designFilesInArgs(process.argv, process.cwd())];

app.setName(APP_NAME);
// Tests (and portable setups) keep settings, recent files and window state in their own folder.
if (process.env.INCEPTION_STUDIO_USER_DATA) app.setPath('userData', process.env.INCEPTION_STUDIO_USER_DATA);
registerAppScheme();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
app.on('open-file', (event, path) => {
  event.preventDefault();
  requestOpen(path);
});

let requestOpen = (path: string): void => void pendingOpens.push(path);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    for (const path of designFilesInArgs(argv, cwd)) requestOpen(path);
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const emit = (event: HostEvent): void => window?.webContents.send(EVENT_CHANNEL, event);
  let saves: ReturnType<typeof observeSaves> | null = null;

  const guard = createDocumentGuard({
    ask: (title) => askAboutUnsavedChanges(window, documentName(title)),
    save: () => {
      const saved = saves?.nextSave() ?? Promise.resolve(false);
      emit({ type: 'menu', command: 'save', unsavedChecked: false });
      return saved;
    },
  });

  const recent = await loadRecentFiles(join(userData, 'recent-designs.json'), () => rebuildMenu());
  const runsRoot = join(app.getPath('documents'), APP_NAME, 'runs');
  // Least privilege: the runs folder and what the user opened or chose, not all of home.
  const access = await desktopPathPolicy(runsRoot, await loadRecentFiles(join(userData, 'granted-paths.json'), undefined, GRANT_LIMIT));
  const runtime = await createHostRuntime({
    info: { kind: 'electron', versions: runtimeVersions(app.getVersion()), notices: noticesPath(), platform: process.platform },
    paths: access,
    dialogs: electronDialogs(() => window),
    recent,
    launch: utilityLauncher,
    entries: { trainer: paths.trainer, engineWorker: paths.engineWorker },
    runsRoot,
    recoveryDir: join(userData, 'recovery'),
    emit,
    onDocumentState(state) {
      guard.update(state);
      window?.setTitle(windowTitle(state));
      window?.setDocumentEdited(state.dirty);
    },
  });
  saves = observeSaves(runtime.handlers);
  registerIpcHandlers(saves.handlers);
  serveRenderer(paths.renderer);
  hardenSession(session.defaultSession);

  const runCommand = async (command: MenuCommand): Promise<void> => {
    const replacesDocument = command === 'new' || command === 'open' || command.startsWith(PRESET_COMMAND_PREFIX);
    if (replacesDocument && !(await guard.mayDiscard())) return;
    const contents = window?.webContents;
    if (contents && (NATIVE_EDIT_COMMANDS as readonly string[]).includes(command)) contents[command as (typeof NATIVE_EDIT_COMMANDS)[number]]();
    emit({ type: 'menu', command, unsavedChecked: replacesDocument });
  };

  requestOpen = (path) => {
    if (!rendererReady) return void pendingOpens.push(path);
    void guard.mayDiscard().then(async (ok) => {
      if (!ok) return;
      await runtime.paths.grant(path);
      app.addRecentDocument(path);
      emit({ type: 'open-file', path, unsavedChecked: true });
    });
  };

  function rebuildMenu(): void {
    installApplicationMenu(
      { platform: process.platform, appName: APP_NAME, presets, recent: recent.list(), development: !app.isPackaged },
      {
        command: (command) => void runCommand(command),
        openRecent: (path) => requestOpen(path),
        clearRecent: () => void recent.clear(),
        openExternal: (url) => void shell.openExternal(url),
      },
    );
  }

  const createWindow = async (): Promise<void> => {
    const statePath = join(userData, 'window-state.json');
    const state = await loadWindowState(statePath, screen.getAllDisplays().map((display) => display.workArea));
    const created = new BrowserWindow({
      ...state.bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      title: APP_NAME,
      show: false,
      webPreferences: { preload: paths.preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
    });
    window = created;
    if (state.maximized) created.maximize();
    created.once('ready-to-show', () => created.show());
    created.webContents.on('did-finish-load', () => {
      rendererReady = true;
      for (const path of pendingOpens.splice(0)) requestOpen(path);
    });
    let closing = false;
    created.on('close', (event) => {
      void saveWindowState(statePath, { bounds: created.getNormalBounds(), maximized: created.isMaximized() });
      if (closing || !guard.state.dirty) return;
      event.preventDefault();
      void guard.mayDiscard().then(async (ok) => {
        if (!ok) return;
        // Saved or deliberately discarded: this window's recovery copy has done its job.
        await runtime.recovery.discardOwn();
        closing = true;
        created.close();
      });
    });
    created.on('closed', () => {
      window = null;
      rendererReady = false;
    });
    await created.loadURL(APP_ENTRY_URL);
  };

  rebuildMenu();
  await createWindow();
  app.on('activate', () => void (window === null && createWindow()));
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  let shutDown = false;
  app.on('will-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    shutDown = true;
    void runtime.shutdown().finally(() => app.quit());
  });
}
