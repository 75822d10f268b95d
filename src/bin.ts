/**
 * The process entry of `npm run build|check|dev`: the only place that hands the process's own
 * streams, folder, clock, environment and signals to the CLI, then sets the exit code.
 */
import { main } from './cli.ts';
import { removeOutputDetached } from './output/retire.ts';
import { fileSystemMessage } from './shared/fs-errors.ts';
import { BUILD_POINTS, type BuildPoint } from './types.ts';

/**
 * `BLOGSMITH_KILL_AT=<point>` kills the process with SIGKILL as a build passes that point (one of
 * BUILD_POINTS): the crash tests' way to stop a build exactly there, as `kill -9` would.
 */
const KILL_AT_VARIABLE = 'BLOGSMITH_KILL_AT';

function killAt(point: string | undefined): ((reached: BuildPoint) => void) | undefined {
  if (point === undefined || !(BUILD_POINTS as readonly string[]).includes(point)) return undefined;
  return (reached) => {
    if (reached === point) process.kill(process.pid, 'SIGKILL');
  };
}

/** Call `handler` on the first SIGINT or SIGTERM with the exit code that signal gives (130, 143); returns how to stop listening. */
function onInterrupt(handler: (code: number) => void): () => void {
  const stop = (signal: NodeJS.Signals) => {
    off();
    handler(signal === 'SIGINT' ? 130 : 143);
  };
  const off = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return off;
}

main(process.argv.slice(2), {
  cwd: process.cwd(),
  now: () => new Date(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  onInterrupt,
  checkpoint: killAt(process.env[KILL_AT_VARIABLE]),
  exit: (code) => process.exit(code),
  removeDetached: removeOutputDetached,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A full disk or a missing permission outside a build's own handling (dev, the lock) is a message about a path; anything else is a bug, with its stack.
    const message = fileSystemMessage(error, undefined, process.cwd());
    process.stderr.write(message ? `${message}.\n` : `Unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
