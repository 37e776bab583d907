/**
 * The guided labs as the panel sees them: the loaded labs, the one open, its current step, each
 * step's status (todo / passed), the learner's predictions, and the last check results. Progress is
 * remembered through an injected storage (localStorage in the app, a Map in tests) and can be put
 * into a workspace file (`toJSON` / `restore`). Checks run in the engine (`labCheck`) after each
 * cluster change (debounced) and after each terminal command; a step that passed stays passed.
 */
import type { EngineClient } from '../../../../shared/engine-protocol';
import type { Lab, LabCheckResult, LabProblem, LabStep, LocalizedText, TranscriptEntry } from '../../../../shared/lab-types';
import { i18n } from '../../i18n/i18n.svelte';
import type { KeyValueStorage } from '../../state/layout-state.svelte';
import { labMessages } from './lab-messages';
import { plainLabText } from './lab-text';
import { localized } from './localized';

/** One lab's progress. */
export interface LabProgress {
  /** Index of the step shown. */
  step: number;
  /** Ids of the steps that turned green. */
  passed: string[];
  /** Chosen answer (index into `choices`) by step id. */
  predictions: Record<string, number>;
}

/** What is remembered (and what a workspace file holds). */
export interface SavedLabProgress {
  current?: string;
  labs: Record<string, LabProgress>;
}

export type StepStatus = 'todo' | 'passed';

/** A built-in lab that did not load (a bug in the bundled data, shown rather than hidden). */
export interface LabLoadFailure {
  id: string;
  problems: LabProblem[];
}

export const PROGRESS_KEY = 'svclab.labs.progress.v1';
/** How many terminal commands the checks can see (output checks look back over these). */
export const TRANSCRIPT_LIMIT = 200;

const EMPTY: LabProgress = { step: 0, passed: [], predictions: {} };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps only well-formed entries of a stored or restored progress value. */
export function sanitizeProgress(value: unknown): SavedLabProgress {
  const out: SavedLabProgress = { labs: {} };
  if (!isRecord(value)) return out;
  if (typeof value.current === 'string') out.current = value.current;
  if (!isRecord(value.labs)) return out;
  for (const [id, p] of Object.entries(value.labs)) {
    if (!isRecord(p)) continue;
    const step = typeof p.step === 'number' && Number.isInteger(p.step) && p.step >= 0 ? p.step : 0;
    const passed = Array.isArray(p.passed) ? p.passed.filter((s): s is string => typeof s === 'string') : [];
    const predictions: Record<string, number> = {};
    if (isRecord(p.predictions)) for (const [s, c] of Object.entries(p.predictions)) if (typeof c === 'number' && Number.isInteger(c) && c >= 0) predictions[s] = c;
    out.labs[id] = { step, passed, predictions };
  }
  return out;
}

/** A problem the panel makes itself, in both languages (shown in the current locale, like the engine's). */
const bothLanguages = (key: 'missingLabYaml' | 'notLoaded'): LocalizedText => ({ ko: labMessages.ko[key], en: labMessages.en[key] });
/** An unexpected error's text: one language only (it comes from the runtime), shown as is in both. */
const sameText = (error: unknown): LocalizedText => {
  const text = error instanceof Error ? error.message : String(error);
  return { ko: text, en: text };
};

const byOrder = (a: Lab, b: Lab): number => (a.source === b.source ? a.order - b.order || a.id.localeCompare(b.id) : a.source === 'built-in' ? -1 : 1);

export class LabState {
  #client: EngineClient;
  #storage: KeyValueStorage | undefined;
  #debounceMs: number;
  #labs = $state.raw<readonly Lab[]>([]);
  #failures = $state.raw<readonly LabLoadFailure[]>([]);
  #teacherProblems = $state.raw<readonly LabProblem[]>([]);
  #progress = $state.raw<Readonly<Record<string, LabProgress>>>({});
  #currentId = $state<string | undefined>(undefined);
  #results = $state.raw<readonly LabCheckResult[] | undefined>(undefined);
  #checking = $state(false);
  #loaded = $state(false);
  #transcript: TranscriptEntry[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever what a check result belongs to changes: a late answer for another step is dropped. */
  #epoch = 0;

