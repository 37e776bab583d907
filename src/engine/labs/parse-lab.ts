/**
 * Reads a lab folder — `lab.yaml` plus the manifests it names (and an optional `cluster.yaml`) —
 * into a `Lab`, or reports every problem it finds, located (file, 1-based line and column) the way
 * an apply error is, so a teacher can fix their lab from the list. Nothing half-valid is returned:
 * a lab with one problem is not loaded, because a step with a broken check could never turn green.
 *
 * The format is documented for teachers in resources/labs/README.md.
 */

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DnsCheck, Lab, LabCheck, LabCommand, LabPrediction, LabProblem, LabStep, LocalizedText, ObjectCheck, OutputCheck } from '../../shared/lab-types';
import { parseClusterConfig } from '../config/parse-cluster-config';
import { typeOfKind } from '../shell/kubectl/resources';
import { parseJsonPath } from '../shell/kubectl/printers/jsonpath';
import type { TemplateParam, TemplateParams } from '../localized-template';
import { labProblemText, type LabProblemId } from './lab-problem-messages';

/** The lab's own file in its folder. */
export const LAB_FILE = 'lab.yaml';
/** The optional cluster settings of a lab (svclab --config format). */
export const CLUSTER_FILE = 'cluster.yaml';

/** What the host gives: every file of the folder by name, and where the lab comes from. */
export interface LabSource {
  files: Record<string, string>;
  id: string;
  source: Lab['source'];
}

export type ParsedLab = { lab: Lab } | { problems: LabProblem[] };

const DNS_TYPES: readonly DnsCheck['type'][] = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT'];
const RCODES: readonly NonNullable<DnsCheck['rcode']>[] = ['NOERROR', 'NXDOMAIN'];
const STEP_ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const TOP_KEYS = ['order', 'title', 'summary', 'steps'];
const STEP_KEYS = ['id', 'title', 'text', 'predict', 'manifests', 'commands', 'checks', 'hint'];
const PREDICT_KEYS = ['question', 'choices', 'answer', 'explain'];
const COMMAND_KEYS = ['line', 'note'];
const CHECK_KEYS: Record<LabCheck['kind'], readonly string[]> = {
  object: ['kind', 'ref', 'absent', 'jsonpath', 'equals', 'matches'],
  dns: ['kind', 'name', 'type', 'rcode', 'count', 'contains'],
  output: ['kind', 'command', 'matches'],
};
const REF_KEYS = ['kind', 'namespace', 'name'];

/** `kubectl apply -f NAME` (or `create -f`) in a command line: the file it reads. */
const APPLY_FILE = /^kubectl\s+(?:apply|create|delete|replace)\b.*?\s(?:-f|--filename)(?:\s+|=)(\S+)/;

