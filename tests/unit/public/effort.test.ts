import { describe, expect, it } from 'vitest';
import { IDLE_GAP_MS, activeSeconds, createTracker } from '../../../src/public/js/effort.js';

const s = (seconds: number) => seconds * 1000;

describe('Active editing time (browser)', () => {
  it('when someone works steadily from focus to save, then the whole span counts', () => {
    expect(activeSeconds([0, s(5), s(12), s(30)])).toBe(30);
  });

  it('when there is a pause over a minute, then that gap is left out entirely', () => {
    // 10 s, then 5 minutes away, then 20 s.
    expect(activeSeconds([0, s(10), s(310), s(330)])).toBe(30);
    expect(IDLE_GAP_MS).toBe(60_000);
  });

  it('when a gap is exactly a minute, then it still counts; a longer one does not', () => {
    expect(activeSeconds([0, s(60)])).toBe(60);
    expect(activeSeconds([0, s(60.001)])).toBe(0);
  });

  it('when a different idle limit is given, then it is used', () => {
    expect(activeSeconds([0, s(10), s(40)], s(15))).toBe(10);
  });

  it('when timestamps go back in time or are not numbers, then they are ignored', () => {
    expect(activeSeconds([0, s(10), s(4), Number.NaN, 'x', s(12)])).toBe(12);
    expect(activeSeconds([])).toBe(0);
    expect(activeSeconds([s(3)])).toBe(0);
  });

  it('when the time has many decimals, then it is rounded to a tenth of a second', () => {
    expect(activeSeconds([0, 1234])).toBe(1.2);
    expect(activeSeconds([0, 1250])).toBe(1.3);
  });

  it('when a tracker is marked while typing, then seconds() counts from creation to the save', () => {
    let clock = 1_000_000;
    const tracker = createTracker(() => clock);
    clock += s(4);
    tracker.mark();
    clock += s(200); // left for coffee
    tracker.mark();
    clock += s(6);
    expect(tracker.seconds()).toBe(10);
  });
});
