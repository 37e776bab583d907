/**
 * The tabs a first start opens: the chapter's Headless lab, so a learner can press Apply at once.
 * The text is the lab's own files (resources/labs/headless), bundled at build time with Vite's
 * `?raw`, so the editor needs no file access and the lab has one source.
 */
import HEADLESS_SERVICE_YAML from '../../../../../resources/labs/headless/headless-service.yaml?raw';
import HEADLESS_PODS_YAML from '../../../../../resources/labs/headless/pods.yaml?raw';

export { HEADLESS_PODS_YAML, HEADLESS_SERVICE_YAML };

/** One file as the editor opens it. */
export interface SeedFile {
  name: string;
  text: string;
}

/** The Headless lab's two manifests, named as the lab's `kubectl apply -f` lines name them. */
export const SEED_FILES: readonly SeedFile[] = [
  { name: 'headless-service.yaml', text: HEADLESS_SERVICE_YAML },
  { name: 'pods.yaml', text: HEADLESS_PODS_YAML },
];
