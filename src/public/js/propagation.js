// Propagation (src/batches): after a save on the review page, the row shows what
// the same fix would change elsewhere in the article ("Apply to 7 other
// sentences", with a preview). P or a click applies the row's first offer as one
// batch, the changed rows of this page are refreshed, and the batch can be undone
// from the same place. Without JavaScript, the offers have a page of their own.
import { errorMessage, fragmentFrom, getFragment, postJson, swapById } from './lib/http.js';

const list = document.querySelector('ol.segments');
const returnTo = (list && list.dataset.returnTo) || location.pathname + location.search;
/** The row whose offers were shown last: P applies them even after the editor moved on to the next row. */
let lastOffered = null;

/** The row's panel of offers, fetched fresh (the server derives them from the row's last change). */
async function showOffers(row) {
  const response = await getFragment('/segments/' + row.dataset.segmentId + '/propagation?returnTo=' + encodeURIComponent(returnTo));
  if (!response.ok) return null;
  const panel = fragmentFrom(await response.text()).firstElementChild;
  row.querySelectorAll('.propagation, .propagation-result').forEach((old) => old.remove());
  if (!panel || !panel.querySelector('.propagation-offer')) return null;
  row.appendChild(panel);
  lastOffered = row;
  return panel;
}

function showResult(row, text, batchId, targets) {
  row.querySelectorAll('.propagation, .propagation-result').forEach((old) => old.remove());
  const result = document.createElement('p');
  result.className = 'propagation-result';
  result.setAttribute('role', 'status');
  result.textContent = text + ' ';
  if (batchId) {
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.className = 'link';
    undo.textContent = 'Undo';
    undo.addEventListener('click', () => undoBatch(row, batchId, targets));
    const details = document.createElement('a');
    details.href = '/batches/' + batchId;
    details.textContent = 'Details';
    result.append(undo, ' · ', details);
  }
  row.appendChild(result);
}

/** Re-renders the rows of this page that a batch may have changed. */
async function refreshRows(segmentIds) {
  for (const id of segmentIds) {
    if (!document.getElementById('segment-' + id)) continue;
    const response = await getFragment('/segments/' + id + '/row?returnTo=' + encodeURIComponent(returnTo));
    if (response.ok) swapById(await response.text());
  }
}

async function applyOffer(row, form) {
  const targets = form.dataset.targets.split(' ').filter(Boolean);
  const button = form.querySelector('[data-propagate]');
  if (button) button.disabled = true;
  const response = await postJson('/api/propagation/apply', {
    segmentId: Number(row.dataset.segmentId),
    offerId: form.dataset.offerId,
  }).catch(() => null);
  if (!response || !response.ok) {
    if (button) button.disabled = false;
    return showResult(row, response ? await errorMessage(response) : 'Redline could not reach the server; nothing was changed.');
  }
  const result = await response.json();
  const skipped = result.skipped.length ? ' ' + result.skipped.length + ' left alone (changed meanwhile).' : '';
  showResult(
    row,
    'Applied to ' + result.changed + (result.changed === 1 ? ' sentence.' : ' sentences.') + skipped,
    result.batchId,
    targets,
  );
  await refreshRows(targets);
}

async function undoBatch(row, batchId, targets) {
  const response = await postJson('/api/batches/' + batchId + '/undo', {}).catch(() => null);
  if (!response || !response.ok) return showResult(row, response ? await errorMessage(response) : 'Redline could not reach the server.');
  const result = await response.json();
  const kept = result.kept.length ? ' ' + result.kept.length + ' kept (changed by someone since).' : '';
  showResult(row, 'Undone: ' + result.undone + (result.undone === 1 ? ' sentence restored.' : ' sentences restored.') + kept);
  await refreshRows(targets);
}

/** "Add to the glossary": the article's glossary API (src/glossary) takes the fix as a term and its preferred form. */
async function addToGlossary(panel, form, button) {
  const response = await postJson('/api/articles/' + panel.dataset.articleId + '/glossary', {
    term: form.dataset.from,
    preferred: form.dataset.to,
  }).catch(() => null);
  const note = document.createElement('span');
  note.setAttribute('role', 'status');
  note.className = 'muted';
  if (response && response.ok) note.textContent = ' Added to the article’s glossary.';
  else if (response && response.status === 404) note.textContent = ' The glossary is not available on this server.';
  else note.textContent = ' ' + (response ? await errorMessage(response) : 'Redline could not reach the server.');
  button.replaceWith(note);
}

document.addEventListener('redline:saved', (event) => {
  const row = event.target instanceof Element && event.target.closest('li.segment');
  if (row) showOffers(row);
});

document.addEventListener('submit', (event) => {
  const form = event.target;
  const row = form instanceof HTMLFormElement && form.classList.contains('propagation-offer') && form.closest('li.segment');
  if (!row) return; // on its own page the form posts as it is
  event.preventDefault();
  applyOffer(row, form);
});

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element && event.target.closest('[data-glossary]');
  if (!button) return;
  addToGlossary(button.closest('.propagation'), button.closest('form'), button);
});

// P: apply the first offer of the focused row, else of the row saved last (the editor has moved on);
// on a row with no offers shown, look for them first.
document.addEventListener('keydown', async (event) => {
  const target = event.target;
  const typing = target instanceof HTMLElement && (target.matches('input, textarea, select') || target.isContentEditable);
  if (typing || event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== 'p') return;
  const focused = (target instanceof Element && target.closest('li.segment')) || document.querySelector('li.segment.current');
  const row =
    focused && focused.querySelector('.propagation-offer') ? focused : lastOffered && lastOffered.isConnected ? lastOffered : focused;
  if (!row) return;
  event.preventDefault();
  const offer = row.querySelector('.propagation-offer');
  if (offer) return applyOffer(row, offer);
  if (!(await showOffers(row))) showResult(row, 'No other sentence of this article needs the fix of this one.');
});
