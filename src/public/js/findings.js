// QA findings and glossary terms on the review page. The server renders each row's
// findings (views/findings/_row.ejs) with their spans as data attributes; this script
// underlines the spans, marks the glossary terms (the preferred form shows on hover
// and focus), fixes a finding with one key (F), sends the rows' Fix / Dismiss /
// Restore forms in the background, and asks once before approving a sentence that
// still has open findings. Every action is also a plain form without JavaScript.
import { errorMessage, getFragment, postForm, swapById } from './lib/http.js';

const list = document.querySelector('ol.segments');
if (list) findingsOnPage(list);

/** The row's QA element (views/findings/_row.ejs), or null when the row has nothing to show. */
function qaOf(row) {
  return row.querySelector('[data-qa]');
}

function spansOf(row, attribute) {
  const qa = qaOf(row);
  if (!qa || !qa.dataset[attribute]) return [];
  try {
    return JSON.parse(qa.dataset[attribute]);
  } catch {
    return [];
  }
}

/**
 * Wraps [start, end) of an element's text (UTF-16 offsets, as the server counts them) in
 * elements made by `make`, one per text node the range crosses, so markup already inside
 * (the MQM annotations of the MT) stays whole. The MQM labels are not part of the MT's text.
 */
function wrapRange(element, start, end, make) {
  // Not the text's own characters: MQM labels, the diff's deleted words and its screen-reader labels, cell labels.
  const notText = '.mqm-label, del, .diff-label, .sr-only, .cell-label, .segment-source';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement && node.parentElement.closest(notText) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const pieces = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.data.length;
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + length);
    if (from < to) pieces.push({ node, from: from - offset, to: to - offset });
    offset += length;
    if (offset >= end) break;
  }
  for (const { node, from, to } of pieces) {
    const middle = node.splitText(from);
    middle.splitText(to - from);
    const wrapper = make();
    middle.replaceWith(wrapper);
    wrapper.append(middle);
  }
}

/** Underlines the row's open findings in its text and marks the glossary terms in its MT and text. */
export function decorate(row) {
  // Once per rendering of a row: wrapping again would nest the marks.
  if (row.dataset.qaDecorated) return;
  row.dataset.qaDecorated = 'true';
  const text = row.querySelector('.segment-current') ?? row.querySelector('.segment-text');
  const mt = row.querySelector('.segment-mt-text') ?? row.querySelector('.segment-mt');
  if (text && !text.querySelector('textarea, em.removed')) {
    // Later spans first, so that wrapping one never moves the offsets of another.
    const marks = [
      ...spansOf(row, 'qaTermsText').map((mark) => ({ ...mark, term: true })),
      ...spansOf(row, 'qaSpans').filter((span) => span.end > span.start),
    ];
    for (const mark of marks.sort((a, b) => b.start - a.start))
      wrapRange(text, mark.start, mark.end, () => (mark.term ? termMark(mark) : findingMark(mark)));
  }
  if (mt)
    for (const mark of spansOf(row, 'qaTermsMt').sort((a, b) => b.start - a.start))
      wrapRange(mt, mark.start, mark.end, () => termMark(mark));
}

function findingMark(span) {
  const mark = document.createElement('span');
  mark.className = 'qa-span';
  mark.dataset.findingId = span.id;
  mark.title = span.message + (span.fix !== null && span.fix !== undefined ? ' (F fixes it)' : '');
  return mark;
}

function termMark(mark) {
  const element = document.createElement('mark');
  element.className = 'term term-' + mark.kind;
  element.tabIndex = 0;
  const hint = mark.kind === 'preferred' ? 'Glossary: preferred form' : 'Glossary: write “' + mark.preferred + '”';
  element.dataset.preferred = mark.kind === 'preferred' ? '✓ ' + mark.preferred : '→ ' + mark.preferred;
  element.title = hint + (mark.note ? ' (' + mark.note + ')' : '');
  element.setAttribute('aria-label', mark.term + ': ' + element.title);
  return element;
}

function findingsOnPage(list) {
  const returnTo = list.dataset.returnTo || location.pathname + location.search;
  const articleId = list.dataset.articleId;

  for (const row of list.querySelectorAll('li.segment')) decorate(row);
  // review.js swaps in a fresh row after every save: decorate it as well.
  new MutationObserver((changes) => {
    for (const change of changes)
      for (const node of change.addedNodes) if (node instanceof HTMLElement && node.matches('li.segment')) decorate(node);
  }).observe(list, { childList: true });

  /** After a QA change: the row again, and the header's findings count and progress. */
  async function refresh(segmentId) {
    const row = await getFragment('/segments/' + segmentId + '/row?returnTo=' + encodeURIComponent(returnTo));
    if (row.ok) {
      const wasCurrent = document.getElementById('segment-' + segmentId)?.classList.contains('current');
      const [fresh] = swapById(await row.text());
      // review.js keeps the current row; a click on the fresh row's number makes it current there too (J/K go on from it).
      if (fresh && wasCurrent) fresh.querySelector('.segment-number')?.click();
    }
    const query = new URLSearchParams(location.search);
    query.delete('page');
    const header = await getFragment('/articles/' + articleId + '/qa-summary?' + query.toString());
    if (header.ok) swapById(await header.text());
  }

  function showProblem(row, message) {
    row.querySelectorAll('.qa .inline-message').forEach((element) => element.remove());
    const problem = document.createElement('p');
    problem.className = 'inline-message';
    problem.setAttribute('role', 'alert');
    problem.textContent = message;
    qaOf(row)?.append(problem);
  }

  async function send(form) {
    const row = form.closest('li.segment');
    const response = await postForm(form.action, new FormData(form)).catch(() => null);
    if (!response) return showProblem(row, 'The server could not be reached. Nothing was changed; try again.');
    if (!response.ok) return showProblem(row, await errorMessage(response));
    await refresh(row.dataset.segmentId);
  }

  /** Applies the row's first certain fix (F); false when the row has none. */
  function fixFirst(row) {
    const form = row && row.querySelector('form.js-qa-fix');
    if (!form) return false;
    void send(form);
    return true;
  }

  list.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches('.js-qa-fix, .js-qa-dismiss, .js-qa-restore')) return;
    event.preventDefault();
    void send(form);
  });

  /** Asks once before a sentence with open QA findings is approved; false when the reviewer says no. */
  const approveAnyway = (row) => {
    const open = Number(qaOf(row)?.dataset.openFindings || 0);
    return open === 0 || window.confirm(open + ' QA ' + (open === 1 ? 'warning' : 'warnings') + ' — approve anyway?');
  };
  // The A key (review.js): the approval waits for the answer.
  document.addEventListener('redline:before-approve', (event) => {
    if (event.target instanceof HTMLElement && !approveAnyway(event.target)) event.preventDefault();
  });

  // Before review.js sends an approval form (capture phase): ask once when the sentence still has open findings.
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.classList.contains('js-status')) return;
      if (new FormData(form).get('status') !== 'approved') return;
      if (!approveAnyway(form.closest('li.segment'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );

  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.key !== 'f' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target instanceof HTMLElement && (target.matches('input, textarea, select') || target.isContentEditable)) return;
    if (fixFirst(list.querySelector('li.segment.current'))) event.preventDefault();
  });
}
