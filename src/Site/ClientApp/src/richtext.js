// The rich text editor of the back office (Tiptap, as Umbraco 16's): it enhances each textarea marked
// data-richtext, which keeps the HTML that is posted, so the form works (as plain HTML) without JavaScript.
// What is pasted (Word, WeChat articles, web pages) keeps only what the editor's schema knows: headings, lists,
// tables, quotes, links, emphasis; styles, classes, fonts and empty spans are dropped. The server sanitizes again.
import { Editor, Node as TiptapNode, Mark } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { PageLink, safeUrl, pastedHtml, handlePaste, handleDrop, handleKeyDown, editLink, askAltText } from './richtext-insert.js';
import { enhanceBlockLists, fieldFactory, newKey } from './blocklist.js';
import { enhanceContentPickers } from './content-picker.js';

// The data type's settings (Umbraco 16's "extensions" and "toolbar", and "headingLevels"), given by the server with
// their defaults filled in. An extension that is not enabled is not loaded, so neither a shortcut nor a paste can
// make what it makes; pasted HTML is first reduced by the same rule as the server's (RichTextRenderer): tables to
// paragraphs, headings to the nearest allowed level, links and marks to their text, images left out.
function features(textarea) {
  let config = {};
  try { config = JSON.parse(textarea.dataset.rteConfig || '{}') || {}; } catch { config = {}; }
  const enabled = Array.isArray(config.extensions) ? new Set(config.extensions) : null;
  const allows = (name) => !enabled || enabled.has(`Umb.Tiptap.${name}`);
  const levels = allows('Heading') ? (config.headingLevels || [2, 3, 4, 5, 6]) : [];
  const toolbar = Array.isArray(config.toolbar) ? config.toolbar : [[
    ['Heading2', 'Heading3'], ['Bold', 'Italic'], ['BulletList', 'OrderedList', 'Blockquote'],
    ['Link', 'MediaPicker', 'Table', 'BlockPicker'], ['Undo', 'Redo'],
  ]];
  return { allows, levels, toolbar };
}

function nearestLevel(levels, level) {
  return levels.length === 0 ? null : [...levels].sort((a, b) => Math.abs(a - level) - Math.abs(b - level) || b - a)[0];
}

// What the server does on save (RichTextRenderer.Reductions), done to HTML before the editor reads it.
const reductions = [
  ['Bold', 'strong, b', 'unwrap'], ['Italic', 'em, i', 'unwrap'], ['Underline', 'u', 'unwrap'], ['Strike', 's, strike, del', 'unwrap'],
  ['Subscript', 'sub', 'unwrap'], ['Superscript', 'sup', 'unwrap'], ['Link', 'a', 'unwrap'], ['Image', 'img', 'remove'],
  ['HorizontalRule', 'hr', 'remove'], ['Blockquote', 'blockquote', 'unwrap'], ['CodeBlock', 'pre', 'p'],
  ['Table', 'td, th', 'p'], ['Table', 'table, thead, tbody, tfoot, tr, colgroup, caption', 'unwrap'],
  ['BulletList', 'ul > li', 'p'], ['BulletList', 'ul', 'unwrap'], ['OrderedList', 'ol > li', 'p'], ['OrderedList', 'ol', 'unwrap'],
  ['Block', 'umb-rte-block, umb-rte-block-inline', 'remove'],
];
const flow = 'p, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, table, figure, pre, hr, umb-rte-block';

function rename(el, tag) {
  const next = document.createElement(tag);
  next.append(...el.childNodes);
  el.replaceWith(next);
}

function reduce(feature, html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const root = template.content;
  root.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((h) => {
    const level = nearestLevel(feature.levels, Number(h.localName[1]));
    if (level === null) rename(h, 'p');
    else if (`h${level}` !== h.localName) rename(h, `h${level}`);
  });
  reductions.forEach(([name, selector, how]) => {
    if (feature.allows(name)) return;
    root.querySelectorAll(selector).forEach((el) => {
      if (how === 'remove') el.remove();
      else if (how === 'p' && ![...el.children].some((c) => c.matches(flow))) rename(el, 'p');
      else el.replaceWith(...el.childNodes);
    });
  });
  return template.innerHTML;
}

