/**
 * Guided labs as data: `resources/labs/<id>/lab.yaml` plus the manifests it names. The engine
 * parses a lab (one YAML parser, located errors) and evaluates its checks against the cluster and
 * the terminal's transcript; the renderer shows the steps. A teacher writes the same files.
 */

/** Text in both languages (a missing one falls back to the other). */
export interface LocalizedText {
  ko: string;
  en: string;
}

/** A "predict first" question: asked before the learner runs the step, answered after. */
export interface LabPrediction {
  question: LocalizedText;
  choices: LocalizedText[];
  /** Index into `choices`. */
  answer: number;
  /** Why, shown once the learner has picked. */
  explain: LocalizedText;
}

/** A command one click away in the terminal (typed into the session, as if the learner had). */
export interface LabCommand {
  line: string;
  /** Why this command (shown beside it). */
  note?: LocalizedText;
}

/** The object exists (or, with `absent`, does not); optionally one jsonpath of it equals / matches. */
export interface ObjectCheck {
  kind: 'object';
  ref: { kind: string; namespace?: string; name: string };
  absent?: boolean;
  /** kubectl's jsonpath syntax: `{.spec.clusterIP}`, `{.subsets[0].addresses[*].ip}`. */
  jsonpath?: string;
  equals?: string;
  /** A JavaScript regular expression the jsonpath output must match. */
  matches?: string;
}

/** The cluster DNS answers `name`/`type` (asked of the cluster DNS service directly, FQDN). */
export interface DnsCheck {
  kind: 'dns';
  name: string;
  type: 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'TXT';
  rcode?: 'NOERROR' | 'NXDOMAIN';
  /** Exactly this many answers of `type`. */
  count?: number;
  /** Some answer's data contains this text. */
  contains?: string;
}

/** A command the learner ran printed something: both are regular expressions. */
export interface OutputCheck {
  kind: 'output';
  /** Matches the command line as typed (e.g. `nslookup\s+headless1\b`). */
  command: string;
  /** Matches its stdout + stderr. Absent: having run the command is enough. */
  matches?: string;
}

export type LabCheck = ObjectCheck | DnsCheck | OutputCheck;

export interface LabStep {
  id: string;
  title: LocalizedText;
  /** Paragraphs separated by blank lines; `code` and **bold** inline. */
  text: LocalizedText;
  predict?: LabPrediction;
  /** Files of the lab folder this step opens in the editor (as tabs named by the file name). */
  manifests?: string[];
  commands?: LabCommand[];
  /** All must pass for the step to turn green. None: the learner marks the step done. */
  checks?: LabCheck[];
  hint?: LocalizedText;
}

export interface Lab {
  /** The folder's name for built-in labs; unique among loaded labs. */
  id: string;
  /** Ordering in the list (the chapter's order). */
  order: number;
  title: LocalizedText;
  summary: LocalizedText;
  steps: LabStep[];
  /** Cluster settings the lab needs (the folder's cluster.yaml), as text. */
  clusterConfig?: string;
  /** Every file of the folder by name (manifests), so the lab is self-contained data. */
  files: Record<string, string>;
  source: 'built-in' | 'teacher';
}

/** One line the learner ran in a terminal session, and what it printed. */
export interface TranscriptEntry {
  session: string;
  line: string;
  output: string;
  exitCode: number;
}

export interface LabCheckResult {
  ok: boolean;
  /** Why it failed (or what it saw), in both languages, for the hint line under the step. */
  detail: LocalizedText;
}

/** A problem in a lab's files, located like an apply error; the text in both languages (the CLI prints `en`). */
export interface LabProblem {
  file: string;
  line?: number;
  column?: number;
  message: LocalizedText;
}
