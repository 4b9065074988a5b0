// The content picker: Umbraco's document picker and multi-node tree picker (an agenda item's speakers, a related
// page). Editors find items by name in a native <dialog> (only of the types the picker allows, drafts included) and
// see what they picked by name, with buttons to reorder and remove. The value stays Umbraco's: udis
// (umb://document/…) separated by commas, so the form works without this script and the server checks it all on save.

import { el } from './dom.js';

const FindUrl = '/umbraco/picker/find';
const ItemsUrl = '/umbraco/picker/items';

let counter = 0;


const format = (template, ...args) => template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

export const udisOf = (value) => (value ?? '').split(/[\n,]/).map((s) => s.trim()).filter((s) => s.startsWith('umb://document/'));

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

// Names of items already picked, shared by every picker on the page: one request per set of new udis.
const known = new Map();
async function describe(udis, culture) {
  const missing = udis.filter((u) => !known.has(u));
  if (missing.length > 0) {
    try {
      const items = await getJson(`${ItemsUrl}?keys=${encodeURIComponent(missing.join(','))}&culture=${encodeURIComponent(culture || '')}`);
      items.forEach((item) => known.set(item.udi, item));
    } catch { /* names stay unknown; the udis are still shown and kept */ }
  }
  return udis.map((u) => known.get(u) ?? null);
}

/**
 * A picker for one value. `value` is the stored text; `onChange(text)` receives the new one (null when empty).
 * `config` is the server's: { types, typeNames, max } (max 0 for any number). `label` names the field.
 */
