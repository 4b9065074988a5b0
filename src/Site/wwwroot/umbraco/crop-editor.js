// The crop editor of the media picker's rows: for each crop of the data type, a rectangle over the picked image, in
// the crop's shape, to drag (or draw by dragging on the image) and to move and resize with the keyboard (arrow keys,
// Shift for finer steps; + and - for the size). It fills in the row's coordinates field as Umbraco stores them (the
// fractions cut from the left, top, right and bottom edges), which is what the form sends and all there is without
// this script.
(() => {
  const format = (template, ...args) => template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  const clamp = (n, low, high) => Math.min(high, Math.max(low, n));
  const round = (n) => Math.round(n * 10000) / 10000;
  let counter = 0;

  document.querySelectorAll('details.pick-crops[data-src]').forEach((details) => {
    const words = JSON.parse(details.dataset.words || '{}');
    const imageWidth = Number(details.dataset.width);
    const imageHeight = Number(details.dataset.height);
    if (!details.dataset.src || !(imageWidth > 0) || !(imageHeight > 0)) return;

    details.querySelectorAll('.pick-crop').forEach((crop) => {
      const input = crop.querySelector('input');
      const label = crop.querySelector('label');
      const aspect = Number(crop.dataset.cropWidth) / Number(crop.dataset.cropHeight);
      if (!input || !(aspect > 0)) return;
      // Widths are fractions of the image's width; a height follows from the crop's shape.
      const heightOf = (w) => (w * imageWidth) / (aspect * imageHeight);
      const maxWidth = Math.min(1, (aspect * imageHeight) / imageWidth);
      const minWidth = maxWidth / 10;

      const id = `crop-editor-${++counter}`;
      const frame = document.createElement('div');
      frame.className = 'crop-frame';
      const image = document.createElement('img');
      image.src = details.dataset.src;
      image.alt = '';
      const box = document.createElement('div');
      box.className = 'crop-box';
      box.tabIndex = 0;
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', label?.textContent ?? '');
      box.setAttribute('aria-describedby', `${id}-how`);
      const how = document.createElement('p');
      how.id = `${id}-how`;
      how.className = 'hint';
      how.textContent = words.cropArea ?? '';
      const status = document.createElement('p');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      const reset = document.createElement('button');
      reset.type = 'button';
      reset.className = 'small';
      reset.textContent = words.cropReset ?? 'Reset';
      frame.append(image, box);
      crop.append(how, frame, reset, status);

      // The rectangle: left and top edges and width, as fractions of the image.
      let rect = null;

      const centred = () => {
        const w = maxWidth;
        return { x: (1 - w) / 2, y: (1 - heightOf(w)) / 2, w };
      };

      function read() {
        const parts = input.value.split(',').map((p) => Number.parseFloat(p));
        if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return null;
        const [x1, y1, x2] = parts;
        return { x: x1, y: y1, w: 1 - x1 - x2 };
      }

      function show() {
        const r = rect ?? read() ?? centred();
        box.style.left = `${r.x * 100}%`;
        box.style.top = `${r.y * 100}%`;
        box.style.width = `${r.w * 100}%`;
        box.style.height = `${heightOf(r.w) * 100}%`;
        box.classList.toggle('unset', input.value.trim() === '');
      }

      // Keeps the rectangle in the crop's shape and inside the image, then writes the coordinates.
      function set(next, announce) {
        const w = clamp(next.w, minWidth, maxWidth);
        const h = heightOf(w);
        rect = { x: clamp(next.x, 0, 1 - w), y: clamp(next.y, 0, 1 - h), w };
        const values = [rect.x, rect.y, 1 - rect.x - w, 1 - rect.y - h].map((v) => round(Math.max(0, v)));
        input.value = values.join(',');
        show();
        if (announce) status.textContent = format(words.crop ?? '{0} {1} {2}', Math.round(rect.x * 100), Math.round(rect.y * 100), Math.round(w * 100));
      }

      const current = () => rect ?? read() ?? centred();
      const point = (event) => {
        const bounds = frame.getBoundingClientRect();
        return { x: (event.clientX - bounds.left) / bounds.width, y: (event.clientY - bounds.top) / bounds.height };
      };

      // Drag the rectangle to move it; drag on the image outside it to draw a new one from that corner.
      frame.addEventListener('pointerdown', (event) => {
        event.preventDefault();
        frame.setPointerCapture(event.pointerId);
        const start = point(event);
        const from = current();
        const moving = event.target === box;
        const move = (e) => {
          const p = point(e);
          if (moving) {
            set({ x: from.x + (p.x - start.x), y: from.y + (p.y - start.y), w: from.w }, false);
          } else {
            const w = Math.max(Math.abs(p.x - start.x), Math.abs(p.y - start.y) * (aspect * imageHeight) / imageWidth);
            set({ x: p.x < start.x ? start.x - w : start.x, y: p.y < start.y ? start.y - heightOf(w) : start.y, w }, false);
          }
        };
        const end = (e) => {
          frame.removeEventListener('pointermove', move);
          frame.removeEventListener('pointerup', end);
          frame.removeEventListener('pointercancel', end);
          move(e);
          set(current(), true);
          box.focus();
        };
        frame.addEventListener('pointermove', move);
        frame.addEventListener('pointerup', end);
        frame.addEventListener('pointercancel', end);
      });

      box.addEventListener('keydown', (event) => {
        const step = event.shiftKey ? 0.01 : 0.05;
        const r = current();
        const moves = { ArrowLeft: [-step, 0, 0], ArrowRight: [step, 0, 0], ArrowUp: [0, -step, 0], ArrowDown: [0, step, 0], '+': [0, 0, step], '=': [0, 0, step], '-': [0, 0, -step] };
        const move = moves[event.key];
        if (!move) return;
        event.preventDefault();
        // A new size keeps the rectangle's centre where it was.
        const w = r.w + move[2];
        set({ x: r.x + move[0] - (w - r.w) / 2, y: r.y + move[1] - (heightOf(w) - heightOf(r.w)) / 2, w }, true);
      });

      reset.addEventListener('click', () => {
        input.value = '';
        rect = null;
        show();
        status.textContent = words.cropReset ?? '';
      });

      input.addEventListener('input', () => {
        rect = null;
        show();
      });

      show();
    });
  });
})();
