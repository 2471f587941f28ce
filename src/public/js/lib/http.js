// How the pages' scripts talk to the server: forms posted in the background with
// the session's CSRF token, and server-rendered fragments swapped into the page.
// The server renders every piece of HTML; these scripts only put it in place.

/** The session's CSRF token (src/auth/authenticate.ts), from the page's <meta>. */
function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

/** Every background request: marked as one (the server answers fragments or JSON), with the CSRF token. */
function headers(extra) {
  return Object.assign({ 'X-Requested-With': 'fetch', 'X-CSRF-Token': csrfToken() }, extra);
}

/** Posts form fields (an object, FormData or URLSearchParams) as a form would; rejects only when the network fails. */
export function postForm(url, fields) {
  return fetch(url, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/x-www-form-urlencoded' }),
    body: new URLSearchParams(fields),
  });
}

/** Sends JSON to the API. */
export function postJson(url, body) {
  return fetch(url, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) });
}

/** Asks for a server-rendered fragment. */
export function getFragment(url) {
  return fetch(url, { headers: headers() });
}

/** The message of a refused request: the server's own (JSON errors), else the status. */
export async function errorMessage(response) {
  const problem = await response.json().catch(() => null);
  return (problem && problem.error && problem.error.message) || 'The server answered ' + response.status + '. Try again.';
}

/** Parses server-rendered HTML into nodes, without running anything in it. */
export function fragmentFrom(html) {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content;
}

/**
 * Puts each top-level element of the server's HTML in place of the page's element
 * with the same id (a saved row, the progress bar, ...). Returns the new elements.
 */
export function swapById(html) {
  const swapped = [];
  for (const fresh of Array.from(fragmentFrom(html).children)) {
    const old = fresh.id && document.getElementById(fresh.id);
    if (!old) continue;
    old.replaceWith(fresh);
    swapped.push(fresh);
  }
  return swapped;
}
