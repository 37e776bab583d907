/**
 * A write interrupted at any point leaves the last good save readable: the save is replayed with
 * the k-th filesystem call failing, for every k — as a crash (every later call fails too, the
 * process is gone) and as a one-off error — and with writes that leave a truncated file behind.
 */
import { describe, expect, it } from 'vitest';
import type { FileHandleLike, FsLike } from './atomic-write';
import { atomicWrite } from './atomic-write';
import { WorkspaceStore } from './workspace-store';

type FailMode = 'crash' | 'once';

/** An in-memory folder: open('w') truncates at once, rename is atomic, as on a real filesystem. */
class MemoryFs implements FsLike {
  readonly files = new Map<string, string>();
  readonly calls: string[] = [];
  failAt = -1;
  mode: FailMode = 'crash';
  /** A failing writeFile first writes this share of its data (a torn write). */
  tornShare = 0.5;
  #dead = false;

  #call(name: string): void {
    const index = this.calls.length;
    this.calls.push(name);
    if (this.#dead) throw new Error('process is gone');
    if (index === this.failAt) {
      if (this.mode === 'crash') this.#dead = true;
      throw Object.assign(new Error(`injected failure at ${name}`), { code: 'EIO' });
    }
  }

  async open(path: string, flags: 'w' | 'r'): Promise<FileHandleLike> {
    this.#call(`open ${path} ${flags}`);
    if (flags === 'w') this.files.set(path, '');
    return {
      writeFile: async (data) => {
        const failing = this.calls.length === this.failAt || this.#dead;
        if (failing) this.files.set(path, data.slice(0, Math.floor(data.length * this.tornShare)));
        this.#call(`write ${path}`);
        this.files.set(path, data);
      },
      sync: async () => this.#call(`sync ${path}`),
      close: async () => this.#call(`close ${path}`),
    };
  }
  async rename(from: string, to: string): Promise<void> {
    this.#call(`rename ${from} ${to}`);
    const data = this.files.get(from);
    if (data === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    this.files.delete(from);
    this.files.set(to, data);
  }
  async readFile(path: string): Promise<string> {
    this.#call(`read ${path}`);
    const data = this.files.get(path);
    if (data === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return data;
  }
  async unlink(path: string): Promise<void> {
    this.#call(`unlink ${path}`);
    this.files.delete(path);
  }
  async mkdir(): Promise<unknown> {
    this.#call('mkdir');
    return undefined;
  }
  /** The disk after a restart: same files, a live process. */
  restarted(): MemoryFs {
    const fs = new MemoryFs();
    for (const [k, v] of this.files) fs.files.set(k, v);
    return fs;
  }
}

const A = { files: [{ name: 'pods.yaml', text: 'kind: Pod\n'.repeat(50) }], step: 'A' };
const B = { files: [{ name: 'pods.yaml', text: 'kind: Service\n'.repeat(80) }], step: 'B' };

async function diskWithA(): Promise<MemoryFs> {
  const fs = new MemoryFs();
  expect(await new WorkspaceStore(fs, '/data').save(A)).toEqual({ ok: true });
  return fs;
}

/** How many fs calls a save of B makes over a disk holding A, and where the main file is replaced. */
async function saveOfB(): Promise<{ total: number; replacedAt: number }> {
  const fs = await diskWithA();
  const start = fs.calls.length;
  await new WorkspaceStore(fs, '/data').save(B);
  const calls = fs.calls.slice(start);
  return { total: calls.length, replacedAt: calls.indexOf('rename /data/workspace.json.tmp /data/workspace.json') };
}

describe('WorkspaceStore under interrupted writes', () => {
  const modes: { mode: FailMode; torn: number }[] = [
    { mode: 'crash', torn: 0.5 },
    { mode: 'crash', torn: 0 },
    { mode: 'once', torn: 0.5 },
  ];

  it.each(modes)('$mode at every fs call (torn writes keep $torn of the data): the last good save loads', async ({ mode, torn }) => {
    const { total, replacedAt } = await saveOfB();
    expect(replacedAt).toBeGreaterThan(0);
    for (let k = 0; k < total; k++) {
      const fs = await diskWithA();
      fs.failAt = fs.calls.length + k;
      fs.mode = mode;
      fs.tornShare = torn;
      const result = await new WorkspaceStore(fs, '/data').save(B);
      const loaded = await new WorkspaceStore(fs.restarted(), '/data').load();
      // A save that reports success is on disk. Otherwise: failing before the main file was
      // replaced leaves A; at or after it, B is already in place. Never anything else.
      const expected = result.ok || k > replacedAt ? B : A;
      expect({ k, workspace: loaded.workspace }).toEqual({ k, workspace: expected });
      expect(loaded.source).toBe('saved');
      if (mode === 'crash' && k <= replacedAt) expect(result.ok).toBe(false);
    }
  });

  it('a save that completes is loaded, and the one before it is kept as the backup', async () => {
    const fs = await diskWithA();
    await new WorkspaceStore(fs, '/data').save(B);
    expect(await new WorkspaceStore(fs, '/data').load()).toEqual({ workspace: B, source: 'saved' });
    expect(JSON.parse(fs.files.get('/data/workspace.json.bak')!).workspace).toEqual(A);
  });

  it.each([
    { name: 'truncated', damage: (t: string) => t.slice(0, t.length / 2), problem: 'damaged: not JSON' },
    { name: 'emptied', damage: () => '', problem: 'damaged: not JSON' },
    { name: 'another program’s JSON', damage: () => '{"hello":1}', problem: 'damaged: not a Service Lab workspace' },
    { name: 'a newer format', damage: () => '{"format":"svclab-workspace","version":7,"workspace":{}}', problem: 'workspace format version 7' },
  ])('a $name workspace.json falls back to the previous good save and says so', async ({ damage, problem }) => {
    const fs = await diskWithA();
    await new WorkspaceStore(fs, '/data').save(B);
    fs.files.set('/data/workspace.json', damage(fs.files.get('/data/workspace.json')!));
    const loaded = await new WorkspaceStore(fs, '/data').load();
    expect(loaded).toMatchObject({ workspace: A, source: 'backup' });
    expect(loaded.problem).toContain(problem);
  });

  it('a damaged file never replaces the good backup', async () => {
    const fs = await diskWithA();
    await new WorkspaceStore(fs, '/data').save(B);
    fs.files.set('/data/workspace.json', '{"format":"svclab-wor');
    await new WorkspaceStore(fs, '/data').save({ step: 'C' });
    expect(JSON.parse(fs.files.get('/data/workspace.json.bak')!).workspace).toEqual(A);
    expect((await new WorkspaceStore(fs, '/data').load()).workspace).toEqual({ step: 'C' });
  });

  it.each([
    { name: 'nothing was ever saved', files: {}, expected: { source: 'none' } },
    { name: 'both copies are damaged', files: { '/data/workspace.json': 'x', '/data/workspace.json.bak': 'y' }, expected: { source: 'none', problem: expect.stringContaining('workspace.json.bak: damaged') } },
  ])('$name: no workspace', async ({ files, expected }) => {
    const fs = new MemoryFs();
    for (const [k, v] of Object.entries(files)) fs.files.set(k, v);
    expect(await new WorkspaceStore(fs, '/data').load()).toEqual(expected);
  });

  it('saves run one after another: the last one wins', async () => {
    const fs = new MemoryFs();
    const store = new WorkspaceStore(fs, '/data');
    const results = await Promise.all([store.save({ n: 1 }), store.save({ n: 2 }), store.save({ n: 3 })]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect((await store.load()).workspace).toEqual({ n: 3 });
  });

  it('refuses what is not JSON data, keeping the last save', async () => {
    const fs = await diskWithA();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const result = await new WorkspaceStore(fs, '/data').save(cyclic);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('not JSON data') });
    expect((await new WorkspaceStore(fs, '/data').load()).workspace).toEqual(A);
  });
});

describe('atomicWrite', () => {
  it('leaves no temporary file behind when the write fails', async () => {
    const fs = new MemoryFs();
    fs.failAt = 2; // the write into the temporary file
    fs.mode = 'once';
    await expect(atomicWrite(fs, '/data/f.json', 'new')).rejects.toThrow('injected failure');
    expect([...fs.files.keys()]).toEqual([]);
  });

  it('syncs the file before renaming it, and the folder after', async () => {
    const fs = new MemoryFs();
    await atomicWrite(fs, '/data/f.json', 'new');
    expect(fs.calls).toEqual(['mkdir', 'open /data/f.json.tmp w', 'write /data/f.json.tmp', 'sync /data/f.json.tmp', 'close /data/f.json.tmp', 'rename /data/f.json.tmp /data/f.json', 'open /data r', 'sync /data', 'close /data']);
    expect(fs.files.get('/data/f.json')).toBe('new');
  });
});
