// The review page's keyboard-first editing. Every action here is also a plain
// form that works without JavaScript; this script sends the same forms in the
// background and swaps in what the server renders: the row, the progress bar
// and the status counts.
import { createTracker } from './effort.js';
import { dropDraft, keepDraft, readDraft } from './drafts.js';
import { errorMessage, fragmentFrom, getFragment, postForm, postJson, swapById } from './lib/http.js';
import { codesOf, createCodeEditor } from './inlineCodes.js';

const list = document.querySelector('ol.segments');
if (list) reviewPage(list);

function reviewPage(list) {
  const returnTo = list.dataset.returnTo || location.pathname + location.search;
  const articleId = list.dataset.articleId;
  let current = null;
  let editing = null; // { row, cell, textarea, originalHtml, originalText }

  const rows = () => Array.from(list.querySelectorAll('li.segment'));
  const isTyping = (element) => element instanceof HTMLElement && (element.matches('input, textarea, select') || element.isContentEditable);

  function focusRow(row) {
    if (!row) return;
    if (current) current.classList.remove('current');
    current = row;
    row.classList.add('current');
    row.focus({ preventScroll: true });
    // The article header is sticky: without this margin a row scrolled in from above lands underneath it.
    row.style.scrollMarginTop = (document.querySelector('.article-header')?.offsetHeight ?? 0) + 'px';
    row.scrollIntoView({ block: 'nearest' });
  }

  function neighbour(row, delta) {
    const all = rows();
    const index = row ? all.indexOf(row) : -1;
    if (index === -1) return all[0] || null;
    return all[index + delta] || null;
  }

  function currentText(cell) {
    // An emptied sentence is shown as "(removed)"; its text is the empty string.
    return cell.querySelector('em') ? '' : cell.textContent;
  }

  // Unsaved text is kept in this browser until it is saved (drafts.js).
  const forget = (row) => dropDraft(localStorage, row.dataset.segmentId);

  function openEditor(row) {
    if (editing && editing.row === row) return editing.textarea.focus();
    if (editing && isDirty()) {
      showMessage(editing.row, 'Save (Ctrl+Enter) or cancel (Esc) this sentence first.');
      return editing.textarea.focus();
    }
    if (editing) closeEditor();
    focusRow(row);
    const cell = row.querySelector('.segment-text');
    const originalText = currentText(cell);
    // A correction with inline codes is edited with the codes as protected chips (inlineCodes.js).
    const codes = codesOf(row);
    const textarea = codes ? createCodeEditor(originalText, codes) : document.createElement('textarea');
    textarea.value = originalText;
    textarea.setAttribute('aria-label', 'Correction for sentence ' + row.querySelector('.segment-number').firstChild.textContent.trim());
    textarea.rows = Math.min(10, Math.max(3, Math.ceil(originalText.length / 60)));
    const hint = document.createElement('p');
    hint.className = 'editor-hint';
    hint.textContent = 'Ctrl+Enter save and next · Esc cancel · Alt+↑/↓ save and move';
    // Post-editing effort: every keystroke or selection is a sign of work; idle gaps over a minute are not counted (effort.js).
    const effort = createTracker();
    for (const type of ['input', 'keydown', 'select', 'pointerdown']) textarea.addEventListener(type, effort.mark);
    editing = { row, cell, textarea, originalHtml: cell.innerHTML, originalText, effort };
    textarea.addEventListener('input', () => keepDraft(localStorage, row.dataset.segmentId, textarea.value));
    cell.replaceChildren(textarea, ...(textarea.codeToolbar ? [textarea.codeToolbar] : []), hint);
    const draft = readDraft(localStorage, row.dataset.segmentId);
    if (draft && draft.text !== originalText) {
      textarea.value = draft.text;
      showMessage(
        row,
        'Restored your unsaved text from ' +
          new Date(draft.savedAt).toLocaleString() +
          '. Save it (Ctrl+Enter) or cancel (Esc) to discard it.',
        'draft',
      );
    }
    reportPresence();
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }

  function isDirty() {
    return editing !== null && editing.textarea.value !== editing.originalText;
  }

  function closeEditor() {
    if (!editing) return;
    editing.cell.innerHTML = editing.originalHtml;
    const row = editing.row;
    forget(row); // Esc means "discard my changes"

    editing = null;
    clearMessage(row);
    focusRow(row);
  }

  function clearMessage(row) {
    row.querySelectorAll('.inline-message').forEach((message) => message.remove());
  }

  function showMessage(row, text, kind) {
    clearMessage(row);
    const message = document.createElement('div');
    message.className = 'inline-message' + (kind ? ' ' + kind : '');
    message.setAttribute('role', 'alert');
    message.textContent = text;
    row.appendChild(message);
    return message;
  }

  /** Puts the server's fragments in place (the row, and with a save the progress and counts); returns the fresh row. */
  function replaceRow(row, html) {
    const fresh = swapById(html).find((element) => element.matches('li.segment'));
    if (fresh && current === row) focusRow(fresh);
    return fresh || null;
  }

  /** Sends a form's fields; resolves to the fresh row, or null after showing why it failed. */
  async function send(row, action, fields) {
    const body = new URLSearchParams(fields);
    body.set('returnTo', returnTo);
    let response;
    try {
      response = await postForm(action, body);
    } catch {
      showMessage(row, 'Redline could not reach the server. Nothing was lost: your text is still here; try again.');
      return null;
    }
    if (response.ok) return replaceRow(row, await response.text());
    if (response.status === 409) {
      const problem = await response
        .clone()
        .json()
        .catch(() => null);
      if (problem && problem.error && problem.error.html) {
        showConflict(row, problem.error.html);
        return null;
      }
    }
    showMessage(row, await errorMessage(response));
    return null;
  }

  async function saveEditor(thenMove) {
    if (!editing) return;
    const { row, textarea } = editing;
    if (!isDirty()) {
      closeEditor();
      return moveAfterSave(row, thenMove);
    }
    const fields = { text: textarea.value, version: row.dataset.version, action: 'save', editingSeconds: String(editing.effort.seconds()) };
    const fresh = await send(row, '/segments/' + row.dataset.segmentId, fields);
    if (!fresh) return;
    forget(fresh);
    editing = null;
    moveAfterSave(fresh, thenMove);
  }

  function moveAfterSave(row, thenMove) {
    if (!thenMove) return focusRow(row);
    const next = neighbour(row, thenMove.delta);
    if (next) {
      if (thenMove.edit) openEditor(next);
      else focusRow(next);
    } else if (thenMove.delta > 0) {
      const nextPage = document.querySelector('.pager a[rel="next"]');
      if (nextPage) location.href = nextPage.href;
      else focusRow(row);
    } else focusRow(row);
  }

  /**
   * Someone saved this sentence meanwhile. The server renders the panel: their
   * text, the word diff from theirs to ours, and the two ways out. The editor
   * stays open with our text, so merging by hand is editing it and saving over theirs.
   */
  function showConflict(row, html) {
    clearMessage(row);
    const panel = fragmentFrom(html).firstElementChild;
    panel.querySelector('[data-conflict="take-theirs"]').addEventListener('click', async () => {
      editing = null;
      forget(row);
      const response = await getFragment('/segments/' + row.dataset.segmentId + '/row?returnTo=' + encodeURIComponent(returnTo));
      if (response.ok) replaceRow(row, await response.text());
    });
    const keepMine = panel.querySelector('[data-conflict="keep-mine"]');
    keepMine.addEventListener('click', () => {
      row.dataset.version = keepMine.dataset.version;
      saveEditor(null);
    });
    row.appendChild(panel);
  }

  /** Tells the server where this editor is and shows where the others are, every few seconds. */
  async function reportPresence() {
    try {
      const response = await postJson('/api/articles/' + articleId + '/presence', {
        segmentId: editing ? Number(editing.row.dataset.segmentId) : null,
      });
      if (!response.ok) return;
      const { others } = await response.json();
      const bySegment = new Map();
      for (const other of others) {
        if (other.segmentId === null) continue;
        bySegment.set(other.segmentId, (bySegment.get(other.segmentId) || []).concat(other.displayName));
      }
      for (const row of rows()) {
        const names = bySegment.get(Number(row.dataset.segmentId));
        row.classList.toggle('others-editing', Boolean(names));
        const badge = row.querySelector('[data-presence]');
        if (badge) badge.textContent = names ? names.join(', ') + (names.length > 1 ? ' are' : ' is') + ' editing this' : '';
      }
      const summary = document.querySelector('[data-presence-summary]');
      if (summary) summary.textContent = others.length ? 'Also here: ' + others.map((other) => other.displayName).join(', ') : '';
    } catch {
      // Presence is a hint; a missed beat changes nothing.
    }
  }
  reportPresence();
  setInterval(reportPresence, 5000);

  list.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const row = target.closest('li.segment');
    if (!row) return;
    if (target.closest('.js-edit')) {
      event.preventDefault();
      return openEditor(row);
    }
    if (target.closest('.segment-text') && !(editing && editing.row === row)) return openEditor(row);
    if (!target.closest('a, button, input, textarea, summary, form')) focusRow(row);
  });

  list.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('js-status')) return;
    event.preventDefault();
    const row = form.closest('li.segment');
    if (editing && editing.row === row) closeEditor();
    send(row, form.action, new FormData(form));
  });

  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (editing && target === editing.textarea) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        saveEditor({ delta: 1, edit: true });
      } else if (event.key === 'Escape') {
        event.preventDefault();
        closeEditor();
      } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        saveEditor({ delta: event.key === 'ArrowDown' ? 1 : -1, edit: false });
      }
      return;
    }
    if (isTyping(target) || event.ctrlKey || event.metaKey) return;
    const down = event.key === 'j' || (event.altKey && event.key === 'ArrowDown');
    const up = event.key === 'k' || (event.altKey && event.key === 'ArrowUp');
    if (down || up) {
      event.preventDefault();
      const next = neighbour(current, down ? 1 : -1);
      if (next) focusRow(next);
    } else if (event.key === 'Enter' && current && !(target instanceof Element && target.closest('a, button, summary'))) {
      event.preventDefault();
      openEditor(current);
    } else if (event.key === 'a' && current) {
      const approve = current.querySelector('button.approve');
      if (approve) approve.closest('form').requestSubmit();
    } else if (event.key === 'h' && current) {
      location.href = '/segments/' + current.dataset.segmentId + '/history';
    } else if (event.key === 'm' && current) {
      // The annotations page marks errors from the keyboard (word pickers instead of a mouse selection).
      location.href = '/segments/' + current.dataset.segmentId + '/annotations';
    }
  });

  window.addEventListener('beforeunload', (event) => {
    if (isDirty()) event.preventDefault();
  });

  // Coming back from a form post or a link to #segment-N: put the focus there.
  const target = location.hash && document.getElementById(location.hash.slice(1));
  focusRow(target && target.matches('li.segment') ? target : rows()[0]);
}
