import type { TraceHop } from '../../../shared/dns-types';

/** The last network trace a terminal command produced: the topology animates it. */
export class TraceState {
  hops = $state.raw<readonly TraceHop[]>([]);
  /** Bumped on every new trace, so an identical trace replays. */
  generation = $state(0);

  show(hops: readonly TraceHop[]): void {
    this.hops = hops;
    this.generation++;
  }
}
