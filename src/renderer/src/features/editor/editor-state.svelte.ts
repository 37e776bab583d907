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

/** The open files as saved in the workspace (see toJSON / restore). */
export interface EditorSnapshot {
  files: { name: string; text: string; applied: string }[];
  /** Index of the active tab. */
  active: number;
}

/** Why a name was refused. */
export type NameProblem = 'empty' | 'invalid' | 'duplicate';

/** Where the active file's non-empty selection starts (1-based, as Monaco counts). */
export interface SelectionStart {
  line: number;
  column: number;
}

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
  #selectionStart = $state.raw<SelectionStart | undefined>(undefined);
  #deleteRequested = $state(false);

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
    if (!this.#files.some((f) => f.id === id) || id === this.#activeId) return;
    this.#activeId = id;
    this.#selectionStart = undefined; // the editor reports the new file's selection
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

  /** The editor reports where its selection starts (undefined: nothing selected), so views can say "Apply selection". */
  setSelectionStart(start: SelectionStart | undefined): void {
    const same = start === this.#selectionStart || (start && this.#selectionStart && start.line === this.#selectionStart.line && start.column === this.#selectionStart.column);
    if (!same) this.#selectionStart = start;
  }

  /** Where the selection starts, while there is one (apply's markers are shifted by it). */
  get selectionStart(): SelectionStart | undefined {
    return this.#selectionStart;
  }

  /** Whether Apply and Delete act on a selection rather than the whole file. */
  get hasSelection(): boolean {
    return this.#selectionStart !== undefined;
  }

  /** Asks for `kubectl delete -f` of the selection or file: the toolbar shows its confirmation. */
  requestDelete(): void {
    if (this.active) this.#deleteRequested = true;
  }

  /** The confirmation was answered (either way). */
  endDeleteRequest(): void {
    this.#deleteRequested = false;
  }

  get deleteRequested(): boolean {
    return this.#deleteRequested;
  }

  /** The open files for the workspace file (src/renderer/src/persistence): names, texts, what was applied, the active tab. */
  toJSON(): EditorSnapshot {
    const active = this.#files.findIndex((f) => f.id === this.#activeId);
    return { files: this.#files.map((f) => ({ name: f.name, text: f.text, applied: f.applied })), active: Math.max(0, active) };
  }

  /** Reopens files saved by toJSON (new ids; a name taken twice is made unique). False, changing nothing, when `value` is not such a snapshot. */
  restore(value: unknown): boolean {
    const v = value as Partial<EditorSnapshot> | null;
    const valid = typeof v === 'object' && v !== null && Array.isArray(v.files) && v.files.every((f) => typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.text === 'string' && typeof f.applied === 'string');
    if (!valid) return false;
    this.#files = [];
    for (const f of v.files!) {
      const id = this.add(f.name, f.text);
      this.#update(id, (stored) => ({ ...stored, applied: f.applied }));
    }
    const active = Number.isInteger(v.active) ? this.#files[v.active!] : undefined;
    this.#activeId = (active ?? this.#files[0])?.id;
    this.#selectionStart = undefined;
    return true;
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
