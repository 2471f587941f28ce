// Split and merge on the review page. The page's keyboard script calls splitAtCaret(row, textarea)
// and mergeWithNext(row); the row menu's forms (.js-layout) are posted the same way. Both renumber
// the sentences after them, so the page is loaded again at the row; a refusal is shown in the row.
import { errorMessage, postForm } from './lib/http.js';

function formFields(row) {
  return { version: row.dataset.version, returnTo: document.querySelector('ol.segments')?.dataset.returnTo ?? '' };
}

function showError(row, message) {
  let alert = row.querySelector('.layout-error');
  if (!alert) {
    alert = document.createElement('p');
    alert.className = 'layout-error error-message';
    alert.setAttribute('role', 'alert');
    row.querySelector('.segment-meta')?.append(alert);
  }
  alert.textContent = message;
}

async function send(row, url, fields) {
  const response = await postForm(url, fields);
  if (!response.ok) {
    showError(row, await errorMessage(response));
    return false;
  }
  const { segmentId } = await response.json();
  location.hash = 'segment-' + segmentId;
  location.reload();
  return true;
}

/** Splits the row's sentence where the caret is in its editor (a UTF-16 offset in the text as saved). */
export function splitAtCaret(row, textarea) {
  // The offset is a place in the stored text: unsaved changes would move it.
  if (textarea.value !== textarea.defaultValue) {
    showError(row, 'Save your changes first, then split.');
    return Promise.resolve(false);
  }
  return send(row, '/segments/' + row.dataset.segmentId + '/split', { ...formFields(row), at: String(textarea.selectionStart) });
}

/** Merges the row's sentence with the next one of its paragraph. */
export function mergeWithNext(row) {
  return send(row, '/segments/' + row.dataset.segmentId + '/merge', formFields(row));
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  const row = form instanceof HTMLFormElement && form.classList.contains('js-layout') && form.closest('li.segment');
  if (!row) return;
  event.preventDefault();
  send(row, form.action, new FormData(form));
});
