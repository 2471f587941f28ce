// MQM annotation in place: select words in a machine translation (or click between
// two words to mark something missing there), and a small form opens next to it;
// saving stores the annotation and redraws the highlighted MT without a reload.
// Without this script the "Annotate" link leads to a page with the same form.
'use strict';
(function () {
  const FETCH_HEADERS = { 'X-Requested-With': 'fetch' };

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

  /** The span a selection asks for, or null when it is not one (a click inside a word). */
  function selectedSpan(block, range) {
    const mt = mtText(block);
    let start = mtOffset(block, range.startContainer, range.startOffset);
    let end = mtOffset(block, range.endContainer, range.endOffset);
    if (start > end) [start, end] = [end, start];
    while (start < end && /\s/.test(mt[start])) start++;
    while (end > start && /\s/.test(mt[end - 1])) end--;
    if (start === end) {
      // A click marks an omission only between words, so that clicking a word to read it does nothing.
      const atBoundary = start === 0 || start === mt.length || /\s/.test(mt[start - 1]) || /\s/.test(mt[start]);
      if (!atBoundary) return null;
    }
    return { start, end };
  }

  function closeForms(except) {
    document.querySelectorAll('.mqm-popover').forEach((popover) => {
      if (popover !== except) popover.remove();
    });
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

  async function errorMessage(response) {
    const problem = await response.json().catch(() => null);
    return (problem && problem.error && problem.error.message) || 'The server answered ' + response.status + '. Try again.';
  }

  async function openForm(block, span) {
    const segmentId = block.dataset.segmentId;
    const popover = document.createElement('div');
    popover.className = 'mqm-popover';
    popover.dataset.segmentId = segmentId;
    closeForms(null);
    block.after(popover);
    let response;
    try {
      response = await fetch('/segments/' + segmentId + '/annotations/form?start=' + span.start + '&end=' + span.end, { headers: FETCH_HEADERS });
    } catch {
      return showError(popover, 'Redline could not reach the server; try again.');
    }
    if (!response.ok) return showError(popover, await errorMessage(response));
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    popover.replaceChildren(template.content);
    const category = popover.querySelector('select[name="category"]');
    if (category) category.focus();
  }

  async function save(form) {
    const popover = form.closest('.mqm-popover');
    const segmentId = form.dataset.segmentId;
    let response;
    try {
      response = await fetch(form.action, {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/x-www-form-urlencoded' }, FETCH_HEADERS),
        body: new URLSearchParams(new FormData(form)),
      });
    } catch {
      return showError(form, 'Redline could not reach the server. Nothing was saved; try again.');
    }
    if (!response.ok) return showError(form, await errorMessage(response));
    const html = (await response.text()).trim();
    // The annotations page also lists the annotations: reload it to show the new one there.
    if (document.querySelector('.mqm-annotations')) return location.reload();
    const block = document.querySelector('.mqm-mt[data-segment-id="' + segmentId + '"]');
    const template = document.createElement('template');
    template.innerHTML = html;
    if (block) block.replaceWith(template.content);
    if (popover) popover.remove();
  }

  document.addEventListener('mouseup', (event) => {
    if (event.button !== 0 || (event.target instanceof Element && event.target.closest('a, .mqm-popover'))) return;
    // Let the browser finish the selection first.
    setTimeout(() => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const block = annotatableBlock(range.startContainer);
      if (!block || annotatableBlock(range.endContainer) !== block) return;
      const span = selectedSpan(block, range);
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
    if (event.target instanceof Element && event.target.closest('.js-mqm-cancel')) closeForms(null);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && event.target instanceof Element && event.target.closest('.mqm-popover')) {
      event.preventDefault();
      const popover = event.target.closest('.mqm-popover');
      const row = popover.closest('li.segment');
      popover.remove();
      if (row) row.focus();
    }
  });
})();
