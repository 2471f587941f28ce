// The import form in the background: the article is imported in steps on the server, and this page
// shows how far it got (GET /api/imports/:id) until it can open the article. Without this script
// the form posts as usual and the browser waits for the article page.
import { errorMessage } from './lib/http.js';

const form = document.getElementById('import-form');
const panel = document.getElementById('import-progress');
const bar = panel.querySelector('progress');
const status = panel.querySelector('[role="status"]');
const problem = document.querySelector('[data-testid="import-error"]');
const button = form.querySelector('button[type="submit"]');
const POLL_MS = 400;

function showError(message) {
  panel.hidden = true;
  problem.textContent = message;
  problem.hidden = false;
  button.disabled = false;
}

function showProgress({ segments, characters, totalCharacters }) {
  const share = totalCharacters > 0 ? Math.floor((characters / totalCharacters) * 100) : 0;
  bar.value = share;
  status.textContent = `Imported ${segments.toLocaleString('en-US')} segments (${share} % of the text)…`;
}

async function follow(progressUrl) {
  for (;;) {
    const response = await fetch(progressUrl, { headers: { 'X-Requested-With': 'fetch' } });
    if (!response.ok) return showError(await errorMessage(response));
    const job = await response.json();
    if (job.state === 'done') {
      status.textContent = 'Imported. Opening the article…';
      window.location.assign(job.articleUrl);
      return;
    }
    if (job.state === 'failed') return showError(job.error.message);
    showProgress(job);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (button.disabled) return;
  button.disabled = true;
  problem.hidden = true;
  panel.hidden = false;
  status.textContent = 'Sending…';
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  try {
    // Multipart, as the form itself posts (the file field); the browser sets the boundary.
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'X-Requested-With': 'fetch', 'X-CSRF-Token': csrf },
      body: new FormData(form),
    });
    if (response.status !== 202) return showError(await errorMessage(response));
    await follow((await response.json()).progress);
  } catch {
    showError('The connection to the server was lost. Nothing was imported twice: submit the form again to get the article.');
  }
});
