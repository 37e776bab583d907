/** Electron main: one window, the engine in a worker thread, IPC per the contract. */
import { app, BrowserWindow, dialog, ipcMain, Menu, type MenuItemConstructorOptions } from 'electron';
import createEngineWorker from './engine-worker?nodeWorker';
import { EngineHost } from './engine-host';
import { registerIpc } from './ipc';
import { promises as fsPromises } from 'node:fs';
import { WorkspaceStore } from './persistence/workspace-store';
import { atomicWrite } from './persistence/atomic-write';
import { createFileDialogs, type DialogLike } from './file-dialogs';
import { createMainWindow } from './window';
import { menuTemplate, withClicks } from './menu-template';
import { IPC_CHANNELS, type AppLocale } from '../shared/ipc-contract';

let mainWindow: BrowserWindow | undefined;

app.whenReady().then(() => {
  const send = (channel: string, payload: unknown): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  };
  const engine = new EngineHost({
    createWorker: () => createEngineWorker({ workerData: {} }),
    onEvent: (event, payload) => send(IPC_CHANNELS.engineEvent, { event, payload }),
    onRestart: (notice) => send(IPC_CHANNELS.engineRestarted, notice),
  });
  // The menu starts in the OS language; the renderer then sends the remembered choice (setLocale).
  const setMenu = (locale: AppLocale): void =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(withClicks(menuTemplate(process.platform, locale), (command) => send(IPC_CHANNELS.menuCommand, command)) as MenuItemConstructorOptions[]));
  // The dialogs are modal to our window; saves go through the same atomic writer as autosave.
  const dialogs: DialogLike = {
    showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
    showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
  };
  const files = createFileDialogs(dialogs, {
    readFile: (path) => fsPromises.readFile(path, 'utf8'),
    readdir: (path) => fsPromises.readdir(path),
    stat: (path) => fsPromises.stat(path),
    writeFile: (path, text) => atomicWrite(fsPromises, path, text),
  });
  registerIpc(ipcMain, () => (mainWindow ? { webContentsId: mainWindow.webContents.id, mainFrame: mainWindow.webContents.mainFrame } : undefined), engine, { setLocale: setMenu, workspace: new WorkspaceStore(fsPromises, app.getPath('userData')), files });
  setMenu(app.getLocale().startsWith('ko') ? 'ko' : 'en');
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.on('before-quit', () => void engine.stop());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
