// The rich text editor of the back office (Tiptap, as Umbraco 16's): it enhances each textarea marked
// data-richtext, which keeps the HTML that is posted, so the form works (as plain HTML) without JavaScript.
// What is pasted (Word, WeChat articles, web pages) keeps only what the editor's schema knows: headings, lists,
// tables, quotes, links, emphasis; styles, classes, fonts and empty spans are dropped. The server sanitizes again.
import { Editor, Node as TiptapNode } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { PageLink, safeUrl, pastedHtml, handlePaste, handleDrop, handleKeyDown, editLink, askAltText } from './richtext-insert.js';
import { enhanceBlockLists, fieldFactory, newKey } from './blocklist.js';

// Images keep their media library key (data-udi): the page shows the item's current file, size and alt text.
const MediaImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      'data-udi': {
        default: null,
        parseHTML: (element) => element.getAttribute('data-udi'),
        renderHTML: (attributes) => (attributes['data-udi'] ? { 'data-udi': attributes['data-udi'] } : {}),
      },
    };
  },
});

function button(toolbar, label, title, run, isActive) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'rte-button';
  // The short symbol is for the eye; assistive technology reads the name (and speech input can say it).
  const symbol = document.createElement('span');
  symbol.setAttribute('aria-hidden', 'true');
  symbol.textContent = label;
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = title;
  b.append(symbol, name);
  b.title = title;
  b.addEventListener('click', (e) => { e.preventDefault(); run(); });
  toolbar.appendChild(b);
  return { b, isActive };
}

// What the editor writes for its own display (table widths) is not content: the stored HTML carries no styles.
function stored(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  template.content.querySelectorAll('colgroup').forEach((c) => c.remove());
  template.content.querySelectorAll('[style]').forEach((el) => el.removeAttribute('style'));
  return template.innerHTML;
}

// Blocks placed in the text (Umbraco's <umb-rte-block data-content-key>): the text shows each as a labelled box; the
// block's values live in a hidden field beside the textarea, posted with it as the value's "blocks".
function blockSupport(textarea, t) {
  const config = textarea.dataset.rteBlocks ? JSON.parse(textarea.dataset.rteBlocks) : null;
  const hidden = config && textarea.form?.elements.namedItem(textarea.dataset.rteBlocksField);
  if (!config || !hidden) return null;
  let stored = {};
  try { stored = JSON.parse(hidden.value || '{}') || {}; } catch { stored = {}; }
  const types = new Map(config.blocks.map((b) => [b.key, b]));
  const blocks = (stored.contentData || []).map((c) => ({ key: c.key, typeKey: c.contentTypeKey, values: c.values || [] }));
  const settingsData = stored.settingsData || [];
  const label = (key) => {
    const block = blocks.find((b) => b.key === key);
    const type = block && types.get(block.typeKey);
    const text = block?.values.find((v) => typeof v.value === 'string' && !v.value.startsWith('[') && !v.value.startsWith('{'))?.value || '';
    return `${t('block', 'Block')}: ${type ? type.name : '?'}${text ? ` — ${text.slice(0, 80)}` : ''}`;
  };
  const node = TiptapNode.create({
    name: 'umbRteBlock',
    group: 'block',
    atom: true,
    selectable: true,
    addAttributes() {
      return { key: { default: null, parseHTML: (el) => el.getAttribute('data-content-key'), renderHTML: (a) => ({ 'data-content-key': a.key }) } };
    },
    parseHTML() { return [{ tag: 'umb-rte-block' }, { tag: 'umb-rte-block-inline' }]; },
    renderHTML({ HTMLAttributes }) { return ['umb-rte-block', HTMLAttributes]; },
    addNodeView() {
      return ({ node: n }) => {
        const dom = document.createElement('div');
        dom.className = 'rte-block';
        dom.contentEditable = 'false';
        dom.textContent = label(n.attrs.key);
        return { dom };
      };
    },
  });
  // Only the blocks the text still places are kept (a block deleted from the text goes with it).
  const write = (editor) => {
    const placed = new Set();
    editor.state.doc.descendants((n) => { if (n.type.name === 'umbRteBlock') placed.add(n.attrs.key); });
    const kept = blocks.filter((b) => placed.has(b.key));
    hidden.value = JSON.stringify({
      layout: { 'Umbraco.RichText': kept.map((b) => ({ contentKey: b.key, settingsKey: null })) },
      contentData: kept.map((b) => ({ contentTypeKey: b.typeKey, key: b.key, values: b.values.filter((v) => v.value !== null && v.value !== '') })),
      settingsData,
      expose: kept.map((b) => ({ contentKey: b.key, culture: null, segment: null })),
    });
  };
  const insert = (editor) => {
    const words = config.words;
    const w = (k) => words[k] || k;
    const dialog = document.createElement('dialog');
    dialog.className = 'rte-images rte-block-dialog';
    dialog.setAttribute('aria-label', t('insertBlock', 'Insert a block'));
    const heading = document.createElement('h2');
    heading.textContent = t('insertBlock', 'Insert a block');
    const choiceLabel = document.createElement('label');
    choiceLabel.htmlFor = 'rte-block-type';
    choiceLabel.textContent = w('blockType');
    const choice = document.createElement('select');
    choice.id = 'rte-block-type';
    config.blocks.forEach((b) => choice.append(new Option(b.name, b.key)));
    const fields = document.createElement('div');
    let draft;
    const field = fieldFactory({
      t: w, images: JSON.parse(textarea.dataset.images || '[]'), cultures: config.cultures, enhanceRichText: enhance, form: textarea.form,
      richWords: textarea.dataset.richtext || '{}', imagesJson: textarea.dataset.images || '[]',
      valueOf: (b, alias, culture) => b.values.find((v) => v.alias === alias && (v.culture ?? null) === culture)?.value ?? null,
      setValue: (b, property, culture, value) => {
        const existing = b.values.find((v) => v.alias === property.alias && (v.culture ?? null) === culture);
        if (existing) existing.value = value;
        else b.values.push({ editorAlias: property.editor, culture, segment: null, alias: property.alias, value });
      },
    });
    const show = () => {
      draft = { key: newKey(), typeKey: choice.value, values: [] };
      const type = types.get(choice.value);
      fields.replaceChildren(...type.properties.map((p) => field(draft, p, null)));
    };
    choice.addEventListener('change', show);
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.textContent = t('insert', 'Insert');
    ok.addEventListener('click', () => {
      blocks.push(draft);
      dialog.close();
      editor.chain().focus().insertContent({ type: 'umbRteBlock', attrs: { key: draft.key } }).run();
      write(editor);
    });
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = w('cancel');
    cancel.addEventListener('click', () => dialog.close());
    dialog.append(heading, choiceLabel, choice, fields, ok, cancel);
    dialog.addEventListener('close', () => { dialog.remove(); editor.commands.focus(); });
    document.body.appendChild(dialog);
    show();
    dialog.showModal();
  };
  return { node, write, insert };
}

