/**
 * Nothing lost: the open files, the cluster and lab progress are saved about a second after they
 * change (and at once when the page is hidden or closed), and restored on the next start — after
 * a crash or a kill too, since every save replaces the last good one atomically.
 *
 * The cluster is saved as the engine's ClusterSnapshot (`saveState`), fetched again after objects
 * change or the cluster is replaced; a page that closes before the fetch returns saves the last
 * snapshot it has with the newest files.
 */
import { untrack } from 'svelte';
import type { EngineClient } from '../../../shared/engine-protocol';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import type { EditorState } from '../features/editor/editor-state.svelte';
import { parseWorkspace, type Workspace } from './workspace';
import type { WorkspaceStore } from './workspace-store';

/** Lab progress, when labs exist (LabState: toJSON / restore). */
export interface LabProgressHook {
  toJSON(): unknown;
  restore(value: unknown): void;
}

/** Timers, injected so tests run without waiting. */
export interface AutosaveTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/** What the start found: restored from the newest save, from the backup, or nothing (seed files). */
export type RestoreOutcome = 'none' | 'saved' | 'backup';

export const AUTOSAVE_DELAY_MS = 1000;
/** Typing without a pause still saves this often. */
export const AUTOSAVE_MAX_WAIT_MS = 5000;

export interface AutosaveDeps {
  store: WorkspaceStore;
  client: EngineClient;
  editor: EditorState;
  labs?: LabProgressHook;
  timers?: AutosaveTimers;
  now?: () => number;
}

export class Autosave {
  #deps: AutosaveDeps;
  #timers: AutosaveTimers;
  #now: () => number;
  #status = $state<SaveStatus>('idle');
  #error = $state<string | undefined>(undefined);
  #restored = $state<RestoreOutcome>('none');
  #problem = $state<string | undefined>(undefined);
  #started = false;
  #timer: unknown;
  #firstPending: number | undefined;
  #cluster: ClusterSnapshot | undefined;
  #clusterStale = true;
  #saving: Promise<void> | undefined;
  #again = false;
  #stop: (() => void)[] = [];

  constructor(deps: AutosaveDeps) {
    this.#deps = deps;
    this.#timers = deps.timers ?? { setTimeout: (run, ms) => globalThis.setTimeout(run, ms), clearTimeout: (h) => globalThis.clearTimeout(h as number) };
    this.#now = deps.now ?? (() => Date.now());
  }

  get status(): SaveStatus {
    return this.#status;
  }
  /** Why the last save failed. */
  get error(): string | undefined {
    return this.#error;
  }
  get restored(): RestoreOutcome {
    return this.#restored;
  }
  /** What went wrong restoring (a damaged file, a cluster that could not be loaded), to tell the learner. */
  get problem(): string | undefined {
    return this.#problem;
  }

  /**
   * Restores the last workspace (files, lab progress, then the cluster), or keeps the seed files
   * when there is none; then starts saving changes. Never throws.
   */
  async restoreAndStart(): Promise<RestoreOutcome> {
    const { store, client, editor, labs } = this.#deps;
    const loaded = await store.load();
    const problems: string[] = loaded.problem ? [loaded.problem] : [];
    const workspace = loaded.source === 'none' ? undefined : parseWorkspace(loaded.workspace);
    if (loaded.source !== 'none' && !workspace) problems.push('the saved workspace has no files');
    if (workspace) {
      if (!editor.restore(workspace.editor)) problems.push('the saved files could not be read');
      if (workspace.labs !== undefined) labs?.restore(workspace.labs);
      if (workspace.cluster) {
        const result = await client.request('loadState', { snapshot: workspace.cluster }).catch((e: unknown) => ({ error: String(e instanceof Error ? e.message : e) }));
        if ('error' in result) problems.push(result.error);
        else {
          if (result.warning) problems.push(result.warning);
          this.#cluster = workspace.cluster;
        }
      }
      this.#restored = loaded.source === 'backup' ? 'backup' : 'saved';
    }
    this.#problem = problems.length > 0 ? problems.join('; ') : undefined;
    this.#start();
    return this.#restored;
  }

