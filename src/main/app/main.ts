import { app, BrowserWindow, dialog, session } from 'electron';
import { chooseFileWithDialog } from './fileDialog';
import { join } from 'node:path';
import { APP_VERSION } from '../core/appVersion';
import { createMediaStore } from '../media/mediaStore';
import { resolveDataDir } from '../core/dataDir';
import { startResilientCore } from '../core/resilientCore';
import type { Core } from '../core/startCore';
import { describeStartupFailure } from '../core/startupFailure';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { attachElectronTransport } from './ipcBridge';
import { createMainWindow } from './mainWindow';
import { electronSqliteBinding } from './nativeBinding';
import { applySecurityPolicy } from './security';
import { createFileCredentialStore } from '../publishing/credentialStore';
import { safeStorageCodec } from './safeStorageCodec';

/** The Electron shell: lifecycle and windows only; everything else lives in core and is tested without electron. */
registerAppScheme();
let core: Core | undefined;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.whenReady().then(() => {
  applySecurityPolicy();
  const dataDir = resolveDataDir(undefined);
  try {
    // A damaged store opens in recovery mode: the window shows the recovery screen, not a crash loop.
    core = startResilientCore({
      dataDir,
      transport: 'electron',
      version: APP_VERSION,
      // An older store is upgraded in a worker thread while the window shows how far it is.
      upgradeInBackground: true,
      // The start-up screens' Quit (for instance rather than upgrade without a backup).
      onQuit: () => app.quit(),
      nativeBinding: electronSqliteBinding(app.getAppPath()),
      platform: {
        // The spellchecker follows the open article's language, among the dictionaries Chromium has.
        setSpellcheckLanguages(wanted) {
          const ses = session.defaultSession;
          const available = new Set(ses.availableSpellCheckerLanguages);
          const languages = wanted.filter((language) => available.has(language)).slice(0, 1);
          if (languages.length > 0) ses.setSpellCheckerLanguages(languages);
          return languages;
        },
        chooseFile: chooseFileWithDialog,
      },
      credentials: (dir) =>
        createFileCredentialStore(join(dir, 'site-credentials.enc.json'), safeStorageCodec()),
    });
  } catch (error) {
    dialog.showErrorBox('Redac cannot start', describeStartupFailure(error, dataDir));
    app.exit(3);
    return;
  }
  attachElectronTransport(core);
  // The media folder, not core.services: in recovery mode the store is closed but the renderer must load.
  serveRenderer(join(__dirname, '../renderer'), createMediaStore(dataDir));
  createMainWindow(join(__dirname, '../preload'));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(join(__dirname, '../preload'));
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => core?.close());
