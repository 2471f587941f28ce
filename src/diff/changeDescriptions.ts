import type { DiffPart } from './wordDiff';

/**
 * Plain-text descriptions of the changes in a word diff, for screen readers and
 * for anyone who cannot see the colours: a view puts them in visually hidden text
 * (or an aria-describedby list) next to the rendered diff. Nothing here is HTML.
 */

export interface DiffChange {
  /** The text taken out ('' for a pure insertion). */
  deleted: string;
  /** The text put in ('' for a pure deletion). */
  inserted: string;
  /** For a small edit inside a word: the whole word(s) before and after the edit. */
  word?: { before: string; after: string };
}

const messages = {
  replaced: (deleted: string, inserted: string) => `${deleted} replaced by ${inserted}`,
  deleted: (deleted: string) => `${deleted} deleted`,
  inserted: (inserted: string) => `${inserted} inserted`,
  corrected: (before: string, after: string) => `${before} corrected to ${after}`,
  space: 'a space',
  spaces: 'spaces',
};

/** The changes of a diff, in order: each run of neighbouring delete and insert parts is one change. */
export function diffChanges(parts: DiffPart[]): DiffChange[] {
  const changes: DiffChange[] = [];
  let index = 0;
  while (index < parts.length) {
    if (parts[index]!.kind === 'equal') {
      index++;
      continue;
    }
    const change: DiffChange = { deleted: '', inserted: '' };
    const first = index;
    while (index < parts.length && parts[index]!.kind !== 'equal') {
      const part = parts[index]!;
      if (part.kind === 'delete') change.deleted += part.text;
      else change.inserted += part.text;
      index++;
    }
    if (parts[first]!.inWord) change.word = wordAround(parts, first, index);
    changes.push(change);
  }
  return changes;
}

/** One sentence per change: "“comfort” replaced by “reassurance”", "“three -year” corrected to “three-year”". */
export function describeChanges(parts: DiffPart[]): string[] {
  return diffChanges(parts).map((change) => {
    if (change.word) return messages.corrected(quoted(change.word.before), quoted(change.word.after));
    if (!change.inserted) return messages.deleted(quoted(change.deleted));
    if (!change.deleted) return messages.inserted(quoted(change.inserted));
    return messages.replaced(quoted(change.deleted), quoted(change.inserted));
  });
}

/** The before and after texts of the whole word(s) around the change in parts[first, end). */
function wordAround(parts: DiffPart[], first: number, end: number): { before: string; after: string } {
  const previousPart = parts[first - 1];
  const previous = previousPart?.kind === 'equal' ? previousPart.text : '';
  const next = parts[end]?.kind === 'equal' ? parts[end].text : '';
  const lead = /\S*$/.exec(previous)![0];
  const trail = /^\S*/.exec(next)![0];
  let before = lead;
  let after = lead;
  for (const part of parts.slice(first, end)) {
    if (part.kind === 'delete') before += part.text;
    else after += part.text;
  }
  return { before: before + trail, after: after + trail };
}

function quoted(text: string): string {
  if (/^\s+$/.test(text)) return text === ' ' ? messages.space : messages.spaces;
  return `“${text.trim()}”`;
}