// Sub- and superscript: two small marks (the server keeps <sub> and <sup> when the data type enables them).
const simpleMark = (name, tag) => Mark.create({
  name,
  parseHTML: () => [{ tag }],
  renderHTML: () => [tag, 0],
});

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
  const words = config.words;
  const w = (k) => words[k] || k;
  const label = (key) => {
    const block = blocks.find((b) => b.key === key);
    const type = block && types.get(block.typeKey);
    const text = block?.values.find((v) => typeof v.value === 'string' && !v.value.startsWith('[') && !v.value.startsWith('{'))?.value || '';
    return `${t('block', 'Block')}: ${type ? type.name : '?'}${text ? ` — ${text.slice(0, 80)}` : ''}`;
  };
  // Each placed block's box, to show its new label after an edit (the key, and so the node, stays the same).
  const boxes = new Map();
  let editor = null;
  // Only the blocks the text still places are kept (a block deleted from the text goes with it).
  const write = (e) => {
    const placed = new Set();
    e.state.doc.descendants((n) => { if (n.type.name.startsWith('umbRteBlock')) placed.add(n.attrs.key); });
    const kept = blocks.filter((b) => placed.has(b.key));
    hidden.value = JSON.stringify({
      layout: { 'Umbraco.RichText': kept.map((b) => ({ contentKey: b.key, settingsKey: null })) },
      contentData: kept.map((b) => ({ contentTypeKey: b.typeKey, key: b.key, values: b.values.filter((v) => v.value !== null && v.value !== '') })),
      settingsData,
      expose: kept.map((b) => ({ contentKey: b.key, culture: null, segment: null })),
    });
  };
  const field = fieldFactory({
    t: w, images: JSON.parse(textarea.dataset.images || '[]'), cultures: config.cultures, enhanceRichText: enhance, form: textarea.form,
    richWords: textarea.dataset.richtext || '{}', imagesJson: textarea.dataset.images || '[]',
    lang: textarea.lang || null, readOnly: textarea.readOnly,
    valueOf: (b, alias, culture) => b.values.find((v) => v.alias === alias && (v.culture ?? null) === culture)?.value ?? null,
    setValue: (b, property, culture, value) => {
      const existing = b.values.find((v) => v.alias === property.alias && (v.culture ?? null) === culture);
      if (existing) existing.value = value;
      else b.values.push({ editorAlias: property.editor, culture, segment: null, alias: property.alias, value });
    },
  });
  // One dialog for a new block (a kind to choose) and for a placed one (its values, changed on a copy until saved).
  const dialogFor = (title, existing, done) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'rte-images rte-block-dialog';
    dialog.setAttribute('aria-label', title);
    const heading = document.createElement('h2');
    heading.textContent = title;
    const fields = document.createElement('div');
    let draft;
    const parts = [heading];
    const show = (typeKey) => {
      draft = existing ? { ...existing, values: existing.values.map((v) => ({ ...v })) } : { key: newKey(), typeKey, values: [] };
      const type = types.get(draft.typeKey);
      fields.replaceChildren(...(type ? type.properties.map((p) => field(draft, p, null)) : []));
    };
    if (!existing) {
      const choiceLabel = document.createElement('label');
      choiceLabel.htmlFor = 'rte-block-type';
      choiceLabel.textContent = w('blockType');
      const choice = document.createElement('select');
      choice.id = 'rte-block-type';
      config.blocks.forEach((b) => choice.append(new Option(b.name, b.key)));
      choice.addEventListener('change', () => show(choice.value));
      parts.push(choiceLabel, choice);
      show(choice.value);
    } else {
      show(existing.typeKey);
    }
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.textContent = existing ? t('saveBlock', 'Save block') : t('insert', 'Insert');
    ok.addEventListener('click', () => { dialog.close(); done(draft); });
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = w('cancel');
    cancel.addEventListener('click', () => dialog.close());
    dialog.append(...parts, fields, ok, cancel);
    dialog.addEventListener('close', () => { dialog.remove(); editor?.commands.focus(); });
    document.body.appendChild(dialog);
    dialog.showModal();
  };
  const edit = (key) => {
    const block = blocks.find((b) => b.key === key);
    if (!block || !editor) return;
    dialogFor(t('editBlock', 'Edit the block'), block, (draft) => {
      block.values = draft.values;
      boxes.get(key)?.();
      write(editor);
      editor.commands.focus();
    });
  };
  const remove = (getPos) => {
    const at = getPos();
    if (typeof at !== 'number' || !editor) return;
    const node = editor.state.doc.nodeAt(at);
    if (node) editor.chain().focus().deleteRange({ from: at, to: at + node.nodeSize }).run();
  };
  // The box of a placed block: its label, and buttons to change its values or take it out of the text.
  const view = (tag) => () => ({ node: n, getPos }) => {
    const dom = document.createElement(tag);
    dom.className = tag === 'div' ? 'rte-block' : 'rte-block rte-block-inline';
    dom.contentEditable = 'false';
    const text = document.createElement('span');
    const show = () => { text.textContent = label(n.attrs.key); };
    show();
    boxes.set(n.attrs.key, show);
    const action = (name, run) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'rte-block-action';
      b.textContent = name;
      b.setAttribute('aria-label', `${name}: ${label(n.attrs.key)}`);
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', (e) => { e.preventDefault(); run(); });
      return b;
    };
    dom.append(text, action(t('editBlock', 'Edit the block'), () => edit(n.attrs.key)), action(w('remove'), () => remove(getPos)));
    return { dom, stopEvent: (e) => e.target instanceof HTMLButtonElement, ignoreMutation: () => true };
  };
  const keyAttribute = () => ({ key: { default: null, parseHTML: (el) => el.getAttribute('data-content-key'), renderHTML: (a) => ({ 'data-content-key': a.key }) } });
  const node = TiptapNode.create({
    name: 'umbRteBlock',
    group: 'block',
    atom: true,
    selectable: true,
    addAttributes: keyAttribute,
    parseHTML() { return [{ tag: 'umb-rte-block' }]; },
    renderHTML({ HTMLAttributes }) { return ['umb-rte-block', HTMLAttributes]; },
    addNodeView: view('div'),
  });
  // A block placed in a sentence stays there (Umbraco's umb-rte-block-inline).
  const inlineNode = TiptapNode.create({
    name: 'umbRteBlockInline',
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    addAttributes: keyAttribute,
    parseHTML() { return [{ tag: 'umb-rte-block-inline' }]; },
    renderHTML({ HTMLAttributes }) { return ['umb-rte-block-inline', HTMLAttributes]; },
    addNodeView: view('span'),
  });
  const insert = (e) => {
    dialogFor(t('insertBlock', 'Insert a block'), null, (draft) => {
      blocks.push(draft);
      // A kind the data type shows inline (Umbraco's displayInline) goes into the sentence, others between paragraphs.
      const type = types.get(draft.typeKey)?.inline ? 'umbRteBlockInline' : 'umbRteBlock';
      e.chain().focus().insertContent({ type, attrs: { key: draft.key } }).run();
      write(e);
    });
  };
  return { nodes: [node, inlineNode], write, insert, attach: (e) => { editor = e; } };
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
  const feature = features(textarea);
  const on = feature.allows;
  const blockKit = on('Block') ? blockSupport(textarea, t) : null;

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
  const lists = on('BulletList') || on('OrderedList');
  const editor = new Editor({
    element: surface,
    editable: !textarea.readOnly,
    injectCSS: false, // the site's style-src is 'self': the editor's styles are in backoffice.css
    content: reduce(feature, textarea.value),
    extensions: [
      StarterKit.configure({
        heading: feature.levels.length > 0 ? { levels: feature.levels } : false,
        bold: on('Bold') ? {} : false,
        italic: on('Italic') ? {} : false,
        underline: on('Underline') ? {} : false,
        strike: on('Strike') ? {} : false,
        blockquote: on('Blockquote') ? {} : false,
        bulletList: on('BulletList') ? {} : false,
        orderedList: on('OrderedList') ? {} : false,
        listItem: lists ? {} : false,
        listKeymap: lists ? {} : false,
        horizontalRule: on('HorizontalRule') ? {} : false,
        codeBlock: on('CodeBlock') ? {} : false,
        code: false,
        link: false,
      }),
      ...(on('Subscript') ? [simpleMark('subscript', 'sub')] : []),
      ...(on('Superscript') ? [simpleMark('superscript', 'sup')] : []),
      ...(on('Link') ? [PageLink.configure({ openOnClick: false, protocols: ['mailto'], isAllowedUri: (url) => safeUrl(url) })] : []),
      ...(on('Image') ? [MediaImage.configure({ inline: false })] : []),
      ...(on('Table') ? [TableKit.configure({ table: { resizable: false } })] : []),
      ...(blockKit ? blockKit.nodes : []),
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
      // What the data type turns off is reduced first (then there are no images to upload when images are off).
      transformPastedHTML: (html) => pastedHtml(ctx, reduce(feature, html)),
      // Files dropped or pasted are uploaded only with Umbraco's MediaUpload extension (and images on).
      handlePaste: (view, event) => on('Image') && on('MediaUpload') && handlePaste(ctx, view, event),
      handleDrop: (view, event, _slice, moved) => on('Image') && on('MediaUpload') && handleDrop(ctx, view, event, moved),
      handleKeyDown: (view, event) => on('Link') && handleKeyDown(ctx, view, event),
    },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.isEmpty ? '' : stored(e.getHTML());
      blockKit?.write(e);
    },
  });

  ctx.editor = editor;
  blockKit?.attach(editor);
  const c = () => editor.chain().focus();
  // Umbraco's toolbar buttons (Umb.Tiptap.Toolbar.*): each needs its extension; the data type's toolbar says which
  // are shown, in its groups. A button whose extension is off is not shown even when the toolbar names it.
  const available = {
    Bold: ['B', 'bold', 'Bold', () => c().toggleBold().run(), () => editor.isActive('bold'), 'Bold'],
    Italic: ['I', 'italic', 'Italic', () => c().toggleItalic().run(), () => editor.isActive('italic'), 'Italic'],
    Underline: ['U', 'underline', 'Underline', () => c().toggleUnderline().run(), () => editor.isActive('underline'), 'Underline'],
    Strike: ['S', 'strike', 'Strikethrough', () => c().toggleStrike().run(), () => editor.isActive('strike'), 'Strike'],
    Subscript: ['x₂', 'subscript', 'Subscript', () => c().toggleMark('subscript').run(), () => editor.isActive('subscript'), 'Subscript'],
    Superscript: ['x²', 'superscript', 'Superscript', () => c().toggleMark('superscript').run(), () => editor.isActive('superscript'), 'Superscript'],
    BulletList: ['•', 'bulletList', 'Bulleted list', () => c().toggleBulletList().run(), () => editor.isActive('bulletList'), 'BulletList'],
    OrderedList: ['1.', 'orderedList', 'Numbered list', () => c().toggleOrderedList().run(), () => editor.isActive('orderedList'), 'OrderedList'],
    Blockquote: ['❝', 'quote', 'Quote', () => c().toggleBlockquote().run(), () => editor.isActive('blockquote'), 'Blockquote'],
    HorizontalRule: ['―', 'horizontalRule', 'Horizontal line', () => c().setHorizontalRule().run(), () => false, 'HorizontalRule'],
    CodeBlock: ['{}', 'codeBlock', 'Code block', () => c().toggleCodeBlock().run(), () => editor.isActive('codeBlock'), 'CodeBlock'],
    Link: ['🔗', 'link', 'Link', () => editLink(ctx), () => editor.isActive('link'), 'Link'],
    Unlink: ['⛓', 'unlink', 'Remove the link', () => c().extendMarkRange('link').unsetMark('link').run(), () => false, 'Link'],
    MediaPicker: ['🖼', 'image', 'Image from the media library', () => chooseImage(), () => editor.isActive('image'), 'Image'],
    Table: ['▦', 'table', 'Table', () => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), () => editor.isActive('table'), 'Table'],
    BlockPicker: ['▣', 'insertBlock', 'Insert a block', () => blockKit.insert(editor), () => editor.isActive('umbRteBlock'), 'Block'],
    ClearFormatting: ['⌧', 'clearFormatting', 'Clear formatting', () => c().unsetAllMarks().clearNodes().run(), () => false, null],
    Undo: ['↶', 'undo', 'Undo', () => c().undo().run(), () => false, null],
    Redo: ['↷', 'redo', 'Redo', () => c().redo().run(), () => false, null],
  };
  [1, 2, 3, 4, 5, 6].forEach((level) => {
    const named = { 2: ['h2', 'Heading'], 3: ['h3', 'Subheading'] }[level] || [`h${level}`, `Heading ${level}`];
    available[`Heading${level}`] = [`H${level}`, named[0], named[1], () => c().toggleHeading({ level }).run(), () => editor.isActive('heading', { level }), 'Heading'];
  });
  const usable = (name) => {
    const spec = available[name];
    if (!spec || (spec[5] && !on(spec[5]))) return false;
    if (name === 'BlockPicker') return Boolean(blockKit);
    return !name.startsWith('Heading') || feature.levels.includes(Number(name.slice(7)));
  };
  const groups = (feature.toolbar || []).flat();
  const buttons = [];
  groups.forEach((group) => {
    const names = (Array.isArray(group) ? group : []).map((alias) => String(alias).replace(/^Umb\.Tiptap\.Toolbar\./, '')).filter(usable);
    if (names.length === 0) return;
    const box = document.createElement('div');
    box.className = 'rte-group';
    box.setAttribute('role', 'group');
    toolbar.appendChild(box);
    names.forEach((name) => {
      const [symbol, key, fallback, run, isActive] = available[name];
      const made = button(box, symbol, t(key, fallback), run, isActive);
      made.b.dataset.toolbar = `Umb.Tiptap.Toolbar.${name}`;
      buttons.push(made);
    });
  });
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
enhanceContentPickers();
