import { diffArrays, diffChars } from 'diff';
import { textChunks } from './chunks';

export type DiffPartKind = 'equal' | 'delete' | 'insert';
export interface DiffPart {
  kind: DiffPartKind;
  text: string;
  /**
   * Set (to true) on a delete or insert that is a small edit inside a word, such as
   * the stray space in "three -year" → "three-year", so a view may style it apart
   * from a whole-word replacement. Absent on every other part.
   */
  inWord?: true;
}

/*
 * Views that render these parts must keep deleted and inserted text apart for
 * copying and for screen readers: deleted text in its own element (`<del>`) and
 * inserted text in another (`<ins>`), each announced as such (most screen readers
 * say nothing for <del>/<ins>, so give each a visually hidden prefix, see
 * describeChanges in ./changeDescriptions), and never interleave the two sides
 * letter by letter inside one element.
 */

/**
 * Diffing is quadratic on adversarial input (a 100 KB sentence rewritten from
 * scratch), so every diff is bounded; past the bound the change is shown as the
 * whole old text deleted and the whole new text inserted, which is still true.
 */
const MAX_EDIT_LENGTH = 2_000;
const TIMEOUT_MS = 50;

/**
 * The diff's tokens: whitespace runs, code markers, and each word chunk cut into
 * its leading punctuation, core and trailing punctuation (see ./chunks), so the
 * parts concatenate back to the exact texts, a code marker is always one token of
 * its own, and “comfort → “reassurance marks only the word while punctuation
 * inside a word ("10%prices") stays part of it.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of textChunks(text)) {
    if (chunk.kind !== 'word') tokens.push(text.slice(chunk.start, chunk.end));
    else {
      for (const [from, to] of [
        [chunk.start, chunk.coreStart],
        [chunk.coreStart, chunk.coreEnd],
        [chunk.coreEnd, chunk.end],
      ] as const) {
        if (to > from) tokens.push(text.slice(from, to));
      }
    }
  }
  return tokens;
}

/**
 * A word-level diff of two versions of a sentence. Words are whitespace-delimited,
 * so a change such as "10%prices" → "10% tariffs" reads as the whole old word
 * replaced by the new words instead of a scatter of characters; neighbouring
 * changes separated only by a space are merged into one replacement.
 *
 * A replacement that is only a small edit of the same word(s) (see
 * `isCharacterEdit`) is shown character by character instead, with `inWord`
 * set: "three -year" → "three-year" reads as the space deleted, not as two words
 * swapped for one.
 *
 * Concatenating the `equal` and `delete` parts gives `before`; the `equal` and
 * `insert` parts give `after`.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'equal', text: before }];
  const oldTokens = tokenize(before);
  const newTokens = tokenize(after);
  const changes = diffArrays(oldTokens, newTokens, { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS });
  if (!changes) return replacement(before, after);

  let blocks: Block[] = [];
  for (const change of changes) {
    const text = change.value.join('');
    if (!change.added && !change.removed) blocks.push({ kind: 'equal', deleted: text, inserted: text });
    else if (change.removed) blocks.push({ kind: 'change', deleted: text, inserted: '' });
    else blocks.push({ kind: 'change', deleted: '', inserted: text });
  }
  blocks = coalesce(coalesce(blocks).flatMap(moveSharedSpaceOut));
  // "a b" → "x y": a lone space between two changes is absorbed into one replacement.
  blocks = coalesce(
    blocks.map((block, index) =>
      block.kind === 'equal' && /^\s+$/.test(block.deleted) && blocks[index - 1]?.kind === 'change' && blocks[index + 1]?.kind === 'change'
        ? { ...block, kind: 'change' as const }
        : block,
    ),
  );
  // Absorbing may have brought shared edge spaces back into a replacement.
  blocks = coalesce(blocks.flatMap(moveSharedSpaceOut));

  const parts: DiffPart[] = [];
  for (const block of blocks) {
    if (block.kind === 'equal') parts.push({ kind: 'equal', text: block.deleted });
    else parts.push(...(characterEdit(block.deleted, block.inserted) ?? replacement(block.deleted, block.inserted)));
  }
  return joinEqualParts(parts);
}

interface Block {
  kind: 'equal' | 'change';
  deleted: string; // the block's text in `before`
  inserted: string; // the block's text in `after`
}

/** Joins neighbouring blocks of the same kind. */
function coalesce(blocks: Block[]): Block[] {
  const joined: Block[] = [];
  for (const block of blocks) {
    const last = joined[joined.length - 1];
    if (last && last.kind === block.kind) {
      last.deleted += block.deleted;
      last.inserted += block.inserted;
    } else joined.push({ ...block });
  }
  return joined;
}

/**
 * Myers may align a space token on either side of a changed word; whitespace that
 * both sides of a replacement share at its edges is unchanged text, so it moves
 * out into equal blocks and the highlight covers words only.
 */
