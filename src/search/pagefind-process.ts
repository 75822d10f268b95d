/**
 * The process behind Pagefind's Node API, watched so that a failed index can say why.
 * Pagefind tells of its process's failure only from inside its own module, on `console.error`
 * ("Service stopped" and the error: it could not start, or its input broke); its calls just reject
 * with "Pagefind backend closed", and it has no option to send those lines anywhere else. So the
 * process is found as Pagefind starts it (Node's `child_process` diagnostics channel), and only
 * once it has failed is `console.error` held, until the build lets Pagefind go: what Pagefind
 * says then is the reason for the build's message instead of a stack trace on the terminal.
 * A build whose Pagefind process stays healthy never touches `console.error`.
 * Failures show as the process's 'error' or 'exit', its input's 'error', or a write that failed at
 * once (seen by `check` right after each call, a tick before Pagefind says so). One is missed: a
 * write still queued when the process dies fails first, so Pagefind's first line reaches the terminal.
 */
import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** One Pagefind process being watched. */
export interface PagefindProcess {
  /** What was said on `console.error` since the process failed (nothing while it is healthy). */
  readonly said: readonly unknown[][];
  /** Right after a call into Pagefind: a write it could not make means the process is gone. */
  check(): void;
  /** Stop watching (before Pagefind is closed, which ends the process on purpose); `console.error` is given back. */
  stop(): void;
}

/**
 * Call `launch` (a Pagefind call) and watch the process it starts, if it starts one. Pagefind
 * starts its process synchronously inside the first call after `close()`, so a process created
 * during that call is Pagefind's; none is when its process is already running.
 */
export function launchWatched<T>(launch: () => T): { result: T; process?: PagefindProcess } {
  let watched: ReturnType<typeof watch> | undefined;
  // Published as the ChildProcess is made, before Pagefind adds its own listeners: ours come first.
  const created = (message: unknown) => {
    watched?.stop();
    watched = watch((message as { process: ChildProcess }).process);
  };
  subscribe('child_process', created);
  let result: T;
  try {
    result = launch();
  } finally {
    unsubscribe('child_process', created);
  }
  watched?.watchInput();
  watched?.check();
  return { result, process: watched };
}

function watch(child: ChildProcess): PagefindProcess & { watchInput(): void } {
  const said: unknown[][] = [];
  const holder = (...args: unknown[]) => void said.push(args);
  let given: typeof console.error | undefined;
  /** The process failed: hold what is said, starting with the line Pagefind is about to say about it. */
  const hold = () => {
    if (given) return;
    given = console.error;
    // The one way to hear Pagefind's reason, and to keep its raw error off the terminal (see above).
    console.error = holder;
  };
  child.on('error', hold);
  // Pagefind does not notice its process exiting; its next write fails and it says so: held too.
  child.on('exit', hold);
  return {
    said,
    watchInput() {
      // Pagefind listens to its process's input already: this listener goes before it.
      child.stdin?.prependListener('error', hold);
    },
    check() {
      // Set as the write fails; Pagefind hears of it on the next tick, when its callback runs.
      if (child.stdin?.errored) hold();
    },
    stop() {
      child.off('error', hold);
      child.off('exit', hold);
      child.stdin?.off('error', hold);
      // Given back unless something else replaced it since, which then is not ours to undo.
      if (given && console.error === holder) console.error = given;
      given = undefined;
    },
  };
}
