/**
 * The files a learner edits, as tabs. Plain data only (no Monaco objects: YamlEditor keeps one
 * model per file id), so every behaviour is unit-tested. Files are never lost silently: closing
 * a file with unapplied changes asks through a callback the UI supplies.
 */
import { SEED_FILES, type SeedFile } from './seed-files';

/** One tab as views see it. `dirty`: the text differs from what was last applied. */
export interface EditorFile {
  /** Stable for the file's life (renames keep it), so the editor's model and undo stack survive. */
  readonly id: number;
  readonly name: string;
  readonly text: string;
  readonly dirty: boolean;
}

/** Why a name was refused. */
export type NameProblem = 'empty' | 'invalid' | 'duplicate';

/** Asked before a dirty file is closed; answering false keeps it open. */
export type ConfirmClose = (file: EditorFile) => boolean | Promise<boolean>;

interface StoredFile {
  id: number;
  name: string;
  text: string;
  /** The text as last applied (or as opened): `dirty` compares against it. */
  applied: string;
}

const view = (f: StoredFile): EditorFile => ({ id: f.id, name: f.name, text: f.text, dirty: f.text !== f.applied });

export class EditorState {
  // $state.raw + replacing the array: every write goes through a method, and views re-read once.
  #files = $state.raw<readonly StoredFile[]>([]);
  #activeId = $state<number | undefined>(undefined);
  #nextId = 1;
  #selectionProvider: (() => string | undefined) | undefined;

  readonly files: readonly EditorFile[] = $derived(this.#files.map(view));
  readonly active: EditorFile | undefined = $derived(this.files.find((f) => f.id === this.#activeId));

  constructor(seed: readonly SeedFile[] = SEED_FILES) {
    for (const f of seed) this.add(f.name, f.text, { clean: true });
    this.#activeId = this.#files[0]?.id;
  }

  get activeText(): string {
    return this.active?.text ?? '';
  }
  get activeName(): string | undefined {
    return this.active?.name;
  }

  /** Checks a would-be name for `id`'s file (undefined: the name is fine). */
  nameProblem(name: string, id?: number): NameProblem | undefined {
    const trimmed = name.trim();
    if (trimmed === '') return 'empty';
    // Names appear in `kubectl apply -f NAME` lines and messages: no paths, no control characters.
    if (/[/\\\p{Cc}]/u.test(trimmed)) return 'invalid';
    if (this.#files.some((f) => f.id !== id && f.name === trimmed)) return 'duplicate';
    return undefined;
  }

  /** Opens a new tab (made unique: `untitled-2.yaml`) and selects it; returns its id. */
  add(name = 'untitled.yaml', text = '', options: { clean?: boolean } = {}): number {
    const id = this.#nextId++;
    const file: StoredFile = { id, name: this.#uniqueName(name.trim() || 'untitled.yaml'), text, applied: options.clean ? text : '' };
    this.#files = [...this.#files, file];
    this.#activeId = id;
    return id;
  }

  select(id: number): void {
    if (this.#files.some((f) => f.id === id)) this.#activeId = id;
  }

  /** Renames a tab; returns the problem instead when the name is refused. */
  rename(id: number, name: string): NameProblem | undefined {
    const problem = this.nameProblem(name, id);
    if (problem) return problem;
    this.#update(id, (f) => ({ ...f, name: name.trim() }));
    return undefined;
  }

  /** The editor calls this on every change of a file's text. */
  setText(id: number, text: string): void {
    const file = this.#files.find((f) => f.id === id);
    if (file && file.text !== text) this.#update(id, (f) => ({ ...f, text }));
  }

  /** Records that `text` of the file was applied (the file is clean while it still holds that text). */
  markApplied(id: number, text: string): void {
    this.#update(id, (f) => ({ ...f, applied: text }));
  }

  /**
   * Closes a tab. A dirty file closes only if `confirm` says so; without a `confirm` it stays
   * open. Returns whether it closed. The neighbour to the left (or right) becomes active.
   */
  async close(id: number, confirm?: ConfirmClose): Promise<boolean> {
    const file = this.files.find((f) => f.id === id);
    if (!file) return false;
    if (file.dirty && !(confirm && (await confirm(file)))) return false;
    const index = this.#files.findIndex((f) => f.id === id);
    if (index < 0) return false; // closed meanwhile, while the confirm was open
    const rest = this.#files.filter((f) => f.id !== id);
    this.#files = rest;
    if (this.#activeId === id) this.#activeId = rest[Math.max(0, index - 1)]?.id;
    return true;
  }

  /** YamlEditor registers how to read the selection; undefined unregisters. */
  setSelectionProvider(provider: (() => string | undefined) | undefined): void {
    this.#selectionProvider = provider;
  }

  /** The selected text of the active file when there is a non-empty selection, else its whole text. */
  selectionOrAll(): string {
    const selected = this.#selectionProvider?.();
    return selected && selected.trim() !== '' ? selected : this.activeText;
  }

  #update(id: number, change: (f: StoredFile) => StoredFile): void {
    this.#files = this.#files.map((f) => (f.id === id ? change(f) : f));
  }

  #uniqueName(name: string): string {
    if (!this.#files.some((f) => f.name === name)) return name;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; ; n++) {
      const candidate = `${stem}-${n}${ext}`;
      if (!this.#files.some((f) => f.name === candidate)) return candidate;
    }
  }
}
