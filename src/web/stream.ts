import { once } from 'node:events';
import type { Response } from 'express';

/**
 * Sends a response body made in steps (a download of a big article): each chunk is
 * written as soon as it is made, and the next one is made only when the client has
 * taken the last (backpressure), so memory stays flat and the event loop is free
 * between steps. Stops when the client goes away. A failure before the first chunk
 * goes to the error handler; after it, the connection is cut so that the client
 * sees a broken download rather than a complete-looking short one.
 */
export async function sendInChunks(res: Response, chunks: AsyncIterable<string | Uint8Array>): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
    res.end();
  } catch (error) {
    if (!res.headersSent) throw error;
    console.error(error);
    res.destroy(error as Error);
  }
}

/** Waits for 'drain' or 'close', then stops listening for the other (a long download waits thousands of times). */
async function drainedOrClosed(res: Response): Promise<void> {
  const done = new AbortController();
  const waits = [once(res, 'drain', { signal: done.signal }), once(res, 'close', { signal: done.signal })];
  try {
    await Promise.race(waits);
  } finally {
    done.abort();
    // The other wait ends with an AbortError: expected, not a failure.
    await Promise.allSettled(waits);
  }
}
