import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { APP_VERSION } from '../core/appVersion';
import { resolveDataDir } from '../core/dataDir';
import { startResilientCore } from '../core/resilientCore';
import type { Core } from '../core/startCore';
import { describeStartupFailure } from '../core/startupFailure';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { attachElectronTransport } from './ipcBridge';
import { createMainWindow } from './mainWindow';
import { electronSqliteBinding } from './nativeBinding';
import { applySecurityPolicy } from './security';

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
      nativeBinding: electronSqliteBinding(app.getAppPath()),
    });
  } catch (error) {
    dialog.showErrorBox('Redac cannot start', describeStartupFailure(error, dataDir));
    app.exit(3);
    return;
  }
  attachElectronTransport(core);
  serveRenderer(join(__dirname, '../renderer'));
  createMainWindow(join(__dirname, '../preload'));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(join(__dirname, '../preload'));
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => core?.close());
