import { BrowserWindow, dialog } from 'electron';
import type { FilePurpose } from '../core/services';

/** What each purpose may open, so the picker shows the right files first. */
const FILTERS: Record<FilePurpose, Electron.FileFilter[]> = {
  'import-wxr': [
    { name: 'WordPress export (WXR)', extensions: ['xml', 'wxr'] },
    { name: 'All files', extensions: ['*'] },
  ],
  'import-jsonl': [
    { name: 'JSON Lines', extensions: ['jsonl', 'ndjson', 'json'] },
    { name: 'All files', extensions: ['*'] },
  ],
  'import-uploads': [],
};

/** The system's open dialog (a folder for a WordPress uploads folder), attached to the app's window; null when the user cancels. */
export async function chooseFileWithDialog(purpose: FilePurpose): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options: Electron.OpenDialogOptions =
    purpose === 'import-uploads'
      ? { properties: ['openDirectory'] }
      : { properties: ['openFile'], filters: FILTERS[purpose] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
