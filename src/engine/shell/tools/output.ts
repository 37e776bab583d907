/**
 * What a command writes, in order, to which stream. In a terminal (`kubectl exec -it`, the
 * interactive shell) stdout and stderr are the same pty, so they interleave as written and
 * kubectl receives one stream: the result carries everything in `stdout`. Without a terminal
 * (`kubectl exec POD -- cmd`) the two stay apart.
 */

import type { TraceHop } from '../../../shared/dns-types';
import type { CommandResult } from '../shell-types';

export class Output {
  readonly #chunks: { fd: 1 | 2; text: string }[] = [];
  readonly hops: TraceHop[] = [];

  out(text: string): this {
    if (text) this.#chunks.push({ fd: 1, text });
    return this;
  }

  err(text: string): this {
    if (text) this.#chunks.push({ fd: 2, text });
    return this;
  }

  /** The result; `tty` merges the streams in write order. */
  result(exitCode: number, tty: boolean, hops: TraceHop[] = this.hops): CommandResult {
    const stdout = this.#chunks.filter((c) => tty || c.fd === 1).map((c) => c.text).join('');
    const stderr = tty ? '' : this.#chunks.filter((c) => c.fd === 2).map((c) => c.text).join('');
    return { stdout, stderr, exitCode, ...(hops.length > 0 ? { hops } : {}) };
  }
}