  readonly current: Lab | undefined = $derived(this.#labs.find((l) => l.id === this.#currentId));
  readonly stepIndex: number = $derived(this.current ? Math.min(this.#progressOf(this.current.id).step, this.current.steps.length - 1) : 0);
  readonly step: LabStep | undefined = $derived(this.current?.steps[this.stepIndex]);

  constructor(client: EngineClient, storage?: KeyValueStorage, options: { debounceMs?: number } = {}) {
    this.#client = client;
    this.#storage = storage;
    this.#debounceMs = options.debounceMs ?? 150;
    try {
      this.#set(sanitizeProgress(JSON.parse(storage?.getItem(PROGRESS_KEY) ?? 'null')), false);
    } catch {
      // A corrupt entry is ignored: no progress is a fine start.
    }
  }

  /** Loaded labs: built-in ones by `order`, then the teacher's. */
  get labs(): readonly Lab[] {
    return this.#labs;
  }
  get failures(): readonly LabLoadFailure[] {
    return this.#failures;
  }
  /** Problems of the last teacher folder that did not load (empty once one loads). */
  get teacherProblems(): readonly LabProblem[] {
    return this.#teacherProblems;
  }
  /** Results of the last check of the current step (undefined: not checked yet). */
  get results(): readonly LabCheckResult[] | undefined {
    return this.#results;
  }
  get checking(): boolean {
    return this.#checking;
  }
  /** The built-in labs have been asked for (loaded or failed). */
  get loaded(): boolean {
    return this.#loaded;
  }
  get transcript(): readonly TranscriptEntry[] {
    return this.#transcript;
  }

  /** The current lab and step title in the current locale (the presentation-mode caption). */
  get captionText(): string {
    const lab = this.current;
    if (!lab) return '';
    const step = this.step;
    const title = plainLabText(localized(lab.title, i18n.locale));
    return step ? `${title} · ${this.stepIndex + 1}. ${plainLabText(localized(step.title, i18n.locale))}` : title;
  }

  statusOf(labId: string, stepId: string): StepStatus {
    return this.#progressOf(labId).passed.includes(stepId) ? 'passed' : 'todo';
  }

  /** Steps passed out of all steps. */
  progressOf(lab: Lab): { done: number; total: number } {
    const passed = this.#progressOf(lab.id).passed;
    return { done: lab.steps.filter((s) => passed.includes(s.id)).length, total: lab.steps.length };
  }

  /** The learner's pick for a step of the current lab. */
  predictionOf(stepId: string): number | undefined {
    return this.current ? this.#progressOf(this.current.id).predictions[stepId] : undefined;
  }

  /** The step's commands wait until its prediction is answered. */
  get commandsLocked(): boolean {
    const step = this.step;
    return step?.predict !== undefined && this.predictionOf(step.id) === undefined;
  }

  /** Follows the cluster: every change batch (or a replaced cluster) schedules a check. Returns the unsubscribe. */
  start(): () => void {
    const offs = [this.#client.on('changed', () => this.scheduleCheck()), this.#client.on('reset', () => this.scheduleCheck())];
    return () => offs.forEach((off) => off());
  }

  /** Loads the bundled labs (folder id → its files). Failures are kept and shown, never thrown. */
  async loadBuiltIns(folders: Record<string, Record<string, string>>): Promise<void> {
    const loaded: Lab[] = [];
    const failures: LabLoadFailure[] = [];
    for (const [id, files] of Object.entries(folders)) {
      try {
        const out = await this.#client.request('labLoad', { files, id, source: 'built-in' });
        if ('lab' in out) loaded.push(out.lab);
        else failures.push({ id, problems: out.problems });
      } catch (error) {
        failures.push({ id, problems: [{ file: 'lab.yaml', message: sameText(error) }] });
      }
    }
    const ids = new Set(loaded.map((l) => l.id));
    this.#labs = [...loaded, ...this.#labs.filter((l) => !ids.has(l.id))].sort(byOrder);
    this.#failures = failures;
    this.#loaded = true;
    if (this.current) this.scheduleCheck();
  }

  /**
   * Loads a teacher's lab folder and opens it. On problems nothing else changes: the problems are
   * kept for the panel to show. Returns whether it loaded.
   */
  async loadTeacher(folder: string, files: Record<string, string>): Promise<boolean> {
    if (!Object.keys(files).includes('lab.yaml')) {
      this.#teacherProblems = [{ file: 'lab.yaml', message: bothLanguages('missingLabYaml') }];
      return false;
    }
    // A teacher's folder named like a built-in lab gets its own id, so neither hides the other.
    const id = this.#labs.some((l) => l.id === folder && l.source === 'built-in') ? `teacher-${folder}` : folder;
    let out: { lab: Lab } | { problems: LabProblem[] };
    try {
      out = await this.#client.request('labLoad', { files, id, source: 'teacher' });
    } catch (error) {
      out = { problems: [{ file: 'lab.yaml', message: sameText(error) }] };
    }
    if (!('lab' in out)) {
      this.#teacherProblems = out.problems.length > 0 ? out.problems : [{ file: 'lab.yaml', message: bothLanguages('notLoaded') }];
      return false;
    }
    const lab = out.lab;
    this.#teacherProblems = [];
    this.#labs = [...this.#labs.filter((l) => l.id !== lab.id), lab].sort(byOrder);
    this.open(lab.id);
    return true;
  }

  /** Opens a lab at the step where the learner left it. */
  open(id: string): void {
    if (!this.#labs.some((l) => l.id === id)) return;
    this.#currentId = id;
    this.#stepChanged();
  }

  /** Back to the list of labs. */
  leave(): void {
    this.#currentId = undefined;
    this.#stepChanged();
  }

  goTo(index: number): void {
    const lab = this.current;
    if (!lab || index < 0 || index >= lab.steps.length || index === this.stepIndex) return;
    this.#update(lab.id, (p) => ({ ...p, step: index }));
    this.#stepChanged();
  }

  next(): void {
    this.goTo(this.stepIndex + 1);
  }

  back(): void {
    this.goTo(this.stepIndex - 1);
  }

  /** Records the learner's prediction for the current step: the first pick stands (it unlocks the commands). */
  choose(choice: number): void {
    const lab = this.current;
    const step = this.step;
    if (!lab || !step?.predict || this.predictionOf(step.id) !== undefined) return;
    if (!Number.isInteger(choice) || choice < 0 || choice >= step.predict.choices.length) return;
    this.#update(lab.id, (p) => ({ ...p, predictions: { ...p.predictions, [step.id]: choice } }));
    this.scheduleCheck();
  }

  /** A step without checks is done when the learner says so. */
  markDone(): void {
    const lab = this.current;
    const step = this.step;
    if (!lab || !step || (step.checks?.length ?? 0) > 0 || this.commandsLocked) return;
    this.#pass(lab.id, step.id);
  }

  /** Forgets the current lab's progress (passed steps and predictions) and goes back to its first step. */
  reset(): void {
    const lab = this.current;
    if (!lab) return;
    this.#update(lab.id, () => EMPTY);
    this.#stepChanged();
  }

  /** One terminal command and what it printed (the last TRANSCRIPT_LIMIT are kept); schedules a check. */
  record(entry: TranscriptEntry): void {
    this.#transcript = [...this.#transcript, entry].slice(-TRANSCRIPT_LIMIT);
    this.scheduleCheck();
  }

  /** Checks the current step after the debounce (a burst of change events gives one check). */
  scheduleCheck(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.checkNow();
    }, this.#debounceMs);
  }

  /** Evaluates the current step's checks now; all passing turns the step green (and it stays so). */
  async checkNow(): Promise<void> {
    const lab = this.current;
    const step = this.step;
    const checks = step?.checks ?? [];
    if (!lab || !step || checks.length === 0 || this.commandsLocked || this.statusOf(lab.id, step.id) === 'passed') return;
    const epoch = this.#epoch;
    this.#checking = true;
    try {
      const results = await this.#client.request('labCheck', { checks, transcript: this.#transcript });
      if (epoch !== this.#epoch) return;
      this.#results = results;
      if (results.length === checks.length && results.every((r) => r.ok)) this.#pass(lab.id, step.id);
    } catch (error) {
      if (epoch !== this.#epoch) return;
      const message = error instanceof Error ? error.message : String(error);
      this.#results = [{ ok: false, detail: { ko: message, en: message } }];
    } finally {
      if (epoch === this.#epoch) this.#checking = false;
    }
  }

  /**
   * Replaces the cluster with a fresh one made with the current lab's cluster.yaml (labStart):
   * the load-balancer lab needs `cloudProvider: on`. Returns the engine's error text, if any.
   */
  async startCluster(): Promise<string | undefined> {
    const lab = this.current;
    if (!lab) return undefined;
    try {
      const answer = await this.#client.request('labStart', { lab });
      return 'error' in answer ? answer.error : undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** The current lab as files for a real cluster (manifests, a script of its commands, a README). */
  async exportCurrent(): Promise<Record<string, string>> {
    const lab = this.current;
    if (!lab) return {};
    return (await this.#client.request('labExport', { lab })).files;
  }

  /** Progress for a workspace file. */
  toJSON(): SavedLabProgress {
    return { ...(this.#currentId !== undefined ? { current: this.#currentId } : {}), labs: JSON.parse(JSON.stringify(this.#progress)) as Record<string, LabProgress> };
  }

  /** Takes progress from a workspace file (malformed parts are dropped) and remembers it. */
  restore(value: unknown): void {
    this.#set(sanitizeProgress(value), true);
    this.#stepChanged();
  }

  #set(saved: SavedLabProgress, save: boolean): void {
    this.#progress = saved.labs;
    this.#currentId = saved.current;
    if (save) this.#save();
  }

  #progressOf(labId: string): LabProgress {
    return this.#progress[labId] ?? EMPTY;
  }

  #update(labId: string, change: (p: LabProgress) => LabProgress): void {
    this.#progress = { ...this.#progress, [labId]: change(this.#progressOf(labId)) };
    this.#save();
  }

  #pass(labId: string, stepId: string): void {
    if (this.statusOf(labId, stepId) === 'passed') return;
    this.#update(labId, (p) => ({ ...p, passed: [...p.passed, stepId] }));
  }

  #stepChanged(): void {
    this.#epoch++;
    this.#results = undefined;
    this.#checking = false;
    this.#save();
    if (this.current) this.scheduleCheck();
  }

  #save(): void {
    try {
      this.#storage?.setItem(PROGRESS_KEY, JSON.stringify(this.toJSON()));
    } catch {
      // A full or unavailable storage loses only the remembered progress, never the session's.
    }
  }
}
