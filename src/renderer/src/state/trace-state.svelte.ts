import type { TraceHop } from '../../../shared/dns-types';

/** The last network trace a terminal command produced: the topology animates it, the trace panel lists it. */
export class TraceState {
  hops = $state.raw<readonly TraceHop[]>([]);
  /** The command line that produced it (for the trace panel's title). */
  command = $state<string | undefined>(undefined);
  /** Bumped on every new trace, so an identical trace replays. */
  generation = $state(0);

  show(hops: readonly TraceHop[], command?: string): void {
    this.hops = hops;
    this.command = command;
    this.generation++;
  }
}
