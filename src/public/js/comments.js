// Comment threads on the review page: the row's comment link (or C, bound by the page's keyboard
// script) opens the sentence's panel under the row; writing, replying, resolving and reopening post
// the panel's own forms in the background and put the server's fresh panel and marker in place.
// Without JavaScript the same forms work on /segments/:id/comments.
import { fragmentFrom, getFragment, postForm, swapById } from './lib/http.js';

const panelId = (segmentId) => 'comments-' + segmentId;

/** The list item under a row that holds its panel (an <ol> may only hold <li>). */
function holderOf(segmentId) {
  return document.getElementById(panelId(segmentId))?.closest('li.comments-holder') ?? null;
}

/** Puts the server's panel (and the row's marker) in place, under the row. */
function place(row, html) {
  const segmentId = row.dataset.segmentId;
  let holder = holderOf(segmentId);
  if (!holder) {
    holder = document.createElement('li');
    holder.className = 'comments-holder';
    row.after(holder);
  }
  const fragment = fragmentFrom(html);
  const panel = fragment.getElementById(panelId(segmentId));
  const marker = fragment.querySelector('[data-comment-marker]');
  if (panel) holder.replaceChildren(panel);
  if (marker) document.getElementById(marker.id)?.replaceWith(marker);
  return holder;
}

/** Opens the comments of a row under it (or closes them when open); focus goes to the new-comment box. */
export async function openComments(row) {
  if (!row) return;
  const open = holderOf(row.dataset.segmentId);
  if (open) {
    open.remove();
    row.focus({ preventScroll: true });
    return;
  }
  const response = await getFragment('/segments/' + row.dataset.segmentId + '/comments');
  if (!response.ok) return;
  const holder = place(row, await response.text());
  holder.querySelector('textarea:not(details textarea)')?.focus();
}

document.addEventListener('click', (event) => {
  const marker = event.target instanceof Element && event.target.closest('[data-comment-marker]');
  const row = marker && marker.closest('li.segment');
  if (!row) return;
  event.preventDefault();
  openComments(row);
});

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('js-comment')) return;
  const holder = form.closest('li.comments-holder');
  const row = holder && holder.previousElementSibling;
  if (!row) return; // the comments page itself: a plain post
  event.preventDefault();
  const response = await postForm(form.action, new FormData(form));
  // A refused comment (422) comes back as the panel with the message and the text kept.
  if (response.ok || response.status === 422) place(row, await response.text());
});

// Someone else commented: a panel open on that sentence is brought up to date.
document.addEventListener('redline:comment-changed', async (event) => {
  const row = document.getElementById('segment-' + event.detail.segmentId);
  const holder = holderOf(event.detail.segmentId);
  if (!row || !holder) return;
  // A reply or comment being written is not thrown away: the panel waits for the next change or reopening.
  if (Array.from(holder.querySelectorAll('textarea')).some((box) => box.value.trim() !== '')) return;
  const response = await getFragment('/segments/' + event.detail.segmentId + '/comments');
  if (response.ok) swapById(await response.text());
});
