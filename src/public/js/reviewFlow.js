// Pure decisions of the review page (review.js does the DOM): where a click puts the caret, and
// which page continues the work when the keyboard moves past the last row.

const SPACE = /\s/;

/**
 * The word at a caret offset: the run of non-space characters around it. An offset just after a
 * word (a click on the right half of its last letter) belongs to that word; between two spaces,
 * to the next word. Returns { start, end } (equal when the text has no word there).
 */
export function wordAt(text, offset) {
  let at = Math.max(0, Math.min(offset, text.length));
  if ((at === text.length || SPACE.test(text[at])) && at > 0 && !SPACE.test(text[at - 1])) at--;
  while (at < text.length && SPACE.test(text[at])) at++;
  let start = at;
  let end = at;
  while (start > 0 && !SPACE.test(text[start - 1])) start--;
  while (end < text.length && !SPACE.test(text[end])) end++;
  return { start, end };
}

/**
 * Maps an offset in the text before a change (the MT) to the text after it (the current text),
 * through the diff's parts as the row renders them: [{ kind: 'equal'|'delete'|'insert', before, after, length }]
 * (before/after = the part's start in each text). Inside a deleted part the offset lands where
 * the deletion was; an unchanged row maps every offset to itself.
 */
export function afterOffset(parts, beforeOffset) {
  for (const part of parts) {
    if (part.kind === 'insert') continue;
    if (beforeOffset < part.before || beforeOffset > part.before + part.length) continue;
    return part.kind === 'equal' ? part.after + (beforeOffset - part.before) : part.after;
  }
  const last = parts[parts.length - 1];
  return last ? last.after + (last.kind === 'delete' ? 0 : last.length) : beforeOffset;
}

/**
 * The page that continues after this one. With a status filter, rows that no longer match it (an
 * approval on the "new" filter) have left the filtered list, so the next unseen match may still be
 * on this very page number; review.js then looks for the first row after the last one it showed.
 * Returns null on the last page.
 */
export function nextPage({ page, pageCount, pageSize, filtered, stillMatching }) {
  if (page >= pageCount) return null;
  if (!filtered) return page + 1;
  return Math.floor(((page - 1) * pageSize + stillMatching) / pageSize) + 1;
}

export function previousPage({ page }) {
  return page > 1 ? page - 1 : null;
}

/** The review page's address for a page (and status filter). */
export function pageUrl(articleId, status, page) {
  return '/articles/' + articleId + '?' + (status ? 'status=' + encodeURIComponent(status) + '&' : '') + 'page=' + page;
}
