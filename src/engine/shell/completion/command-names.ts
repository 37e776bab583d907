/**
 * Which command names Tab offers as the first word of a line: the ones the place the line runs in
 * actually has. The admin host's set is the one its shell dispatches (`hostHasCommand`, plus
 * kubectl); a container's is what its image ships (`toolAvailable`, the same test that makes the
 * shell print `sh: curl: not found`), so a busybox pod offers `wget` and no `curl`.
 */

import type { Pod } from '../../../shared/api-types';
import { hostHasCommand, toolAvailable } from '../tools/container-commands';

/** Every command name the command layer knows; each place keeps the ones it has. */
const KNOWN_COMMANDS = [
  'bash', 'cat', 'cd', 'clear', 'curl', 'date', 'dig', 'echo', 'env', 'exit', 'export', 'false', 'getent', 'host', 'hostname', 'id', 'ls', 'nc',
  'nslookup', 'ping', 'printenv', 'pwd', 'sh', 'telnet', 'true', 'type', 'uname', 'wget', 'which', 'whoami',
];

/** Commands of the admin host (the course's master node, where kubectl is installed). */
export function hostCommands(): string[] {
  return ['kubectl', ...KNOWN_COMMANDS.filter((name) => hostHasCommand(name))].sort();
}

/** Commands inside `container` of `pod`, as its image has them. */
export function containerCommands(pod: Pod, container: string | undefined): string[] {
  return KNOWN_COMMANDS.filter((name) => toolAvailable(pod, container, name)).sort();
}

/** Tools whose arguments are host names: Tab offers the names the cluster DNS answers. */
export const NAME_TOOLS: ReadonlySet<string> = new Set(['nslookup', 'dig', 'host', 'curl', 'wget', 'ping', 'getent', 'nc', 'telnet']);
