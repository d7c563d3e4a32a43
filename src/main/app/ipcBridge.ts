import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { EVENT_PREFIX, IPC_PREFIX } from '../../shared/ipc/bridge';
import type { Core } from '../core/startCore';
import { registerHandlers, type TransportAdapter } from '../ipc/dispatch';
import { isAppUrl } from './appOrigin';

/** Only our own windows' main frames, showing our own renderer, may call main. */
function rejectSender(event: IpcMainInvokeEvent): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return 'no sender frame';
  if (frame.parent !== null) return 'not a main frame';
  if (!BrowserWindow.fromWebContents(event.sender)) return 'not one of our windows';
  if (!isAppUrl(frame.url)) return `foreign page ${frame.url.slice(0, 100)}`;
  return undefined;
}

/** Electron's transport: ipcMain.handle for each channel of the contract, and events to every window. */
export function attachElectronTransport(core: Core): void {
  const adapter: TransportAdapter<IpcMainInvokeEvent> = {
    name: 'electron',
    rejectSender,
    handle: (channel, run) =>
      ipcMain.handle(IPC_PREFIX + channel, (event, input: unknown) => run(event, input)),
  };
  registerHandlers(adapter, core.handlers);
  core.bus.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(EVENT_PREFIX + event, payload);
  });
}
