// Figures taken while other work runs on the machine are slower and swing from run to run (on
// the README's 2-core machine, test suites alongside made them 20–60 % worse), so the bench waits
// for a quiet machine before it starts, for a bounded time, and says so when it had to go on
// without one.
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** The 1-minute load average at which, and below, the machine counts as quiet. */
export const QUIET_LOAD = 1;
export const POLL_SECONDS = 5;
export const DEFAULT_MAX_WAIT_SECONDS = 180;

/**
 * Waits, polling every `pollSeconds`, at most `maxWaitSeconds`, until the 1-minute load average
 * is at most `threshold`. Returns what it saw and whether the figures to come can be trusted
 * (`reliable`): false when the load was still above the threshold at the end of the wait.
 * `loadAverage`, `wait` and `log` are parameters so that it can be checked without waiting.
 */
export async function waitForQuietMachine({
  maxWaitSeconds = DEFAULT_MAX_WAIT_SECONDS,
  threshold = QUIET_LOAD,
  pollSeconds = POLL_SECONDS,
  loadAverage = () => os.loadavg()[0],
  wait = (seconds) => sleep(seconds * 1000),
  log = console.error,
} = {}) {
  const beforeWait = loadAverage();
  let load = beforeWait;
  let waitedSeconds = 0;
  if (load > threshold) {
    log(`load average ${load.toFixed(2)} is above ${threshold}: waiting for it to fall (checking every ${pollSeconds} s, at most ${maxWaitSeconds} s)…`);
  }
  while (load > threshold && waitedSeconds < maxWaitSeconds) {
    const step = Math.min(pollSeconds, maxWaitSeconds - waitedSeconds);
    await wait(step);
    waitedSeconds += step;
    load = loadAverage();
    log(`load average ${load.toFixed(2)} after ${waitedSeconds} s${load > threshold ? '' : ': quiet enough, starting'}`);
  }
  const reliable = load <= threshold;
  if (!reliable) {
    log(`!! load average still ${load.toFixed(2)} (above ${threshold}) after waiting ${waitedSeconds} s: going on, but THE FIGURES ARE UNRELIABLE (other work is running)`);
  }
  return { beforeWait, atStart: load, waitedSeconds, threshold, maxWaitSeconds, reliable };
}
