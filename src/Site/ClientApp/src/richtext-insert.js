// Placing things in the rich text: images dropped or pasted (uploaded into the media library with their alt text in
// the field's language) and links (to a page of this site, stored by key, or to an address). Every dialog is a native
// <dialog>: focus moves into it, Escape cancels, and focus returns to the text when it closes.
import Link from '@tiptap/extension-link';

const UploadUrl = '/umbraco/richtext/media';
const PagesUrl = '/umbraco/richtext/pages';

export const safeUrl = (url) => /^(https?:\/\/|mailto:|\/(?![\/\\]))/i.test(url.trim());

// Umbraco 15/16's form of a link to a page: <a type="document" href="/{localLink:GUID}">.
const pageHref = /^\/\{localLink:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;

export const PageLink = Link.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      type: {
        default: null,
        parseHTML: (element) => (element.getAttribute('type') === 'document' ? 'document' : null),
        renderHTML: (attributes) => (attributes.type === 'document' ? { type: 'document' } : {}),
      },
    };
  },
});

let dialogCount = 0;

function element(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  Object.entries(props).forEach(([k, v]) => {
    if (v === null || v === undefined) return;
    if (k === 'text') el.textContent = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v);
  });
  children.forEach((c) => el.append(c));
  return el;
}

// A modal dialog with a heading; resolves with what `finish` gave, or null when cancelled (Escape, Cancel).
function modal(ctx, title, build) {
  return new Promise((resolve) => {
    const id = `rte-dialog-${++dialogCount}`;
    const dialog = element('dialog', { class: 'rte-dialog', 'aria-labelledby': `${id}-title` });
    const form = element('form', { method: 'dialog' });
    form.append(element('h2', { id: `${id}-title`, text: title }));
    let result = null;
    const finish = (value) => { result = value; dialog.close(); };
    const cancel = element('button', { type: 'button', text: ctx.t('cancel', 'Cancel') });
    cancel.addEventListener('click', () => dialog.close());
    build(form, finish, cancel, id);
    dialog.append(form);
    dialog.addEventListener('close', () => {
      dialog.remove();
      ctx.editor.commands.focus();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

// Asks for the alt text in the field's language; the image is placed only once it is written.
export function askAltText(ctx, { preview, suggested }) {
  return modal(ctx, ctx.t('altTitle', 'Describe the image'), (form, finish, cancel, id) => {
    if (preview) form.append(element('img', { src: preview, alt: '', class: 'rte-dialog-preview' }));
    const label = element('label', { for: `${id}-alt`, text: ctx.t('altLabel', 'Alt text') });
    const error = element('p', { id: `${id}-error`, class: 'field-error', hidden: true, text: ctx.t('altRequired', 'Write the alt text before the image is placed.') });
    const input = element('input', { id: `${id}-alt`, type: 'text', lang: ctx.lang || null, maxlength: '300', autocomplete: 'off' });
    input.value = suggested || '';
    const place = element('button', { type: 'submit', text: ctx.t('altPlace', 'Place the image') });
    form.append(label, error, input, element('div', { class: 'rte-dialog-actions' }, [place, cancel]));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const alt = input.value.trim();
      if (!alt) {
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.focus();
        return;
      }
      finish(alt);
    });
    queueMicrotask(() => input.focus());
  });
}

function token(ctx) {
  return ctx.textarea.form?.querySelector('input[name="__RequestVerificationToken"]')?.value
    || document.querySelector('input[name="__RequestVerificationToken"]')?.value || '';
}

// Uploads through the media library's checks; a refusal carries the server's message in the editor's language.
async function upload(ctx, file, alt) {
  const body = new FormData();
  body.append('File', file, file.name || 'image');
  body.append('Alt', alt);
  body.append('Culture', ctx.lang || '');
  body.append('__RequestVerificationToken', token(ctx));
  let response;
  try {
    response = await fetch(UploadUrl, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new Error(ctx.t('uploadFailed', 'The image could not be uploaded.'));
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(json?.detail || ctx.t('uploadFailed', 'The image could not be uploaded.'));
  return json;
}

const isImage = (file) => /^image\//i.test(file.type);

// The image beside its alt text field: a data: address, as the back office's policy admits no blob: images.
function previewOf(file) {
  if (file.size > 8 * 1024 * 1024) return Promise.resolve(null);
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

// One image after the other at the given place: ask, upload, insert (each an undoable step).
export async function placeFiles(ctx, files, at) {
  const images = [...files].filter(isImage);
  if (images.length === 0) { ctx.notify(ctx.t('notImage', 'Only image files can be placed in the text.'), true); return; }
  let pos = at;
  for (const file of images) {
    const alt = await askAltText(ctx, { preview: await previewOf(file), suggested: file.suggestedAlt });
    if (alt === null) continue;
    ctx.notify(ctx.t('uploading', 'Uploading the image…'));
    try {
      const image = await upload(ctx, file, alt);
      const size = ctx.editor.state.doc.content.size;
      ctx.editor.chain().focus().insertContentAt(Math.min(pos ?? size, size), { type: 'image', attrs: { src: image.src, alt: image.alt || alt, 'data-udi': image.udi } }).run();
      pos = ctx.editor.state.selection.to;
      ctx.notify(ctx.t('uploaded', 'The image was added to the media library and placed.'));
    } catch (e) {
      ctx.notify(e.message, true);
    }
  }
}

function fileFromDataUrl(src, index) {
  const comma = src.indexOf(',');
  const meta = src.slice(5, comma);
  const type = meta.split(';')[0] || 'application/octet-stream';
  const data = src.slice(comma + 1);
  const text = meta.endsWith(';base64') ? atob(data) : decodeURIComponent(data);
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  const ext = (type.split('/')[1] || 'bin').replace(/[^a-z0-9]/gi, '');
  return new File([bytes], `pasted-${index + 1}.${ext}`, { type });
}

// Pasted HTML: images of this site's media library stay; data: images become files to upload (once the paste is
// in); images from elsewhere are left out, and the writer is told (never hot-linked).
export function pastedHtml(ctx, html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const files = [];
  let remote = 0;
  template.content.querySelectorAll('img').forEach((img) => {
    const src = (img.getAttribute('src') || '').trim();
    if (/^\/media\//i.test(src)) return;
    if (/^data:image\//i.test(src)) {
      try {
        const file = fileFromDataUrl(src, files.length);
        file.suggestedAlt = img.getAttribute('alt') || '';
        files.push(file);
      } catch { remote += 1; }
    } else {
      remote += 1;
    }
    img.remove();
  });
  if (remote > 0 || files.length > 0) {
    setTimeout(() => {
      if (remote > 0) ctx.notify(ctx.t('remoteDropped', 'Images from other websites are not copied: {0} left out.').replace('{0}', String(remote)), true);
      if (files.length > 0) placeFiles(ctx, files, ctx.editor.state.selection.to);
    }, 0);
  }
  return template.innerHTML;
}

export function handlePaste(ctx, view, event) {
  const data = event.clipboardData;
  if (!data || !view.editable) return false;
  // Word and web pages also put a picture of the selection on the clipboard: their HTML is what was meant.
  if (data.getData('text/html')) return false;
  const files = [...(data.files || [])].filter(isImage);
  if (files.length === 0) return false;
  event.preventDefault();
  placeFiles(ctx, files, view.state.selection.from);
  return true;
}

// Ctrl+K (Cmd+K) opens the link dialog, as in most editors: no need to leave the text for the toolbar.
export function handleKeyDown(ctx, view, event) {
  if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || !view.editable) return false;
  if (view.composing) return false;
  event.preventDefault();
  editLink(ctx);
  return true;
}

export function handleDrop(ctx, view, event, moved) {
  const files = event.dataTransfer?.files;
  if (moved || !files || files.length === 0 || !view.editable) return false;
  event.preventDefault();
  const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
  placeFiles(ctx, files, at);
  return true;
}

// The link dialog: a page of this site (found by name in either language, stored by key) or an address.
export function editLink(ctx) {
  const { editor, t } = ctx;
  // Inside a link, the whole link is what the dialog changes (and its text names the chosen page).
  if (editor.isActive('link')) editor.commands.extendMarkRange('link');
  const current = editor.getAttributes('link');
  const currentHref = current.href || '';
  const isPage = pageHref.test(currentHref);
  const selected = editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to, ' ');
  let chosen = isPage ? { href: currentHref, name: selected } : null;

  return modal(ctx, t('linkTitle', 'Link'), (form, finish, cancel, id) => {
    const kind = element('fieldset', { class: 'rte-link-kind' }, [element('legend', { class: 'visually-hidden', text: t('linkTitle', 'Link') })]);
    const pageRadio = element('input', { type: 'radio', name: `${id}-kind`, id: `${id}-page`, value: 'page' });
    const urlRadio = element('input', { type: 'radio', name: `${id}-kind`, id: `${id}-url`, value: 'url' });
    kind.append(
      element('span', {}, [pageRadio, element('label', { for: `${id}-page`, text: t('linkPage', 'Page on this site') })]),
      element('span', {}, [urlRadio, element('label', { for: `${id}-url`, text: t('linkExternal', 'Web or mail address') })]),
    );

    const pagePanel = element('div', { class: 'rte-link-panel' });
    const search = element('input', { id: `${id}-search`, type: 'text', autocomplete: 'off', 'aria-describedby': `${id}-count` });
    const count = element('p', { id: `${id}-count`, class: 'hint', role: 'status' });
    const results = element('ul', { class: 'rte-link-results', 'aria-label': t('linkPage', 'Page on this site') });
    const chosenText = element('p', { class: 'rte-link-chosen', 'aria-live': 'polite' });
    const showChosen = () => { chosenText.textContent = chosen ? `${t('linkChosen', 'Chosen page:')} ${chosen.name}` : ''; };
    showChosen();
    pagePanel.append(element('label', { for: search.id, text: t('linkSearch', 'Find a page by its name') }), search, count, results, chosenText);

    const urlPanel = element('div', { class: 'rte-link-panel' });
    const address = element('input', { id: `${id}-address`, type: 'text', inputmode: 'url', autocomplete: 'off' });
    address.value = isPage ? '' : currentHref;
    urlPanel.append(element('label', { for: address.id, text: t('linkAddress', 'Address') }), address);

    const error = element('p', { class: 'field-error', role: 'alert', hidden: true });
    const apply = element('button', { type: 'submit', text: t('linkApply', 'Apply') });
    const actions = element('div', { class: 'rte-dialog-actions' }, [apply]);
    if (currentHref) {
      const remove = element('button', { type: 'button', text: t('linkRemove', 'Remove the link') });
      remove.addEventListener('click', () => finish({ remove: true }));
      actions.append(remove);
    }
    actions.append(cancel);
    form.append(kind, pagePanel, urlPanel, error, actions);

    const mode = () => (pageRadio.checked ? 'page' : 'url');
    const showMode = () => {
      pagePanel.hidden = mode() !== 'page';
      urlPanel.hidden = mode() !== 'url';
      error.hidden = true;
    };
    (isPage || !currentHref ? pageRadio : urlRadio).checked = true;
    showMode();
    pageRadio.addEventListener('change', () => { showMode(); search.focus(); });
    urlRadio.addEventListener('change', () => { showMode(); address.focus(); });

    let timer = 0;
    let asked = 0;
    const choose = (page, button) => {
      chosen = { href: page.href, name: page.name };
      results.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
      error.hidden = true;
      showChosen();
    };
    const find = async () => {
      const q = search.value.trim();
      const mine = ++asked;
      if (!q) { results.replaceChildren(); count.textContent = ''; return; }
      let pages = [];
      try {
        const response = await fetch(`${PagesUrl}?q=${encodeURIComponent(q)}&culture=${encodeURIComponent(ctx.lang || '')}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        pages = response.ok ? await response.json() : [];
      } catch { pages = []; }
      if (mine !== asked) return; // a later search's answer counts
      results.replaceChildren(...pages.map((page) => {
        const button = element('button', { type: 'button', class: 'rte-link-result', 'aria-pressed': String(chosen?.href === page.href) });
        button.append(element('span', { text: page.name }));
        if (page.otherNames) button.append(element('span', { class: 'hint', text: ` ${page.otherNames}` }));
        if (!page.published) button.append(element('span', { class: 'hint', text: ` (${t('linkNotLive', 'not published in this language')})` }));
        button.addEventListener('click', () => choose(page, button));
        return element('li', {}, [button]);
      }));
      count.textContent = pages.length === 0 ? t('linkNoPages', 'No page has that name.') : t('pagesFound', '{0} pages found').replace('{0}', String(pages.length));
    };
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(find, 200); });
    search.addEventListener('keydown', (e) => {
      // Enter picks the first page found rather than applying nothing; Down goes to the list.
      if (e.key === 'Enter') {
        const first = results.querySelector('button');
        if (first && !chosen) { e.preventDefault(); first.click(); }
      } else if (e.key === 'ArrowDown') {
        const first = results.querySelector('button');
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    results.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const buttons = [...results.querySelectorAll('button')];
      const i = buttons.indexOf(document.activeElement);
      const next = buttons[i + (e.key === 'ArrowDown' ? 1 : -1)];
      e.preventDefault();
      (next || search).focus();
    });

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (mode() === 'page') {
        if (!chosen) { error.textContent = t('linkChoosePage', 'Choose a page from the list.'); error.hidden = false; search.focus(); return; }
        finish({ href: chosen.href, type: 'document', text: chosen.name });
      } else {
        const url = address.value.trim();
        if (!url) { finish({ remove: true }); return; }
        if (!safeUrl(url)) { error.textContent = t('linkRefused', 'Only https://, mailto: and this site\'s own pages can be linked.'); error.hidden = false; address.focus(); return; }
        finish({ href: url, type: null, text: url });
      }
    });
    queueMicrotask(() => (mode() === 'page' ? search : address).focus());
  }).then((link) => {
    if (!link) return;
    const chain = editor.chain().focus();
    if (link.remove) { chain.extendMarkRange('link').unsetLink().run(); return; }
    // A page of this site opens in the same window; an address keeps the editor's default (a new one).
    const attrs = link.type === 'document' ? { href: link.href, type: 'document', target: null, rel: null } : { href: link.href, type: null };
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: link.text, marks: [{ type: 'link', attrs }] }).run();
    } else {
      chain.extendMarkRange('link').setLink(attrs).run();
    }
  });
}