function moveSharedSpaceOut(block: Block): Block[] {
  if (block.kind === 'equal' || !block.deleted || !block.inserted) return [block];
  const lead = sharedSpace(block.deleted, block.inserted, 'start');
  const trail = sharedSpace(block.deleted.slice(lead.length), block.inserted.slice(lead.length), 'end');
  const deleted = block.deleted.slice(lead.length, block.deleted.length - trail.length);
  const inserted = block.inserted.slice(lead.length, block.inserted.length - trail.length);
  const result: Block[] = [];
  if (lead) result.push({ kind: 'equal', deleted: lead, inserted: lead });
  result.push({ kind: 'change', deleted, inserted });
  if (trail) result.push({ kind: 'equal', deleted: trail, inserted: trail });
  return result;
}

function sharedSpace(a: string, b: string, edge: 'start' | 'end'): string {
  const pattern = edge === 'start' ? /^\s+/ : /\s+$/;
  const spaceA = pattern.exec(a)?.[0] ?? '';
  const spaceB = pattern.exec(b)?.[0] ?? '';
  return spaceA === spaceB ? spaceA : '';
}

function replacement(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (before) parts.push({ kind: 'delete', text: before });
  if (after) parts.push({ kind: 'insert', text: after });
  return parts;
}

function joinEqualParts(parts: DiffPart[]): DiffPart[] {
  const joined: DiffPart[] = [];
  for (const part of parts) {
    const last = joined[joined.length - 1];
    if (last?.kind === 'equal' && part.kind === 'equal') last.text += part.text;
    else joined.push(part);
  }
  return joined;
}

/**
 * The similarity rule. A replacement of `deleted` by `inserted` is a small edit
 * of the same word(s), rather than other words, when all of these hold (lengths
 * and distances in characters, i.e. code points):
 * - they share a stem: at least 3 characters are unchanged ("he" → "she" stays a swap);
 * - the edit distance (per changed place, the longer of its deleted and inserted
 *   characters) is at most a third of the longer text ("recieve" → "receive": 2 of 7;
 *   "prices" → "tariffs" is far past it);
 * - the characters change in at most 2 places, so a scatter of coincidentally
 *   shared letters does not read as an edit.
 * A code marker is one character, so inside a character edit it is still whole:
 * "post<1/>conflict" → "postconflict" reads as the code deleted between the halves.
 */
export function isCharacterEdit(deleted: string, inserted: string): boolean {
  return characterEdit(deleted, inserted) !== null;
}

const MIN_SHARED_CHARACTERS = 3;
const MAX_DISTANCE_SHARE = 1 / 3;
const MAX_CHANGED_PLACES = 2;

/** The character-level parts of a small edit (see isCharacterEdit), or null. */
function characterEdit(deleted: string, inserted: string): DiffPart[] | null {
  if (!deleted || !inserted) return null;
  const longer = Math.max(codePointLength(deleted), codePointLength(inserted));
  const maxDistance = Math.floor(longer * MAX_DISTANCE_SHARE);
  if (maxDistance < 1 || Math.abs(codePointLength(deleted) - codePointLength(inserted)) > maxDistance) return null;
  // A distance of d costs at most 2d insertions and deletions; past that it is no small edit.
  const changes = diffChars(deleted, inserted, { maxEditLength: 2 * maxDistance, timeout: TIMEOUT_MS });
  if (!changes) return null;

  const places = changedPlaces(changes);
  let unchanged = 0;
  let distance = 0;
  for (const place of places) {
    if (place.kind === 'equal') unchanged += codePointLength(place.deleted);
    else distance += Math.max(codePointLength(place.deleted), codePointLength(place.inserted));
  }
  const changedCount = places.filter((place) => place.kind === 'change').length;
  if (unchanged < MIN_SHARED_CHARACTERS || distance > maxDistance || changedCount > MAX_CHANGED_PLACES) return null;

  const parts: DiffPart[] = [];
  for (const place of places) {
    if (place.kind === 'equal') parts.push({ kind: 'equal', text: place.deleted });
    else {
      if (place.deleted) parts.push({ kind: 'delete', text: place.deleted, inWord: true });
      if (place.inserted) parts.push({ kind: 'insert', text: place.inserted, inWord: true });
    }
  }
  return parts;
}

/**
 * The character changes grouped into places: neighbouring deletions and insertions
 * form one place, and one unchanged character between two places joins them, so
 * "recieve" → "receive" reads as "ie" replaced by "ei", not as two lone letters.
 */
function changedPlaces(changes: { value: string; added: boolean; removed: boolean }[]): Block[] {
  let places: Block[] = coalesce(
    changes.map((change) =>
      change.added
        ? { kind: 'change', deleted: '', inserted: change.value }
        : change.removed
          ? { kind: 'change', deleted: change.value, inserted: '' }
          : { kind: 'equal', deleted: change.value, inserted: change.value },
    ),
  );
  places = coalesce(
    places.map((place, index) =>
      place.kind === 'equal' &&
      codePointLength(place.deleted) === 1 &&
      places[index - 1]?.kind === 'change' &&
      places[index + 1]?.kind === 'change'
        ? { ...place, kind: 'change' as const }
        : place,
    ),
  );
  return places;
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
