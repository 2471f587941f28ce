// Inline codes (the tags of a bilingual file) as protected tokens on the review page.
//
// A segment's text holds ONE Private Use Area character per code (src/codes/inlineCodes.ts);
// its row carries what each stands for in data-codes. This module:
// - shows every marker in the source, MT, correction and diff as a chip with the code's label.
//   The marker character stays inside the chip (hidden), so textContent and offsets are the
//   text's own: annotations, drafts and the editor read the same string as the server;
// - gives rows with codes an editor (createCodeEditor) in which codes are chips that can be
//   deleted whole but never split, typed or pasted: marker characters are stripped from typed and
//   pasted text, and a code missing from the correction is inserted from the toolbar, by a click
//   on its chip in the source or MT, or with Alt+C (the next missing code);
// - gives rows swapped in after a save the language of the list (lang for spell-check and
//   screen readers: the MT and correction in the target language).
// Self-contained: review.js calls createCodeEditor for a row with codes instead of a textarea.

const MARKER = /[\uE000-\uF8FF]/;
const MARKERS = /[\uE000-\uF8FF]/g;

/** The codes of the row an element is in, by marker; null when the row has none. */
export function codesOf(element) {
  const row = element.closest('[data-codes]');
  if (!row) return null;
  try {
    return new Map(JSON.parse(row.dataset.codes).map((code) => [code.marker, code]));
  } catch {
    return null;
  }
}

function chip(marker, code) {
  const element = document.createElement('span');
  element.className = 'code-chip';
  element.contentEditable = 'false';
  element.dataset.label = code ? code.label : '?';
  element.dataset.marker = marker;
  element.title = code ? code.title || `Inline code ${code.label}` : 'Unknown inline code';
  const hidden = document.createElement('span');
  hidden.className = 'code-marker';
  hidden.textContent = marker;
  element.append(hidden);
  return element;
}

/** Replaces the markers in the text nodes under `root` with chips (skipping editors and chips already made). */
export function decorateCodes(root) {
  const scopes = root.matches?.('[data-codes]') ? [root] : Array.from(root.querySelectorAll?.('[data-codes]') ?? []);
  for (const scope of scopes) {
    const codes = codesOf(scope);
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        MARKER.test(node.data) && !node.parentElement.closest('.code-chip, textarea, [contenteditable="true"]')
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_REJECT,
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const pieces = [];
      let run = '';
      for (const char of node.data) {
        if (!MARKER.test(char)) {
          run += char;
          continue;
        }
        if (run) pieces.push(document.createTextNode(run));
        run = '';
        pieces.push(chip(char, codes?.get(char)));
      }
      if (run) pieces.push(document.createTextNode(run));
      node.replaceWith(...pieces);
    }
  }
}

/** Rows swapped in after a save come without lang: they get the list's. */
function applyLanguages(list, root) {
  const target = list.dataset.targetLang;
  const source = list.dataset.sourceLang;
  for (const cell of root.querySelectorAll?.('.segment-mt-text, .segment-text, .segment-diff') ?? [])
    if (target && !cell.lang) cell.lang = target;
  for (const cell of root.querySelectorAll?.('.segment-source:not(.segment-source-repeat)') ?? [])
    if (source && !cell.lang) cell.lang = source;
}

/**
 * A contenteditable editor for a correction with inline codes, usable where review.js uses a
 * textarea: it has `value` (the text with markers), focus(), setSelectionRange() (to the end) and
 * the usual events. Returns the editor element; `toolbar` (its `.codeToolbar`) lists missing codes.
 */