export function contentPicker({ t, label, value, config, culture, readOnly, onChange, id }) {
  const max = config?.max ?? 0;
  let udis = udisOf(value);
  const headingId = id || `cp-${++counter}`;
  const root = el('div', { className: 'content-picker' });
  const list = el('ol', { className: 'picker-items', 'aria-labelledby': headingId });
  const empty = el('p', { className: 'hint', text: t('pickerNothingYet') });
  const status = el('p', { className: 'visually-hidden', role: 'status' });
  const choose = el('button', { type: 'button', id: `${headingId}-choose`, text: format(t('pickerChooseOf'), config?.typeNames || label), disabled: readOnly });

  const save = () => onChange(udis.length ? udis.join(',') : null);

  async function render(focusIndex, focusWhat) {
    const items = await describe(udis, culture);
    list.replaceChildren(...udis.map((udi, index) => {
      const item = items[index];
      const name = item ? item.name : `${t('pickerMissing')} (${udi})`;
      const row = el('li', { className: 'picker-item' }, el('span', { className: 'picker-name', text: name }));
      if (item) {
        const about = [item.otherNames, item.type, item.published ? null : t('pickerNotLive')].filter(Boolean).join(' · ');
        row.append(el('span', { className: 'hint', text: ` ${about}` }));
      }
      const actions = el('span', { className: 'picker-actions' });
      const action = (text, what, enabled, run) => {
        const b = el('button', { type: 'button', className: 'small', text, 'aria-label': `${text}: ${name}`, disabled: readOnly || !enabled });
        b.dataset.action = what;
        b.addEventListener('click', run);
        actions.append(b);
      };
      if (max !== 1) {
        action(t('moveUp'), 'up', index > 0, () => move(index, -1));
        action(t('moveDown'), 'down', index < udis.length - 1, () => move(index, 1));
      }
      action(t('remove'), 'remove', true, () => {
        udis.splice(index, 1);
        save();
        status.textContent = format(t('pickerRemoved'), name);
        render().then(() => choose.focus());
      });
      row.append(actions);
      return row;
    }));
    list.hidden = udis.length === 0;
    empty.hidden = udis.length > 0;
    choose.disabled = readOnly;
    if (focusIndex !== undefined) list.children[focusIndex]?.querySelector(`[data-action="${focusWhat}"]:not(:disabled)`)?.focus();
  }

  function move(index, by) {
    const [udi] = udis.splice(index, 1);
    udis.splice(index + by, 0, udi);
    save();
    render(index + by, by < 0 ? 'up' : 'down');
  }

  function open() {
    const dialogId = `cp-dialog-${++counter}`;
    const dialog = el('dialog', { className: 'rte-dialog picker-dialog', 'aria-labelledby': `${dialogId}-title` });
    const search = el('input', { id: `${dialogId}-search`, type: 'search', autocomplete: 'off', 'aria-describedby': `${dialogId}-count`, lang: culture || undefined });
    const count = el('p', { id: `${dialogId}-count`, className: 'hint', role: 'status' });
    const results = el('ul', { className: 'rte-link-results picker-results', 'aria-label': t('pickerChosen') });
    const error = el('p', { className: 'field-error', role: 'alert', hidden: true });
    const done = el('button', { type: 'button', text: t('pickerDone') });
    done.addEventListener('click', () => dialog.close());
    dialog.append(
      el('h2', { id: `${dialogId}-title`, text: format(t('pickerChooseOf'), label) }),
      el('label', { htmlFor: search.id, text: t('pickerSearch') }), search, count, results, error,
      el('div', { className: 'rte-dialog-actions' }, done),
    );

    const press = () => results.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(udis.includes(b.dataset.udi))));
    const pick = (item) => {
      error.hidden = true;
      if (udis.includes(item.udi)) {
        udis = udis.filter((u) => u !== item.udi);
        status.textContent = format(t('pickerRemoved'), item.name);
      } else if (max === 1) {
        udis = [item.udi];
      } else if (max > 0 && udis.length >= max) {
        error.textContent = format(t('pickerMax'), max);
        error.hidden = false;
        return;
      } else {
        udis.push(item.udi);
        status.textContent = format(t('pickerAdded'), item.name);
      }
      known.set(item.udi, item);
      save();
      render();
      press();
      if (max === 1) dialog.close();
    };

    let timer = 0;
    let asked = 0;
    const find = async () => {
      const mine = ++asked;
      const q = search.value.trim();
      const types = (config?.types ?? []).join(',');
      // With a type filter the picker lists what it can pick before a word is typed; otherwise it waits for one.
      if (!q && !types) { results.replaceChildren(); count.textContent = ''; return; }
      let found;
      try {
        found = await getJson(`${FindUrl}?q=${encodeURIComponent(q)}&types=${encodeURIComponent(types)}&culture=${encodeURIComponent(culture || '')}`);
      } catch {
        if (mine === asked) { count.textContent = t('pickerFailed'); results.replaceChildren(); }
        return;
      }
      if (mine !== asked) return; // a later search's answer counts
      results.replaceChildren(...found.map((item) => {
        const button = el('button', { type: 'button', className: 'rte-link-result', 'aria-pressed': String(udis.includes(item.udi)) },
          el('span', { text: item.name }),
          el('span', { className: 'hint', text: ` ${[item.otherNames, item.type, item.published ? null : t('pickerNotLive')].filter(Boolean).join(' · ')}` }));
        button.dataset.udi = item.udi;
        button.addEventListener('click', () => pick(item));
        return el('li', {}, button);
      }));
      count.textContent = found.length > 0 ? format(t('pickerFound'), found.length) : q ? t('pickerNothing') : t('pickerNoneYet');
    };
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(find, 200); });
    search.addEventListener('keydown', (e) => {
      const first = results.querySelector('button');
      // Enter picks the first item found (the form behind is never sent from here); Down goes to the list.
      if (e.key === 'Enter') { e.preventDefault(); if (first) first.click(); }
      else if (e.key === 'ArrowDown' && first) { e.preventDefault(); first.focus(); }
    });
    results.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const buttons = [...results.querySelectorAll('button')];
      const next = buttons[buttons.indexOf(document.activeElement) + (e.key === 'ArrowDown' ? 1 : -1)];
      e.preventDefault();
      (next || search).focus();
    });
    dialog.addEventListener('close', () => { dialog.remove(); choose.focus(); });
    document.body.append(dialog);
    dialog.showModal();
    search.focus();
    find();
  }

  choose.addEventListener('click', open);
  root.append(list, empty, choose, status);
  render();
  return root;
}

// The edit form's own picker fields (data-content-picker): the input stays in the form, hidden, and holds the value.
export function enhanceContentPickers() {
  // Razor writes data- attributes even when empty: only fields with settings are pickers.
  document.querySelectorAll('[data-content-picker]:not([data-content-picker=""])').forEach((input) => {
    const config = JSON.parse(input.dataset.contentPicker);
    const words = JSON.parse(input.dataset.pickerWords || '{}');
    const label = document.querySelector(`label[for="${input.id}"]`);
    const picker = contentPicker({
      t: (k) => words[k] || k,
      label: label?.textContent.replace(/\s*\*$/, '') ?? '',
      value: input.value,
      config,
      culture: input.lang || null,
      readOnly: input.readOnly,
      id: `${input.id}-picked`,
      onChange: (text) => { input.value = text ?? ''; input.dispatchEvent(new Event('change', { bubbles: true })); },
    });
    // The field's label names the list of picked items; the field's hint describes the button that opens the dialog.
    if (label) {
      label.id = `${input.id}-picked`;
      label.removeAttribute('for');
    }
    const hint = input.getAttribute('aria-describedby');
    if (hint) picker.querySelector(`#${CSS.escape(input.id)}-picked-choose`)?.setAttribute('aria-describedby', hint);
    input.hidden = true;
    input.insertAdjacentElement('afterend', picker);
  });
}
