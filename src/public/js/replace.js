// Find and replace (src/batches): Ctrl+H opens it from an article's review page
// (or puts the cursor in "Find" on its own page), and "Select all/none" tick the
// preview's checkboxes in place. Without JavaScript the page works through its
// forms and links alone.

const findField = document.getElementById('replace-find');
const reviewList = document.querySelector('ol.segments[data-article-id]');

document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'h') return;
  if (findField) {
    event.preventDefault();
    findField.focus();
    findField.select();
  } else if (reviewList) {
    event.preventDefault();
    location.href = '/replace?article=' + reviewList.dataset.articleId;
  }
});

const applyForm = document.querySelector('form.replace-apply');
if (applyForm) {
  const boxes = () => Array.from(applyForm.querySelectorAll('input[type="checkbox"][name="match"]'));
  const count = applyForm.querySelector('[data-selected-count]');
  const showCount = () => {
    if (!count) return;
    const all = boxes();
    count.textContent = '(' + all.filter((box) => box.checked).length + ' of ' + all.length + ' on this page ticked)';
  };
  applyForm.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('[data-select]');
    if (!link) return;
    event.preventDefault();
    for (const box of boxes()) box.checked = link.dataset.select === 'all';
    showCount();
  });
  applyForm.addEventListener('change', showCount);
  showCount();
}
