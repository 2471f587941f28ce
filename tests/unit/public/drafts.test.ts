import { describe, expect, it } from 'vitest';
import { draftKey, dropDraft, keepDraft, readDraft } from '../../../src/public/js/drafts.js';

/** localStorage's interface over a Map; `full` makes every write fail as a full storage does. */
function memoryStorage(full = false) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('Drafts of unsaved text (browser)', () => {
  it("when text is kept, then it is read back with when it was kept, under the segment's key", () => {
    const storage = memoryStorage();
    keepDraft(storage, 7, 'The couple provides for a reassurance force.', new Date('2025-04-18T09:30:00.000Z'));
    expect([...storage.items.keys()]).toEqual([draftKey(7)]);
    expect(readDraft(storage, 7)).toEqual({ text: 'The couple provides for a reassurance force.', savedAt: '2025-04-18T09:30:00.000Z' });
    expect(readDraft(storage, 8)).toBeNull();
  });

  it('when a draft is dropped, then nothing is read back', () => {
    const storage = memoryStorage();
    keepDraft(storage, 7, 'text');
    dropDraft(storage, 7);
    expect(readDraft(storage, 7)).toBeNull();
  });

  it('when the storage is full or holds something that is not a draft, then keeping fails quietly and reading finds none', () => {
    const full = memoryStorage(true);
    expect(() => keepDraft(full, 7, 'text')).not.toThrow();
    const broken = memoryStorage();
    broken.items.set(draftKey(7), '{not json');
    broken.items.set(draftKey(8), JSON.stringify({ savedAt: 'x' }));
    expect(readDraft(broken, 7)).toBeNull();
    expect(readDraft(broken, 8)).toBeNull();
  });
});
