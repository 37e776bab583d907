/**
 * File ▸ Open…, Open Folder…, Save, Save As…. In Electron they go through the system dialogs
 * (preload's `files`, src/main/file-dialogs.ts) and Save writes back to the file a tab came from;
 * in web mode the browser's file picker opens and a download saves. What could not be opened or
 * saved is reported through `notify`, never thrown; nothing the learner typed is dropped.
 */
import type { OpenAnswer, OpenKind, SaveAnswer, SaveRequest } from '../../../shared/file-types';
import type { EditorState } from '../features/editor/editor-state.svelte';

export interface FilesBridge {
  open(kind: OpenKind): Promise<OpenAnswer>;
  save(request: SaveRequest): Promise<SaveAnswer>;
}

export type FileNotice = { kind: 'opened'; count: number } | { kind: 'skipped'; paths: string[] } | { kind: 'saved'; path: string } | { kind: 'saveFailed'; error: string };

/** A picked file in web mode (the File API's part used). */
export interface PickedFile {
  name: string;
  text(): Promise<string>;
}

export interface WebFiles {
  pick(kind: OpenKind): Promise<PickedFile[]>;
  download(name: string, text: string): void;
}

const MANIFEST = /\.(ya?ml|json)$/i;
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export class FileCommands {
  /** Where each tab was opened from or last saved to (by editor file id). */
  readonly #paths = new Map<number, string>();

  constructor(
    private readonly editor: EditorState,
    private readonly bridge: FilesBridge | undefined,
    private readonly web: WebFiles,
    private readonly notify: (notice: FileNotice) => void,
  ) {}

  pathOf(id: number): string | undefined {
    return this.#paths.get(id);
  }

  /** Opens files (or a folder's manifests) as tabs; a file already open from the same path is shown, not duplicated. */
  async open(kind: OpenKind): Promise<void> {
    if (!this.bridge) {
      const picked = (await this.web.pick(kind)).filter((f) => kind === 'files' || MANIFEST.test(f.name));
      for (const f of picked) this.editor.add(baseName(f.name), await f.text(), { clean: true });
      if (picked.length > 0) this.notify({ kind: 'opened', count: picked.length });
      return;
    }
    let answer: OpenAnswer;
    try {
      answer = await this.bridge.open(kind);
    } catch (error) {
      this.notify({ kind: 'skipped', paths: [String(error instanceof Error ? error.message : error)] });
      return;
    }
    if (answer.canceled) return;
    for (const file of answer.files) {
      const open = [...this.#paths].find(([id, path]) => path === file.path && this.editor.files.some((f) => f.id === id));
      if (open) {
        this.editor.select(open[0]);
        continue;
      }
      this.#paths.set(this.editor.add(file.name, file.text, { clean: true }), file.path);
    }
    if (answer.files.length > 0) this.notify({ kind: 'opened', count: answer.files.length });
    if (answer.skipped.length > 0) this.notify({ kind: 'skipped', paths: answer.skipped.map((s) => `${s.path}: ${s.reason}`) });
  }

  /** Save (back to its file) or Save As… (`ask`): the active tab. */
  async save(ask: boolean): Promise<void> {
    const active = this.editor.active;
    if (!active) return;
    if (!this.bridge) {
      this.web.download(active.name, active.text);
      return;
    }
    let answer: SaveAnswer;
    try {
      answer = await this.bridge.save({ name: active.name, text: active.text, path: this.#paths.get(active.id), ask });
    } catch (error) {
      answer = { error: String(error instanceof Error ? error.message : error) };
    }
    if ('error' in answer) this.notify({ kind: 'saveFailed', error: answer.error });
    else if ('saved' in answer) {
      this.#paths.set(active.id, answer.path);
      const name = baseName(answer.path);
      // Saved under another name: the tab takes it (unless another tab already has it).
      if (name !== active.name) this.editor.rename(active.id, name);
      this.notify({ kind: 'saved', path: answer.path });
    }
  }
}

/** The browser's file picker and download, for web mode. */
export const browserFiles: WebFiles = {
  pick: (kind) =>
    new Promise((resolve) => {
      const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, accept: '.yaml,.yml,.json,text/yaml' });
      if (kind === 'folder') input.webkitdirectory = true;
      input.onchange = () => resolve(Array.from(input.files ?? []));
      input.oncancel = () => resolve([]);
      input.click();
    }),
  download: (name, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
};
