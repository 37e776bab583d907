import { describe, expect, it } from 'vitest';
import { ExportState } from './export-state.svelte';
import { exportFileName } from './download';

describe('export dialog state', () => {
  it('falls back from SVG to PNG while the topology is a canvas, and refuses SVG then', () => {
    const state = new ExportState();
    state.show(true);
    state.choose('topology-svg');
    expect(state.kind).toBe('topology-svg');
    state.show(false);
    expect([state.kind, state.svgAvailable]).toEqual(['topology-png', false]);
    state.choose('topology-svg');
    expect(state.kind).toBe('topology-png');
  });

  it('closes after a successful export with the chosen kind and background', async () => {
    const state = new ExportState();
    state.show(true);
    state.choose('dns-png');
    state.setBackground('transparent');
    const seen: string[] = [];
    await state.run(async (kind, background) => void seen.push(`${kind}/${background}`));
    expect(seen).toEqual(['dns-png/transparent']);
    expect([state.open, state.busy, state.error]).toEqual([false, false, undefined]);
  });

  it('stays open with the error when an export fails', async () => {
    const state = new ExportState();
    state.show(true);
    await state.run(async () => {
      throw new Error('canvas 2d context unavailable');
    });
    expect([state.open, state.error]).toEqual([true, 'canvas 2d context unavailable']);
    state.show(true);
    expect(state.error).toBeUndefined();
  });

  it('names files by what and when, sortable', () => {
    expect(exportFileName('topology', 'svg', new Date(2024, 0, 6, 9, 5, 7))).toBe('svclab-topology-20240106-090507.svg');
  });
});
