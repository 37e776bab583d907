#!/usr/bin/env node
// `npx svclab …` — runs the CLI built by `npm run build` (out/cli/svclab.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/svclab.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('svclab: the CLI is not built yet; run `npm run build` first\n');
  process.exit(1);
}
await import(built);
