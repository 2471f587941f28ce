import { describe, expect, it } from 'vitest';
import { measureImport, measureQualityReads } from '../../src/bench/heavyRequests';
import { measureEventLoop } from '../../src/bench/eventLoop';
import { createTestApp } from '../helpers/app';

/**
 * Nothing may hold the event loop for more than ~100 ms (issue 7 items 6, 7, 10). These run the
 * heavy requests smaller than `npm run bench` does (which runs 200,000 sentences and 1,000,000
 * stored segments), at sizes where the old code held the loop for seconds. (Generating the data takes a while on a
 * loaded machine, hence the longer timeouts.) The limit is on the
 * CPU time of the longest synchronous step: on this shared 2-core machine the wall-clock
 * delay also counts the other processes' turns on the core (it read 700 ms for a 67 ms step
 * at a load average of 21), which says nothing about this code.
 */
const STEP_LIMIT_MS = 100;

describe('The event loop during heavy requests', () => {
  it('when the helper watches a loop that computes for 250 ms of CPU in one go, then it reports a block of at least that', async () => {
    const cpuMs = () => process.cpuUsage().user / 1000;
    const { maxMs, maxCpuMs } = await measureEventLoop(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const until = cpuMs() + 250;
      while (cpuMs() < until); // a synchronous step, as a request that never yields
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(maxMs).toBeGreaterThanOrEqual(250);
    expect(maxCpuMs).toBeGreaterThanOrEqual(250);
  });

  it('when 10,000 sentences are imported through the API, then no step holds the loop over 100 ms', async () => {
    const { services } = createTestApp();
    const imported = await measureImport(services, 10_000);
    expect(imported).toMatchObject({ status: 201, segments: 10_000 });
    expect(imported.maxBlockCpuMs).toBeLessThan(STEP_LIMIT_MS);
  }, 60_000);

  it('when the quality overview is read over 50,000 stored segments, then it reads stored rows and holds the loop briefly', async () => {
    const { services, db } = createTestApp();
    const answers = await measureQualityReads(services, db, { articles: 10, segmentsPerArticle: 5_000, what: 'overview' });
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    for (const answer of answers) expect(answer.maxBlockCpuMs, answer.label).toBeLessThan(STEP_LIMIT_MS);
  }, 60_000);

  it('when a 30,000-segment article’s report is paged and downloaded, then every step is short and the downloads are whole', async () => {
    const { services, db } = createTestApp();
    const answers = await measureQualityReads(services, db, { articles: 1, segmentsPerArticle: 30_000, what: 'report' });
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    for (const answer of answers) expect(answer.maxBlockCpuMs, answer.label).toBeLessThan(STEP_LIMIT_MS);
    // The CSV has a header and a line per segment (at least: a text may hold a line break in quotes).
    const csv = answers.find((answer) => answer.label.startsWith('report CSV'))!;
    expect(csv.bytes).toBeGreaterThan(30_000 * 80);
  }, 90_000);
});
