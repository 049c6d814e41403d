// Small DOM helpers shared by the pages: elements, paged tables, empty states, API errors, formatting.

/** el('div.card#id', {attr: v, onclick: fn}, ...children): an element; text children are escaped by the DOM. */
export function el(spec, attrs = {}, ...children) {
  const [, tag, rest] = spec.match(/^([a-z0-9-]+)(.*)$/i);
  const node = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) ?? []) {
    if (part[0] === '.') node.classList.add(part.slice(1)); else node.id = part.slice(1);
  }
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export const clear = (node, ...children) => { node.replaceChildren(...children.flat().filter(Boolean)); return node; };

/** An API error as the page shows it: the API's message and code. */
export function errorBox(error) {
  return el('div.error', { role: 'alert' },
    el('strong', {}, 'The API answered with an error: '), error.message,
    error.code ? el('code', {}, ` ${error.code}`) : null);
}

export const emptyState = (what) => el('p.empty', {}, what);

/**
 * A table that pages through rows (client side): columns are {label, value: row => string|Node, className?}.
 * onPick(row) makes each row selectable with the mouse and Enter/Space.
 */
export function pagedTable({ caption, columns, rows, empty, pageSize = 20, onPick, rowClass }) {
  const wrap = el('div.table-wrap');
  if (!rows.length) return clear(wrap, emptyState(empty));
  let page = 0;
  const pages = Math.ceil(rows.length / pageSize);
  const render = () => {
    const body = rows.slice(page * pageSize, (page + 1) * pageSize).map((row) => {
      const tr = el('tr', onPick ? {
        tabindex: 0, class: 'pickable', onclick: () => onPick(row),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(row); } },
      } : {}, columns.map((c) => el('td', c.className ? { class: c.className } : {}, c.value(row) ?? '—')));
      if (rowClass) { const cls = rowClass(row); if (cls) tr.classList.add(cls); }
      return tr;
    });
    const table = el('table', {},
      caption ? el('caption', {}, caption) : null,
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c.label)))),
      el('tbody', {}, body));
    const pager = pages > 1 ? el('div.pager', {},
      el('button', { type: 'button', disabled: page === 0, onclick: () => { page--; render(); } }, '‹ Previous'),
      el('span', {}, `page ${page + 1} of ${pages} (${rows.length} rows)`),
      el('button', { type: 'button', disabled: page >= pages - 1, onclick: () => { page++; render(); } }, 'Next ›')) : null;
    clear(wrap, table, pager);
  };
  render();
  return wrap;
}

/**
 * A table over an API listing that pages on the server: load(cursor) resolves to {rows, next} (next null on the last
 * page); Previous goes back through the cursors already seen. Only the shown page is fetched. wrap.ready settles when
 * the first page is drawn, rejected with the API's error (so the router handles it like any page's); later pages show
 * their errors in place.
 */
export function cursorTable({ caption, columns, empty, load, onPick, rowClass }) {
  const wrap = el('div.table-wrap', {}, loading());
  const seen = [null]; // cursors of the pages visited so far, seen[i] loads page i
  let page = 0;
  const show = async (first = false) => {
    let answer;
    try {
      answer = await load(seen[page]);
    } catch (e) {
      if (first) throw e;
      clear(wrap, errorBox(e));
      return;
    }
    if (answer.next && seen.length === page + 1) seen.push(answer.next);
    if (!answer.rows.length && page === 0) { clear(wrap, emptyState(empty)); return; }
    const table = pagedTable({ caption: caption(answer.rows, page), columns, rows: answer.rows, empty, pageSize: answer.rows.length || 1, onPick, rowClass });
    // a move disables both buttons until its page is drawn, so a second click cannot skip past the cursors seen
    const move = (delta) => { pager.querySelectorAll('button').forEach((b) => { b.disabled = true; }); page += delta; show(); };
    const pager = page > 0 || answer.next ? el('div.pager', {},
      el('button', { type: 'button', disabled: page === 0, onclick: () => move(-1) }, '‹ Previous'),
      el('span', {}, `page ${page + 1}${answer.next ? '' : ' (last)'}`),
      el('button', { type: 'button', disabled: !answer.next, onclick: () => move(1) }, 'Next ›')) : null;
    clear(wrap, table, pager);
  };
  wrap.ready = show(true);
  return wrap;
}

/** The page size a listing asks for: ?limit= in the page's hash (1 to 1000), else the page's default. */
export function pageSize(fallback) {
  const asked = Number(new URLSearchParams(location.hash.split('?')[1] ?? '').get('limit'));
  return Number.isInteger(asked) && asked >= 1 && asked <= 1000 ? asked : fallback;
}

/** A figure with a drawing and the same data as a table beside it. */
export function figureWithTable(title, drawing, table) {
  return el('figure.with-table', {}, el('figcaption', {}, title), el('div.drawing', {}, drawing), el('div.data', {}, table));
}

/** Unix seconds or milliseconds (the wire accepts both) to milliseconds. */
export const toMillis = (t) => (t < 1e12 ? t * 1000 : t);

export function fmtTime(value) {
  if (value === null || value === undefined || value === '') return '—';
  const d = typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function fmtAgo(value) {
  if (!value) return 'never';
  const seconds = Math.round((Date.now() - new Date(value).getTime()) / 1000);
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

export const fmtNum = (n, digits = 2) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Number(n).toFixed(digits));
export const short = (hex, n = 12) => (hex ? (hex.length > n ? `${hex.slice(0, n)}…` : hex) : '—');

/** A labelled form field. */
export function field(label, input) {
  if (!input.id) input.id = `f-${Math.random().toString(36).slice(2, 9)}`;
  return el('div.field', {}, el('label', { for: input.id }, label), input);
}

export function loading(what = 'Loading…') {
  return el('p.loading', { role: 'status' }, what);
}
