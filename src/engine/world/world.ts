/**
 * The world around the cluster is data shared with the renderer (the topology draws it, the DNS
 * table lists its zones), so it lives in src/shared/world.ts; the engine reads it from here.
 */
export * from '../../shared/world';
