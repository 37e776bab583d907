import { describe, expect, it } from 'vitest';
import { ControllerManager } from './controller-manager';
import { QueueController } from './queue-controller';
import { WorkQueue } from './work-queue';

class Echo extends QueueController {
  readonly synced: string[] = [];
  constructor(
    readonly name: string,
    private readonly onSync: (key: string, self: Echo) => void = () => {},
  ) {
    super();
  }
  push(key: string): void {
    this.queue.add(key);
  }
  protected sync(key: string): void {
    this.synced.push(key);
    this.onSync(key, this);
  }
}

describe('WorkQueue', () => {
  it('deduplicates waiting keys and keeps FIFO order', () => {
    const q = new WorkQueue();
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    expect([q.pop(), q.pop(), q.pop(), q.pop()]).toEqual(['a', 'b', 'c', undefined]);
  });

  it('re-queues a key added again after it was popped', () => {
    const q = new WorkQueue();
    q.add('a');
    q.pop();
    q.add('a');
    expect(q.keys()).toEqual(['a']);
  });
});

describe('ControllerManager', () => {
  it('runs controllers round-robin until every queue is empty', () => {
    const b = new Echo('b');
    const a = new Echo('a', (key) => {
      if (key === 'x') b.push('from-a');
    });
    a.push('x');
    const report = new ControllerManager([a, b]).runUntilQuiet();
    expect(report).toMatchObject({ converged: true, synced: 2, busy: [], failures: [] });
    expect(b.synced).toEqual(['from-a']);
  });

  it('reports a loop instead of hanging', () => {
    const ping = new Echo('ping', (key, self) => self.push(key));
    ping.push('k');
    const report = new ControllerManager([ping], { maxRounds: 50 }).runUntilQuiet();
    expect(report).toMatchObject({ converged: false, rounds: 50, busy: ['ping'] });
  });

  it('records a sync that throws and carries on', () => {
    const bad = new Echo('bad', (key) => {
      if (key === 'boom') throw new Error('exploded');
    });
    bad.push('boom');
    bad.push('fine');
    const report = new ControllerManager([bad]).runUntilQuiet();
    expect(report.failures).toEqual([{ controller: 'bad', key: 'boom', error: 'exploded' }]);
    expect(bad.synced).toEqual(['boom', 'fine']);
  });
});