function enhance(textarea) {
  const words = JSON.parse(textarea.dataset.richtext || '{}');
  const t = (key, fallback) => words[key] || fallback;
  const wrapper = document.createElement('div');
  wrapper.className = 'rte';
  const toolbar = document.createElement('div');
  toolbar.className = 'rte-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', t('toolbar', 'Formatting'));
  const surface = document.createElement('div');
  surface.className = 'rte-surface';
  // Says what happened to a dropped or pasted image (uploaded, refused and why, left out).
  const status = document.createElement('p');
  status.className = 'rte-status';
  status.setAttribute('role', 'status');
  status.hidden = true;
  wrapper.append(toolbar, status, surface);
  textarea.insertAdjacentElement('afterend', wrapper);
  textarea.hidden = true;
  const blockKit = blockSupport(textarea, t);

  const ctx = {
    textarea,
    t,
    lang: textarea.lang || '',
    editor: null,
    notify: (message, isError = false) => {
      status.textContent = message;
      status.classList.toggle('rte-status-error', isError);
      status.hidden = false;
    },
  };
  const editor = new Editor({
    element: surface,
    editable: !textarea.readOnly,
    injectCSS: false, // the site's style-src is 'self': the editor's styles are in backoffice.css
    content: textarea.value,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, link: false }),
      PageLink.configure({ openOnClick: false, protocols: ['mailto'], isAllowedUri: (url) => safeUrl(url) }),
      MediaImage.configure({ inline: false }),
      TableKit.configure({ table: { resizable: false } }),
      ...(blockKit ? [blockKit.node] : []),
    ],
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': textarea.labels?.[0]?.textContent?.trim() || t('editor', 'Rich text'),
        lang: textarea.lang || '',
        class: 'rte-content',
      },
      // Pasted images are never hot-linked: data: images are uploaded into the media library, others left out.
      transformPastedHTML: (html) => pastedHtml(ctx, html),
      handlePaste: (view, event) => handlePaste(ctx, view, event),
      handleDrop: (view, event, _slice, moved) => handleDrop(ctx, view, event, moved),
      handleKeyDown: (view, event) => handleKeyDown(ctx, view, event),
    },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.isEmpty ? '' : stored(e.getHTML());
      blockKit?.write(e);
    },
  });

  ctx.editor = editor;
  const c = () => editor.chain().focus();
  const buttons = [
    button(toolbar, 'H2', t('h2', 'Heading'), () => c().toggleHeading({ level: 2 }).run(), () => editor.isActive('heading', { level: 2 })),
    button(toolbar, 'H3', t('h3', 'Subheading'), () => c().toggleHeading({ level: 3 }).run(), () => editor.isActive('heading', { level: 3 })),
    button(toolbar, 'B', t('bold', 'Bold'), () => c().toggleBold().run(), () => editor.isActive('bold')),
    button(toolbar, 'I', t('italic', 'Italic'), () => c().toggleItalic().run(), () => editor.isActive('italic')),
    button(toolbar, '•', t('bulletList', 'Bulleted list'), () => c().toggleBulletList().run(), () => editor.isActive('bulletList')),
    button(toolbar, '1.', t('orderedList', 'Numbered list'), () => c().toggleOrderedList().run(), () => editor.isActive('orderedList')),
    button(toolbar, '❝', t('quote', 'Quote'), () => c().toggleBlockquote().run(), () => editor.isActive('blockquote')),
    button(toolbar, '🔗', t('link', 'Link'), () => editLink(ctx), () => editor.isActive('link')),
    button(toolbar, '🖼', t('image', 'Image from the media library'), () => chooseImage(), () => editor.isActive('image')),
    button(toolbar, '▦', t('table', 'Table'), () => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), () => editor.isActive('table')),
    ...(blockKit ? [button(toolbar, '▣', t('insertBlock', 'Insert a block'), () => blockKit.insert(editor), () => editor.isActive('umbRteBlock'))] : []),
    button(toolbar, '↶', t('undo', 'Undo'), () => c().undo().run(), () => false),
    button(toolbar, '↷', t('redo', 'Redo'), () => c().redo().run(), () => false),
  ];
  // A native dialog listing the library's images (their alt text comes with them); Escape or Cancel closes it.
  function chooseImage() {
    const images = JSON.parse(textarea.dataset.images || '[]');
    const dialog = document.createElement('dialog');
    dialog.className = 'rte-images';
    dialog.setAttribute('aria-label', t('chooseImage', 'Choose an image'));
    const heading = document.createElement('h2');
    heading.textContent = t('chooseImage', 'Choose an image');
    dialog.appendChild(heading);
    if (images.length === 0) {
      const none = document.createElement('p');
      none.textContent = t('noImages', 'The media library has no images yet.');
      dialog.appendChild(none);
    }
    const list = document.createElement('ul');
    images.forEach((image) => {
      const item = document.createElement('li');
      const pick = document.createElement('button');
      pick.type = 'button';
      const thumb = document.createElement('img');
      thumb.src = image.thumb;
      thumb.alt = '';
      thumb.loading = 'lazy';
      const name = document.createElement('span');
      name.textContent = image.alt || image.name;
      pick.append(thumb, name);
      pick.addEventListener('click', async () => {
        dialog.close();
        // An item without alt text in this field's language gets it here: the page must not show it undescribed.
        const alt = image.alt || await askAltText(ctx, { preview: image.thumb });
        if (alt) editor.chain().focus().setImage({ src: image.src, alt, 'data-udi': image.udi }).run();
      });
      item.appendChild(pick);
      list.appendChild(item);
    });
    dialog.appendChild(list);
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t('cancel', 'Cancel');
    cancel.addEventListener('click', () => dialog.close());
    dialog.appendChild(cancel);
    dialog.addEventListener('close', () => { dialog.remove(); editor.commands.focus(); });
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  // The link dialog also opens with Ctrl+K from the text (handleKeyDown in richtext-insert.js).
  buttons.find(({ b }) => b.title === t('link', 'Link'))?.b.setAttribute('aria-keyshortcuts', 'Control+K');
  const refresh = () => buttons.forEach(({ b, isActive }) => b.setAttribute('aria-pressed', String(isActive())));
  editor.on('selectionUpdate', refresh);
  editor.on('transaction', refresh);
  refresh();
}

document.querySelectorAll('textarea[data-richtext]').forEach(enhance);
// Block lists use the same rich text editor for their rich text fields.
enhanceBlockLists(enhance);
