/**
 * Preloaded into a `dev` process by signals.test.ts (`node --import`): once the server says
 * "Serving", either its main thread blocks for good (BUSY_PRELOAD=block: a long synchronous
 * render's stand-in), or a library sets a SIGTERM handler that does not end the process
 * (BUSY_PRELOAD=handler: as Playwright's does while Chromium is open), then says "Ready".
 */
import { writeSync } from 'node:fs';

const write = process.stderr.write.bind(process.stderr);
let done = false;
process.stderr.write = (chunk, ...rest) => {
  const written = write(chunk, ...rest);
  if (!done && String(chunk).includes('Serving')) {
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
  return written;
};
