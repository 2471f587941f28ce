import type { Finding } from '../qa/runChecks';
import type { StoredFinding } from './model';

/** A finding of runChecks with the text of its span, as it will be stored. */
export interface ComputedFinding extends Finding {
  matched: string;
}

export interface Reconciliation {
  /** Stored findings found again (same check, same span text): their id and dismissal stay, their place may move. */
  kept: { id: number; finding: ComputedFinding }[];
  added: ComputedFinding[];
  removed: number[];
}

/** The findings of a text, each with its span's text. */
export function withMatched(text: string, findings: readonly Finding[]): ComputedFinding[] {
  return findings.map((finding) => ({ ...finding, matched: text.slice(finding.start, finding.end) }));
}

/**
 * Pairs the stored findings of a segment with the ones just computed, by check and span
 * text ("three -year" is the same problem after a word elsewhere was edited, even though
 * its offsets moved), so that ids and dismissals survive unrelated edits. Where one
 * check finds the same text several times, they pair in reading order.
 */
export function reconcile(
  stored: readonly Pick<StoredFinding, 'id' | 'check' | 'matched' | 'start'>[],
  computed: readonly ComputedFinding[],
): Reconciliation {
  const waiting = new Map<string, number[]>();
  for (const finding of [...stored].sort((a, b) => a.start - b.start || a.id - b.id)) {
    const key = keyOf(finding);
    const ids = waiting.get(key);
    if (ids) ids.push(finding.id);
    else waiting.set(key, [finding.id]);
  }
  const kept: Reconciliation['kept'] = [];
  const added: ComputedFinding[] = [];
  for (const finding of computed) {
    const id = waiting.get(keyOf(finding))?.shift();
    if (id === undefined) added.push(finding);
    else kept.push({ id, finding });
  }
  return { kept, added, removed: [...waiting.values()].flat() };
}

function keyOf(finding: Pick<StoredFinding, 'check' | 'matched'>): string {
  return `${finding.check}\u0000${finding.matched}`;
}
