// A small element builder for the back office's scripts: properties where the element has one (className, htmlFor,
// disabled…), attributes otherwise (aria-*, data-*); null, undefined and false leave a property out.
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(props).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'text') e.textContent = v;
    else if (k in e && k !== 'list') e[k] = v;
    else e.setAttribute(k, v);
  });
  children.flat().forEach((c) => c && e.append(c));
  return e;
}
