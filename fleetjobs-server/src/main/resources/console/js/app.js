// The console's shell: session, navigation by the address's hash, one page at a time.
import { h, replace, errorBox } from './dom.js';
import { session, useSession } from './api.js';
import { renderSignIn } from './pages/signin.js';
import { renderOverview } from './pages/overview.js';
import { renderJobs } from './pages/jobs.js';
import { renderJob } from './pages/job.js';
import { renderNewJob } from './pages/newjob.js';
import { renderThings, renderThing, renderGroup } from './pages/things.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let current = null;
let signedIn = null;

const ROUTES = [
  [/^\/?$/, 'overview', () => renderOverview],
  [/^\/jobs$/, 'jobs', () => renderJobs],
  [/^\/jobs\/([^/]+)$/, 'jobs', () => renderJob],
  [/^\/new-job$/, 'new-job', () => renderNewJob],
  [/^\/things$/, 'things', () => renderThings],
  [/^\/things\/([^/]+)$/, 'things', () => renderThing],
  [/^\/groups\/([^/]+)$/, 'things', () => renderGroup],
];

/** A page's life: its timers stop when it is left. */
class PageContext {
  constructor() {
    this.timers = [];
    this.alive = true;
  }

  /** Runs fn now and then every ms while the page is shown and the tab visible; a failure is shown and retried. */
  poll(fn, ms) {
    const tick = async () => {
      if (!this.alive) return;
      if (!document.hidden) {
        try {
          await fn();
        } catch (e) {
          if (e && e.status === 401) return;
          console.warn('refresh failed', e);
        }
      }
      if (this.alive) this.timers.push(setTimeout(tick, ms));
    };
    tick();
  }

  stop() {
    this.alive = false;
    this.timers.forEach(clearTimeout);
  }
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search] = raw.split('?');
  return { path, params: new URLSearchParams(search || '') };
}

async function show() {
  if (current) current.stop();
  current = new PageContext();
  if (!signedIn) {
    nav.hidden = true;
    who.hidden = true;
    renderSignIn(main, async (s) => {
      await started(s);
    });
    return;
  }
  const { path, params } = parseHash();
  for (const [pattern, section, page] of ROUTES) {
    const match = path.match(pattern);
    if (!match) continue;
    for (const link of nav.querySelectorAll('a')) {
      if (link.dataset.nav === section) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    }
    replace(main);
    try {
      await page()(main, { id: match[1] ? decodeURIComponent(match[1]) : null, params }, current);
    } catch (e) {
      replace(main, errorBox(e));
    }
    return;
  }
  replace(main, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the overview')));
}

async function started(s) {
  signedIn = s;
  useSession(s);
  document.getElementById('who-name').textContent = s.accessKeyId + ' (' + s.role + ')';
  nav.hidden = false;
  who.hidden = false;
  await show();
  main.focus();
}

function signedOut() {
  signedIn = null;
  useSession(null);
  show();
}

document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await session.signOut();
  } finally {
    signedOut();
  }
});
window.addEventListener('fleetjobs:signed-out', signedOut);
window.addEventListener('hashchange', () => show().then(() => main.focus()));

(async () => {
  try {
    await started(await session.current());
  } catch (e) {
    signedOut();
  }
})();
