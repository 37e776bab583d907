/**
 * Carries out menu commands from Electron's menu (preload's `onMenuCommand`). In web mode there is
 * no native menu; the same actions are on the header and the editor's shortcuts.
 */
import type { MenuCommand } from '../../../shared/ipc-contract';
import type { ApplyReport } from '../../../shared/field-error-types';
import type { EditorState } from '../features/editor/editor-state.svelte';
import type { LayoutState } from '../state/layout-state.svelte';

export interface MenuTargets {
  layout: LayoutState;
  editor: EditorState;
  apply: (text: string, fileName: string) => Promise<void>;
  remove: (text: string, fileName: string) => Promise<ApplyReport>;
}

/** Saves text as a file through the browser's download (Electron shows its save dialog). */
export function saveAs(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens YAML files through the file picker and adds each as a tab. */
export function openFiles(editor: EditorState): void {
  const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, accept: '.yaml,.yml,.json,text/yaml' });
  input.onchange = async () => {
    for (const file of Array.from(input.files ?? [])) editor.add(file.name, await file.text(), { clean: true });
  };
  input.click();
}

export function runMenuCommand(command: MenuCommand, { layout, editor, apply, remove }: MenuTargets): void {
  const active = editor.active;
  switch (command) {
    case 'file.new':
      editor.add();
      break;
    case 'file.open':
      openFiles(editor);
      break;
    case 'file.save':
    case 'file.saveAs':
    case 'file.export':
      if (active) saveAs(active.name, active.text);
      break;
    case 'edit.apply':
      if (active) void apply(editor.selectionOrAll(), active.name);
      break;
    case 'edit.deleteObjects':
      if (active) void remove(editor.selectionOrAll(), active.name);
      break;
    case 'view.topology':
    case 'view.dns':
      layout.setView(command === 'view.topology' ? 'topology' : 'dns');
      break;
    case 'view.terminal':
      (document.querySelector('[data-testid="terminal-pane"] textarea') as HTMLElement | null)?.focus();
      break;
    case 'view.theme.light':
    case 'view.theme.dark':
      layout.setTheme(command === 'view.theme.light' ? 'light' : 'dark');
      break;
    case 'view.language.ko':
    case 'view.language.en':
      layout.setLocale(command === 'view.language.ko' ? 'ko' : 'en');
      break;
    case 'help.about':
      break;
  }
}

/** Subscribes to Electron's menu for the component's lifetime. */
export function useMenuCommands(targets: MenuTargets): void {
  const bridge = (window as { svclab?: { onMenuCommand?: (l: (c: MenuCommand) => void) => () => void } }).svclab;
  if (bridge?.onMenuCommand) bridge.onMenuCommand((command) => runMenuCommand(command, targets));
}
