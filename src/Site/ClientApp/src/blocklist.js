// The block list editor of the back office: it enhances each textarea marked data-blocklist, which keeps the value
// that is posted (Umbraco 15+'s block value as JSON), so the form still works without JavaScript. Writers add, edit,
// reorder and remove blocks with ordinary form controls (keyboard and screen readers work as on any form); every
// change writes the value back in Umbraco's format. The server checks it all again on save.

import { contentPicker } from './content-picker.js';
import { el } from './dom.js';

const LAYOUT = 'Umbraco.BlockList';

export function newKey() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  const b = window.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// A media udi (umb://media/32 hex digits) as the key MediaPicker3 stores (with dashes).
const keyOfUdi = (udi) => {
  const h = udi.replace('umb://media/', '');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

function read(text) {
  try {
    const v = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch { /* an empty or unreadable value starts an empty list; the server refuses a broken one on save */ }
  return null;
}


let counter = 0;

/**
 * The fields of one block element, one per property (and per language for a varying one): text, text area, rich
 * text (the Tiptap editor), images from the media library, a link. Shared by block lists and blocks in rich text.
 */
export function fieldFactory(ctx) {
  const { t, images, cultures, valueOf, setValue } = ctx;
function field(block, property, culture) {
  const id = `bl-${++counter}`;
  const cultureName = culture ? cultures.find((c) => c.code === culture)?.name : null;
  const label = el('label', { htmlFor: id, text: cultureName ? `${property.label} (${cultureName})` : property.label + (property.mandatory ? ' *' : '') });
  const wrap = el('div', { className: 'field' }, label);
  const current = valueOf(block, property.alias, culture);
  switch (property.editor) {
    case 'Umbraco.TextArea': {
      const input = el('textarea', { id, rows: 3, value: current ?? '', lang: culture || undefined });
      input.addEventListener('input', () => setValue(block, property, culture, input.value));
      wrap.append(input);
      break;
    }
    case 'Umbraco.RichText': {
      let markup = '';
      try { markup = current ? (JSON.parse(current).markup ?? '') : ''; } catch { markup = current ?? ''; }
      const input = el('textarea', { id, rows: 6, value: markup, lang: culture || undefined });
      input.dataset.richtext = ctx.richWords;
      // The property's own data type settings (toolbar, extensions, heading levels).
      if (property.richText) input.dataset.rteConfig = property.richText;
      input.dataset.images = ctx.imagesJson;
      const save = () => setValue(block, property, culture, input.value ? JSON.stringify({ markup: input.value, blocks: null }) : null);
      input.addEventListener('input', save);
      wrap.append(input);
      // The rich text editor writes into the textarea; its changes are read when the form is sent, too.
      requestAnimationFrame(() => { ctx.enhanceRichText(input); });
      ctx.form?.addEventListener('submit', save);
      break;
    }
    case 'Umbraco.MediaPicker3':
      wrap.replaceChildren(mediaField(block, property, culture, id, label));
      break;
    case 'Umbraco.ContentPicker':
    case 'Umbraco.MultiNodeTreePicker': {
      // Picked by name (the server's picker settings say which types and how many); stored as Umbraco's udis.
      const heading = el('p', { id, className: 'picker-label', text: label.textContent });
      const picker = contentPicker({
        t, label: label.textContent.replace(/\s*\*$/, ''), value: current, config: property.picker, culture: culture || ctx.lang,
        readOnly: ctx.readOnly, id, onChange: (text) => setValue(block, property, culture, text),
      });
      wrap.replaceChildren(heading, picker);
      break;
    }
    case 'Umbraco.TrueFalse': {
      // Stored as Umbraco stores a toggle in a block: a JSON boolean (older values: "1"/"0").
      const box = el('input', { id, type: 'checkbox', checked: current === true || current === '1' || current === 1 });
      box.addEventListener('change', () => setValue(block, property, culture, box.checked));
      wrap.replaceChildren(el('span', { className: 'check' }, box, label));
      break;
    }
    case 'Umbraco.DateTime': {
      // Stored as Umbraco's DateTime editor stores it (yyyy-MM-dd HH:mm:ss, or yyyy-MM-dd without a time).
      const withTime = property.hasTime === true;
      const shown = (current ?? '').replace(' ', 'T').slice(0, withTime ? 16 : 10);
      const input = el('input', { id, type: withTime ? 'datetime-local' : 'date', value: shown, step: withTime ? 60 : undefined });
      input.addEventListener('input', () => {
        const v = input.value;
        setValue(block, property, culture, !v ? null : withTime ? `${v.replace('T', ' ').slice(0, 16)}:00` : v);
      });
      wrap.append(input);
      break;
    }
    case 'Umbraco.DropDown.Flexible': {
      // One value, stored as Umbraco's flexible dropdown stores it: a JSON list.
      let chosen = '';
      if (Array.isArray(current)) chosen = current[0] ?? '';
      else try { chosen = current ? (JSON.parse(current)[0] ?? '') : ''; } catch { chosen = current ?? ''; }
      const select = el('select', { id }, el('option', { value: '', text: '—' }),
        ...(property.options ?? []).map((o) => el('option', { value: o.value, text: o.label, selected: o.value === chosen })));
      select.addEventListener('change', () => setValue(block, property, culture, select.value ? JSON.stringify([select.value]) : null));
      wrap.append(select);
      break;
    }
    case 'Umbraco.MultiUrlPicker': {
      let link = {};
      try { link = (current && JSON.parse(current)[0]) || {}; } catch { link = {}; }
      const name = el('input', { id, type: 'text', value: link.name ?? '', lang: culture || undefined });
      const urlId = `${id}-url`;
      const url = el('input', { id: urlId, type: 'url', value: link.url ?? '', placeholder: 'https://…' });
      const save = () => setValue(block, property, culture, url.value.trim() ? JSON.stringify([{ name: name.value.trim() || url.value.trim(), url: url.value.trim() }]) : null);
      name.addEventListener('input', save);
      url.addEventListener('input', save);
      label.textContent += ` — ${t('linkText')}`;
      wrap.append(name, el('label', { htmlFor: urlId, text: t('linkAddress') }), url);
      break;
    }
    default: {
      const input = el('input', { id, type: 'text', value: current ?? '', lang: culture || undefined });
      input.addEventListener('input', () => setValue(block, property, culture, input.value));
      wrap.append(input);
    }
  }
  return wrap;
}

// Images from the media library, by key; a native dialog to choose one, a button to take each one out.
function mediaField(block, property, culture, id, label) {
  const wrap = el('div', { className: 'field blocklist-media' });
  const heading = el('p', { id, text: label.textContent });
  const chosen = el('ul', { className: 'blocklist-thumbs', 'aria-labelledby': id });
  const items = () => { try { return JSON.parse(valueOf(block, property.alias, culture) || '[]'); } catch { return []; } };
  const render = () => {
    chosen.replaceChildren(...items().map((item, index) => {
      const image = images.find((i) => keyOfUdi(i.udi) === item.mediaKey);
      const name = image ? (image.alt || image.name) : item.mediaKey;
      const remove = el('button', { type: 'button', className: 'link-button', text: `${t('remove')}: ${name}` });
      remove.addEventListener('click', () => {
        const next = items().filter((_, i) => i !== index);
        setValue(block, property, culture, next.length ? JSON.stringify(next) : null);
        render();
        add.focus();
      });
      return el('li', {}, image ? el('img', { src: image.thumb, alt: '', width: 80 }) : null, remove);
    }));
  };
  const add = el('button', { type: 'button', text: t('chooseImage') });
  add.addEventListener('click', () => {
    const dialog = el('dialog', { className: 'rte-images', 'aria-label': t('chooseImage') }, el('h2', { text: t('chooseImage') }));
    if (images.length === 0) dialog.append(el('p', { text: t('noImages') }));
    const options = el('ul');
    images.forEach((image) => {
      const pick = el('button', { type: 'button' }, el('img', { src: image.thumb, alt: '', loading: 'lazy' }), el('span', { text: image.alt || image.name }));
      pick.addEventListener('click', () => {
        dialog.close();
        setValue(block, property, culture, JSON.stringify([...items(), { key: newKey(), mediaKey: keyOfUdi(image.udi) }]));
        render();
      });
      options.append(el('li', {}, pick));
    });
    const cancel = el('button', { type: 'button', text: t('cancel') });
    cancel.addEventListener('click', () => dialog.close());
    dialog.append(options, cancel);
    dialog.addEventListener('close', () => { dialog.remove(); add.focus(); });
    document.body.append(dialog);
    dialog.showModal();
  });
  render();
  wrap.append(heading, chosen, add);
  return wrap;
}

  return field;
}

function enhanceBlockList(textarea, enhanceRichText) {
  const config = JSON.parse(textarea.dataset.blocklist);
  const words = config.words;
  const t = (k) => words[k] || k;
  const images = JSON.parse(textarea.dataset.images || '[]');
  const stored = read(textarea.value);
  const types = new Map(config.blocks.map((b) => [b.key, b]));
  const cultures = config.cultures;

  // The blocks as the editor holds them: each block's content element and the cultures it is shown in.
  const blocks = [];
  if (stored) {
    const content = new Map((stored.contentData || []).map((c) => [c.key, c]));
    (stored.layout?.[LAYOUT] || []).forEach((l) => {
      const c = content.get(l.contentKey);
      if (!c) return;
      const exposed = (stored.expose || []).filter((e) => e.contentKey === c.key).map((e) => e.culture);
      blocks.push({
        key: c.key,
        settingsKey: l.settingsKey ?? null,
        typeKey: c.contentTypeKey,
        values: c.values || [],
        shown: exposed.length === 0 || exposed.includes(null) ? cultures.map((x) => x.code) : exposed,
      });
    });
  }
  const settingsData = stored?.settingsData || [];
  const settingsOf = (block) => settingsData.find((s) => s.key === block.settingsKey) || null;

  // A block whose kind has settings gets its settings element (Umbraco's settingsData) when it is shown, as Umbraco's
  // editor makes one for every such block; it is written only when something changes.
  function ensureSettings(block, type) {
    if (!type?.settings) return null;
    let settings = settingsOf(block);
    if (!settings || settings.contentTypeKey !== type.settings.key) {
      settings = { contentTypeKey: type.settings.key, key: newKey(), values: [] };
      settingsData.push(settings);
      block.settingsKey = settings.key;
    }
    return settings;
  }

  function write() {
    if (blocks.length === 0 && settingsData.length === 0) {
      textarea.value = '';
      return;
    }
    const value = {
      layout: { [LAYOUT]: blocks.map((b) => ({ contentKey: b.key, settingsKey: b.settingsKey })) },
      contentData: blocks.map((b) => ({
        contentTypeKey: b.typeKey,
        key: b.key,
        values: b.values.filter((v) => v.value !== null && v.value !== ''),
      })),
      settingsData,
      expose: blocks.flatMap((b) => b.shown.map((culture) => ({ contentKey: b.key, culture, segment: null }))),
    };
    textarea.value = JSON.stringify(value);
  }

  function valueOf(block, alias, culture) {
    return block.values.find((v) => v.alias === alias && (v.culture ?? null) === culture)?.value ?? null;
  }

  function setValue(block, property, culture, value) {
    const existing = block.values.find((v) => v.alias === property.alias && (v.culture ?? null) === culture);
    if (existing) existing.value = value;
    else block.values.push({ editorAlias: property.editor, culture, segment: null, alias: property.alias, value });
    write();
    if (block.legend) block.legend.textContent = title(block, blocks.indexOf(block));
  }

  // A block's heading says which it is: its kind, then its first date (and time) and its first line of text in the
  // editor's language, so that a long agenda reads "3. Agenda item — 2027-01-06 10:30 · Panel" rather than a number.
  const editorCulture = cultures.find((c) => c.code.toLowerCase() === document.documentElement.lang.toLowerCase())?.code ?? cultures[0]?.code ?? null;
  function title(block, index) {
    const type = types.get(block.typeKey);
    if (!type) return `${index + 1}. ${t('unknownType')}`;
    const value = (p) => valueOf(block, p.alias, p.varies ? editorCulture : null);
    const parts = [];
    const date = type.properties.find((p) => p.editor === 'Umbraco.DateTime' && typeof value(p) === 'string' && value(p));
    if (date) parts.push(value(date).replace('T', ' ').slice(0, date.hasTime ? 16 : 10));
    const text = type.properties.find((p) => p.editor === 'Umbraco.TextBox' && typeof value(p) === 'string' && value(p).trim());
    if (text) parts.push(value(text).trim().slice(0, 80));
    return `${index + 1}. ${type.name}${parts.length ? ` — ${parts.join(' · ')}` : ''}`;
  }

  const root = el('div', { className: 'blocklist' });
  const list = el('ol', { className: 'blocklist-items' });
  const status = el('p', { className: 'visually-hidden', role: 'status' });
  root.append(list);
  textarea.insertAdjacentElement('afterend', root);
  textarea.hidden = true;

  const field = fieldFactory({
    t, images, cultures, enhanceRichText, form: textarea.form,
    richWords: textarea.dataset.richtextWords || '{}', imagesJson: textarea.dataset.images || '[]',
    lang: textarea.lang || null, readOnly: textarea.readOnly,
    valueOf, setValue,
  });

  function render(focusIndex, focusWhat) {
    list.replaceChildren(...blocks.map((block, index) => {
      const type = types.get(block.typeKey);
      const legendId = `bl-${++counter}`;
      const item = el('li', { className: 'blocklist-item' });
      block.legend = el('legend', { id: legendId, text: title(block, index) });
      const fieldset = el('fieldset', {}, block.legend);
      if (type) {
        type.properties.forEach((p) => {
          if (p.varies) cultures.forEach((c) => fieldset.append(field(block, p, c.code)));
          else fieldset.append(field(block, p, null));
        });
        const settings = ensureSettings(block, type);
        if (settings) {
          const group = el('fieldset', { className: 'blocklist-settings' }, el('legend', { text: type.settings.name }));
          type.settings.properties.forEach((p) => group.append(field(settings, p, null)));
          fieldset.append(group);
        }
        const shown = el('fieldset', { className: 'blocklist-cultures' }, el('legend', { text: t('shownIn') }));
        cultures.forEach((c) => {
          const id = `bl-${++counter}`;
          const box = el('input', { id, type: 'checkbox', checked: block.shown.includes(c.code) });
          box.addEventListener('change', () => {
            block.shown = cultures.map((x) => x.code).filter((code) => (code === c.code ? box.checked : block.shown.includes(code)));
            write();
          });
          shown.append(el('span', { className: 'check' }, box, el('label', { htmlFor: id, text: c.name })));
        });
        fieldset.append(shown);
      }
      const actions = el('div', { className: 'blocklist-actions' });
      const action = (name, what, enabled, run) => {
        const b = el('button', { type: 'button', text: name, disabled: !enabled, 'aria-describedby': legendId });
        b.dataset.action = what;
        b.addEventListener('click', run);
        actions.append(b);
      };
      action(t('moveUp'), 'up', index > 0, () => move(index, -1));
      action(t('moveDown'), 'down', index < blocks.length - 1, () => move(index, 1));
      action(t('remove'), 'remove', true, () => {
        const settings = settingsOf(block);
        if (settings) settingsData.splice(settingsData.indexOf(settings), 1);
        blocks.splice(index, 1);
        write();
        render();
        status.textContent = t('removed');
        addButton.focus();
      });
      fieldset.append(actions);
      item.append(fieldset);
      return item;
    }));
    if (focusIndex !== undefined) {
      const target = list.children[focusIndex]?.querySelector(focusWhat ? `[data-action="${focusWhat}"]:not(:disabled)` : 'input, textarea, button');
      (target || list.children[focusIndex]?.querySelector('button'))?.focus();
    }
  }

  function move(index, by) {
    const [block] = blocks.splice(index, 1);
    blocks.splice(index + by, 0, block);
    write();
    render(index + by, by < 0 ? 'up' : 'down');
    status.textContent = `${t('moved')} ${index + by + 1}`;
  }

  const addId = `bl-${++counter}`;
  const choice = el('select', { id: addId }, config.blocks.map((b) => el('option', { value: b.key, text: b.name })));
  const addButton = el('button', { type: 'button', text: t('add') });
  addButton.addEventListener('click', () => {
    blocks.push({ key: newKey(), settingsKey: null, typeKey: choice.value, values: [], shown: cultures.map((c) => c.code) });
    write();
    render(blocks.length - 1);
    status.textContent = t('added');
  });
  root.append(el('div', { className: 'blocklist-add' }, el('label', { htmlFor: addId, text: t('blockType') }), choice, addButton), status);
  if (textarea.readOnly) root.querySelectorAll('input, textarea, select, button').forEach((c) => { c.disabled = true; });
  render();
}

export function enhanceBlockLists(enhanceRichText) {
  document.querySelectorAll('textarea[data-blocklist]').forEach((textarea) => enhanceBlockList(textarea, enhanceRichText));
}
