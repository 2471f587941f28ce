// Post-editing effort: how long someone actively worked on a sentence. The review
// page records a timestamp at every sign of work (focusing the editor, typing,
// selecting, saving); the time between two signs counts unless it is an idle gap
// longer than a minute (they went for coffee, or left the tab open). Pure
// functions: review.js imports them, and so do the unit tests.

export const IDLE_GAP_MS = 60 * 1000;
// The server refuses more than a day for one save.
const MAX_SECONDS = 24 * 3600;

/**
 * Active seconds in a series of timestamps (ms): the sum of the gaps between
 * consecutive timestamps, leaving out every gap longer than idleGapMs. Timestamps
 * that are not finite numbers, or that go back in time, are ignored.
 */
export function activeSeconds(timestamps, idleGapMs) {
  const limit = typeof idleGapMs === 'number' && idleGapMs >= 0 ? idleGapMs : IDLE_GAP_MS;
  let total = 0;
  let previous = null;
  for (const time of timestamps) {
    if (typeof time !== 'number' || !Number.isFinite(time)) continue;
    if (previous !== null) {
      const gap = time - previous;
      if (gap < 0) continue;
      if (gap <= limit) total += gap;
    }
    previous = time;
  }
  // Tenths of a second are plenty, and keep the stored numbers short.
  return Math.min(MAX_SECONDS, Math.round(total / 100) / 10);
}

/**
 * Collects the timestamps of one editing session. `now` is injectable for tests.
 * mark() at each sign of work; seconds() when saving (it marks the save itself).
 */
export function createTracker(now = () => Date.now()) {
  const timestamps = [now()];
  return {
    mark() {
      timestamps.push(now());
    },
    seconds() {
      timestamps.push(now());
      return activeSeconds(timestamps, IDLE_GAP_MS);
    },
  };
}
