/**
 * Preloaded into a `dev` process by signals.test.ts (`node --import`). Once the server watches
 * (chokidar says `ready`, after which the CLI has set up whatever it waits on) and the tasks that
 * follow have run, either its main thread blocks for good (BUSY_PRELOAD=block: a long synchronous
 * render's stand-in), or a library sets a SIGTERM handler that does not end the process
 * (BUSY_PRELOAD=handler: as Playwright's does while Chromium is open). It says "Ready" first.
 */
import { EventEmitter } from 'node:events';
import { writeSync } from 'node:fs';

const emit = EventEmitter.prototype.emit;
let done = false;
EventEmitter.prototype.emit = function (event, ...args) {
  if (!done && event === 'ready' && typeof this.getWatched === 'function') {
    done = true;
    setImmediate(() => {
      if (process.env.BUSY_PRELOAD === 'handler') {
        process.on('SIGTERM', () => writeSync(2, 'library closes its browser\n'));
        writeSync(2, 'Ready\n');
      } else {
        writeSync(2, 'Ready\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      }
    });
  }
  return emit.call(this, event, ...args);
};
