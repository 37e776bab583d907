/**
 * Carries out menu commands from Electron's menu (preload's `onMenuCommand`). In web mode there is
 * no native menu; the same actions are on the header and the editor's shortcuts.
 */
import type { MenuCommand } from '../../../shared/ipc-contract';
import type { EditorState } from '../features/editor/editor-state.svelte';
import type { LayoutState } from '../state/layout-state.svelte';
import type { FileCommands } from './file-commands';

export interface MenuTargets {
  layout: LayoutState;
  editor: EditorState;
  apply: (text: string, fileName: string) => Promise<void>;
  /** File ▸ Open / Open Folder / Save / Save As (system dialogs in Electron, picker and download on the web). */
  files?: Pick<FileCommands, 'open' | 'save'>;
  /** File ▸ Export…: opens the Export dialog (topology SVG/PNG, DNS table PNG, window PNG). */
  openExport?: () => void;
  /** Edit ▸ Undo last apply (src/renderer/src/persistence). */
  undoApply?: () => void;
  /** Edit ▸ Reset cluster: asks first, then resets. */
  resetCluster?: () => void;
  /** Help ▸ About: the app, the simulated cluster, and where it differs from a real one. */
  openAbout?: () => void;
}

export function runMenuCommand(command: MenuCommand, { layout, editor, apply, files, openExport, undoApply, resetCluster, openAbout }: MenuTargets): void {
  const active = editor.active;
  switch (command) {
    case 'file.new':
      editor.add();
      break;
    case 'file.open':
    case 'file.openFolder':
      void files?.open(command === 'file.open' ? 'files' : 'folder');
      break;
    case 'file.save':
    case 'file.saveAs':
      void files?.save(command === 'file.saveAs');
      break;
    case 'file.export':
      openExport?.();
      break;
    case 'view.presentation':
      layout.togglePresentation();
      break;
    case 'edit.apply':
      if (active) void apply(editor.selectionOrAll(), active.name);
      break;
    case 'edit.undoApply':
      undoApply?.();
      break;
    case 'edit.resetCluster':
      resetCluster?.();
      break;
    case 'edit.deleteObjects':
      editor.requestDelete(); // the editor toolbar asks first, then deletes (as its Delete button does)
      break;
    case 'view.topology':
    case 'view.dns':
    case 'view.objects':
      layout.setView(command === 'view.topology' ? 'topology' : command === 'view.dns' ? 'dns' : 'objects');
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
      openAbout?.();
      break;
  }
}

/** Subscribes to Electron's menu for the component's lifetime. */
export function useMenuCommands(targets: MenuTargets): void {
  const bridge = (window as { svclab?: { onMenuCommand?: (l: (c: MenuCommand) => void) => () => void } }).svclab;
  if (bridge?.onMenuCommand) bridge.onMenuCommand((command) => runMenuCommand(command, targets));
}
