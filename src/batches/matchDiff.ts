import { wordDiff, type DiffPart } from '../diff/wordDiff';
import type { ReplaceMatch } from './replaceService';

/** Characters of context shown on each side of a match. */
const CONTEXT = 60;

/** The word diff of one match with up to CONTEXT characters around it, cut at spaces ("…" where cut). */
export function matchDiff(text: string, match: Pick<ReplaceMatch, 'start' | 'end' | 'after'>): DiffPart[] {
  let from = Math.max(0, match.start - CONTEXT);
  let to = Math.min(text.length, match.end + CONTEXT);
  if (from > 0) from = Math.min(match.start, text.indexOf(' ', from) + 1 || match.start);
  if (to < text.length) to = Math.max(match.end, text.lastIndexOf(' ', to));
  const left = (from > 0 ? '…' : '') + text.slice(from, match.start);
  const right = text.slice(match.end, to) + (to < text.length ? '…' : '');
  return wordDiff(left + text.slice(match.start, match.end) + right, left + match.after + right);
}

/** A diff as one line of plain text, in `git diff --word-diff` style: "the [-comfort-]{+reassurance+} force". */
export function plainDiff(parts: readonly DiffPart[]): string {
  return parts
    .map((part) => (part.kind === 'equal' ? part.text : part.kind === 'delete' ? `[-${part.text}-]` : `{+${part.text}+}`))
    .join('');
}
