/**
 * The labs' wiring for the app: the bundled lab folders, a LabState that follows the cluster, and
 * the engine client the terminals use (it reports each command to the labs' transcript).
 */
import type { EngineClient } from '../../../../shared/engine-protocol';
import type { KeyValueStorage } from '../../state/layout-state.svelte';
import { groupLabFiles } from './lab-folders';
import { LabState } from './lab-state.svelte';
import { recordShellRuns } from './transcript-recorder';

/**
 * Every file of `resources/labs/<id>/`, bundled at build time (offline: nothing is fetched). The
 * path is relative to this file: features/labs → src/renderer/src → repo root.
 */
const BUNDLED = import.meta.glob<string>(['../../../../../resources/labs/*/*', '!../../../../../resources/labs/*/transcript.txt'], { query: '?raw', import: 'default', eager: true });

/** The built-in lab folders: `{ id: { file: text } }`. */
export const BUILT_IN_LAB_FOLDERS: Record<string, Record<string, string>> = Object.fromEntries(Object.entries(groupLabFiles(BUNDLED)).filter(([, files]) => 'lab.yaml' in files));

/** Creates the app's LabState (loading the built-in labs) and the client to hand the terminals. */
export function createLabs(client: EngineClient, storage?: KeyValueStorage): { labs: LabState; client: EngineClient } {
  const labs = new LabState(client, storage);
  labs.start();
  void labs.loadBuiltIns(BUILT_IN_LAB_FOLDERS);
  return { labs, client: recordShellRuns(client, (entry) => labs.record(entry)) };
}