  /** Something saved changed: save after a pause. `cluster`: the cluster changed too. */
  changed(part: 'files' | 'labs' | 'cluster'): void {
    if (!this.#started) return;
    if (part === 'cluster') this.#clusterStale = true;
    this.#firstPending ??= this.#now();
    if (this.#status !== 'saving') this.#status = 'pending';
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    const waited = this.#now() - this.#firstPending;
    this.#timer = this.#timers.setTimeout(() => void this.saveNow(), Math.max(0, Math.min(AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS - waited)));
  }

  /** Saves now (a fresh cluster snapshot included); resolves when written. */
  async saveNow(): Promise<void> {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#firstPending = undefined;
    if (this.#saving) {
      this.#again = true;
      return this.#saving;
    }
    this.#saving = this.#save();
    try {
      await this.#saving;
    } finally {
      this.#saving = undefined;
    }
    if (this.#again) {
      this.#again = false;
      await this.saveNow();
    }
  }

  /**
   * The page is being hidden or closed: write at once with what is at hand (no waiting for the
   * engine; the last cluster snapshot goes with the newest files).
   */
  saveBeforeLeaving(): void {
    if (!this.#started) return;
    void this.#write();
  }

  /**
   * The engine restarted empty (its worker died): load the last saved cluster into it. The
   * `reset` event that follows makes the views re-read everything.
   */
  async reloadCluster(): Promise<void> {
    if (!this.#cluster) return;
    const result = await this.#deps.client.request('loadState', { snapshot: this.#cluster }).catch((e: unknown) => ({ error: String(e instanceof Error ? e.message : e) }));
    this.#problem = 'error' in result ? result.error : result.warning;
  }

  /** Stops listening (tests; the app lives as long as the page). */
  dispose(): void {
    for (const stop of this.#stop.splice(0)) stop();
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    const { client, editor, labs } = this.#deps;
    this.#stop.push(client.on('changed', (p) => p.changes.length > 0 && this.changed('cluster')));
    this.#stop.push(client.on('reset', () => this.changed('cluster')));
    // Runes: re-run whenever the files (names, texts, applied state, active tab) or lab progress change.
    this.#stop.push(
      $effect.root(() => {
        $effect(() => {
          JSON.stringify(editor.toJSON());
          // untrack: what changed() reads (the save status) must not re-run this effect.
          untrack(() => this.changed('files'));
        });
        if (labs)
          $effect(() => {
            JSON.stringify(labs.toJSON());
            untrack(() => this.changed('labs'));
          });
      }),
    );
    this.#status = 'idle';
  }

  async #save(): Promise<void> {
    this.#status = 'saving';
    if (this.#clusterStale) {
      this.#clusterStale = false;
      try {
        this.#cluster = await this.#deps.client.request('saveState', null);
      } catch {
        this.#clusterStale = true; // keep the previous snapshot; try again next time
      }
    }
    await this.#write();
  }

  async #write(): Promise<void> {
    const { store, editor, labs } = this.#deps;
    const workspace: Workspace = { editor: editor.toJSON(), ...(this.#cluster ? { cluster: this.#cluster } : {}), ...(labs ? { labs: labs.toJSON() } : {}) };
    const result = await store.save(workspace);
    if (result.ok) {
      this.#status = this.#timer !== undefined ? 'pending' : 'saved';
      this.#error = undefined;
    } else {
      this.#status = 'failed';
      this.#error = result.error;
    }
  }
}

/** Saves when the page is hidden or closed (a reload, a closed tab, an app quit). */
export function saveOnLeave(autosave: Autosave, target: Pick<Window, 'addEventListener'> & { document: Pick<Document, 'visibilityState' | 'addEventListener'> }): void {
  target.document.addEventListener('visibilitychange', () => {
    if (target.document.visibilityState === 'hidden') autosave.saveBeforeLeaving();
  });
  target.addEventListener('beforeunload', () => autosave.saveBeforeLeaving());
}
