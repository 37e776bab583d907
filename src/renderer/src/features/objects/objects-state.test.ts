import { describe, expect, it } from 'vitest';
import type { EngineClient, EngineRequests, ObjectTable } from '../../../../shared/engine-protocol';
import { ObjectsState, getCommand, noResourcesText, visibleTable } from './objects-state.svelte';

const SERVICES: ObjectTable = {
  kind: 'Service',
  columns: [
    { name: 'NAME', wide: false },
    { name: 'TYPE', wide: false },
    { name: 'SELECTOR', wide: true },
  ],
  rows: [{ ref: { kind: 'Service', namespace: 'default', name: 'headless1' }, cells: ['headless1', 'ClusterIP', 'svc=headless'] }],
};

/** A client answering objectTables/objectYaml from functions, recording the requests. */
function fakeClient(answer: { [M in keyof EngineRequests]?: (input: EngineRequests[M]['input']) => Promise<EngineRequests[M]['output']> }) {
  const calls: { method: string; params: unknown }[] = [];
  const client: EngineClient = {
    request: (method, params) => {
      calls.push({ method, params });
      const f = answer[method] as ((p: unknown) => Promise<never>) | undefined;
      return f ? f(params) : Promise.reject(new Error(`unexpected ${method}`));
    },
    on: () => () => {},
    failPending: () => {},
  };
  return { client, calls };
}

describe('kubectl text in the Objects view', () => {
  it.each([
    { kind: 'Service', namespace: 'default', want: 'No resources found in default namespace.' },
    { kind: 'Pod', namespace: 'kube-system', want: 'No resources found in kube-system namespace.' },
    { kind: 'Pod', namespace: undefined, want: 'No resources found' },
    { kind: 'Node', namespace: 'default', want: 'No resources found' },
  ])('says "$want" for an empty $kind list in $namespace', ({ kind, namespace, want }) => {
    expect(noResourcesText(kind, namespace)).toBe(want);
  });

  it.each([
    { kind: 'Service', namespace: 'default', wide: false, want: 'kubectl get services' },
    { kind: 'Pod', namespace: 'kube-system', wide: true, want: 'kubectl get pods -n kube-system -o wide' },
    { kind: 'EndpointSlice', namespace: undefined, wide: false, want: 'kubectl get endpointslices -A' },
    { kind: 'Node', namespace: 'other', wide: true, want: 'kubectl get nodes -o wide' },
  ])('heads the $kind table with `$want`', ({ kind, namespace, wide, want }) => {
    expect(getCommand(kind, namespace, wide)).toBe(want);
  });

  it.each([
    { wide: false, columns: ['NAME', 'TYPE'], cells: ['headless1', 'ClusterIP'] },
    { wide: true, columns: ['NAME', 'TYPE', 'SELECTOR'], cells: ['headless1', 'ClusterIP', 'svc=headless'] },
  ])('shows the -o wide columns only when wide is $wide', ({ wide, columns, cells }) => {
    const table = visibleTable(SERVICES, wide);
    expect(table.columns).toEqual(columns);
    expect(table.rows[0].cells).toEqual(cells);
  });
});

describe('ObjectsState', () => {
  it.each([
    { namespace: 'default' as string | undefined, params: { namespace: 'default' } },
    { namespace: undefined, params: {} },
  ])('asks for the tables of namespace $namespace', async ({ namespace, params }) => {
    const { client, calls } = fakeClient({ objectTables: async () => [SERVICES] });
    const state = new ObjectsState(client);
    state.namespace = namespace;
    await state.refresh();
    expect(calls).toEqual([{ method: 'objectTables', params }]);
    expect(state.tables).toEqual([SERVICES]);
    expect(state.loaded).toBe(true);
  });

  it('keeps the newest answer when an older request returns late', async () => {
    let releaseFirst!: (t: ObjectTable[]) => void;
    let call = 0;
    const { client } = fakeClient({ objectTables: () => (++call === 1 ? new Promise((r) => (releaseFirst = r)) : Promise.resolve([])) });
    const state = new ObjectsState(client);
    const first = state.refresh();
    await state.refresh();
    releaseFirst([SERVICES]);
    await first;
    expect(state.tables).toEqual([]);
  });

  it.each([
    { answer: { yaml: 'kind: Service\n' }, text: 'kind: Service\n' },
    { answer: { error: 'Error from server (NotFound): services "gone" not found' }, text: 'Error from server (NotFound): services "gone" not found' },
  ])('shows the YAML or kubectl error of the picked object: $text', async ({ answer, text }) => {
    const { client } = fakeClient({ objectYaml: async () => answer });
    const state = new ObjectsState(client);
    const ref = { kind: 'Service', namespace: 'default', name: 'gone' };
    await state.showYaml(ref);
    expect(state.yaml).toEqual({ ref, text });
    state.closeYaml();
    expect(state.yaml).toBeUndefined();
  });

  it('re-reads the open YAML on refresh, so it follows the cluster', async () => {
    let version = 1;
    const { client } = fakeClient({ objectTables: async () => [], objectYaml: async () => ({ yaml: `v${version}\n` }) });
    const state = new ObjectsState(client);
    await state.showYaml({ kind: 'Pod', namespace: 'default', name: 'pod4' });
    version = 2;
    await state.refresh();
    expect(state.yaml?.text).toBe('v2\n');
  });

  it('survives an engine restart mid-request without throwing', async () => {
    const { client } = fakeClient({ objectTables: () => Promise.reject(new Error('engine restarted')) });
    const state = new ObjectsState(client);
    await expect(state.refresh()).resolves.toBeUndefined();
    expect(state.loaded).toBe(false);
  });
});
