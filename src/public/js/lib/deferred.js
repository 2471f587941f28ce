// Forms that wait closed in every row (a rejection's reason, split / merge, dismissing a QA finding) are
// sent inside <noscript class="deferred">. With scripting on, the browser keeps such a block as text, so
// a page of 100 rows does not build some 500 hidden forms and fields at load: Chromium's form scanning
// alone costs a few milliseconds per text field, over a second for the page (measured with the
// 10,000-sentence article). They become forms when their <details> opens. Without JavaScript the
// <noscript> blocks are ordinary markup and every form works as before.
import { fragmentFrom } from './http.js';

/** Turns the deferred blocks inside `root` into the forms they hold. */
export function revealDeferred(root) {
  for (const holder of Array.from(root.querySelectorAll('noscript.deferred'))) {
    // Parsed where scripting was off (an inert document), the block already holds elements.
    const html = holder.children.length > 0 ? holder.innerHTML : holder.textContent || '';
    holder.replaceWith(fragmentFrom(html));
  }
}

/** Reveals a <details>' deferred forms as it opens: on the summary's click (before the first paint of the open state) and on toggle (when opened any other way). */
export function revealDeferredOnOpen(document) {
  document.addEventListener(
    'click',
    (event) => {
      const summary = event.target instanceof Element && event.target.closest('summary');
      if (summary && summary.parentElement instanceof HTMLDetailsElement) revealDeferred(summary.parentElement);
    },
    true,
  );
  document.addEventListener(
    'toggle',
    (event) => {
      if (event.target instanceof HTMLDetailsElement && event.target.open) revealDeferred(event.target);
    },
    true,
  );
}
