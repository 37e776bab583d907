/**
 * The Corefile CoreDNS is running, and how a new one takes over. With the `reload` plugin
 * (plugin/reload/reload.go) CoreDNS polls the mounted file and restarts its server blocks when
 * the content changes; if the new Corefile fails to parse it logs
 * `[ERROR] plugin/reload: Corefile changed but reload failed: …` and keeps serving the old
 * configuration. Without `reload`, a change waits for the pod to restart, and a restart with a
 * broken Corefile leaves CoreDNS down (the pod crash-loops on the parse error).
 */

import type { CorefileConfig } from './corefile';
import { findPlugin, parseCorefile } from './corefile';

/** What happened to a proposed Corefile. */
export interface CorefileChange {
  applied: boolean;
  /** The parse error, as CoreDNS prints it. */
  error?: string;
  /** Log lines CoreDNS would print. */
  log: string[];
}

/** Holds the serving configuration and applies the reload plugin's policy to new Corefile text. */
export class CorednsConfig {
  #config: CorefileConfig;
  #pending: string | undefined;
  #lastSeen: string;
  #serving = true;
  #listeners = new Set<(config: CorefileConfig) => void>();

  /** Starts with `text`, which must parse (a CoreDNS that cannot parse its Corefile never starts). */
  constructor(text: string) {
    const result = parseCorefile(text);
    if (!result.config) throw new Error(result.error);
    this.#config = result.config;
    this.#lastSeen = text;
  }

  /** The configuration answers come from. */
  get config(): CorefileConfig {
    return this.#config;
  }

  /** False after a restart with a Corefile that does not parse: nothing listens on :53. */
  get serving(): boolean {
    return this.#serving;
  }

  /** A ConfigMap change that waits for a restart (the running Corefile has no `reload`). */
  get pending(): string | undefined {
    return this.#pending;
  }

  /** The reload plugin's polling interval and jitter (ms), or undefined without `reload`. */
  reloadTiming(): { intervalMs: number; jitterMs: number } | undefined {
    for (const server of this.#config.servers) {
      const r = findPlugin(server, 'reload');
      if (r) return { intervalMs: r.intervalMs, jitterMs: r.jitterMs };
    }
    return undefined;
  }

  /** The mounted file changed and the reload plugin noticed: apply it, or keep the old one on error. */
  reload(text: string): CorefileChange {
    if (!this.reloadTiming()) {
      this.#pending = text;
      return { applied: false, log: [] };
    }
    // reload.go compares checksums and never retries the same (broken) content.
    if (text === this.#lastSeen) return { applied: false, log: [] };
    this.#lastSeen = text;
    const result = parseCorefile(text);
    if (!result.config) return { applied: false, error: result.error, log: [`[ERROR] plugin/reload: Corefile changed but reload failed: ${result.error}`] };
    this.#set(result.config);
    return { applied: true, log: ['[INFO] Reloading', '[INFO] plugin/reload: Running configuration SHA512 = (simulated)', '[INFO] Reloading complete'] };
  }

  /** The CoreDNS pod restarts and reads `text` (or the pending change). */
  restart(text: string | undefined = this.#pending ?? this.#lastSeen): CorefileChange {
    this.#pending = undefined;
    this.#lastSeen = text;
    const result = parseCorefile(text);
    if (!result.config) {
      this.#serving = false;
      return { applied: false, error: result.error, log: [result.error] };
    }
    this.#serving = true;
    this.#set(result.config);
    return { applied: true, log: [] };
  }

  /** Called with each configuration that takes effect. */
  onChange(listener: (config: CorefileConfig) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #set(config: CorefileConfig): void {
    this.#config = config;
    for (const l of this.#listeners) l(config);
  }
}
