// MQM annotation in place: select words in a machine translation (or click between
// two words to mark something missing there), and a small form opens next to it;
// saving stores the annotation and puts the server's re-rendered MT in place.
// From the keyboard (annotateFromKeyboard, M on the review page): the MT becomes a
// text field that refuses edits, where Shift+arrows select (Ctrl for whole words) and Enter opens
// the same form; category and severity are picked by typing (the lists jump to what is
// typed), Enter saves. Without this script the "Annotations" link leads to a page with
// the same form.
import { errorMessage, fragmentFrom, getFragment, postForm, swapById } from './lib/http.js';
import { selectedSpan } from './selection.js';

/** The MT block a DOM node belongs to, if it can be annotated. */
function annotatableBlock(node) {
  const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
  const block = element && element.closest('.mqm-mt[data-can-annotate="true"]');
  return block && block.querySelector('.mqm-text').contains(element) ? block : null;
}

/** The MT as the pieces print it (labels are not part of it). */
function mtText(block) {
  return Array.from(block.querySelectorAll('.mqm-text [data-offset]'), (piece) => piece.textContent).join('');
}

/** Offset in the MT of a selection boundary: the MT text before it, labels left out. */
function mtOffset(block, node, offset) {
  const text = block.querySelector('.mqm-text');
  const before = document.createRange();
  before.setStart(text, 0);
  before.setEnd(node, offset);
  const fragment = before.cloneContents();
  fragment.querySelectorAll('.mqm-label').forEach((label) => label.remove());
  return Math.min(fragment.textContent.length, Number(block.dataset.mtLength));
}

function closeForms() {
  document.querySelectorAll('.mqm-popover').forEach((popover) => popover.remove());
}

function showError(container, message) {
  let alert = container.querySelector('.mqm-error');
  if (!alert) {
    alert = document.createElement('p');
    alert.className = 'mqm-error';
    alert.setAttribute('role', 'alert');
    container.prepend(alert);
  }
  alert.textContent = message;
}

async function openForm(block, span, returnFocus) {
  const popover = document.createElement('div');
  popover.className = 'mqm-popover';
  popover.dataset.segmentId = block.dataset.segmentId;
  closeForms();
  block.after(popover);
  let response;
  try {
    response = await getFragment('/segments/' + block.dataset.segmentId + '/annotations/form?start=' + span.start + '&end=' + span.end);
  } catch {
    return showError(popover, 'Redline could not reach the server; try again.');
  }
  if (!response.ok) return showError(popover, await errorMessage(response));
  popover.replaceChildren(fragmentFrom(await response.text()));
  if (returnFocus) popover.returnFocus = returnFocus;
  const category = popover.querySelector('select[name="category"]');
  if (category) category.focus();
}

/** Where focus goes when a popover closes: the row it came from, if any. */
function closePopover(popover) {
  const back = popover.returnFocus || popover.closest('li.segment');
  popover.remove();
  if (back && back.isConnected) back.focus();
}

const KEYBOARD_HELP =
  'Select the words with Shift+arrows (Shift+Ctrl+arrows: whole words), then Enter. ' +
  'Enter with nothing selected marks something missing at the caret. Esc leaves.';

/**
 * Annotating a row's MT from the keyboard. Returns false when the row's MT cannot be annotated
 * (no reviewer role, or a metadata line).
 */
export function annotateFromKeyboard(row) {
  const block = row.querySelector('.mqm-mt[data-can-annotate="true"]');
  if (!block) return false;
  const mt = mtText(block);
  // Chromium moves no caret in a readonly field, so the field stays editable and refuses every edit instead.
  const field = document.createElement('textarea');
  field.setAttribute('aria-readonly', 'true');
  field.spellcheck = false;
  field.addEventListener('beforeinput', (event) => event.preventDefault());
  field.className = 'mqm-keyboard';
  field.value = mt;
  field.rows = 1;
  field.setAttribute('aria-label', 'Machine translation. ' + KEYBOARD_HELP);
  const hint = document.createElement('p');
  hint.className = 'editor-hint';
  hint.textContent = KEYBOARD_HELP;
  block.hidden = true;
  block.after(field, hint);
  field.style.height = field.scrollHeight + 2 + 'px';
  const leave = () => {
    field.remove();
    hint.remove();
    block.hidden = false;
  };
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      leave();
      row.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const span = selectedSpan(mt, field.selectionStart, field.selectionEnd);
      if (!span) return showError(hint, 'Put the caret between two words to mark something missing, or select words.');
      leave();
      openForm(block, span, row);
    }
  });
  field.addEventListener('blur', () => setTimeout(() => field.isConnected && document.activeElement !== field && leave(), 0));
  field.focus();
  field.setSelectionRange(0, 0);
  return true;
}

async function save(form) {
  let response;
  try {
    response = await postForm(form.action, new FormData(form));
  } catch {
    return showError(form, 'Redline could not reach the server. Nothing was saved; try again.');
  }
  if (!response.ok) return showError(form, await errorMessage(response));
  const html = await response.text();
  // The annotations page also lists the annotations: reload it to show the new one there.
  if (document.querySelector('.mqm-annotations')) return location.reload();
  swapById(html);
  const popover = form.closest('.mqm-popover');
  if (popover) closePopover(popover);
}

document.addEventListener('mouseup', (event) => {
  if (event.button !== 0 || (event.target instanceof Element && event.target.closest('a, .mqm-popover'))) return;
  // On the review page a double-click selects the word in the sentence's editor (review.js), not an annotation.
  if (event.detail > 1 && event.target instanceof Element && event.target.closest('li.segment')) return;
  // Let the browser finish the selection first.
  setTimeout(() => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const block = annotatableBlock(range.startContainer);
    if (!block || annotatableBlock(range.endContainer) !== block) return;
    const span = selectedSpan(
      mtText(block),
      mtOffset(block, range.startContainer, range.startOffset),
      mtOffset(block, range.endContainer, range.endOffset),
    );
    if (span) openForm(block, span);
  }, 0);
});

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('mqm-form')) return;
  event.preventDefault();
  save(form);
});

document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('.js-mqm-cancel')) closeForms();
});

document.addEventListener('keydown', (event) => {
  const popover = event.target instanceof Element && event.target.closest('.mqm-popover');
  if (!popover) return;
  if (event.key === 'Escape') {
    event.preventDefault();
    closePopover(popover);
  } else if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
    // A list picked by typing: Enter saves, as in the comment field.
    event.preventDefault();
    event.target.form.requestSubmit();
  }
});
