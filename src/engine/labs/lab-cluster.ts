/**
 * The cluster a lab starts on: freshly bootstrapped, with the lab's cluster.yaml over the defaults
 * (the load-balancer lab needs `cloudProvider: on`), so its steps see what its author saw — the
 * same seeded IPs its commands name, and nothing left over from earlier work.
 */

import type { Lab } from '../../shared/lab-types';
import { createEngine, type Engine } from '../engine';
import { labClusterConfig } from './lab-walk';

/** A new cluster for `lab`, built as `like` was (same world; frozen objects or not), or why not. */
export function labCluster(lab: Lab, like: Engine): { engine: Engine } | { error: string } {
  try {
    const sample = like.store.list('Namespace')[0];
    return { engine: createEngine(labClusterConfig(lab), like.world, { freezeObjects: sample ? Object.isFrozen(sample) : true }) };
  } catch (error) {
    return { error: `the lab's cluster cannot be built: ${error instanceof Error ? error.message : String(error)}` };
  }
}
