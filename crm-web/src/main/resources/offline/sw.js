// The service worker of the installable app (issue 23). Served by OfflineController at /sw.js,
// with VERSION filled in (a hash of this script and of the static files): a new build installs a
// new worker, which drops the old static cache. What it does:
//  - static files (css, js, webjars, icons): cache-first under VERSION;
//  - field pages (My day, a customer's page, the log form, the outbox): network-first; a page
//    fetched while online is kept, under the signed-in user, for when there is no connection;
//  - every other page: network only, with a page saying "offline" when there is none;
//  - never kept: POSTs (they go to the network untouched: forms, check-in, uploads), scripts'
//    fetches (JSON, the outbox), exports, admin pages, error pages, redirects, anonymous pages.
// Pages are kept per user: a page carries its user's marker (Crm-User header); a page of another
// user, signing out or the sign-in page forget every kept page, so the next user never sees one.
// The app has no context path: URLs here are root-relative.
'use strict';

importScripts('/js/outbox.js');

const VERSION = '@VERSION@';
const STATIC_CACHE = 'crm-static-' + VERSION;
const PAGES_PREFIX = 'crm-pages-';
const META_CACHE = 'crm-meta';
const USER_KEY = '/__crm/current-user';
const OFFLINE_PAGE = '/offline';
// the most pages kept per user; the least recently fetched go first
const MAX_PAGES = 200;
const USER_HEADER = 'Crm-User';

const STATIC_PATHS = [/^\/css\//, /^\/js\//, /^\/webjars\//, /^\/icons\//, /^\/favicon\.svg$/];
// check in and out are buttons on the customer's page (kept); their posts need a connection
const FIELD_PAGES = [/^\/my-day(\/.*)?$/, /^\/customers\/\d+$/, /^\/customers\/\d+\/logs\/new$/,
  /^\/customers\/\d+\/location$/, /^\/log-contact$/, /^\/outbox$/];
const LOG_FORM = /^\/customers\/(\d+)\/logs\/new$/;
const CUSTOMER_PAGE = /^\/customers\/(\d+)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(STATIC_CACHE);
    // without cookies: the "offline" page is the same for everyone and names nobody (not there: no
    // install, and the browser tries again on a later page)
    await cache.add(new Request(OFFLINE_PAGE, { credentials: 'omit' }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('crm-static-') && name !== STATIC_CACHE) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method !== 'GET') {
    if (url.pathname === '/logout') {
      event.waitUntil(forget());
    }
    return;
  }
  if (STATIC_PATHS.some((path) => path.test(url.pathname))) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode !== 'navigate') {
    return;
  }
  if (url.pathname === '/login') {
    // signed out, or the session ended: whoever signs in next starts with nothing kept
    event.waitUntil(forget());
    return;
  }
  if (FIELD_PAGES.some((page) => page.test(url.pathname))) {
    event.respondWith(networkFirst(event, request, url));
  } else {
    event.respondWith(fetch(request).catch(() => offlinePage()));
  }
});

self.addEventListener('message', (event) => {
  const message = event.data || {};
  if (message.type === 'signed-out') {
    event.waitUntil(forget());
  } else if (message.type === 'keep-page' && typeof message.url === 'string') {
    // the page open when this worker took over came from the network past it: fetched once more to keep
    const url = new URL(message.url);
    if (url.origin === self.location.origin && FIELD_PAGES.some((page) => page.test(url.pathname))) {
      event.waitUntil(keepFetched(url));
    }
  } else if (message.type === 'keep-assets' && Array.isArray(message.urls)) {
    // the first page loaded before this worker controlled it: its assets are fetched once more here
    event.waitUntil(keepAssets(message.urls));
  }
});

// Background Sync (where the browser has it): the outbox is sent when the connection returns,
// even with the app closed. The pages also send it (page load, "online", every 30 s).
self.addEventListener('sync', (event) => {
  if (event.tag === 'crm-outbox') {
    event.waitUntil(self.CrmOutbox.flush());
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const kept = await cache.match(request);
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    await cache.put(request, response.clone());
  }
  return response;
}

async function keepAssets(urls) {
  const cache = await caches.open(STATIC_CACHE);
  for (const href of urls) {
    const url = new URL(href, self.location.origin);
    if (url.origin === self.location.origin && STATIC_PATHS.some((path) => path.test(url.pathname))
        && !(await cache.match(url.href))) {
      try {
        const response = await fetch(url.href);
        if (response.ok) {
          await cache.put(url.href, response);
        }
      } catch (offline) {
        return;
      }
    }
  }
}

async function networkFirst(event, request, url) {
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    return (await keptPage(url)) || offlinePage();
  }
  event.waitUntil((async () => {
    if (await keep(url, response.clone())) {
      const customer = CUSTOMER_PAGE.exec(url.pathname);
      if (customer) {
        // a customer's page opened online makes its log form available offline as well
        await keepFetched(new URL('/customers/' + customer[1] + '/logs/new', url));
      }
    }
  })());
  return response;
}

