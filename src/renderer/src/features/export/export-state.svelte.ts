/**
 * The Export dialog's state: open or not, what to export and on which background, and whether an
 * export is running or failed. SVG is offered only while the topology is drawn as SVG.
 */

export const EXPORT_KINDS = ['topology-svg', 'topology-png', 'dns-png', 'window-png'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportBackground = 'themed' | 'transparent';

export class ExportState {
  #open = $state(false);
  #kind = $state<ExportKind>('topology-png');
  #background = $state<ExportBackground>('themed');
  #svgAvailable = $state(true);
  #busy = $state(false);
  #error = $state<string>();

  get open(): boolean {
    return this.#open;
  }
  get kind(): ExportKind {
    return this.#kind;
  }
  get background(): ExportBackground {
    return this.#background;
  }
  get svgAvailable(): boolean {
    return this.#svgAvailable;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get error(): string | undefined {
    return this.#error;
  }

  /** Opens the dialog; `svgAvailable` is false while the topology is a canvas (then SVG falls back to PNG). */
  show(svgAvailable: boolean): void {
    this.#svgAvailable = svgAvailable;
    if (!svgAvailable && this.#kind === 'topology-svg') this.#kind = 'topology-png';
    this.#error = undefined;
    this.#open = true;
  }

  close(): void {
    if (!this.#busy) this.#open = false;
  }

  choose(kind: ExportKind): void {
    if (kind === 'topology-svg' && !this.#svgAvailable) return;
    this.#kind = kind;
  }

  setBackground(background: ExportBackground): void {
    this.#background = background;
  }

  /** Runs one export; the dialog closes on success and stays open with the error on failure. */
  async run(work: (kind: ExportKind, background: ExportBackground) => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#error = undefined;
    try {
      await work(this.#kind, this.#background);
      this.#open = false;
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error);
    } finally {
      this.#busy = false;
    }
  }
}
