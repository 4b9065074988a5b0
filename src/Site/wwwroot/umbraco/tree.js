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

  enhance(tree);
})();
