// The review page's keyboard-first editing. Every action here is also a plain form that works
// without JavaScript; this script sends the same forms in the background and swaps in what the
// server renders: the row, the progress bar and the status counts. Every shortcut is registered
// in keys.js, so the help dialog (?) lists them from one table; shortcuts act on the row that has
// keyboard focus. Pure decisions (where a click puts the caret, which page comes next) live in
// reviewFlow.js.
import { createTracker } from './effort.js';
import { dropDraft, keepDraft, readDraft } from './drafts.js';
import { errorMessage, fragmentFrom, getFragment, postForm, postJson, swapById } from './lib/http.js';
import { dispatch, register, renderHelp } from './keys.js';
import { afterOffset, nextPage, pageUrl, previousPage, wordAt } from './reviewFlow.js';
import { selectedSpan } from './selection.js';
import { annotateFromKeyboard } from './annotate.js';
import { codesOf, createCodeEditor } from './inlineCodes.js';
import { revealDeferred, revealDeferredOnOpen } from './lib/deferred.js';

const list = document.querySelector('ol.segments');
if (list) {
  revealDeferredOnOpen(document);
  reviewPage(list);
}

function reviewPage(list) {
  const articleId = list.dataset.articleId;
  const returnTo = list.dataset.returnTo || location.pathname + location.search;
  const page = Number(list.dataset.page) || 1;
  const pageCount = Number(list.dataset.pageCount) || 1;
  const pageSize = Number(list.dataset.pageSize) || 100;
  const statusFilter = list.dataset.statusFilter || '';
  const canReview = list.dataset.canReview === 'true';
  const header = document.querySelector('.article-header');
  const announcer = document.getElementById('announcer');
  let current = null;
  // { row, holder, textarea, liveDiff, originalHtml, originalText, version, effort, clicked, openedAt }
  let editing = null;

  const rows = () => Array.from(list.querySelectorAll('li.segment'));
  const numberOf = (row) => Number(row.dataset.position) + 1;
  const rowOf = (node) => (node instanceof Element ? node.closest('li.segment') : null);
  const needsReview = (row) => row.dataset.status !== 'approved';
  const isTyping = (element) => element instanceof HTMLElement && (element.matches('input, textarea, select') || element.isContentEditable);
  /** The row a shortcut acts on: the one holding keyboard focus (a button of row 15 means row 15), else the current one. */
  const targetRow = () => rowOf(document.activeElement) || current;

  /** Tells screen readers what happened ("Saved sentence 4"), through the page's polite live region. */
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = '';
    // A new text node in a separate task is announced even when the words repeat.
    setTimeout(() => (announcer.textContent = text), 30);
  }

  // ---- Where the current row sits -------------------------------------------------------------

  /** The bottom of the sticky header (0 when it scrolls away, as on small screens). */
  function stickyBottom() {
    if (!header || getComputedStyle(header).position !== 'sticky') return 0;
    return Math.max(0, header.getBoundingClientRect().bottom);
  }

  /** Keeps a row in the upper third of what is visible below the header, so the next rows show under it. */
  function keepInUpperThird(row) {
    const top = stickyBottom();
    const room = window.innerHeight - top;
    const rowTop = row.getBoundingClientRect().top;
    if (rowTop >= top + 2 && rowTop <= top + room / 3) return;
    window.scrollBy(0, rowTop - (top + room * 0.12));
  }

  function markCurrent(row) {
    if (current && current !== row) current.classList.remove('current');
    current = row;
    row.classList.add('current');
  }

  function focusRow(row, scroll = true) {
    if (!row) return;
    markCurrent(row);
    row.focus({ preventScroll: true });
    if (scroll) keepInUpperThird(row);
  }

  // Tabbing into a row's buttons makes it the current row, so A acts on it and not on the one before.
  list.addEventListener('focusin', (event) => {
    const row = rowOf(event.target);
    if (row) markCurrent(row);
  });

  function neighbour(row, delta) {
    const all = rows();
    const index = row ? all.indexOf(row) : -1;
    if (index === -1) return all[0] || null;
    return all[index + delta] || null;
  }

  function nextNeedingReview(row, delta) {
    const all = rows();
    for (let index = all.indexOf(row) + delta; index >= 0 && index < all.length; index += delta) {
      if (needsReview(all[index])) return all[index];
    }
    return null;
  }

  // ---- Moving on to the next or previous page ------------------------------------------------

  const intentKey = 'redline:continue:' + articleId;

  /** Past the last row: the next page, where the intent ('focus', 'edit', 'review') picks the row. */
  function continueOnNextPage(then) {
    const all = rows();
    const stillMatching = statusFilter ? all.filter((row) => row.dataset.status === statusFilter).length : all.length;
    const target = nextPage({ page, pageCount, pageSize, filtered: Boolean(statusFilter), stillMatching });
    if (target === null || all.length === 0) {
      announce('This is the last sentence.');
      return false;
    }
    sessionStorage.setItem(intentKey, JSON.stringify({ then, after: Number(all[all.length - 1].dataset.position) }));
    location.href = pageUrl(articleId, statusFilter, target);
    return true;
  }

  function continueOnPreviousPage(then) {
    const target = previousPage({ page });
    const first = rows()[0];
    if (target === null || !first) {
      announce('This is the first sentence.');
      return false;
    }
    sessionStorage.setItem(intentKey, JSON.stringify({ then, before: Number(first.dataset.position) }));
    location.href = pageUrl(articleId, statusFilter, target);
    return true;
  }

  /** Arriving from the page before or after: the row the keyboard was heading for. */
  function takeIntent() {
    let intent = null;
    try {
      intent = JSON.parse(sessionStorage.getItem(intentKey) || 'null');
      sessionStorage.removeItem(intentKey);
    } catch {
      return false;
    }
    if (!intent) return false;
    const all = rows();
    let row;
    if (typeof intent.after === 'number') {
      const later = all.filter((candidate) => Number(candidate.dataset.position) > intent.after);
      row = (intent.then === 'review' && later.find(needsReview)) || later[0];
    } else if (typeof intent.before === 'number') {
      const earlier = all.filter((candidate) => Number(candidate.dataset.position) < intent.before).reverse();
      row = (intent.then === 'review' && earlier.find(needsReview)) || earlier[0];
    }
    if (!row) return false;
    if (intent.then === 'edit') openEditor(row);
    else focusRow(row);
    return true;
  }

  function move(delta) {
    const row = targetRow();
    const next = neighbour(row, delta);
    if (next && row) focusRow(next);
    else if (!row) focusRow(rows()[0]);
    else if (delta > 0) continueOnNextPage('focus');
    else continueOnPreviousPage('focus');
  }

  function moveToNeedingReview(row, delta) {
    const next = nextNeedingReview(row, delta);
    if (next) focusRow(next);
    else if (delta > 0) continueOnNextPage('review');
    else continueOnPreviousPage('review');
  }

  // ---- The row's text and where a click lands in it ------------------------------------------

  /** The current text's diff parts as the row renders them (partials/diff): each with its offsets before and after. */
  function diffParts(row) {
    return Array.from(row.querySelectorAll('.segment-current [data-after-at]'), (element) => ({
      kind: element.tagName === 'DEL' ? 'delete' : element.tagName === 'INS' ? 'insert' : 'equal',
      before: Number(element.dataset.beforeAt),
      after: Number(element.dataset.afterAt),
      length: element.textContent.length,
      text: element.textContent,
    }));
  }

  function currentText(row) {
    return diffParts(row)
      .filter((part) => part.kind !== 'delete')
      .map((part) => part.text)
      .join('');
  }

  function caretPoint(event) {
    if (document.caretPositionFromPoint) {
      const position = document.caretPositionFromPoint(event.clientX, event.clientY);
      return position && { node: position.offsetNode, offset: position.offset };
    }
    const range = document.caretRangeFromPoint && document.caretRangeFromPoint(event.clientX, event.clientY);
    return range && { node: range.startContainer, offset: range.startOffset };
  }

  /**
   * Where a click on a row's text lands, as an offset in the current text: on the correction through
   * the part clicked, on the MT through the diff. Null when the click is not on a word of either, or
   * is a click between two words of an MT that can be annotated (that marks an omission: annotate.js).
   */
  function clickedOffset(row, event) {
    const point = caretPoint(event);
    if (!point) return null;
    const element = point.node.nodeType === Node.TEXT_NODE ? point.node.parentElement : point.node;
    if (!(element instanceof Element)) return null;
    const inner = point.node.nodeType === Node.TEXT_NODE ? point.offset : 0;
    const part = element.closest('.segment-current [data-after-at]');
    if (part && row.contains(part)) return part.tagName === 'DEL' ? Number(part.dataset.afterAt) : Number(part.dataset.afterAt) + inner;
    const piece = element.closest('.mqm-text [data-offset]');
    if (!piece || !row.contains(piece)) return null;
    const mtOffset = Number(piece.dataset.offset) + inner;
    const block = piece.closest('.mqm-mt');
    if (event.detail === 1 && block.dataset.canAnnotate === 'true') {
      const mt = Array.from(block.querySelectorAll('.mqm-text [data-offset]'), (node) => node.textContent).join('');
      if (selectedSpan(mt, mtOffset, mtOffset) !== null) return null;
    }
    const parts = diffParts(row);
    return parts.length ? afterOffset(parts, mtOffset) : mtOffset;
  }

  // ---- The editor ----------------------------------------------------------------------------

  const forget = (row) => dropDraft(localStorage, row.dataset.segmentId);
  const isDirty = () => editing !== null && editing.textarea.value !== editing.originalText;

  /** The editor is as tall as its text, so the whole sentence shows (and stays shown while typing). */
  function autosize(textarea) {
    textarea.style.height = 'auto';
    textarea.style.height = textarea.scrollHeight + 2 + 'px';
  }

  /** Opens the row's editor with the caret (or a selection) at { start, end } of the current text. */
  async function openEditor(row, caret = { start: 0, end: 0 }, clicked = null) {
    if (saving) await saving;
    row = (row.isConnected ? row : document.getElementById(row.id)) || row;
    if (editing && editing.row === row) {
      editing.textarea.focus();
      editing.textarea.setSelectionRange(caret.start, caret.end);
      editing.clicked = clicked;
      editing.openedAt = Date.now();
      return;
    }
    if (editing && isDirty()) {
      showMessage(editing.row, 'Save (Ctrl+Enter) or cancel (Esc) this sentence first.');
      return editing.textarea.focus();
    }
    if (editing) closeEditor();
    // Opened by a click, the row stays where it is: the second click of a double-click lands on the same word.
    const scroll = !clicked;
    focusRow(row, scroll);
    const holder = row.querySelector('.segment-current');
    const originalText = currentText(row);
    // A correction with inline codes is edited with the codes as protected chips (inlineCodes.js).
    const codes = codesOf(row);
    const textarea = codes ? createCodeEditor(originalText, codes) : document.createElement('textarea');
    // defaultValue (not value): the stored text stays known, e.g. to splitAtCaret (splitMerge.js).
    textarea.defaultValue = originalText;
    if (codes) textarea.value = originalText;
    textarea.rows = 1;
    textarea.setAttribute('aria-label', 'Correction of sentence ' + numberOf(row));
    const liveDiff = document.createElement('div');
    liveDiff.className = 'live-diff';
    liveDiff.dataset.testid = 'live-diff';
    const hint = document.createElement('p');
    hint.className = 'editor-hint';
    hint.textContent = 'Ctrl+Enter save and next · Alt+↓/↑ save and move · Esc cancel · ? all keys';
    // Post-editing effort: every keystroke or selection is a sign of work; idle gaps over a minute are not counted (effort.js).
    const effort = createTracker();
    for (const type of ['input', 'keydown', 'select', 'pointerdown']) textarea.addEventListener(type, effort.mark);
    const state = {
      row,
      holder,
      textarea,
      liveDiff,
      originalHtml: holder.innerHTML,
      originalText,
      version: row.dataset.version,
      effort,
      clicked,
      openedAt: Date.now(),
    };
    editing = state;
    textarea.addEventListener('input', () => {
      autosize(textarea);
      keepDraft(localStorage, row.dataset.segmentId, textarea.value);
      scheduleLiveDiff(state);
    });
    holder.replaceChildren(textarea, ...(textarea.codeToolbar ? [textarea.codeToolbar] : []), liveDiff, hint);
    if (!row.classList.contains('unchanged')) liveDiff.innerHTML = state.originalHtml;
    const draft = readDraft(localStorage, row.dataset.segmentId);
    if (draft && draft.text !== originalText) {
      textarea.value = draft.text;
      scheduleLiveDiff(state);
      showMessage(
        row,
        'Restored your unsaved text from ' +
          new Date(draft.savedAt).toLocaleString() +
          '. Save it (Ctrl+Enter) or cancel (Esc) to discard it.',
        'draft',
      );
    }
    autosize(textarea);
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(caret.start, caret.end);
    if (scroll) keepInUpperThird(row);
    reportPresence();
  }

  let liveDiffTimer = 0;
  let liveDiffTicket = 0;

  /** The diff under the editor follows the typing: the server renders it as the row would (one request per pause). */
  function scheduleLiveDiff(state) {
    clearTimeout(liveDiffTimer);
    liveDiffTimer = setTimeout(async () => {
      const ticket = ++liveDiffTicket;
      try {
        const response = await postForm('/segments/' + state.row.dataset.segmentId + '/diff', { text: state.textarea.value });
        if (!response.ok || ticket !== liveDiffTicket || editing !== state) return;
        state.liveDiff.replaceChildren(fragmentFrom(await response.text()));
      } catch {
        // The live diff is a help; the save shows the real one.
      }
    }, 120);
  }

  function closeEditor() {
    if (!editing) return;
    const { row, holder, originalHtml } = editing;
    holder.innerHTML = originalHtml;
    forget(row); // Esc means "discard my changes"
    editing = null;
    clearMessage(row);
    focusRow(row, false);
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
    const wasCurrent = current === row;
    const fresh = swapById(html).find((element) => element.matches('li.segment'));
    if (fresh && wasCurrent) focusRow(fresh, false);
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
      announce('Not saved: the server could not be reached.');
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
        announce('Conflict: sentence ' + numberOf(row) + ' was changed by someone else. Their text is shown; nothing was saved.');
        return null;
      }
    }
    const message = await errorMessage(response);
    showMessage(row, message);
    announce(message);
    return null;
  }

  // A save in flight: opening another editor waits for it (a refused save keeps its editor open).
  let saving = null;

  /**
   * Saves the editor's text. With { delta, edit: false } the focus moves on at once, so keys typed
   * right after Alt+↓ act on the next row while the save travels; a refused save brings the focus
   * back to its editor with the reason. With { edit: true } the next editor opens once it is saved.
   */
  async function saveEditor(thenMove) {
    if (!editing) return;
    const state = editing;
    const { row, textarea } = state;
    if (!isDirty()) {
      closeEditor();
      return moveAfterSave(row, thenMove);
    }
    const fields = { text: textarea.value, version: state.version, action: 'save', editingSeconds: String(state.effort.seconds()) };
    textarea.readOnly = true;
    const ahead = thenMove && !thenMove.edit ? neighbour(row, thenMove.delta) : null;
    if (ahead) focusRow(ahead);
    saving = send(row, '/segments/' + row.dataset.segmentId, fields);
    const fresh = await saving;
    saving = null;
    if (!fresh) {
      textarea.readOnly = false;
      markCurrent(row);
      textarea.focus({ preventScroll: true });
      keepInUpperThird(row);
      return;
    }
    // Other modules follow saves (propagation.js offers the same fix for other sentences).
    fresh.dispatchEvent(new CustomEvent('redline:saved', { bubbles: true }));
    forget(fresh);
    if (editing === state) editing = null;
    remember(fresh, 'Saved');
    if (!ahead) moveAfterSave(fresh, thenMove);
  }

  function moveAfterSave(row, thenMove) {
    if (!thenMove) return focusRow(row);
    const next = neighbour(row, thenMove.delta);
    if (next) {
      if (thenMove.edit) openEditor(next);
      else focusRow(next);
    } else if (!(thenMove.delta > 0 ? continueOnNextPage(thenMove.edit ? 'edit' : 'focus') : continueOnPreviousPage('focus'))) {
      focusRow(row);
    }
  }

  /**
   * Someone saved this sentence meanwhile. The server renders the panel: their text, the word diff
   * from theirs to ours, and the two ways out. The editor stays open with our text, so merging by
   * hand is editing it and saving over theirs.
   */
  function showConflict(row, html) {
    clearMessage(row);
    const panel = fragmentFrom(html).firstElementChild;
    panel.querySelector('[data-conflict="take-theirs"]').addEventListener('click', () => takeTheirs(row));
    const keepMine = panel.querySelector('[data-conflict="keep-mine"]');
    keepMine.addEventListener('click', () => {
      if (editing && editing.row === row) editing.version = keepMine.dataset.version;
      saveEditor(null);
    });
    row.appendChild(panel);
  }

  async function takeTheirs(row) {
    if (editing && editing.row === row) editing = null;
    forget(row);
    const response = await getFragment('/segments/' + row.dataset.segmentId + '/row?returnTo=' + encodeURIComponent(returnTo));
    if (response.ok) replaceRow(row, await response.text());
  }

  // ---- Review decisions, resets and undo -----------------------------------------------------

  const undoKey = 'redline:undo:' + articleId;
  const readUndo = () => {
    try {
      return JSON.parse(sessionStorage.getItem(undoKey) || '[]');
    } catch {
      return [];
    }
  };
  const writeUndo = (entries) => {
    try {
      sessionStorage.setItem(undoKey, JSON.stringify(entries.slice(-50)));
    } catch {
      // Without storage, undo still works until the page is left.
    }
  };

  const toast = document.createElement('div');
  toast.className = 'toast';
  toast.hidden = true;
  const toastText = document.createElement('span');
  const toastUndo = document.createElement('button');
  toastUndo.type = 'button';
  toastUndo.textContent = 'Undo (U)';
  toastUndo.addEventListener('click', () => undoLast());
  toast.append(toastText, toastUndo);
  document.body.append(toast);
  let toastTimer = 0;

  function showToast(text, withUndo) {
    toastText.textContent = text;
    toastUndo.hidden = !withUndo;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toast.hidden = true), 8000);
  }

  /** A change made from this page: announced, and kept so that U (or the toast's button) can take it back. */
  function remember(row, what) {
    const text = what + ' sentence ' + numberOf(row) + '.';
    writeUndo(readUndo().concat({ segmentId: Number(row.dataset.segmentId), version: Number(row.dataset.version), number: numberOf(row) }));
    announce(text);
    showToast(text, true);
  }

  const DONE = { approved: 'Approved', rejected: 'Rejected', reset: 'Reset to the MT:' };

  /** Sends a row's action form (approve, reject, reset, undo) in the background. */
  async function submitRowForm(form) {
    const row = rowOf(form);
    if (editing && editing.row === row) closeEditor();
    const fields = new FormData(form);
    const what = fields.get('action') === 'reset' ? 'reset' : form.action.endsWith('/undo') ? 'undo' : String(fields.get('status'));
    const before = row.dataset.version;
    const fresh = await send(row, form.action, fields);
    if (!fresh) return null;
    if (what === 'undo') announce('Undid the last change of sentence ' + numberOf(fresh) + '.');
    else if (fresh.dataset.version !== before) remember(fresh, DONE[what] || 'Changed');
    return fresh;
  }

  /** Approves, and goes on at once to the next sentence needing review (past the page's end once it is saved). */
  async function approve(row) {
    if (!row) return;
    if (!canReview) return announce('Approving needs the reviewer role.');
    const button = row.querySelector('button.approve');
    if (!button) return moveToNeedingReview(row, 1);
    // Other modules may hold an approval back (findings.js asks once when QA findings are open).
    if (!row.dispatchEvent(new CustomEvent('redline:before-approve', { bubbles: true, cancelable: true }))) return;
    const next = nextNeedingReview(row, 1);
    if (next) focusRow(next);
    const fresh = await submitRowForm(button.closest('form'));
    if (fresh && !next) moveToNeedingReview(fresh, 1);
  }

  function reject(row) {
    if (!row) return;
    if (!canReview) return announce('Rejecting needs the reviewer role.');
    const details = row.querySelector('details.reject');
    if (!details) return announce('Sentence ' + numberOf(row) + ' is already rejected.');
    revealDeferred(details);
    details.open = true;
    details.querySelector('input[name="note"]').focus();
  }

  async function undoLast() {
    const entries = readUndo();
    const entry = entries.pop();
    if (!entry) return announce('Nothing to undo on this page.');
    const row = document.getElementById('segment-' + entry.segmentId);
    if (row && editing && editing.row === row) {
      if (isDirty()) return showMessage(row, 'Save (Ctrl+Enter) or cancel (Esc) your text before undoing.');
      closeEditor();
    }
    let response;
    try {
      response = await postForm('/segments/' + entry.segmentId + '/undo', { version: String(entry.version), returnTo });
    } catch {
      return announce('Nothing was undone: the server could not be reached.');
    }
    if (!response.ok) {
      const message =
        response.status === 409
          ? 'Sentence ' + entry.number + ' was changed again since; nothing was undone. Its history has every version.'
          : await errorMessage(response);
      if (response.status === 409 || response.status === 403 || response.status === 422) writeUndo(entries);
      if (row) showMessage(row, message);
      announce(message);
      return;
    }
    writeUndo(entries);
    const html = await response.text();
    if (row) replaceRow(row, html);
    const text = 'Undid the last change of sentence ' + entry.number + '.';
    announce(text);
    showToast(text, entries.length > 0);
  }

  // ---- Go to sentence N ----------------------------------------------------------------------

  // G, then the number: the rows on this page are reached as the digits are typed; a number on
  // another page is opened when the number ends (Enter, another key, or a pause).
  let goingTo = null; // { digits, from, timer }

  function rowNumbered(number) {
    return rows().find((row) => numberOf(row) === number) || null;
  }

  function startGoTo() {
    goingTo = { digits: '', from: targetRow(), timer: 0 };
    showToast('Go to sentence: type its number (Esc cancels).', false);
  }

  /** Ends "go to": false when the number is on this page (the key that ended it then acts as usual). */
  function finishGoTo() {
    const state = goingTo;
    goingTo = null;
    clearTimeout(state.timer);
    toast.hidden = true;
    const number = Number(state.digits);
    if (!state.digits || rowNumbered(number)) return false;
    location.href = '/articles/' + articleId + '/sentences/' + number;
    return true;
  }

  /** Keys while "go to" waits for digits; true when the key was used up. */
  function goToKey(event) {
    if (/^[0-9]$/.test(event.key)) {
      goingTo.digits += event.key;
      const row = rowNumbered(Number(goingTo.digits));
      if (row) focusRow(row);
      showToast('Go to sentence ' + goingTo.digits + (row ? '' : ' (Enter to open it)'), false);
      clearTimeout(goingTo.timer);
      goingTo.timer = setTimeout(() => goingTo && finishGoTo(), 2500);
      return true;
    }
    if (event.key === 'Backspace') {
      goingTo.digits = goingTo.digits.slice(0, -1);
      return true;
    }
    if (event.key === 'Escape') {
      const from = goingTo.from;
      goingTo.digits = '';
      finishGoTo();
      // By its id: the row may have been rendered anew meanwhile (a live update, a comment thread).
      if (from) focusRow(document.getElementById(from.id) ?? from);
      return true;
    }
    return finishGoTo();
  }

  // ---- The keys ------------------------------------------------------------------------------

  register({
    keys: ['j', 'alt+arrowdown'],
    label: 'Next sentence (on to the next page after the last)',
    group: 'Move',
    run: () => move(1),
  });
  register({ keys: ['k', 'alt+arrowup'], label: 'Previous sentence', group: 'Move', run: () => move(-1) });
  register({
    keys: ['n'],
    label: 'Next sentence that is not approved',
    group: 'Move',
    run: () => moveToNeedingReview(targetRow() || rows()[0], 1),
  });
  register({
    keys: ['shift+n'],
    label: 'Previous sentence that is not approved',
    group: 'Move',
    run: () => moveToNeedingReview(targetRow() || rows()[0], -1),
  });
  register({ keys: ['g'], label: 'Go to sentence: G, then its number', group: 'Move', run: startGoTo });
  register({
    keys: ['enter'],
    label: 'Edit the sentence (the caret at its start)',
    group: 'Edit',
    run: () => {
      const row = targetRow();
      if (!row) return false;
      openEditor(row);
    },
  });
  register({
    keys: ['ctrl+enter'],
    label: 'Save and edit the next sentence',
    group: 'Edit',
    scope: 'editor',
    run: () => saveEditor({ delta: 1, edit: true }),
  });
  register({
    keys: ['alt+arrowdown'],
    label: 'Save and go to the next sentence',
    group: 'Edit',
    scope: 'editor',
    run: () => saveEditor({ delta: 1, edit: false }),
  });
  register({
    keys: ['alt+arrowup'],
    label: 'Save and go to the previous sentence',
    group: 'Edit',
    scope: 'editor',
    run: () => saveEditor({ delta: -1, edit: false }),
  });
  register({ keys: ['escape'], label: 'Cancel the edit (discards the unsaved text)', group: 'Edit', scope: 'editor', run: closeEditor });
  register({ keys: ['u'], label: 'Undo your last save, approval, rejection or reset on this page', group: 'Edit', run: undoLast });
  register({
    keys: ['a'],
    label: 'Approve, then go to the next sentence that needs review',
    group: 'Review',
    run: () => approve(targetRow()),
  });
  register({ keys: ['r'], label: 'Reject: type the reason, Enter sends it', group: 'Review', run: () => reject(targetRow()) });
  register({
    keys: ['m'],
    label: 'Mark an error in the MT: Shift+arrows select (Ctrl: words), Enter picks category and severity',
    group: 'Review',
    run: () => {
      const row = targetRow();
      if (row && !annotateFromKeyboard(row)) announce('This sentence cannot be annotated here.');
    },
  });
  register({
    keys: ['c'],
    label: 'Comments of the sentence',
    group: 'Review',
    run: () => {
      const row = targetRow();
      if (!row) return;
      import('/static/js/comments.js')
        .then((comments) => comments.openComments(row))
        .catch(() => announce('Comments are not available on this page.'));
    },
  });
  register({
    keys: ['h'],
    label: 'History of the sentence',
    group: 'Other',
    run: () => {
      const row = targetRow();
      if (row) location.href = '/segments/' + row.dataset.segmentId + '/history';
    },
  });
  register({
    keys: ['/'],
    label: 'Search this article',
    group: 'Other',
    run: () => {
      const search = document.getElementById('article-search');
      if (!search) return false;
      search.focus();
      search.select();
    },
  });
  register({ keys: ['?'], label: 'This list of keys', group: 'Other', run: showKeys });

  const keysDialog = document.getElementById('key-help');
  function showKeys() {
    if (!keysDialog || keysDialog.open) return;
    renderHelp(keysDialog.querySelector('[data-key-table]'));
    keysDialog.showModal();
  }
  const keysButton = document.querySelector('[data-keys-help]');
  if (keysButton) {
    keysButton.hidden = false;
    keysButton.addEventListener('click', showKeys);
  }

  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.isComposing) return;
    if (editing && target === editing.textarea) {
      if (dispatch(event, 'editor')) event.preventDefault();
      return;
    }
    if (!(target instanceof Element)) return;
    if (event.key === 'Escape' && target.closest('details.reject')) {
      event.preventDefault();
      const details = target.closest('details.reject');
      details.open = false;
      focusRow(rowOf(details), false);
      return;
    }
    if (goingTo && goToKey(event)) {
      event.preventDefault();
      return;
    }
    if (isTyping(target) || target.closest('dialog, .mqm-popover')) return;
    // Enter on a link, button or menu does what it does there.
    if (event.key === 'Enter' && target.closest('a, button, summary')) return;
    if (dispatch(event, 'page')) event.preventDefault();
  });

  list.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('js-status')) return;
    event.preventDefault();
    submitRowForm(form);
  });

  // ---- The mouse -----------------------------------------------------------------------------

  // A click on a word of the MT or the correction opens the editor with the caret at that word; a
  // double-click selects the word. Dragging a selection (to copy, or to annotate the MT) opens nothing.
  list.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const row = rowOf(target);
    if (!row) return;
    if (target.closest('.js-edit')) {
      event.preventDefault();
      return openEditor(row);
    }
    if (editing && editing.row === row && target === editing.textarea) {
      if (selectsClickedWord(event)) editing.textarea.setSelectionRange(editing.clicked.start, editing.clicked.end);
      return;
    }
    if (target.closest('a, button, input, textarea, select, summary, form, .mqm-popover, .inline-message, .live-diff')) return;
    const onText = target.closest('.segment-current, .segment-mt .mqm-text');
    const selection = window.getSelection();
    if (onText && (event.detail > 1 || !selection || selection.isCollapsed)) {
      const offset = clickedOffset(row, event);
      if (offset !== null) {
        const text = editing && editing.row === row ? editing.textarea.value : currentText(row);
        const word = wordAt(text, offset);
        if (event.detail > 1 && selection) selection.removeAllRanges();
        const caret = event.detail > 1 ? word : { start: word.start, end: word.start };
        return openEditor(row, caret, word);
      }
    }
    // A click beside the text of the correction (not on a word) edits with the caret at the end.
    if (target.closest('.segment-text') && !(editing && editing.row === row)) {
      const end = currentText(row).length;
      return openEditor(row, { start: end, end });
    }
    if (!target.closest('.segment-mt')) focusRow(row, false);
  });

  /** The second click of a double-click that opened the editor lands in it: select the word that was double-clicked. */
  const selectsClickedWord = (event) =>
    editing && event.target === editing.textarea && event.detail >= 2 && editing.clicked && Date.now() - editing.openedAt < 1500;
  for (const type of ['mousedown', 'dblclick']) {
    list.addEventListener(type, (event) => {
      if (!selectsClickedWord(event)) return;
      // The browser would select the word under the pointer in the editor's own layout, which wraps differently.
      event.preventDefault();
      editing.textarea.focus();
      editing.textarea.setSelectionRange(editing.clicked.start, editing.clicked.end);
    });
  }

  // ---- Others' changes, as they happen (live.js sends them) ----------------------------------

  document.addEventListener('redline:segment-changed', (event) => {
    const detail = event.detail || {};
    const row = document.getElementById('segment-' + detail.segmentId);
    if (!row || !detail.html || Number(row.dataset.version) >= Number(detail.version)) return;
    if (editing && editing.row === row) return showTheirChange(row, detail);
    replaceRow(row, detail.html);
  });

  /** Someone saved the sentence I am editing: show it now rather than as a conflict when I save. */
  function showTheirChange(row, detail) {
    const fresh = fragmentFrom(detail.html).querySelector('li.segment');
    if (!fresh || !editing) return;
    const theirText = currentText(fresh);
    const who = detail.by || 'Someone';
    if (!isDirty()) {
      // Nothing typed yet: the editor simply continues from their text.
      editing.textarea.value = theirText;
      editing.originalText = theirText;
      editing.version = fresh.dataset.version;
      editing.originalHtml = fresh.querySelector('.segment-current').innerHTML;
      autosize(editing.textarea);
      scheduleLiveDiff(editing);
      showMessage(
        row,
        who + ' just changed this sentence (version ' + fresh.dataset.version + '); the editor shows their text.',
        'their-change',
      );
      announce(who + ' just changed sentence ' + numberOf(row) + '.');
      return;
    }
    const panel = showMessage(
      row,
      who + ' just saved a new version (' + fresh.dataset.version + ') of this sentence while you were editing:',
      'their-change',
    );
    const quote = document.createElement('blockquote');
    quote.textContent = theirText;
    const take = document.createElement('button');
    take.type = 'button';
    take.textContent = 'Take their text';
    take.addEventListener('click', () => {
      forget(row);
      editing = null;
      replaceRow(row, detail.html);
    });
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.className = 'secondary';
    keep.textContent = 'Keep editing mine (saving replaces theirs)';
    keep.addEventListener('click', () => {
      if (editing && editing.row === row) {
        editing.version = fresh.dataset.version;
        editing.originalHtml = fresh.querySelector('.segment-current').innerHTML;
        editing.textarea.focus();
      }
      panel.remove();
    });
    panel.append(quote, take, keep);
    announce(who + ' just changed sentence ' + numberOf(row) + ' while you were editing it.');
  }

  // ---- Presence ------------------------------------------------------------------------------

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

  window.addEventListener('beforeunload', (event) => {
    if (isDirty()) event.preventDefault();
  });

  // Following a #segment-N link inside the page moves the current row there.
  window.addEventListener('hashchange', () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.matches('li.segment')) focusRow(target);
  });

  // Arriving: where the keyboard was heading from another page, else a #segment-N link, else the first row.
  if (!takeIntent()) {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    focusRow(target && target.matches('li.segment') ? target : rows()[0], Boolean(target));
  }
}
