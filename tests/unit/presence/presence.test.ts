import { describe, expect, it } from 'vitest';
import { PRESENCE_TTL_MS, PresenceTracker } from '../../../src/presence/presence';
import type { Actor } from '../../../src/auth/roles';

const ana: Actor = { userId: 1, username: 'ana', displayName: 'Ana', role: 'editor' };
const dan: Actor = { userId: 2, username: 'dan', displayName: 'Dan', role: 'editor' };

describe('PresenceTracker', () => {
  it('when two people are on an article, then each sees the other with the sentence they edit, never themselves', () => {
    const clock = 1_000;
    const presence = new PresenceTracker(() => clock);
    presence.heartbeat(7, ana, 42);
    presence.heartbeat(7, dan, null);
    expect(presence.others(7, ana)).toEqual([{ userId: 2, displayName: 'Dan', segmentId: null }]);
    expect(presence.others(7, dan)).toEqual([{ userId: 1, displayName: 'Ana', segmentId: 42 }]);
    expect(presence.others(8, ana)).toEqual([]);
  });

  it('when a heartbeat is older than the time to live, or someone leaves, then they are no longer listed', () => {
    let clock = 0;
    const presence = new PresenceTracker(() => clock);
    presence.heartbeat(7, ana, 42);
    presence.heartbeat(7, dan, 43);
    clock = PRESENCE_TTL_MS - 1;
    expect(presence.others(7, dan).map((entry) => entry.userId)).toEqual([1]);
    clock = PRESENCE_TTL_MS + 1;
    presence.heartbeat(7, dan, 43);
    expect(presence.others(7, dan)).toEqual([]);
    presence.heartbeat(7, ana, 42);
    presence.leave(7, ana);
    expect(presence.others(7, dan)).toEqual([]);
  });
});
