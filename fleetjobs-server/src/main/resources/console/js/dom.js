// Building the page from elements and text nodes only: data never becomes markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  return append(clear(el), children);
}

/** A date from epoch seconds, in the reader's own time zone. */
export function when(seconds) {
  if (seconds === undefined || seconds === null) return '—';
  const d = new Date(seconds * 1000);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, error && error.message ? error.message : String(error));
}

export function field(labelText, input, hint) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2));
  input.id = id;
  const problem = h('div', { class: 'problem', id: id + '-problem', 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', id + '-problem' + (hint ? ' ' + id + '-hint' : ''));
  return {
    el: h('div', { class: 'field' }, h('label', { for: id }, labelText), input, hint ? h('div', { class: 'hint', id: id + '-hint' }, hint) : null, problem),
    input,
    problem(text) {
      problem.textContent = text || '';
      input.setAttribute('aria-invalid', text ? 'true' : 'false');
    },
  };
}
