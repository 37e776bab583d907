import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type AppLocale } from '../shared/ipc-contract';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from './ipc';
import { menuTemplate, type MenuItemSpec } from './menu-template';

/** ipcMain and the application menu as fakes: setLocale rebuilds the "menu" as index.ts does. */
function harness() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: (channel) => void handlers.delete(channel) };
  let menu: MenuItemSpec[] = menuTemplate('linux', 'en');
  const mainFrame = { name: 'main frame' };
  const dispose = registerIpc(ipcMain, () => ({ webContentsId: 1, mainFrame }), { request: async () => undefined as never }, { setLocale: (locale: AppLocale) => (menu = menuTemplate('linux', locale)) });
  const send = (event: InvokeEventLike, locale: unknown) => handlers.get(IPC_CHANNELS.setLocale)!(event, locale);
  return { send, mainFrame, labels: () => menu.map((m) => m.label), dispose, handlers };
}

describe('setLocale (renderer → main)', () => {
  it.each([
    { locale: 'ko', expected: ['파일', '편집', '보기', '도움말'] },
    { locale: 'en', expected: ['File', 'Edit', 'View', 'Help'] },
  ])('rebuilds the native menu in $locale', ({ locale, expected }) => {
    const h = harness();
    h.send({ sender: { id: 1 }, senderFrame: h.mainFrame }, locale);
    expect(h.labels().filter(Boolean).filter((l) => expected.includes(l!))).toEqual(expected);
  });

  it.each([
    { name: 'a subframe', event: { sender: { id: 1 }, senderFrame: { name: 'iframe' } }, locale: 'ko', error: 'refused: not from the Service Lab window' },
    { name: 'another window', event: { sender: { id: 2 }, senderFrame: undefined }, locale: 'ko', error: 'refused: not from the Service Lab window' },
    { name: 'an unknown locale', event: undefined, locale: 'fr', error: 'refused: unknown locale "fr"' },
    { name: 'a non-string locale', event: undefined, locale: { ko: true }, error: 'refused: unknown locale {"ko":true}' },
  ])('refuses $name and leaves the menu as it was', ({ event, locale, error }) => {
    const h = harness();
    expect(() => h.send(event ?? { sender: { id: 1 }, senderFrame: h.mainFrame }, locale)).toThrow(error);
    expect(h.labels()).toContain('File');
  });

  it('unregisters its handler with the rest', () => {
    const h = harness();
    h.dispose();
    expect(h.handlers.has(IPC_CHANNELS.setLocale)).toBe(false);
  });
});
