/** Entry point of the built CLI (out/cli/svclab.js). */
import { main } from './svclab';

process.exitCode = main(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
