/**
 * The process entry of `npm run build|check|dev`: the only place that hands the process's own
 * streams, folder, clock and environment to the CLI, then sets the exit code.
 *
 * Ctrl-C and kills (SIGINT, SIGTERM) end the process at once, whatever it is doing: no handler of
 * ours runs for them, because a JavaScript handler runs only once the event loop is free, and a
 * long synchronous step (a pathological post's markdown, a big render) would hold off Ctrl-C and
 * `timeout` for minutes. The shell sees 130 or 143 (128 + the signal's number). A build ended so
 * leaves what a SIGKILL leaves, which the next build tidies: a lock naming a dead process (taken
 * over, output/lock.ts) and a staging folder (removed, output/recover.ts); the dev server holds
 * nothing that outlives the process (Chromium, on a pipe, ends with it).
 */
import { writeSync } from 'node:fs';
import { main } from './cli.ts';
import { removeOutputDetached } from './output/retire.ts';
import { fileSystemMessage } from './shared/fs-errors.ts';
import { BUILD_POINTS, type BuildPoint } from './types.ts';

/**
 * `BLOGSMITH_KILL_AT=<point>` kills the process with SIGKILL as a build passes that point (one of
 * BUILD_POINTS): the crash tests' way to stop a build exactly there, as `kill -9` would.
 * `BLOGSMITH_BLOCK_AT=<point>` instead blocks the main thread there for good, after saying so on
 * stderr: the signal tests' stand-in for a long synchronous step.
 */
const KILL_AT_VARIABLE = 'BLOGSMITH_KILL_AT';
const BLOCK_AT_VARIABLE = 'BLOGSMITH_BLOCK_AT';

function atPoints(kill: string | undefined, block: string | undefined): ((reached: BuildPoint) => void) | undefined {
  const known = (point: string | undefined) => point !== undefined && (BUILD_POINTS as readonly string[]).includes(point);
  if (!known(kill) && !known(block)) return undefined;
  return (reached) => {
    if (reached === kill) process.kill(process.pid, 'SIGKILL');
    if (reached === block) {
      writeSync(2, `Blocked at ${reached}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
  };
}

/** The exit code each signal gives when it ends the process by its default action. */
const SIGNAL_CODES: Readonly<Record<string, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * A library that sets a signal handler of its own takes the default action away: Playwright does
 * while Chromium draws diagrams, and its SIGTERM handler only closes the browser. While any other
 * handler is set, one of ours (first in line) ends the process as the default would have.
 */
function endOnSignalsEvenWithHandlers(): void {
  const ours = new Map(Object.entries(SIGNAL_CODES).map(([signal, code]) => [signal, () => process.exit(code)]));
  process.on('newListener', (event: string | symbol, listener: unknown) => {
    const mine = typeof event === 'string' ? ours.get(event) : undefined;
    if (mine && listener !== mine && process.listenerCount(event) === 0) process.on(event as NodeJS.Signals, mine);
  });
  process.on('removeListener', (event: string | symbol) => {
    const mine = typeof event === 'string' ? ours.get(event) : undefined;
    if (mine && process.listeners(event as NodeJS.Signals).every((listener) => listener === mine)) process.off(event as NodeJS.Signals, mine);
  });
}

endOnSignalsEvenWithHandlers();
main(process.argv.slice(2), {
  cwd: process.cwd(),
  now: () => new Date(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  servesUntilKilled: true,
  checkpoint: atPoints(process.env[KILL_AT_VARIABLE], process.env[BLOCK_AT_VARIABLE]),
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