export function createCodeEditor(text, codes) {
  const editor = document.createElement('div');
  editor.className = 'code-editor';
  editor.contentEditable = 'true';
  editor.setAttribute('role', 'textbox');
  editor.setAttribute('aria-multiline', 'true');
  editor.spellcheck = true;
  const toolbar = document.createElement('div');
  toolbar.className = 'code-toolbar';

  const render = (value) => {
    editor.replaceChildren();
    let run = '';
    for (const char of value) {
      if (!MARKER.test(char)) {
        run += char;
        continue;
      }
      if (run) editor.append(run);
      run = '';
      if (codes.has(char)) editor.append(chip(char, codes.get(char)));
    }
    if (run) editor.append(run);
  };
  render(text);

  Object.defineProperty(editor, 'value', {
    get: () => editor.textContent,
    set: (value) => {
      render(value);
      updateToolbar();
    },
  });
  editor.setSelectionRange = () => {
    const range = document.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  editor.codeToolbar = toolbar;

  const missing = () => {
    const present = new Set(editor.textContent.match(MARKERS) ?? []);
    return Array.from(codes.values()).filter((code) => !present.has(code.marker));
  };

  /** Inserts text (never markers) or one code's chip at the caret, as the browser's own edit (undo keeps working). */
  const insertAtCaret = (node) => {
    const selection = getSelection();
    if (!selection.rangeCount || !editor.contains(selection.anchorNode)) editor.setSelectionRange();
    const range = selection.getRangeAt(0);
    range.deleteContents();
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  };

  function insertCode(marker) {
    if (!codes.has(marker) || editor.textContent.includes(marker)) return;
    editor.focus();
    insertAtCaret(chip(marker, codes.get(marker)));
  }
  editor.insertCode = insertCode;

  function updateToolbar() {
    const absent = missing();
    toolbar.replaceChildren();
    if (absent.length === 0) return;
    toolbar.append('Missing codes (Alt+C inserts the next):');
    for (const code of absent) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'code-chip';
      button.dataset.label = code.label;
      button.title = `Insert ${code.label} at the cursor`;
      button.setAttribute('aria-label', `Insert inline code ${code.label}`);
      // Keep the editor's caret: the button must not take the focus on press.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => insertCode(code.marker));
      toolbar.append(button);
    }
  }
  updateToolbar();

  editor.addEventListener('beforeinput', (event) => {
    const type = event.inputType;
    if (type === 'insertParagraph' || type === 'insertLineBreak') {
      // Plain line breaks, not the <div>s browsers make: the value stays the text.
      event.preventDefault();
      insertAtCaret(document.createTextNode('\n'));
      return;
    }
    if (type === 'insertFromPaste' || type === 'insertFromDrop' || type === 'insertReplacementText' || type === 'insertText') {
      const data = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
      // Formatted paste and any marker character are refused: only plain text goes in.
      if (type === 'insertText' && !MARKER.test(data)) return;
      event.preventDefault();
      const clean = data.replace(MARKERS, '');
      if (clean) insertAtCaret(document.createTextNode(clean));
    }
    if (type.startsWith('format')) event.preventDefault();
  });
  editor.addEventListener('input', updateToolbar);
  editor.addEventListener('keydown', (event) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyC') {
      event.preventDefault();
      const [next] = missing();
      if (next) insertCode(next.marker);
    }
  });
  return editor;
}

/** While a row's code editor is open, a click on a chip in its source or MT inserts that code. */
function insertFromSource(event) {
  const clicked = event.target.closest?.('.code-chip[data-marker]');
  if (!clicked || clicked.closest('.code-editor')) return;
  const row = clicked.closest('li.segment');
  const editor = row?.querySelector('.code-editor');
  if (!editor) return;
  event.preventDefault();
  // The review page would otherwise focus the row and take the caret out of the editor.
  event.stopImmediatePropagation();
  editor.insertCode(clicked.dataset.marker);
}

const list = document.querySelector('ol.segments');
if (list) {
  decorateCodes(list);
  applyLanguages(list, list);
  list.addEventListener('mousedown', (event) => {
    // Keep the editor's caret when a source chip is pressed.
    if (
      event.target.closest?.('.segment-source .code-chip, .segment-mt .code-chip') &&
      event.target.closest('li.segment')?.querySelector('.code-editor')
    )
      event.preventDefault();
  });
  list.addEventListener('click', insertFromSource);
  new MutationObserver((changes) => {
    for (const change of changes)
      for (const node of change.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        decorateCodes(node.closest('[data-codes]') ?? node);
        applyLanguages(list, node);
      }
  }).observe(list, { childList: true, subtree: true });
}
