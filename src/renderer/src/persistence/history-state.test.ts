import { describe, expect, it } from 'vitest';
import type { StateDiff } from '../../../shared/cluster-snapshot';
import type { EngineClient } from '../../../shared/engine-protocol';
import { HistoryState } from './history-state.svelte';

const DIFF: StateDiff = { objects: { added: [], removed: [{ kind: 'Pod', namespace: 'default', name: 'pod4' }], modified: [] }, endpoints: [], dns: { added: [], removed: [] } };

function client(answers: Record<string, unknown>) {
  const sent: string[] = [];
  const c = {
    request: async (method: string) => {
      sent.push(method);
      if (answers[method] instanceof Error) throw answers[method];
      return answers[method];
    },
    on: () => () => undefined,
    failPending: () => undefined,
  } as unknown as EngineClient;
  return { c, sent };
}

describe('HistoryState', () => {
  it('an undo opens its diff until closed', async () => {
    const { c } = client({ undoLastApply: { undone: true, diff: DIFF, remaining: 2 } });
    const h = new HistoryState(c);
    await h.undo();
    expect(h.diff).toEqual(DIFF);
    expect(h.remaining).toBe(2);
    h.closeDiff();
    expect(h.diff).toBeUndefined();
  });

  it.each([
    { name: 'nothing to undo', answer: { undone: false }, note: 'nothingToUndo' },
    { name: 'a failed request', answer: new Error('engine gone'), note: 'failed' },
  ])('$name gives a note and no diff', async ({ answer, note }) => {
    const h = new HistoryState(client({ undoLastApply: answer }).c);
    await h.undo();
    expect(h.note).toBe(note);
    expect(h.diff).toBeUndefined();
  });

  it('reset asks first: cancel sends nothing, confirm resets', async () => {
    const { c, sent } = client({ reset: { now: 1 } });
    const h = new HistoryState(c);
    h.requestReset();
    expect(h.confirmingReset).toBe(true);
    h.cancelReset();
    expect(sent).toEqual([]);
    h.requestReset();
    await h.confirmReset();
    expect(sent).toEqual(['reset']);
    expect(h.confirmingReset).toBe(false);
    expect(h.note).toBe('resetDone');
  });
});
