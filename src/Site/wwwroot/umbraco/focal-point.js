// The focal point picker of the media screen: a click on the image, or the arrow keys on it (Shift: finer steps),
// puts the focal point there and fills in the two number fields, which are what the form sends (and all there is
// without this script).
(() => {
  const format = (template, ...args) => template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  const clamp = (n) => Math.min(1, Math.max(0, n));
  const round = (n) => Math.round(n * 100) / 100;

  document.querySelectorAll('[data-focal-picker]').forEach((picker) => {
    const words = JSON.parse(picker.dataset.focalPicker);
    const left = document.getElementById(picker.dataset.left);
    const top = document.getElementById(picker.dataset.top);
    const frame = picker.querySelector('.focal-frame');
    const marker = picker.querySelector('.focal-marker');
    if (!left || !top || !frame || !marker) return;
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    picker.append(status);

    const read = (input) => {
      const n = Number.parseFloat(input.value);
      return Number.isFinite(n) ? clamp(n) : 0.5;
    };

    function show() {
      marker.style.left = `${read(left) * 100}%`;
      marker.style.top = `${read(top) * 100}%`;
    }

    function set(x, y) {
      left.value = String(round(clamp(x)));
      top.value = String(round(clamp(y)));
      show();
      status.textContent = format(words.focal, Math.round(read(left) * 100), Math.round(read(top) * 100));
    }

    frame.addEventListener('click', (event) => {
      const box = frame.getBoundingClientRect();
      set((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    });

    frame.addEventListener('keydown', (event) => {
      const step = event.shiftKey ? 0.01 : 0.05;
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      set(read(left) + move[0], read(top) + move[1]);
    });

    left.addEventListener('input', show);
    top.addEventListener('input', show);
    picker.hidden = false;
    show();
  });
})();
