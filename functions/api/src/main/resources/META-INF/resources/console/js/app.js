// The console shell: sign-in with an operator key (session storage only) and a hash router over the pages.
import { api, session } from './api.js';
import { clear, el, errorBox, loading } from './ui.js';

const pages = {
  probes: () => import('./pages/probes.js'),
  paths: () => import('./pages/paths.js'),
  metrics: () => import('./pages/metrics.js'),
  devlog: () => import('./pages/devlog.js'),
  ledger: () => import('./pages/ledger.js'),
};

const $ = (id) => document.getElementById(id);

function showSignIn(message) {
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  clear($('page'));
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  $('operator-key').focus();
}

async function route() {
  if (!session.key()) return showSignIn();
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  const [name, ...args] = location.hash.replace(/^#\/?/, '').split('?')[0].split('/');
  const page = pages[name] ? name : 'probes';
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#/${page}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // each route renders into its own element: a slower earlier route that finishes late writes into a detached one
  const view = el('div', {}, loading());
  clear($('page'), view);
  const target = view;
  try {
    const module = await pages[page]();
    await module.render(target, args.map(decodeURIComponent));
    // first render measured in the browser (bench/console reads it with the Navigation timing)
    if (!performance.getEntriesByName('console:first-render').length) performance.mark('console:first-render');
  } catch (e) {
    if (e.status === 401) { session.signOut(); return showSignIn(`${e.message} (${e.code})`); }
    clear(target, errorBox(e));
  }
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = $('operator-key').value.trim();
  try {
    await api('GET', '/v1/probes', { key }); // the same check every page makes: is the key an operator's?
    session.signIn(key);
    $('operator-key').value = '';
    if (!location.hash) location.hash = '#/probes'; else route();
  } catch (e) {
    showSignIn(`Sign-in failed: ${e.message} (${e.code})`);
  }
});

$('sign-out').addEventListener('click', () => { session.signOut(); showSignIn(); });
window.addEventListener('hashchange', route);
route();
