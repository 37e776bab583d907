/** Electron main: one window, the engine in a worker thread, IPC per the contract. */
import { app, BrowserWindow, ipcMain, Menu, type MenuItemConstructorOptions } from 'electron';
import createEngineWorker from './engine-worker?nodeWorker';
import { EngineHost } from './engine-host';
import { registerIpc } from './ipc';
import { createMainWindow } from './window';
import { menuTemplate, withClicks } from './menu-template';
import { IPC_CHANNELS } from '../shared/ipc-contract';

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
  registerIpc(ipcMain, () => (mainWindow ? { webContentsId: mainWindow.webContents.id, mainFrame: mainWindow.webContents.mainFrame } : undefined), engine);
  const locale = app.getLocale().startsWith('ko') ? 'ko' : 'en';
  Menu.setApplicationMenu(Menu.buildFromTemplate(withClicks(menuTemplate(process.platform, locale), (command) => send(IPC_CHANNELS.menuCommand, command)) as MenuItemConstructorOptions[]));
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.on('before-quit', () => void engine.stop());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
