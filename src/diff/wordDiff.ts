import { diffArrays } from 'diff';

export type DiffPartKind = 'equal' | 'delete' | 'insert';
export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

/**
 * Diffing is quadratic on adversarial input (a 100 KB sentence rewritten from
 * scratch), so every diff is bounded; past the bound the change is shown as the
 * whole old text deleted and the whole new text inserted, which is still true.
 */
const MAX_EDIT_LENGTH = 2_000;
const TIMEOUT_MS = 50;

// Whitespace-separated words, with the whitespace kept as tokens of its own so the
// parts concatenate back to the exact texts. Punctuation at a word's edges (quotes,
// commas, brackets) is a token of its own, so “comfort → “reassurance marks only
// the word; punctuation inside a word ("10%prices") stays part of it.
const WORD_OR_SPACE = /\s+|\S+/g;
const WORD_EDGES = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of text.match(WORD_OR_SPACE) ?? []) {
    const edges = /\s/.test(chunk[0]!) ? null : WORD_EDGES.exec(chunk);
    if (!edges) {
      tokens.push(chunk);
      continue;
    }
    for (const piece of edges.slice(1)) if (piece) tokens.push(piece);
  }
  return tokens;
}

/**
 * A word-level diff of two versions of a sentence. Words are whitespace-delimited,
 * so a change such as "10%prices" → "10% tariffs" reads as the whole old word
 * replaced by the new words instead of a scatter of characters; neighbouring
 * changes separated only by a space are merged into one replacement.
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
    else {
      if (block.deleted) parts.push({ kind: 'delete', text: block.deleted });
      if (block.inserted) parts.push({ kind: 'insert', text: block.inserted });
    }
  }
  return parts;
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
