// Unsaved text is kept in the browser until it is saved, so that a lost
// connection, an ended session or a closed tab does not lose an editor's work.
// Pure functions over a Storage (localStorage in the page, a stand-in in tests).

export const draftKey = (segmentId) => 'redline:draft:' + segmentId;

/** The draft kept for a segment: { text, savedAt }, or null when there is none (or storage is unusable). */
export function readDraft(storage, segmentId) {
  try {
    const draft = JSON.parse(storage.getItem(draftKey(segmentId)) || 'null');
    return draft && typeof draft.text === 'string' ? draft : null;
  } catch {
    return null;
  }
}

/** Keeps the text; a full or disabled storage is ignored (the page's leave warning still guards the text). */
export function keepDraft(storage, segmentId, text, savedAt = new Date()) {
  try {
    storage.setItem(draftKey(segmentId), JSON.stringify({ text, savedAt: savedAt.toISOString() }));
  } catch {
    // nothing more to do: see above
  }
}

export function dropDraft(storage, segmentId) {
  try {
    storage.removeItem(draftKey(segmentId));
  } catch {
    // nothing to drop
  }
}
