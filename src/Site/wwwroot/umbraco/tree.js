// The content tree: levels open and close in place (fetched from /umbraco/tree/children the first time), and the
// arrow keys move through the visible items. Without this script every item is a link and the page lists children.
(() => {
  const tree = document.querySelector('nav.tree .tree-root');
  if (!tree) return;

  const visibleLinks = () => [...tree.querySelectorAll('a.tree-link')].filter((a) => a.offsetParent !== null);

  async function open(button, show) {
    const group = document.getElementById(button.getAttribute('aria-controls'));
    if (!group) return;
    if (show && group.children.length === 0) {
      const response = await fetch(button.dataset.children, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (!response.ok) return;
      group.innerHTML = await response.text();
      enhance(group);
    }
    group.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
  }

  function enhance(root) {
    root.querySelectorAll('.tree-toggle').forEach((button) => {
      button.hidden = false;
      button.addEventListener('click', () => open(button, button.getAttribute('aria-expanded') !== 'true'));
    });
  }

  const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? '';
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  tree.insertAdjacentElement('afterend', status);

  // Alt+Up / Alt+Down: the item changes places with its sibling, saved at once (the same action as the edit page's
  // up and down buttons); items at the root are ordered on the root page.
  async function reorder(link, direction) {
    const item = link.closest('li');
    const parent = item.parentElement.closest('li');
    const sibling = direction === 'up' ? item.previousElementSibling : item.nextElementSibling;
    if (!parent || !sibling) return;
    const body = new URLSearchParams({ child: item.dataset.key, direction, __RequestVerificationToken: token });
    const response = await fetch(`/umbraco/content/${parent.dataset.key}/sort`, { method: 'POST', body, credentials: 'same-origin' });
    if (!response.ok) return;
    if (direction === 'up') sibling.before(item); else sibling.after(item);
    link.focus();
    status.textContent = tree.dataset.moved?.replace('{0}', link.textContent) ?? '';
  }

  tree.addEventListener('keydown', (event) => {
    const link = event.target.closest('a.tree-link');
    if (link && event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      reorder(link, event.key === 'ArrowUp' ? 'up' : 'down');
      return;
    }

    if (!link || event.altKey || event.ctrlKey || event.metaKey) return;
    const links = visibleLinks();
    const index = links.indexOf(link);
    const button = link.parentElement.querySelector('.tree-toggle');
    const expanded = button?.getAttribute('aria-expanded') === 'true';
    let target = null;
    switch (event.key) {
      case 'ArrowDown': target = links[index + 1]; break;
      case 'ArrowUp': target = links[index - 1]; break;
      case 'Home': target = links[0]; break;
      case 'End': target = links[links.length - 1]; break;
      case 'ArrowRight':
        if (button && !expanded) { event.preventDefault(); open(button, true); return; }
        if (button && expanded) target = links[index + 1];
        break;
      case 'ArrowLeft':
        if (button && expanded) { event.preventDefault(); open(button, false); return; }
        target = link.closest('ul')?.closest('li')?.querySelector(':scope > .tree-row a.tree-link');
        break;
      default: return;
    }
    event.preventDefault();
    target?.focus();
  });

  // Drag and drop: an item dropped above or below a sibling takes that place (the sort endpoint, with the siblings'
  // new order); dropped on the middle of another item, it moves under it (the move endpoint, whose rules say which
  // types may go where). Both are the management API's, with the page's antiforgery token; a refusal shows its words.
  const message = document.createElement('p');
  message.className = 'tree-message';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  tree.insertAdjacentElement('afterend', message);
  const api = '/umbraco/management/api/v1/document';
  let dragged = null;

  const rowOf = (event) => event.target.closest?.('.tree-row');
  const clearMarks = () => tree.querySelectorAll('.tree-drop-before, .tree-drop-after, .tree-drop-inside')
    .forEach((row) => row.classList.remove('tree-drop-before', 'tree-drop-after', 'tree-drop-inside'));
  const nameOf = (item) => item.querySelector(':scope > .tree-row a.tree-link')?.textContent ?? '';

  // Where a drop on this row would put the item: before or after it (its siblings only), or inside it.
  function placeFor(row, event) {
    const item = row.closest('li');
    if (!dragged || item === dragged || dragged.contains(item)) return null;
    const box = row.getBoundingClientRect();
    const y = (event.clientY - box.top) / box.height;
    const sibling = item.parentElement === dragged.parentElement;
    if (sibling && y < 0.3) return 'before';
    if (sibling && y > 0.7) return 'after';
    return row.querySelector('.tree-create') || row.querySelector('.tree-toggle') ? 'inside' : null;
  }

  async function send(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: token },
      body: JSON.stringify(body),
    });
    if (response.ok) return null;
    const problem = await response.json().catch(() => null);
    return problem?.detail || problem?.title || String(response.status);
  }

  function say(text, isError) {
    message.hidden = !isError;
    message.textContent = isError ? text : '';
    if (!isError) status.textContent = text;
  }

  async function drop(item, target, place) {
    const name = nameOf(item);
    if (place === 'inside') {
      const failed = await send(`${api}/${item.dataset.key}/move`, { parentId: target.dataset.key });
      if (failed) { say(failed, true); return; }
      const group = target.querySelector(':scope > ul');
      if (group && group.children.length > 0) group.append(item); else item.remove();
      say((tree.dataset.movedUnder ?? '{0}').replace('{0}', name).replace('{1}', nameOf(target)), false);
      target.querySelector(':scope > .tree-row a.tree-link')?.focus();
      return;
    }
    const siblings = [...item.parentElement.children].filter((li) => li !== item);
    siblings.splice(siblings.indexOf(target) + (place === 'after' ? 1 : 0), 0, item);
    const parent = item.parentElement.closest('li');
    const failed = await send(`${api}/sort`, { parentId: parent?.dataset.key ?? null, ids: siblings.map((li) => li.dataset.key) });
    if (failed) { say(failed, true); return; }
    if (place === 'before') target.before(item); else target.after(item);
    item.querySelector(':scope > .tree-row a.tree-link')?.focus();
    say((tree.dataset.moved ?? '{0}').replace('{0}', name), false);
  }

  function draggable(root) {
    root.querySelectorAll('.tree-row').forEach((row) => { row.draggable = true; });
  }

  tree.addEventListener('dragstart', (event) => {
    const row = rowOf(event);
    if (!row) return;
    dragged = row.closest('li');
    row.classList.add('tree-dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', nameOf(dragged));
  });
  tree.addEventListener('dragover', (event) => {
    const row = rowOf(event);
    const place = row && placeFor(row, event);
    clearMarks();
    if (!place) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    row.classList.add(`tree-drop-${place}`);
  });
  tree.addEventListener('dragleave', (event) => { if (!tree.contains(event.relatedTarget)) clearMarks(); });
  tree.addEventListener('drop', (event) => {
    const row = rowOf(event);
    const place = row && placeFor(row, event);
    clearMarks();
    if (!place) return;
    event.preventDefault();
    drop(dragged, row.closest('li'), place);
  });
  tree.addEventListener('dragend', () => {
    clearMarks();
    tree.querySelectorAll('.tree-dragging').forEach((row) => row.classList.remove('tree-dragging'));
    dragged = null;
  });
  // Levels fetched later are draggable too.
  new MutationObserver(() => draggable(tree)).observe(tree, { childList: true, subtree: true });

  enhance(tree);
  draggable(tree);
})();