async function keepFetched(url) {
  try {
    await keep(url, await fetch(url.href, { credentials: 'same-origin', redirect: 'manual' }));
  } catch (offline) {
    // nothing kept; the form opens offline only once opened online
  }
}

/**
 * Keeps a field page for offline use: only a whole page (200, HTML, not a redirect) of a
 * signed-in user. A page of another user than the one kept so far forgets that user's pages.
 * Returns whether the page was kept.
 */
function keep(url, response) {
  // one at a time: two pages arriving together for a new user would each forget the pages kept
  // so far, and the later forgetting could drop the page the earlier one had just kept
  const kept = keeping.then(() => keepNow(url, response));
  keeping = kept.catch(() => false);
  return kept;
}

let keeping = Promise.resolve(false);

/**
 * Forgets the kept pages in turn with keeping them: run beside them, a forgetting started by the
 * sign-in page could finish after the first page of the new session was kept, and take it along.
 */
function forget() {
  const forgotten = keeping.then(() => forgetPages());
  keeping = forgotten.then(() => false, () => false);
  return forgotten;
}

async function keepNow(url, response) {
  const user = response.headers.get(USER_HEADER);
  const type = response.headers.get('Content-Type') || '';
  if (response.status !== 200 || response.type !== 'basic' || response.redirected || !user
      || !type.startsWith('text/html')) {
    return false;
  }
  if ((await currentUser()) !== user) {
    await forgetPages();
    await setCurrentUser(user);
  }
  // the time it was kept travels with it: the page says how old it is, the log form moves its time on
  const headers = new Headers(response.headers);
  headers.set('Crm-Kept-At', String(Date.now()));
  const body = await response.blob();
  // signed out while the page was on its way: it is not kept
  if ((await currentUser()) !== user) {
    return false;
  }
  const cache = await caches.open(PAGES_PREFIX + user);
  await cache.put(pageKey(url), new Response(body, { status: 200, statusText: 'OK', headers }));
  const kept = await cache.keys(); // in the order they were put
  for (const old of kept.slice(0, Math.max(0, kept.length - MAX_PAGES))) {
    await cache.delete(old);
  }
  return true;
}

/** The kept page for this URL, of the user signed in when it was kept, marked as coming from the phone. */
async function keptPage(url) {
  const user = await currentUser();
  if (!user) {
    return null;
  }
  const cache = await caches.open(PAGES_PREFIX + user);
  let kept = await cache.match(pageKey(url), { ignoreVary: true });
  if (!kept && LOG_FORM.test(url.pathname)) {
    // opened from My day (?back=my-day) but kept from the customer's page: the same form
    kept = await cache.match(pageKey(url), { ignoreVary: true, ignoreSearch: true });
  }
  if (!kept || kept.headers.get(USER_HEADER) !== user) {
    return null;
  }
  const html = (await kept.text()).replace(/(<meta name="crm-page-source" content=")network(")/,
      '$1kept:' + (kept.headers.get('Crm-Kept-At') || '0') + '$2');
  const headers = new Headers(kept.headers);
  headers.delete('Content-Length');
  return new Response(html, { status: 200, statusText: 'OK', headers });
}

async function offlinePage() {
  const cache = await caches.open(STATIC_CACHE);
  return (await cache.match(OFFLINE_PAGE))
      || new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } });
}

function pageKey(url) {
  return url.origin + url.pathname + url.search;
}

async function currentUser() {
  const kept = await (await caches.open(META_CACHE)).match(USER_KEY);
  return kept ? kept.text() : null;
}

async function setCurrentUser(user) {
  await (await caches.open(META_CACHE)).put(USER_KEY, new Response(user));
}

async function forgetPages() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGES_PREFIX)) {
      await caches.delete(name);
    }
  }
  await (await caches.open(META_CACHE)).delete(USER_KEY);
}
