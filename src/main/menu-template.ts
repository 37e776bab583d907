/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape), built by a
 * pure function so it is unit-tested without Electron. Commands the renderer carries out are sent
 * as `menuCommand` messages; the rest are Electron roles (copy, zoom, quit …).
 */
import type { MenuCommand } from '../shared/ipc-contract';

export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'radio';
  accelerator?: string;
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

/** Menu labels: Korean first, English. */
const LABELS = {
  ko: { file: '파일', new: '새 파일', open: '열기…', openFolder: '폴더 열기…', save: '저장', saveAs: '다른 이름으로 저장…', export: '내보내기…', presentation: '발표 모드', edit: '편집', apply: '적용 (kubectl apply)', deleteObjects: '삭제 (kubectl delete -f)', undoApply: '적용 되돌리기', resetCluster: '클러스터 초기화…', view: '보기', topology: '토폴로지', dns: 'DNS 레코드', objects: '오브젝트', terminal: '터미널', light: '밝은 테마', dark: '어두운 테마', language: '언어', help: '도움말', about: 'Service Lab 정보' },
  en: { file: 'File', new: 'New File', open: 'Open…', openFolder: 'Open Folder…', save: 'Save', saveAs: 'Save As…', export: 'Export…', presentation: 'Presentation Mode', edit: 'Edit', apply: 'Apply (kubectl apply)', deleteObjects: 'Delete (kubectl delete -f)', undoApply: 'Undo Last Apply', resetCluster: 'Reset Cluster…', view: 'View', topology: 'Topology', dns: 'DNS Records', objects: 'Objects', terminal: 'Terminal', light: 'Light Theme', dark: 'Dark Theme', language: 'Language', help: 'Help', about: 'About Service Lab' },
} as const;

export function menuTemplate(platform: string, locale: 'ko' | 'en'): MenuItemSpec[] {
  const l = LABELS[locale];
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' }] : []),
    {
      label: l.file,
      submenu: [
        { label: l.new, accelerator: 'CmdOrCtrl+N', command: 'file.new' },
        { label: l.open, accelerator: 'CmdOrCtrl+O', command: 'file.open' },
        { label: l.openFolder, accelerator: 'CmdOrCtrl+Shift+O', command: 'file.openFolder' },
        { type: 'separator' },
        { label: l.save, accelerator: 'CmdOrCtrl+S', command: 'file.save' },
        { label: l.saveAs, accelerator: 'CmdOrCtrl+Shift+S', command: 'file.saveAs' },
        { label: l.export, command: 'file.export' },
        { type: 'separator' },
        { role: mac ? 'close' : 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: l.apply, accelerator: 'CmdOrCtrl+Enter', command: 'edit.apply' },
        { label: l.deleteObjects, accelerator: 'CmdOrCtrl+Shift+Backspace', command: 'edit.deleteObjects' },
        { type: 'separator' },
        // No accelerator: Ctrl+Z stays the editor's text undo.
        { label: l.undoApply, command: 'edit.undoApply' },
        { label: l.resetCluster, command: 'edit.resetCluster' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { label: l.topology, accelerator: 'CmdOrCtrl+1', command: 'view.topology' },
        { label: l.dns, accelerator: 'CmdOrCtrl+2', command: 'view.dns' },
        { label: l.objects, accelerator: 'CmdOrCtrl+3', command: 'view.objects' },
        { label: l.terminal, accelerator: 'CmdOrCtrl+`', command: 'view.terminal' },
        { type: 'separator' },
        { label: l.light, command: 'view.theme.light' },
        { label: l.dark, command: 'view.theme.dark' },
        { label: l.language, submenu: [{ label: '한국어', command: 'view.language.ko' }, { label: 'English', command: 'view.language.en' }] },
        // F5 starts a show in slide tools; Monaco and the terminal bind nothing to it.
        { label: l.presentation, accelerator: 'F5', command: 'view.presentation' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: l.help, role: 'help', submenu: [{ label: l.about, command: 'help.about' }] },
  ];
}

/** Every command a template sends (for checks: each must be one the renderer knows). */
export function commandsOf(items: MenuItemSpec[]): MenuCommand[] {
  return items.flatMap((item) => [...(item.command ? [item.command] : []), ...commandsOf(item.submenu ?? [])]);
}

/** Every accelerator a template binds (for checks: no key bound twice). */
export function acceleratorsOf(items: MenuItemSpec[]): string[] {
  return items.flatMap((item) => [...(item.accelerator ? [item.accelerator] : []), ...acceleratorsOf(item.submenu ?? [])]);
}

/** Electron's item shape with click handlers attached: command items send their command. */
export interface ClickableItem extends Omit<MenuItemSpec, 'submenu' | 'command'> {
  click?: () => void;
  submenu?: ClickableItem[];
}

export function withClicks(items: MenuItemSpec[], send: (command: MenuCommand) => void): ClickableItem[] {
  return items.map(({ command, submenu, ...rest }) => ({
    ...rest,
    ...(command ? { click: () => send(command) } : {}),
    ...(submenu ? { submenu: withClicks(submenu, send) } : {}),
  }));
}
