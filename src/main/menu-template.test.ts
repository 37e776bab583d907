import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../shared/ipc-contract';
import { acceleratorsOf, commandsOf, menuTemplate } from './menu-template';

describe('application menu', () => {
  it.each([
    { platform: 'linux', locale: 'ko' as const, top: ['파일', '편집', '보기', '도움말'] },
    { platform: 'win32', locale: 'en' as const, top: ['File', 'Edit', 'View', 'Help'] },
    { platform: 'darwin', locale: 'en' as const, top: [undefined, 'File', 'Edit', 'View', 'Help'] },
  ])('has File, Edit, View, Help on $platform in $locale', ({ platform, locale, top }) => {
    expect(menuTemplate(platform, locale).map((m) => m.label)).toEqual(top);
  });

  it('binds Ctrl/Cmd+Enter to Apply', () => {
    const edit = menuTemplate('linux', 'en').find((m) => m.label === 'Edit')!;
    expect(edit.submenu!.find((i) => i.accelerator === 'CmdOrCtrl+Enter')?.command).toBe('edit.apply');
  });

  it('sends only commands the renderer knows, and binds no key twice', () => {
    for (const platform of ['linux', 'darwin']) {
      const template = menuTemplate(platform, 'ko');
      for (const command of commandsOf(template)) expect(MENU_COMMANDS).toContain(command);
      const keys = acceleratorsOf(template);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('offers File New, Open, Open Folder, Save, Save As and Export', () => {
    const file = menuTemplate('linux', 'en')[0];
    expect(commandsOf(file.submenu!)).toEqual(['file.new', 'file.open', 'file.openFolder', 'file.save', 'file.saveAs', 'file.export']);
  });

  it.each(['ko', 'en'] as const)('binds F5 to View ▸ Presentation mode in %s', (locale) => {
    const view = menuTemplate('linux', locale).find((m) => m.label === (locale === 'ko' ? '보기' : 'View'))!;
    expect(view.submenu!.find((i) => i.accelerator === 'F5')?.command).toBe('view.presentation');
  });
});

describe('menu clicks', () => {
  it('a command item sends its command; role items have no click of ours', async () => {
    const { withClicks } = await import('./menu-template');
    const sent: string[] = [];
    const items = withClicks(menuTemplate('linux', 'en'), (c) => sent.push(c));
    const edit = items.find((i) => i.label === 'Edit')!;
    edit.submenu!.find((i) => i.accelerator === 'CmdOrCtrl+Enter')!.click!();
    expect(sent).toEqual(['edit.apply']);
    expect(edit.submenu!.find((i) => i.role === 'copy')!.click).toBeUndefined();
  });
});
