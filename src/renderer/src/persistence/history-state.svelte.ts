/**
 * Undo last apply and Reset cluster, as the header and the menu ask for them: the requests, the
 * reset confirmation, and the diff of what an undo changed (shown until dismissed).
 */
import type { StateDiff } from '../../../shared/cluster-snapshot';
import type { EngineClient } from '../../../shared/engine-protocol';

/** A short note after an action (the header shows it). */
export type HistoryNote = 'nothingToUndo' | 'resetDone' | 'failed' | undefined;

export class HistoryState {
  #client: EngineClient;
  #diff = $state.raw<StateDiff | undefined>(undefined);
  #remaining = $state(0);
  #confirmingReset = $state(false);
  #busy = $state(false);
  #note = $state<HistoryNote>(undefined);
  #error = $state<string | undefined>(undefined);

  constructor(client: EngineClient) {
    this.#client = client;
  }

  /** What the last undo changed, while its panel is open. */
  get diff(): StateDiff | undefined {
    return this.#diff;
  }
  /** How many more changes can be undone after the last undo. */
  get remaining(): number {
    return this.#remaining;
  }
  get confirmingReset(): boolean {
    return this.#confirmingReset;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get note(): HistoryNote {
    return this.#note;
  }
  get error(): string | undefined {
    return this.#error;
  }

  /** Takes back the last change; opens the diff, or notes there was nothing to undo. */
  async undo(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#note = undefined;
    try {
      const result = await this.#client.request('undoLastApply', null);
      if (result.undone) {
        this.#diff = result.diff;
        this.#remaining = result.remaining;
      } else {
        this.#note = 'nothingToUndo';
      }
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#busy = false;
    }
  }

  closeDiff(): void {
    this.#diff = undefined;
  }

  /** Asks before resetting (the dialog answers with confirmReset or cancelReset). */
  requestReset(): void {
    this.#confirmingReset = true;
  }

  cancelReset(): void {
    this.#confirmingReset = false;
  }

  async confirmReset(): Promise<void> {
    this.#confirmingReset = false;
    if (this.#busy) return;
    this.#busy = true;
    this.#diff = undefined;
    try {
      await this.#client.request('reset', null);
      this.#note = 'resetDone';
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#busy = false;
    }
  }

  dismissNote(): void {
    this.#note = undefined;
  }

  #fail(error: unknown): void {
    this.#note = 'failed';
    this.#error = error instanceof Error ? error.message : String(error);
  }
}