/** The file a command line reads with `kubectl apply -f`, if any (`./x.yaml` → `x.yaml`). */
export function appliedFile(line: string): string | undefined {
  const m = APPLY_FILE.exec(line.trim());
  return m ? m[1].replace(/^\.\//, '') : undefined;
}

/** Parses a lab folder. */
export function parseLab(input: LabSource): ParsedLab {
  const text = input.files[LAB_FILE];
  if (typeof text !== 'string') return { problems: [{ file: LAB_FILE, message: labProblemText('noLabFile', { file: LAB_FILE }) }] };
  const reader = new Reader(text, input.files);
  const lab = reader.read(input);
  const problems = reader.problems;
  const cluster = input.files[CLUSTER_FILE];
  if (cluster !== undefined) {
    const parsed = parseClusterConfig(cluster);
    if ('errors' in parsed) for (const message of parsed.errors) problems.push({ file: CLUSTER_FILE, message });
  }
  if (problems.length > 0 || !lab) return { problems };
  return { lab: { ...lab, ...(cluster !== undefined ? { clusterConfig: cluster } : {}) } };
}

/** Walks lab.yaml's node tree, collecting located problems as it goes. */
class Reader {
  readonly problems: LabProblem[] = [];
  readonly #lines = new LineCounter();
  readonly #text: string;
  readonly #files: Record<string, string>;

  constructor(text: string, files: Record<string, string>) {
    this.#text = text;
    this.#files = files;
  }

  read(input: LabSource): Omit<Lab, 'clusterConfig'> | undefined {
    const doc = parseDocument(this.#text, { lineCounter: this.#lines, prettyErrors: false, uniqueKeys: true });
    for (const error of doc.errors) {
      const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      // The usual cause in lab texts: an unquoted sentence with ": " in it reads as a nested key.
      const colon = /Nested mappings are not allowed in compact mappings|Implicit map keys need to be/.test(detail);
      this.#problemAt(error.pos[0], colon ? 'yamlColon' : 'yamlSyntax', { detail });
    }
    if (doc.errors.length > 0) return undefined;
    const root = doc.contents;
    if (!isMap(root)) {
      this.#problem(root, 'labNotMapping');
      return undefined;
    }
    const map = this.#fields(root, TOP_KEYS, '', ['order', 'title', 'summary', 'steps']);
    const order = this.#integer(map.order, 'order', 1);
    const title = this.#localized(map.title, 'title');
    const summary = this.#localized(map.summary, 'summary');
    const steps: LabStep[] = [];
    const seenIds = new Set<string>();
    const stepNodes = this.#seq(map.steps, 'steps');
    if (stepNodes && stepNodes.length === 0) this.#problem(map.steps, 'noSteps', { path: 'steps' });
    stepNodes?.forEach((node, i) => {
      const step = this.#step(node, `steps[${i}]`, seenIds);
      if (step) steps.push(step);
    });
    if (order === undefined || !title || !summary || !stepNodes) return undefined;
    const files: Record<string, string> = {};
    for (const [name, content] of Object.entries(input.files)) if (name !== LAB_FILE) files[name] = content;
    return { id: input.id, order, title, summary, steps, files, source: input.source };
  }

  #step(node: Node | undefined, path: string, seenIds: Set<string>): LabStep | undefined {
    if (!isMap(node)) {
      this.#problem(node, 'stepNotMapping', { path });
      return undefined;
    }
    const f = this.#fields(node, STEP_KEYS, path, ['id', 'title', 'text']);
    const id = this.#string(f.id, `${path}.id`);
    if (id !== undefined) {
      if (!STEP_ID.test(id)) this.#problem(f.id, 'badStepId', { path: `${path}.id`, id });
      else if (seenIds.has(id)) this.#problem(f.id, 'duplicateStepId', { path: `${path}.id`, id });
      seenIds.add(id);
    }
    const title = this.#localized(f.title, `${path}.title`);
    const text = this.#localized(f.text, `${path}.text`);
    const step: LabStep = { id: id ?? '', title: title ?? { ko: '', en: '' }, text: text ?? { ko: '', en: '' } };
    if (f.predict) step.predict = this.#predict(f.predict, `${path}.predict`);
    if (f.manifests) step.manifests = this.#manifests(f.manifests, `${path}.manifests`);
    if (f.commands) step.commands = this.#commands(f.commands, `${path}.commands`);
    if (f.checks) step.checks = this.#checks(f.checks, `${path}.checks`);
    if (f.hint) step.hint = this.#localized(f.hint, `${path}.hint`);
    return step;
  }

  #predict(node: Node, path: string): LabPrediction | undefined {
    if (!isMap(node)) {
      this.#problem(node, 'predictNotMapping', { path });
      return undefined;
    }
    const f = this.#fields(node, PREDICT_KEYS, path, PREDICT_KEYS);
    const question = this.#localized(f.question, `${path}.question`);
    const explain = this.#localized(f.explain, `${path}.explain`);
    const choiceNodes = this.#seq(f.choices, `${path}.choices`);
    const choices = choiceNodes?.map((c, i) => this.#localized(c, `${path}.choices[${i}]`));
    if (choiceNodes && choiceNodes.length < 2) this.#problem(f.choices, 'tooFewChoices', { path: `${path}.choices` });
    const answer = this.#integer(f.answer, `${path}.answer`, 0);
    if (answer !== undefined && choiceNodes && answer >= choiceNodes.length) {
      this.#problem(f.answer, 'answerOutOfRange', { path: `${path}.answer`, answer, last: choiceNodes.length - 1 });
      return undefined;
    }
    if (!question || !explain || !choices || choices.some((c) => !c) || answer === undefined) return undefined;
    return { question, choices: choices as LocalizedText[], answer, explain };
  }

  #manifests(node: Node, path: string): string[] | undefined {
    const items = this.#seq(node, path);
    if (!items) return undefined;
    const names: string[] = [];
    items.forEach((item, i) => {
      const name = this.#string(item, `${path}[${i}]`);
      if (name === undefined) return;
      if (name === LAB_FILE || name === CLUSTER_FILE) this.#problem(item, 'ownFile', { path: `${path}[${i}]`, name });
      else if (!(name in this.#files)) this.#problem(item, 'missingManifest', { path: `${path}[${i}]`, name });
      names.push(name);
    });
    return names;
  }

  #commands(node: Node, path: string): LabCommand[] | undefined {
    const items = this.#seq(node, path);
    if (!items) return undefined;
    const commands: LabCommand[] = [];
    items.forEach((item, i) => {
      const at = `${path}[${i}]`;
      let lineNode: Node | undefined = item;
      let note: LocalizedText | undefined;
      if (isMap(item)) {
        const f = this.#fields(item, COMMAND_KEYS, at, ['line']);
        lineNode = f.line;
        if (f.note) note = this.#localized(f.note, `${at}.note`);
      }
      const line = this.#string(lineNode, isMap(item) ? `${at}.line` : at);
      if (line === undefined) return;
      if (/[\r\n]/.test(line.trim())) {
        this.#problem(lineNode, 'multiLineCommand', { path: at });
        return;
      }
      const file = appliedFile(line);
      if (file !== undefined && !(file in this.#files) && file !== '-') this.#problem(lineNode, 'commandFileMissing', { path: at, line: line.trim(), file });
      commands.push(note ? { line: line.trim(), note } : { line: line.trim() });
    });
    return commands;
  }

  #checks(node: Node, path: string): LabCheck[] | undefined {
    const items = this.#seq(node, path);
    if (!items) return undefined;
    const checks: LabCheck[] = [];
    items.forEach((item, i) => {
      const check = this.#check(item, `${path}[${i}]`);
      if (check) checks.push(check);
    });
    return checks;
  }

  #check(node: Node | undefined, path: string): LabCheck | undefined {
    if (!isMap(node)) {
      this.#problem(node, 'checkNotMapping', { path });
      return undefined;
    }
    const kindNode = node.get('kind', true) as Node | undefined;
    const kind = this.#string(kindNode, `${path}.kind`);
    if (kind === undefined) {
      if (!kindNode) this.#problem(node, 'missingCheckKind', { path });
      return undefined;
    }
    if (kind !== 'object' && kind !== 'dns' && kind !== 'output') {
      this.#problem(kindNode, 'unsupportedValue', { path: `${path}.kind`, value: kind, allowed: quotedList(['object', 'dns', 'output']) });
      return undefined;
    }
    if (kind === 'object') return this.#objectCheck(node, path);
    if (kind === 'dns') return this.#dnsCheck(node, path);
    return this.#outputCheck(node, path);
  }

  #objectCheck(node: YAMLMap, path: string): ObjectCheck | undefined {
    const f = this.#fields(node, CHECK_KEYS.object, path, ['ref']);
    const check: ObjectCheck = { kind: 'object', ref: { kind: '', name: '' } };
    let ok = true;
    if (isMap(f.ref)) {
      const r = this.#fields(f.ref, REF_KEYS, `${path}.ref`, ['kind', 'name']);
      const kind = this.#string(r.kind, `${path}.ref.kind`);
      const type = kind === undefined ? undefined : typeOfKind(kind);
      if (kind !== undefined && (!type || type.kind !== kind)) {
        this.#problem(r.kind, 'unknownObjectKind', { path: `${path}.ref.kind`, kind, kinds: KNOWN_KINDS });
        ok = false;
      }
      const name = this.#string(r.name, `${path}.ref.name`);
      const namespace = r.namespace ? this.#string(r.namespace, `${path}.ref.namespace`) : undefined;
      if (type && !type.namespaced && namespace !== undefined) this.#problem(r.namespace, 'notNamespaced', { path: `${path}.ref.namespace`, kind: type.kind });
      if (kind === undefined || name === undefined) ok = false;
      check.ref = { kind: kind ?? '', ...(namespace !== undefined ? { namespace } : {}), name: name ?? '' };
    } else if (f.ref) {
      this.#problem(f.ref, 'refNotMapping', { path: `${path}.ref` });
      ok = false;
    } else ok = false;
    if (f.absent) {
      const absent = this.#boolean(f.absent, `${path}.absent`);
      if (absent === undefined) ok = false;
      else if (absent) check.absent = true;
    }
    if (f.jsonpath) {
      const jsonpath = this.#string(f.jsonpath, `${path}.jsonpath`);
      if (jsonpath !== undefined) {
        try {
          parseJsonPath(jsonpath);
          check.jsonpath = jsonpath;
        } catch (error) {
          this.#problem(f.jsonpath, 'badJsonpath', { path: `${path}.jsonpath`, detail: error instanceof Error ? error.message : String(error) });
          ok = false;
        }
      } else ok = false;
    }
    if (f.equals) {
      const equals = this.#scalarText(f.equals, `${path}.equals`);
      if (equals === undefined) ok = false;
      else check.equals = equals;
    }
    if (f.matches) {
      const matches = this.#regex(f.matches, `${path}.matches`);
      if (matches === undefined) ok = false;
      else check.matches = matches;
    }
    if ((f.equals || f.matches) && !f.jsonpath) {
      this.#problem(f.equals ?? f.matches, 'comparesNeedJsonpath', { path });
      ok = false;
    }
    if (f.equals && f.matches) {
      this.#problem(f.matches, 'equalsAndMatches', { path });
      ok = false;
    }
    if (check.absent && f.jsonpath) {
      this.#problem(f.jsonpath, 'absentWithJsonpath', { path });
      ok = false;
    }
    return ok ? check : undefined;
  }

  #dnsCheck(node: YAMLMap, path: string): DnsCheck | undefined {
    const f = this.#fields(node, CHECK_KEYS.dns, path, ['name', 'type']);
    const name = this.#string(f.name, `${path}.name`);
    const type = this.#oneOf(f.type, `${path}.type`, DNS_TYPES);
    let ok = name !== undefined && type !== undefined;
    const check: DnsCheck = { kind: 'dns', name: name ?? '', type: type ?? 'A' };
    if (f.rcode) {
      const rcode = this.#oneOf(f.rcode, `${path}.rcode`, RCODES);
      if (rcode === undefined) ok = false;
      else check.rcode = rcode;
    }
    if (f.count) {
      const count = this.#integer(f.count, `${path}.count`, 0);
      if (count === undefined) ok = false;
      else check.count = count;
    }
    if (f.contains) {
      const contains = this.#scalarText(f.contains, `${path}.contains`);
      if (contains === undefined) ok = false;
      else check.contains = contains;
    }
    if (check.rcode === 'NXDOMAIN' && (check.count || check.contains !== undefined)) {
      this.#problem(f.count ?? f.contains, 'nxdomainWithRecords', { path });
      ok = false;
    }
    return ok ? check : undefined;
  }

  #outputCheck(node: YAMLMap, path: string): OutputCheck | undefined {
    const f = this.#fields(node, CHECK_KEYS.output, path, ['command']);
    const command = this.#regex(f.command, `${path}.command`);
    const check: OutputCheck = { kind: 'output', command: command ?? '' };
    let ok = command !== undefined;
    if (f.matches) {
      const matches = this.#regex(f.matches, `${path}.matches`);
      if (matches === undefined) ok = false;
      else check.matches = matches;
    }
    return ok ? check : undefined;
  }

  // ------------------------------------------------------------ value readers

  /** The map's values by key; unknown keys and missing required keys are problems. */
  #fields(map: YAMLMap, known: readonly string[], path: string, required: readonly string[]): Record<string, Node | undefined> {
    const out: Record<string, Node | undefined> = {};
    for (const pair of map.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !known.includes(key)) {
        const near = key === undefined ? undefined : known.find((k) => closeTo(k, key));
        const where = { path: pathOrLab(path), key: key ?? '?' };
        if (near) this.#problem(pair.key as Node, 'unknownKeyNear', { ...where, near });
        else this.#problem(pair.key as Node, 'unknownKey', { ...where, known: known.join(', ') });
        continue;
      }
      // A key with no value (`hint:`) counts as given (no second "missing" problem) but reads as absent.
      const value = pair.value as Node | null;
      const empty = value === null || (isScalar(value) && value.value === null && !value.source);
      out[key] = empty ? undefined : value;
      if (empty) this.#problem(pair.key as Node, 'noValue', { path: path ? `${path}.${key}` : key });
    }
    for (const key of required) if (!(key in out)) this.#problem(map, 'missingKey', { path: pathOrLab(path), key });
    return out;
  }

  #localized(node: Node | undefined, path: string): LocalizedText | undefined {
    if (!node) return undefined;
    if (!isMap(node)) {
      this.#problem(node, 'notLocalized', { path });
      return undefined;
    }
    const f = this.#fields(node, ['ko', 'en'], path, []);
    let missing = false;
    for (const lang of ['ko', 'en'] as const) {
      if (!f[lang]) {
        this.#problem(node, lang === 'ko' ? 'missingKo' : 'missingEn', { path });
        missing = true;
      }
    }
    const ko = f.ko ? this.#string(f.ko, `${path}.ko`) : undefined;
    const en = f.en ? this.#string(f.en, `${path}.en`) : undefined;
    if (missing || ko === undefined || en === undefined) return undefined;
    return { ko: ko.trim(), en: en.trim() };
  }

  #seq(node: Node | undefined, path: string): Node[] | undefined {
    if (!node) return undefined;
    if (!isSeq(node)) {
      this.#problem(node, 'notList', { path });
      return undefined;
    }
    return node.items as Node[];
  }

  #string(node: Node | undefined, path: string): string | undefined {
    if (!node) return undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      this.#problem(node, isScalar(node) && node.value === '' ? 'emptyText' : 'notText', { path });
      return undefined;
    }
    return node.value;
  }

  /** A string, or a number/boolean taken as the text YAML wrote (jsonpath output is text). */
  #scalarText(node: Node | undefined, path: string): string | undefined {
    if (!node) return undefined;
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) return node.source ?? String(node.value);
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    this.#problem(node, 'notText', { path });
    return undefined;
  }

  #integer(node: Node | undefined, path: string, min: number): number | undefined {
    if (!node) return undefined;
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < min) {
      this.#problem(node, min > 0 ? 'notWholeNumberFrom' : 'notWholeNumber', { path, min });
      return undefined;
    }
    return node.value;
  }

  #boolean(node: Node | undefined, path: string): boolean | undefined {
    if (!node) return undefined;
    if (!isScalar(node) || typeof node.value !== 'boolean') {
      this.#problem(node, 'notBoolean', { path });
      return undefined;
    }
    return node.value;
  }

  #oneOf<T extends string>(node: Node | undefined, path: string, allowed: readonly T[]): T | undefined {
    const value = this.#string(node, path);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.#problem(node, 'unsupportedValue', { path, value, allowed: quotedList(allowed) });
      return undefined;
    }
    return value as T;
  }

  #regex(node: Node | undefined, path: string): string | undefined {
    const value = this.#string(node, path);
    if (value === undefined) return undefined;
    try {
      new RegExp(value, 'm');
      return value;
    } catch (error) {
      this.#problem(node, 'badRegex', { path, detail: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }

  #problem(node: Node | null | undefined, id: LabProblemId, params: TemplateParams = {}): void {
    this.#problemAt(node?.range?.[0], id, params);
  }

  #problemAt(offset: number | undefined, id: LabProblemId, params: TemplateParams = {}): void {
    const message = labProblemText(id, params);
    if (offset === undefined) {
      this.problems.push({ file: LAB_FILE, message });
      return;
    }
    const { line, col } = this.#lines.linePos(offset);
    this.problems.push({ file: LAB_FILE, line, column: col, message });
  }
}

const KNOWN_KINDS = ['Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Namespace', 'Node'].join(', ');

/** lab.yaml's top level has no path of its own: problems there name "the lab". */
const THE_LAB = { en: 'the lab', ko: '실습' };
const pathOrLab = (path: string): TemplateParam => path || THE_LAB;

/** `"a", "b", "c"`: allowed values as a problem lists them. */
const quotedList = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

/** A likely typo of `known` (case-insensitive, one or two edits). */
function closeTo(known: string, typed: string): boolean {
  const a = known.toLowerCase();
  const b = typed.toLowerCase();
  if (Math.abs(a.length - b.length) > 2) return false;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] <= 2;
}
