/**
 * metav1.Time strings for the controllers' hot paths. Status timestamps have second precision and
 * repeat a lot (every Pod bound in the same second shares them), so each second is formatted once:
 * the same string `formatTimestamp` returns, without a Date and a regex per call.
 */

import { formatTimestamp } from '../virtual-clock';

const MAX_CACHED = 512;
const cache = new Map<number, string>();

/** `formatTimestamp(ms)`, memoized per whole second. */
export function timestampAt(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = cache.get(second);
  if (text === undefined) {
    text = formatTimestamp(ms);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(second, text);
  }
  return text;
}
