// The media picker of the edit form: each picked row gets "Move up", "Move down" and "Remove from the list" buttons,
// and a change is announced. The form posts the rows in their order, so without this script editors reorder and
// remove by choosing other items or "(none)" in the rows.
(() => {
  const format = (template, ...args) => template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

  document.querySelectorAll('ol.media-picks.sortable').forEach((list) => {
    const words = JSON.parse(list.dataset.words);
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    list.after(status);
    const rows = () => [...list.querySelectorAll(':scope > li')];
    const label = (row) => row.querySelector('select')?.selectedOptions[0]?.textContent ?? '';

    function button(row, text, action) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'small';
      b.textContent = text;
      b.dataset.action = action;
      row.append(b);
      return b;
    }

    function refresh() {
      const all = rows();
      all.forEach((row, i) => {
        const chosen = row.querySelector('select').value !== '';
        row.querySelectorAll('button').forEach((b) => {
          b.setAttribute('aria-label', `${b.textContent}: ${label(row)}`);
          b.hidden = !chosen;
        });
        row.querySelector('[data-action="up"]').disabled = i === 0;
        row.querySelector('[data-action="down"]').disabled = i === all.length - 1 || all[i + 1].querySelector('select').value === '';
      });
    }

    rows().forEach((row) => {
      button(row, words.up, 'up');
      button(row, words.down, 'down');
      button(row, words.remove, 'remove');
    });

    list.addEventListener('change', refresh);
    list.addEventListener('click', (event) => {
      const b = event.target.closest('button[data-action]');
      if (!b) return;
      const row = b.closest('li');
      if (b.dataset.action === 'remove') {
        const next = row.nextElementSibling ?? row.previousElementSibling;
        row.querySelector('select').value = '';
        list.append(row); // an empty row at the end posts nothing and can be used to pick again
        refresh();
        status.textContent = words.removed;
        (next?.querySelector('select') ?? row.querySelector('select')).focus();
        return;
      }

      const sibling = b.dataset.action === 'up' ? row.previousElementSibling : row.nextElementSibling;
      if (!sibling) return;
      if (b.dataset.action === 'up') sibling.before(row); else sibling.after(row);
      refresh();
      status.textContent = format(words.moved, rows().indexOf(row) + 1);
      // Focus stays on the same button, or the other one when this one cannot move further.
      (b.disabled ? row.querySelector(`[data-action="${b.dataset.action === 'up' ? 'down' : 'up'}"]`) : b).focus();
    });

    refresh();
  });
})();
