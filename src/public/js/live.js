// Live updates of the review page over Server-Sent Events (GET /api/articles/:id/events).
// When someone else saves, approves, rejects, splits, merges or comments, the row is fetched again
// (the server renders it) and announced on `document`:
//   redline:segment-changed  {segmentId, version, html, by, gone}  (cancelable)
//   redline:comment-changed  {segmentId, openComments, action, by, html}  (cancelable)
//   redline:presence         {others: [{userId, displayName, segmentId}]}
// Unless a listener calls preventDefault(), a changed row is swapped in place, except a row whose
// editor is open (the page's own script decides what to show then). EventSource reconnects by itself.
import { getFragment } from './lib/http.js';

const list = document.querySelector('ol.segments[data-article-id]');
if (list && 'EventSource' in window) {
  const articleId = list.dataset.articleId;
  const returnTo = list.dataset.returnTo || location.pathname + location.search;
  const source = new EventSource('/api/articles/' + articleId + '/events');
  let me = null;

  const rowOf = (segmentId) => document.getElementById('segment-' + segmentId);

  async function renderedRow(segmentId) {
    const response = await getFragment('/segments/' + segmentId + '/row?returnTo=' + encodeURIComponent(returnTo));
    return response.ok ? response.text() : null;
  }

  function announce(name, detail) {
    return document.dispatchEvent(new CustomEvent(name, { detail, cancelable: true }));
  }

  function swap(segmentId, html) {
    const row = rowOf(segmentId);
    if (!row || !html || row.querySelector('textarea')) return;
    const wasCurrent = row.classList.contains('current');
    row.outerHTML = html;
    if (wasCurrent) rowOf(segmentId)?.classList.add('current');
  }

  // Whether the page is live right now (for styles, and for tests to wait on).
  source.addEventListener('error', () => (list.dataset.live = 'reconnecting'));
  source.addEventListener('hello', (event) => {
    list.dataset.live = 'connected';
    const data = JSON.parse(event.data);
    me = data.userId;
    announcePresence(data.present);
  });

  source.addEventListener('segment', async (event) => {
    const data = JSON.parse(event.data);
    const row = rowOf(data.segmentId);
    // Our own saves are put on the page by the script that made them (the event may even arrive
    // before the save's answer); rows of other pages are not our concern.
    if (!row || data.byUserId === me || Number(row.dataset.version) >= data.version) return;
    const html = data.gone ? null : await renderedRow(data.segmentId);
    const detail = { segmentId: data.segmentId, version: data.version, html, by: data.by, gone: data.gone };
    if (announce('redline:segment-changed', detail)) {
      if (data.gone) row.remove();
      else swap(data.segmentId, html);
    }
  });

  source.addEventListener('comment', async (event) => {
    const data = JSON.parse(event.data);
    if (!rowOf(data.segmentId)) return;
    const html = await renderedRow(data.segmentId);
    if (announce('redline:comment-changed', { ...data, html })) swap(data.segmentId, html);
  });

  function announcePresence(present) {
    announce('redline:presence', { others: present.filter((entry) => entry.userId !== me) });
  }

  source.addEventListener('presence', (event) => announcePresence(JSON.parse(event.data).present));
  window.addEventListener('pagehide', () => source.close());
}
